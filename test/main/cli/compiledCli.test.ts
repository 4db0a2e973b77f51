import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';

/**
 * bin/rostermeister.mjs runs the compiled CLI only while it matches the sources. A scratch copy of the package
 * (sources copied, node_modules linked) is built with the real scripts/build.mjs; a line appended to the bundle
 * tells which of the two ran.
 */

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'rostermeister-compiled-cli-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

const MARK = 'ran the compiled command line';

function copyPackage(): void {
  for (const part of ['bin', 'main', 'solver', 'assets', 'scripts', 'package.json'])
    cpSync(join(repo, part), join(scratch, part), { recursive: true });
  symlinkSync(join(repo, 'node_modules'), join(scratch, 'node_modules'));
}

function run(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(scratch, 'bin', 'rostermeister.mjs'), ...args],
      { cwd: scratch, env: { ...process.env, ...env } },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
      },
    );
  });
}

function build(): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [join(scratch, 'scripts', 'build.mjs'), '--prepare'], { cwd: scratch }, (error, _stdout, stderr) =>
      error ? reject(new Error(stderr)) : resolve(),
    );
  });
}

const markBundle = () =>
  appendFileSync(join(scratch, 'dist', 'cli', 'main.mjs'), `\nprocess.stderr.write(${JSON.stringify(MARK + '\n')});\n`);
const validate = ['validate', '--club', 'assets/demo-club.json'];

describe('the compiled command line', () => {
  before(async () => {
    copyPackage();
    await build();
    markBundle();
  });

  it('runs when it is current, and prints what the sources print', async () => {
    const compiled = await run(validate);
    assert.equal(compiled.code, 0, compiled.stderr);
    assert.match(compiled.stderr, new RegExp(MARK));
    const fromSource = await run(validate, { ROSTERMEISTER_FROM_SOURCE: '1' });
    assert.equal(fromSource.code, 0, fromSource.stderr);
    assert.doesNotMatch(fromSource.stderr, new RegExp(MARK));
    assert.equal(compiled.stdout, fromSource.stdout);
  });

  it('runs the optimizer in its compiled worker', async () => {
    const result = await run(['propose', '--year', '2026', '--month', '6', '--scheduler', 'optimizer', '--json']);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, new RegExp(MARK));
    const roster = JSON.parse(result.stdout) as { scheduler: string; fallback: unknown; assignments: unknown[] };
    assert.equal(roster.scheduler, 'optimizer');
    assert.equal(roster.fallback, null, 'the worker answered; no fallback to legacy');
    assert.ok(roster.assignments.length > 0);
  });

  it('keeps user errors one sentence with exit code 2', async () => {
    const result = await run(['propose', '--year', '2026', '--month', '13']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, new RegExp(MARK));
    assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
  });

  it('steps aside for the sources when one of them was edited after the build, until the next build', async () => {
    appendFileSync(join(scratch, 'solver', 'legacy.ts'), '\n// edited after the build\n');
    const stale = await run(validate);
    assert.equal(stale.code, 0, stale.stderr);
    assert.doesNotMatch(stale.stderr, new RegExp(MARK));

    await build();
    markBundle();
    assert.match((await run(validate)).stderr, new RegExp(MARK));
  });

  it('steps aside when a source file it was built from is gone, or the bundle is missing', async () => {
    rmSync(join(scratch, 'main', 'export', 'pdf.ts'));
    const gone = await run(['--help']);
    // The sources cannot load without pdf.ts: the error proves bin went to them and not to the stale bundle.
    assert.notEqual(gone.code, 0);
    assert.doesNotMatch(gone.stderr, new RegExp(MARK));
    cpSync(join(repo, 'main', 'export', 'pdf.ts'), join(scratch, 'main', 'export', 'pdf.ts'));

    rmSync(join(scratch, 'dist'), { recursive: true, force: true });
    const missing = await run(validate);
    assert.equal(missing.code, 0, missing.stderr);
    assert.match(missing.stdout, /is a valid club file/);
  });
});
