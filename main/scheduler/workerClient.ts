import type { OptimizerResult } from '../../solver/optimizer/index.ts';
import type { Assignment, SchedulingProblem } from '../../solver/types.ts';
import type { LegacyReply, WorkerFault, WorkerReply } from '../../solver/worker.ts';
import { closeIdleWorkers, JobFailedError, poolStats, prewarmWorker, runInPool, type Priority } from './workerPool.ts';

/** Both schedulers run on the shared worker pool (workerPool.ts); this is their typed front. */

export { PoolBusyError, type Priority } from './workerPool.ts';

/** Test-only faults the worker can be asked to simulate. */
export type OptimizerFault = WorkerFault;

export interface WorkerRunOptions {
  /** The whole wait: waiting for a worker (foreground), starting it, building the model and solving. */
  timeLimitMs: number;
  /**
   * 'foreground' (default): someone waits, so the limit runs from `startedAt` (default now), queue time
   * included. 'background' (shadow runs): the limit runs from when a worker takes the run.
   */
  priority?: Priority;
  startedAt?: number;
  signal?: AbortSignal;
  fault?: OptimizerFault;
}

/** Test fault 'oom' runs the worker under a small heap ceiling so it reaches it quickly. */
const OOM_FAULT_LIMITS = { maxOldGenerationSizeMb: 64 };

/** How an optimizer run in the worker went wrong. */
export type WorkerFailureKind = 'threw' | 'crashed' | 'timeout';

export class OptimizerWorkerError extends Error {
  readonly kind: WorkerFailureKind;
  constructor(kind: WorkerFailureKind, message: string) {
    super(message);
    this.name = 'OptimizerWorkerError';
    this.kind = kind;
  }
}

/** The caller cancelled the generation; not a failure of the scheduler. */
export class GenerationCancelledError extends Error {
  constructor(message = 'Roster generation was cancelled.') {
    super(message);
    this.name = 'GenerationCancelledError';
  }
}

export function runOptimizerInWorker(problem: SchedulingProblem, options: WorkerRunOptions): Promise<OptimizerResult> {
  const { timeLimitMs, signal, fault } = options;
  const priority = options.priority ?? 'foreground';
  let deadline: number | null = priority === 'foreground' ? (options.startedAt ?? Date.now()) + timeLimitMs : null;
  const running = runInPool({
    priority,
    signal,
    isolated: fault === undefined ? undefined : fault === 'oom' ? OOM_FAULT_LIMITS : {},
    deadlineAt: () => deadline,
    request: () => {
      deadline ??= Date.now() + timeLimitMs;
      return { problem, timeLimitMs, deadlineAt: deadline, fault };
    },
  }).then(
    (reply) => {
      const answer = reply as WorkerReply;
      if (answer.ok) return answer.result;
      throw new OptimizerWorkerError('threw', `optimizer failed: ${answer.error}`);
    },
    (error: unknown) => {
      if (!(error instanceof JobFailedError)) throw error;
      const failure = error.failure;
      if (failure.kind === 'cancelled') throw new GenerationCancelledError();
      if (failure.kind === 'timeout')
        throw new OptimizerWorkerError('timeout', `optimizer gave no answer within ${formatSeconds(timeLimitMs)}`);
      throw new OptimizerWorkerError('crashed', `optimizer ${failure.message}`);
    },
  );
  // A spare worker, so a fallback after a time-out or crash need not wait for one to start.
  if (priority === 'foreground') prewarmWorker();
  return running;
}

/** The legacy scheduler off the main thread: a big club's roster takes seconds to draw. */
export function runLegacyInWorker(
  problem: SchedulingProblem,
  seed: number,
  options: { priority?: Priority; signal?: AbortSignal } = {},
): Promise<Assignment[]> {
  return runInPool({
    priority: options.priority ?? 'foreground',
    signal: options.signal,
    deadlineAt: () => null,
    request: () => ({ kind: 'legacy', problem, seed }),
  }).then(
    (reply) => {
      const answer = reply as LegacyReply;
      if (answer.ok) return answer.assignments;
      throw new Error(`legacy scheduler failed: ${answer.error}`);
    },
    (error: unknown) => {
      if (!(error instanceof JobFailedError)) throw error;
      if (error.failure.kind === 'cancelled') throw new GenerationCancelledError();
      throw new Error(`legacy scheduler ${error.message}`);
    },
  );
}

/** Starts a spare worker in the background (if none is idle) so the next run need not wait for one. */
export const prewarmOptimizerWorker = prewarmWorker;

/** Terminates the idle workers; workers running a request finish it first. */
export const closeOptimizerWorkers = closeIdleWorkers;

/** How many scheduler workers this process has started (for tests). */
export function optimizerWorkersStarted(): number {
  return poolStats().started;
}

export function formatSeconds(ms: number): string {
  const seconds = ms / 1000;
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
}
