import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { createBackend } from '../../main/backend/index.ts';
import { databasePath } from '../../main/dataDir.ts';
import { serializeClub } from '../../solver/clubFile.ts';
import { syntheticClub } from '../../bench/syntheticClub.ts';
import { FIXED_NOW, hashOf, inspectDatabase, STRESS, tempDataDir } from './fixtures/database.ts';

/**
 * SIGKILL during publish, import and restore. Each kill runs the operation once in a child process on a
 * fresh copy of a prepared data folder and kills it after a delay spread over the operation's measured
 * duration. Afterwards the database must pass integrity_check and hold exactly the old state or exactly
 * the new one (every table compared with the state before and after a run that was not killed).
 */

const KILLS_PER_OPERATION = STRESS ? 150 : 20;
const CHILD_SOURCE = fileURLToPath(new URL('./fixtures/crashChild.ts', import.meta.url));
// The child is bundled once (packages stay external, resolved from the repository's node_modules), so each
// of the many short-lived processes starts without compiling TypeScript: same code, a second less per kill.
const CHILD_DIR = fileURLToPath(new URL('../../node_modules/.cache/rostermeister-hardening/', import.meta.url));
const CHILD = join(CHILD_DIR, 'crashChild.mjs');
const DEMO_CLUB = fileURLToPath(new URL('../../assets/demo-club.json', import.meta.url));

const work = tempDataDir('crash');
after(() => work.remove());
before(async () => {
  mkdirSync(CHILD_DIR, { recursive: true });
  await build({
    entryPoints: [CHILD_SOURCE],
    outfile: CHILD,
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
  });
});
let copies = 0;

type Operation = 'publish' | 'import' | 'restore';

interface Prepared {
  template: string;
  target: string;
}

const now = () => FIXED_NOW;

async function preparePublish(): Promise<Prepared> {
  const template = join(work.dir, 'publish-template');
  const backend = await createBackend({ dataDir: template, now });
  // Twelve months over the demo club's published October and November: publish replaces those days.
  const draft = await backend.generateDraft({ year: 2026, month: 3, months: 12 });
  await backend.close();
  return { template, target: String(draft.id) };
}

async function prepareImport(): Promise<Prepared> {
  const template = join(work.dir, 'import-template');
  const backend = await createBackend({ dataDir: template, now });
  await backend.close();
  const file = join(work.dir, 'big-club.json');
  writeFileSync(file, JSON.stringify(serializeClub(syntheticClub({ members: 1000, roles: 6, seed: 5 }))));
  return { template, target: file };
}

async function prepareRestore(): Promise<Prepared> {
  const template = join(work.dir, 'restore-template');
  const backend = await createBackend({ dataDir: template, now });
  await backend.importClub(JSON.stringify(serializeClub(syntheticClub({ members: 1000, roles: 6, seed: 9 }))));
  const backup = await backend.createBackup();
  await backend.importClub(readFileSync(DEMO_CLUB, 'utf8'));
  const draft = await backend.generateDraft({ year: 2026, month: 4, months: 3 });
  await backend.publishDraft(draft.id);
  await backend.close();
  return { template, target: backup.name };
}

interface ChildRun {
  /** ms from "ready" to "done" (null when killed first). */
  duration: number | null;
  killed: boolean;
  sawDone: boolean;
}

/** Runs the operation in a child on `dataDir`; with `killAfterMs` it is SIGKILLed that long after "ready". */
function runChild(dataDir: string, operation: Operation, target: string, killAfterMs: number | null): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, dataDir, operation, target], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let readyAt = 0;
    let duration: number | null = null;
    let killed = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      if (readyAt === 0 && out.includes('ready\n')) {
        readyAt = performance.now();
        if (killAfterMs !== null) {
          setTimeout(() => {
            killed = child.kill('SIGKILL');
          }, killAfterMs);
        }
      }
      if (duration === null && out.includes('done\n')) duration = performance.now() - readyAt;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (signal !== 'SIGKILL' && code !== 0) reject(new Error(`child ${operation} exited with ${code}: ${err}`));
      else resolve({ duration, killed: killed && signal === 'SIGKILL', sawDone: out.includes('done\n') });
    });
  });
}

function freshCopy(template: string): string {
  const dir = join(work.dir, `run-${++copies}`);
  cpSync(template, dir, { recursive: true });
  return dir;
}

/** The state after the operation ran to completion, and how long it took (median of two clean runs). */
async function calibrate(op: Operation, prepared: Prepared): Promise<{ newState: string; durationMs: number }> {
  const states: string[] = [];
  const durations: number[] = [];
  for (let i = 0; i < 2; i++) {
    const dir = freshCopy(prepared.template);
    const run = await runChild(dir, op, prepared.target, null);
    durations.push(run.duration ?? 0);
    const { integrity, dump } = inspectDatabase(databasePath(dir));
    assert.equal(integrity, 'ok');
    states.push(hashOf(dump));
  }
  assert.equal(states[0], states[1], `${op} must be deterministic for this test to compare states`);
  return { newState: states[0], durationMs: Math.max(...durations) };
}

async function killRepeatedly(op: Operation, prepare: () => Promise<Prepared>): Promise<string> {
  const prepared = await prepare();
  const oldState = hashOf(inspectDatabase(databasePath(prepared.template)).dump);
  const { newState, durationMs } = await calibrate(op, prepared);
  assert.notEqual(oldState, newState, `${op} must change the database`);

  // Delays stratified over 0 .. 2 x the duration of a clean run (the machine is noisy), so kills land early, midway, late and after.
  const window = Math.max(5, durationMs * 2);
  const outcome = { old: 0, new: 0, killedBeforeDone: 0, finishedFirst: 0 };
  for (let i = 0; i < KILLS_PER_OPERATION; i++) {
    const delay = ((i + Math.random()) / KILLS_PER_OPERATION) * window;
    const dir = freshCopy(prepared.template);
    const run = await runChild(dir, op, prepared.target, delay);
    if (run.killed && !run.sawDone) outcome.killedBeforeDone++;
    else outcome.finishedFirst++;
    const file = databasePath(dir);
    assert.ok(existsSync(file), `${op} killed after ${delay.toFixed(1)} ms left no database file`);
    const { integrity, dump } = inspectDatabase(file);
    assert.equal(integrity, 'ok', `${op} killed after ${delay.toFixed(1)} ms: integrity_check said ${integrity}`);
    const state = hashOf(dump);
    assert.ok(
      state === oldState || state === newState,
      `${op} killed after ${delay.toFixed(1)} ms left a state that is neither the old nor the new one`,
    );
    if (state === oldState) outcome.old++;
    else outcome.new++;
  }
  return (
    `${op}: ${KILLS_PER_OPERATION} SIGKILLs over 0-${window.toFixed(0)} ms (clean run ${durationMs.toFixed(0)} ms); ` +
    `${outcome.killedBeforeDone} before the operation returned; afterwards old state ${outcome.old}, new state ${outcome.new}, integrity ok in all`
  );
}

describe('crash safety: SIGKILL at many points', () => {
  for (const [op, prepare] of [
    ['publish', preparePublish],
    ['import', prepareImport],
    ['restore', prepareRestore],
  ] as const) {
    it(`${op} leaves the old or the new state, never a mix`, async (t) => {
      const line = await killRepeatedly(op, prepare);
      t.diagnostic(line);
      console.log(`Crash safety: ${line}`);
    });
  }
});
