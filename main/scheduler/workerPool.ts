import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { LegacyReply, LegacyRequest, WorkerReply, WorkerRequest } from '../../solver/worker.ts';

/**
 * The one pool of scheduler workers of a process: every optimizer run (drafts, comparisons, shadow runs)
 * and every legacy run goes through it, so threads and memory stay bounded however many generations
 * are asked for at once. Work beyond the workers waits in a bounded queue; beyond that it is refused as busy.
 *
 * A user's generation ('foreground') goes ahead of background work in the queue, and background work may
 * occupy all workers but one, so a generation someone waits for never queues behind shadow runs.
 * Terminating a worker is the only real cancel (GLPK runs synchronously inside it): a time-out, cancel or
 * crash ends the worker and the pool starts another one when work needs it.
 */

/** Workers in the pool (two cores is the machine the app is sized for). */
export const POOL_SIZE = 2;
/** Runs of each priority that may wait for a worker; one more is refused with PoolBusyError (background work never crowds out a user's generation). */
export const MAX_QUEUED = 16;

export type Priority = 'foreground' | 'background';
export type PoolRequest = Omit<WorkerRequest, 'id'> | Omit<LegacyRequest, 'id'>;
export type PoolReply = WorkerReply | LegacyReply;

export interface PoolJob {
  priority: Priority;
  /** Builds the request when a worker takes the job, so a time limit can start then. */
  request(): PoolRequest;
  /** Epoch ms after which the job is given up, waiting or running; read when the job is queued and when it starts. */
  deadlineAt(): number | null;
  /** A worker of its own, started with these limits and ended afterwards (test faults). */
  isolated?: ResourceLimits;
  signal?: AbortSignal;
}

/** The pool's queue is full. */
export class PoolBusyError extends Error {
  constructor() {
    super('busy: every scheduler worker is taken and the queue is full; try again shortly');
    this.name = 'PoolBusyError';
  }
}

/** Why the pool gave up on a job; the caller turns it into its own error. */
export type JobFailure = { kind: 'timeout' } | { kind: 'cancelled' } | { kind: 'crashed'; message: string };

export class JobFailedError extends Error {
  constructor(readonly failure: JobFailure) {
    super(failure.kind === 'crashed' ? failure.message : failure.kind);
    this.name = 'JobFailedError';
  }
}

interface PooledWorker {
  readonly worker: Worker;
  readonly isolated: boolean;
  job: Queued | null;
  gone: boolean;
}

interface Queued {
  readonly id: number;
  done: boolean;
  readonly spec: PoolJob;
  timer: NodeJS.Timeout | null;
  worker: PooledWorker | null;
  settle(outcome: PoolReply | JobFailedError): void;
}

/**
 * From source (this file is .ts) the worker registers tsx itself and imports solver/worker.ts:
 * on Node 20, `--import tsx` in a worker's execArgv does not reach the worker's entry module.
 * Bundled (dist/main/*.mjs for Electron, dist/cli/*.mjs for the command line), the worker is the sibling bundle solver-worker.mjs.
 */
function startWorker(resourceLimits: ResourceLimits | undefined): Worker {
  if (import.meta.url.endsWith('.ts')) {
    const entry = new URL('../../solver/worker.ts', import.meta.url).href;
    const tsxApi = import.meta.resolve('tsx/esm/api');
    const bootstrap =
      `import(${JSON.stringify(tsxApi)})` +
      `.then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })` +
      `.catch((error) => { process.nextTick(() => { throw error; }); });`;
    return new Worker(bootstrap, { eval: true, resourceLimits });
  }
  return new Worker(new URL('./solver-worker.mjs', import.meta.url), { resourceLimits });
}

const workers: PooledWorker[] = [];
const queue: Queued[] = [];
let started = 0;
let peakWorkers = 0;
let lastId = 0;

/**
 * Listeners are attached once per worker and route to its current job: removing a worker's last 'message'
 * listener stops its message port, and a later request's reply may then never arrive.
 */
function spawn(isolated: ResourceLimits | undefined): PooledWorker {
  const entry: PooledWorker = { worker: startWorker(isolated), isolated: isolated !== undefined, job: null, gone: false };
  started++;
  workers.push(entry);
  peakWorkers = Math.max(peakWorkers, workers.length);
  const lost = (message: string) => {
    if (entry.gone) return;
    remove(entry);
    entry.job?.settle(new JobFailedError({ kind: 'crashed', message }));
    pump();
  };
  entry.worker.on('message', (reply: PoolReply) => {
    // A reply to a request the pool already gave up on is stale.
    if (entry.job?.id === reply.id) entry.job.settle(reply);
  });
  entry.worker.on('error', (error) => lost(`worker crashed: ${error.message}`));
  entry.worker.on('exit', (code) => lost(`worker crashed (exit code ${code})`));
  return entry;
}

function remove(entry: PooledWorker): void {
  entry.gone = true;
  const at = workers.indexOf(entry);
  if (at >= 0) workers.splice(at, 1);
}

function discard(entry: PooledWorker): void {
  if (entry.gone) return;
  remove(entry);
  void entry.worker.terminate();
}

const idleWorker = () => workers.find((w) => w.job === null && !w.isolated && !w.gone);
const runningBackground = () => workers.filter((w) => w.job?.spec.priority === 'background').length;

/** The worker for `job` now, or null when it has to wait. */
function workerFor(job: Queued): PooledWorker | null {
  if (job.spec.priority === 'background' && runningBackground() >= POOL_SIZE - 1) return null;
  if (job.spec.isolated !== undefined) {
    if (workers.length >= POOL_SIZE) {
      const idle = idleWorker();
      if (idle === undefined) return null;
      discard(idle);
    }
    return spawn(job.spec.isolated);
  }
  const idle = idleWorker();
  if (idle !== undefined) return idle;
  return workers.length < POOL_SIZE ? spawn(undefined) : null;
}

/** Starts every queued job that can start, foreground first. */
function pump(): void {
  for (;;) {
    const next = queue.find((j) => j.spec.priority === 'foreground') ?? queue[0];
    if (next === undefined) return;
    const worker = workerFor(next);
    if (worker === null) return;
    queue.splice(queue.indexOf(next), 1);
    begin(next, worker);
  }
}

function begin(job: Queued, worker: PooledWorker): void {
  worker.job = job;
  job.worker = worker;
  worker.worker.ref();
  const message = { ...job.spec.request(), id: job.id };
  armTimer(job);
  worker.worker.postMessage(message);
}

function armTimer(job: Queued): void {
  if (job.timer !== null) clearTimeout(job.timer);
  const deadline = job.spec.deadlineAt();
  job.timer =
    deadline === null ? null : setTimeout(() => job.settle(new JobFailedError({ kind: 'timeout' })), Math.max(0, deadline - Date.now()));
}

/** Runs one job on a pool worker; rejects with PoolBusyError when the queue is full, JobFailedError when given up. */
export function runInPool(spec: PoolJob): Promise<PoolReply> {
  if (spec.signal?.aborted) return Promise.reject(new JobFailedError({ kind: 'cancelled' }));
  if (queue.filter((j) => j.spec.priority === spec.priority).length >= MAX_QUEUED) return Promise.reject(new PoolBusyError());
  return new Promise<PoolReply>((resolve, reject) => {
    const onAbort = () => job.settle(new JobFailedError({ kind: 'cancelled' }));
    const job: Queued = {
      id: ++lastId,
      done: false,
      spec,
      timer: null,
      worker: null,
      settle(outcome) {
        if (job.done) return;
        job.done = true;
        if (job.timer !== null) clearTimeout(job.timer);
        spec.signal?.removeEventListener('abort', onAbort);
        const worker = job.worker;
        if (worker === null) {
          const at = queue.indexOf(job);
          if (at >= 0) queue.splice(at, 1);
        } else {
          worker.job = null;
          if (outcome instanceof JobFailedError || worker.isolated) discard(worker);
          else worker.worker.unref();
        }
        if (outcome instanceof JobFailedError) reject(outcome);
        else resolve(outcome);
        pump();
      },
    };
    spec.signal?.addEventListener('abort', onAbort, { once: true });
    queue.push(job);
    armTimer(job);
    pump();
  });
}

/** Starts a worker in the background (when none is idle and there is room) so the next run need not wait for one. */
export function prewarmWorker(): void {
  if (idleWorker() !== undefined || workers.length >= POOL_SIZE) return;
  spawn(undefined).worker.unref();
}

/** Terminates the idle workers; workers running a job finish it first and are then kept or ended as usual. */
export async function closeIdleWorkers(): Promise<void> {
  const idle = workers.filter((w) => w.job === null);
  idle.forEach(remove);
  await Promise.all(idle.map((w) => w.worker.terminate()));
}

/** Counters for tests and the stress bench. */
export function poolStats(): { started: number; workers: number; peakWorkers: number; queued: number } {
  return { started, workers: workers.length, peakWorkers, queued: queue.length };
}
