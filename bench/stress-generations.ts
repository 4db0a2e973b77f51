import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createBackend } from '../main/backend/index.ts';
import { generateRoster } from '../main/scheduler/generate.ts';
import { closeOptimizerWorkers } from '../main/scheduler/workerClient.ts';
import { poolStats } from '../main/scheduler/workerPool.ts';
import { parseClubFile } from '../solver/clubFile.ts';
import { monthRange } from '../solver/dates.ts';
import { buildProblem } from '../solver/problem.ts';
import { syntheticClub } from './syntheticClub.ts';

/**
 * `node --import tsx bench/stress-generations.ts`: the load that used to start a worker per optimizer run.
 * 1. Shadow mode on: 200 draft generations through the real backend, each starting a shadow optimizer run.
 * 2. 200 optimizer generations asked for at once (generateRoster, as a script or second host would).
 * 3. A hung optimizer with a 10 s limit: how long the user waits for the (fallback) roster.
 * 4. The legacy scheduler on 10,000 members x 12 months: the longest the host's event loop stalls.
 * Each scenario samples the process (threads from /proc, RSS every 20 ms) and prints one table row.
 * Nothing here asserts; the figures go in the report.
 */

const GENERATIONS = Number(process.env.STRESS_GENERATIONS ?? 200);
const DEMO_CLUB = new URL('../assets/demo-club.json', import.meta.url);

interface Row {
  scenario: string;
  seconds: number;
  peakRssMb: number;
  peakThreads: number;
  maxLoopStallMs: number;
  workersStarted: number;
  outcome: string;
}

function threads(): number {
  const status = readFileSync('/proc/self/status', 'utf8');
  return Number(/^Threads:\s+(\d+)/m.exec(status)?.[1] ?? NaN);
}

async function measured(scenario: string, work: () => Promise<string>): Promise<Row> {
  await closeOptimizerWorkers();
  global.gc?.();
  let peakRss = process.memoryUsage().rss;
  let peakThreads = threads();
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    peakThreads = Math.max(peakThreads, threads());
  }, 20);
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const startedWorkers = poolStats().started;
  const started = performance.now();
  const outcome = await work();
  const seconds = (performance.now() - started) / 1000;
  loop.disable();
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const row = {
    scenario,
    seconds,
    peakRssMb: peakRss / 2 ** 20,
    peakThreads,
    maxLoopStallMs: loop.max / 1e6,
    workersStarted: poolStats().started - startedWorkers,
    outcome,
  };
  process.stderr.write(`${scenario}: ${seconds.toFixed(1)} s, ${row.peakRssMb.toFixed(0)} MB, ${peakThreads} threads\n`);
  return row;
}

async function shadowGenerations(): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'rm-stress-'));
  const backend = await createBackend({ dataDir });
  try {
    await backend.updateSettings({ scheduler: 'legacy', monthOverrides: {}, shadowMode: true, timeLimitSeconds: 10 });
    for (let i = 0; i < GENERATIONS; i++) {
      await backend.generateDraft({ year: 2027 + Math.floor(i / 12), month: (i % 12) + 1 });
    }
    await backend.settled();
    const runs = await backend.listRuns(1000);
    const shadow = runs.filter((r) => r.requestedScheduler === 'optimizer');
    const refused = shadow.filter((r) => r.error?.startsWith('busy')).length;
    return `${GENERATIONS} drafts; shadow runs: ${shadow.length - refused} done, ${refused} refused busy`;
  } finally {
    await backend.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function concurrentOptimizer(): Promise<string> {
  const club = parseClubFile(readFileSync(DEMO_CLUB, 'utf8'));
  const outcomes = await Promise.allSettled(
    Array.from({ length: GENERATIONS }, (_, i) =>
      generateRoster(buildProblem(club, monthRange(2027 + Math.floor(i / 12), (i % 12) + 1)), {
        scheduler: 'optimizer',
        timeLimitMs: 10_000,
        seed: i,
      }),
    ),
  );
  const count = (predicate: (o: PromiseSettledResult<Awaited<ReturnType<typeof generateRoster>>>) => boolean) =>
    outcomes.filter(predicate).length;
  const optimizer = count((o) => o.status === 'fulfilled' && o.value.scheduler === 'optimizer');
  const fallback = count((o) => o.status === 'fulfilled' && o.value.fallback !== null);
  const busy = count((o) => o.status === 'rejected' && /busy/.test(String(o.reason)));
  return `optimizer ${optimizer}, legacy fallback ${fallback}, refused busy ${busy}`;
}

async function hungOptimizer(): Promise<string> {
  const club = parseClubFile(readFileSync(DEMO_CLUB, 'utf8'));
  const doc = await generateRoster(buildProblem(club, monthRange(2027, 6)), {
    scheduler: 'optimizer',
    timeLimitMs: 10_000,
    fault: 'hang',
    seed: 1,
  });
  return `limit 10 s; got ${doc.scheduler} (${doc.fallback?.reason ?? 'no fallback'})`;
}

const range = { start: '2026-01-01', end: '2026-12-31' };
const bigProblem = buildProblem(syntheticClub({ members: 10_000, roles: 4, seed: 1, range }), range);

async function bigLegacy(): Promise<string> {
  const problem = bigProblem;
  const doc = await generateRoster(problem, { scheduler: 'legacy', seed: 1 });
  return `10,000 members x 12 months; ${doc.metrics.filled_slots}/${doc.metrics.total_slots} filled`;
}

const rows: Row[] = [];
rows.push(await measured(`shadow mode: ${GENERATIONS} draft generations`, shadowGenerations));
rows.push(await measured(`${GENERATIONS} optimizer generations at once`, concurrentOptimizer));
rows.push(await measured('hung optimizer, 10 s limit', hungOptimizer));
rows.push(await measured('legacy, 10,000 members x 12 months', bigLegacy));
await closeOptimizerWorkers();

const table = [
  `Node ${process.version}, ${cpus().length} cores. Peak RSS and threads of the whole process (workers included), sampled every 20 ms.`,
  '',
  '| scenario | wall s | peak RSS MB | peak threads | max event-loop stall ms | workers started | outcome |',
  '|---|--:|--:|--:|--:|--:|---|',
  ...rows.map(
    (r) =>
      `| ${r.scenario} | ${r.seconds.toFixed(1)} | ${r.peakRssMb.toFixed(0)} | ${r.peakThreads} | ${r.maxLoopStallMs.toFixed(0)} | ${r.workersStarted} | ${r.outcome} |`,
  ),
];
process.stdout.write(`${table.join('\n')}\n`);
