import assert from 'node:assert/strict';
import { after, beforeEach, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { syntheticClub } from '../../../bench/syntheticClub.ts';
import {
  closeOptimizerWorkers,
  GenerationCancelledError,
  OptimizerWorkerError,
  PoolBusyError,
  runLegacyInWorker,
  runOptimizerInWorker,
} from '../../../main/scheduler/workerClient.ts';
import { MAX_QUEUED, POOL_SIZE, poolStats } from '../../../main/scheduler/workerPool.ts';
import { monthRange } from '../../../solver/dates.ts';
import { runLegacy } from '../../../solver/legacy.ts';
import { buildProblem } from '../../../solver/problem.ts';
import { validateRoster } from '../../../solver/validate.ts';

/** The shared scheduler pool, with real workers running real GLPK and the real legacy scheduler. */

const club = syntheticClub({ members: 24, roles: 4, seed: 7 });
const may = buildProblem(club, monthRange(2026, 5));
/** Generous: these runs are about order and bounds, not speed (the machine is shared). */
const LIMIT_MS = 60_000;

/** A run that holds a worker until `controller` aborts it. */
function hold(priority: 'foreground' | 'background') {
  const controller = new AbortController();
  const done = runOptimizerInWorker(may, { timeLimitMs: 600_000, fault: 'hang', priority, signal: controller.signal }).catch(
    (error: unknown) => error,
  );
  return { release: () => controller.abort(), done };
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await sleep(20);
}

describe('the scheduler worker pool', () => {
  beforeEach(() => closeOptimizerWorkers());
  after(() => closeOptimizerWorkers());

  it('serves many runs at once with at most POOL_SIZE workers', async () => {
    const before = poolStats().started;
    const runs = [
      ...Array.from({ length: 6 }, () => runOptimizerInWorker(may, { timeLimitMs: 120_000 }).then((r) => r.assignments)),
      ...Array.from({ length: 6 }, (_, seed) => runLegacyInWorker(may, seed, { priority: 'background' })),
    ];
    for (const assignments of await Promise.all(runs)) assert.deepEqual(validateRoster(may, assignments), []);
    assert.ok(poolStats().peakWorkers <= POOL_SIZE, `peak ${poolStats().peakWorkers} workers`);
    assert.ok(poolStats().started - before <= POOL_SIZE, `${poolStats().started - before} workers started for 12 runs`);
  });

  it('refuses work as busy once the queue is full, and cancels queued work', async () => {
    const held = Array.from({ length: POOL_SIZE }, () => hold('foreground'));
    await until(() => poolStats().workers === POOL_SIZE);
    const controller = new AbortController();
    const queued = Array.from({ length: MAX_QUEUED }, (_, seed) =>
      runLegacyInWorker(may, seed, { signal: controller.signal }).catch((error: unknown) => error),
    );
    assert.equal(poolStats().queued, MAX_QUEUED);
    await assert.rejects(runLegacyInWorker(may, 1), PoolBusyError);
    await assert.rejects(runOptimizerInWorker(may, { timeLimitMs: LIMIT_MS }), /^PoolBusyError: busy/);
    controller.abort();
    for (const outcome of await Promise.all(queued)) assert.ok(outcome instanceof GenerationCancelledError);
    assert.equal(poolStats().queued, 0);
    held.forEach((h) => h.release());
    for (const outcome of await Promise.all(held.map((h) => h.done))) assert.ok(outcome instanceof GenerationCancelledError);
  });

  it('keeps a worker and queue room for the foreground while background work waits', async () => {
    const shadow = hold('background');
    await until(() => poolStats().workers === 1);
    const waiting = Array.from({ length: MAX_QUEUED }, (_, seed) => runLegacyInWorker(may, seed, { priority: 'background' }));
    try {
      assert.equal(poolStats().queued, MAX_QUEUED);
      await assert.rejects(runLegacyInWorker(may, 1, { priority: 'background' }), PoolBusyError);
      const foreground = await runOptimizerInWorker(may, { timeLimitMs: LIMIT_MS });
      assert.deepEqual(validateRoster(may, foreground.assignments), []);
      assert.equal(poolStats().queued, MAX_QUEUED, 'the background runs are still waiting');
    } finally {
      shadow.release();
    }
    assert.deepEqual(await waiting[3], runLegacy(may, 3));
    await Promise.all(waiting);
  });

  it("counts a foreground run's wait for a worker against its limit", async () => {
    const held = Array.from({ length: POOL_SIZE }, () => hold('foreground'));
    await until(() => poolStats().workers === POOL_SIZE);
    await assert.rejects(
      runOptimizerInWorker(may, { timeLimitMs: 300 }),
      (error: unknown) =>
        error instanceof OptimizerWorkerError && error.kind === 'timeout' && error.message === 'optimizer gave no answer within 0.3 s',
    );
    held.forEach((h) => h.release());
    await Promise.all(held.map((h) => h.done));
  });

  it("starts a background run's limit when a worker takes it", async () => {
    const shadow = hold('background');
    await until(() => poolStats().workers === 1);
    const queued = runOptimizerInWorker(may, { timeLimitMs: 4000, priority: 'background' });
    await sleep(4500);
    shadow.release();
    const result = await queued;
    assert.deepEqual(validateRoster(may, result.assignments), []);
  });

  it('runs the legacy scheduler off the main thread, with the same roster as in-process', async () => {
    const big = buildProblem(syntheticClub({ members: 1500, roles: 4, seed: 3, range: { start: '2026-01-01', end: '2026-12-31' } }), {
      start: '2026-01-01',
      end: '2026-12-31',
    });
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const before = ticks;
    const inWorker = await runLegacyInWorker(big, 9);
    clearInterval(timer);
    assert.ok(ticks > before, 'the event loop ran while the legacy scheduler worked');
    assert.deepEqual(inWorker, runLegacy(big, 9));
  });
});
