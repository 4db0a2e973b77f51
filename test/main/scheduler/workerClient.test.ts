import assert from 'node:assert/strict';
import { after, beforeEach, describe, it } from 'node:test';
import { syntheticClub } from '../../../bench/syntheticClub.ts';
import {
  closeOptimizerWorkers,
  GenerationCancelledError,
  OptimizerWorkerError,
  optimizerWorkersStarted,
  prewarmOptimizerWorker,
  runOptimizerInWorker,
} from '../../../main/scheduler/workerClient.ts';
import { POOL_SIZE, poolStats } from '../../../main/scheduler/workerPool.ts';
import { monthRange } from '../../../solver/dates.ts';
import { buildProblem } from '../../../solver/problem.ts';
import type { Member, SchedulingProblem } from '../../../solver/types.ts';
import { validateRoster } from '../../../solver/validate.ts';

const club = syntheticClub({ members: 24, roles: 4, seed: 7 });
const may = buildProblem(club, monthRange(2026, 5));
const june = buildProblem(club, monthRange(2026, 6));
/** Makes the solve itself throw inside the worker, which then answers with a clean error reply. */
const broken: SchedulingProblem = { ...may, club: { ...club, members: undefined as unknown as Member[] } };
/** Generous: the worker's start (registering tsx, from source) counts against the limit, and the machine is shared. */
const LIMIT_MS = 30_000;

async function assertSolves(problem: SchedulingProblem): Promise<void> {
  const result = await runOptimizerInWorker(problem, { timeLimitMs: LIMIT_MS });
  assert.ok(result.status === 'optimal' || result.status === 'feasible', `status ${result.status}`);
  assert.ok(result.assignments.length > 0);
  assert.ok(
    result.assignments.every((a) => problem.dutyDays.includes(a.date)),
    'the roster is for this problem',
  );
  assert.deepEqual(validateRoster(problem, result.assignments), []);
}

/** How many workers were started while `work` ran. */
async function workersStartedBy(work: () => Promise<void>): Promise<number> {
  const before = optimizerWorkersStarted();
  await work();
  return optimizerWorkersStarted() - before;
}

const isError = (kind: OptimizerWorkerError['kind'], message?: RegExp) => (error: unknown) =>
  error instanceof OptimizerWorkerError && error.kind === kind && (!message || message.test(error.message));

describe('runOptimizerInWorker keeps a worker warm between runs', () => {
  beforeEach(() => closeOptimizerWorkers());
  after(() => closeOptimizerWorkers());

  it('answers a second run on a warm worker', async () => {
    await assertSolves(may);
    assert.equal(await workersStartedBy(() => assertSolves(june)), 0);
  });

  it('keeps the worker after a clean error reply', async () => {
    await assert.rejects(runOptimizerInWorker(broken, { timeLimitMs: LIMIT_MS }), isError('threw', /^optimizer failed: /));
    assert.equal(await workersStartedBy(() => assertSolves(may)), 0);
  });

  it('uses the prewarmed worker for the first run, starting only the spare for a fallback', async () => {
    assert.equal(await workersStartedBy(async () => prewarmOptimizerWorker()), 1);
    assert.equal(await workersStartedBy(async () => prewarmOptimizerWorker()), 0, 'one spare is enough');
    assert.equal(await workersStartedBy(() => assertSolves(may)), 1);
    assert.equal(poolStats().workers, POOL_SIZE);
  });

  it('ends a worker that timed out; the next run gets another', async () => {
    await assertSolves(may);
    const before = poolStats().workers;
    await assert.rejects(runOptimizerInWorker(may, { timeLimitMs: 1 }), isError('timeout'));
    assert.equal(poolStats().workers, before - 1);
    await assertSolves(june);
  });

  it('ends a cancelled worker; the next run gets another', async () => {
    await assertSolves(may);
    const before = poolStats().workers;
    const controller = new AbortController();
    const pending = runOptimizerInWorker(may, { timeLimitMs: LIMIT_MS, signal: controller.signal });
    controller.abort();
    await assert.rejects(pending, GenerationCancelledError);
    assert.equal(poolStats().workers, before - 1);
    await assertSolves(june);
  });

  it('runs after a hang fault', async () => {
    await assert.rejects(runOptimizerInWorker(may, { timeLimitMs: 500, fault: 'hang' }), isError('timeout'));
    await assertSolves(may);
  });

  it('runs a fault on a worker of its own and keeps a warm one through a crash', async () => {
    await assertSolves(may);
    await assert.rejects(
      runOptimizerInWorker(may, { timeLimitMs: LIMIT_MS, fault: 'crash' }),
      isError('crashed', /^optimizer worker crashed \(exit code 1\)$/),
    );
    assert.equal(poolStats().workers, 1, 'the crashed worker is gone, a warm one stays');
    await assertSolves(june);
  });

  it('gives concurrent runs a worker each', async () => {
    const started = await workersStartedBy(async () => {
      await Promise.all([assertSolves(may), assertSolves(june)]);
    });
    assert.equal(started, 2);
    assert.equal(await workersStartedBy(() => assertSolves(may)), 0, 'one of them was kept');
  });
});
