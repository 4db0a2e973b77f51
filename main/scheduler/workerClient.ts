import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { OptimizerResult } from '../../solver/optimizer/index.ts';
import type { SchedulingProblem } from '../../solver/types.ts';
import type { WorkerFault, WorkerReply, WorkerRequest } from '../../solver/worker.ts';

/**
 * Runs the optimizer in a worker_threads worker. Terminating the worker is the only real cancel
 * (GLPK runs synchronously inside it), so the time limit backstop and AbortSignal both end in terminate().
 */

/** Test-only faults the worker can be asked to simulate. */
export type OptimizerFault = WorkerFault;

export interface WorkerRunOptions {
  timeLimitMs: number;
  /** Extra time beyond timeLimitMs before the parent gives up on a hung worker (default 5 s + 20 %: worker start included). */
  graceMs?: number;
  signal?: AbortSignal;
  fault?: OptimizerFault;
}

/** Test fault 'oom' runs the worker under a small heap ceiling so it reaches it quickly. */
const OOM_FAULT_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: 64 };

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

/**
 * A worker that answered its last request is kept for the next one: starting a worker (from source, registering
 * tsx) and warming its JIT costs more than solving a small month. Each worker runs at most one request at a time;
 * a time-out, cancel or crash terminates it, and a run with a test fault gets a worker of its own.
 * Listeners are attached once per worker and route to its current job: removing a worker's last 'message'
 * listener stops its message port, and a later request's reply may then never arrive.
 */
interface PooledWorker {
  readonly worker: Worker;
  readonly reusable: boolean;
  /** The request the worker is running; null while idle. */
  job: Job | null;
  gone: boolean;
}

interface Job {
  readonly id: number;
  end(outcome: WorkerReply | Error): void;
}

const MAX_IDLE_WORKERS = 1;
const idle: PooledWorker[] = [];
let workersStarted = 0;
let lastRequestId = 0;

function spawn(reusable: boolean, resourceLimits?: ResourceLimits): PooledWorker {
  const entry: PooledWorker = { worker: startWorker(resourceLimits), reusable, job: null, gone: false };
  workersStarted++;
  const lost = (error: OptimizerWorkerError) => {
    entry.gone = true;
    removeIdle(entry);
    entry.job?.end(error);
  };
  entry.worker.on('message', (reply: WorkerReply) => {
    // A reply to a request the parent already gave up on is stale.
    if (entry.job?.id === reply.id) entry.job.end(reply);
  });
  entry.worker.on('error', (error) => lost(new OptimizerWorkerError('crashed', `optimizer worker crashed: ${error.message}`)));
  entry.worker.on('exit', (code) => lost(new OptimizerWorkerError('crashed', `optimizer worker crashed (exit code ${code})`)));
  return entry;
}

function takeWorker(fault: OptimizerFault | undefined): PooledWorker {
  if (fault !== undefined) return spawn(false, fault === 'oom' ? OOM_FAULT_LIMITS : undefined);
  const entry = idle.pop() ?? spawn(true);
  entry.worker.ref();
  return entry;
}

function release(entry: PooledWorker): void {
  if (entry.reusable && !entry.gone && idle.length < MAX_IDLE_WORKERS) {
    entry.worker.unref();
    idle.push(entry);
  } else {
    discard(entry);
  }
}

function discard(entry: PooledWorker): void {
  entry.gone = true;
  removeIdle(entry);
  void entry.worker.terminate();
}

function removeIdle(entry: PooledWorker): void {
  const at = idle.indexOf(entry);
  if (at >= 0) idle.splice(at, 1);
}

/** Starts a spare worker in the background (if none is idle) so the next run need not wait for one. */
export function prewarmOptimizerWorker(): void {
  if (idle.length > 0) return;
  const entry = spawn(true);
  entry.worker.unref();
  idle.push(entry);
}

/** Terminates the idle workers; workers running a request finish it first and are then kept or ended as usual. */
export async function closeOptimizerWorkers(): Promise<void> {
  await Promise.all(idle.splice(0).map((entry) => entry.worker.terminate()));
}

/** How many optimizer workers this process has started (for tests). */
export function optimizerWorkersStarted(): number {
  return workersStarted;
}

export function runOptimizerInWorker(problem: SchedulingProblem, options: WorkerRunOptions): Promise<OptimizerResult> {
  const { timeLimitMs, signal, fault } = options;
  const graceMs = options.graceMs ?? 5000 + Math.round(timeLimitMs * 0.2);
  if (signal?.aborted) return Promise.reject(new GenerationCancelledError());

  return new Promise<OptimizerResult>((resolve, reject) => {
    const entry = takeWorker(fault);
    const id = ++lastRequestId;
    const end = (outcome: WorkerReply | Error) => {
      if (entry.job?.id !== id) return;
      entry.job = null;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      if (outcome instanceof Error) {
        discard(entry);
        reject(outcome);
      } else {
        release(entry);
        if (outcome.ok) resolve(outcome.result);
        else reject(new OptimizerWorkerError('threw', `optimizer failed: ${outcome.error}`));
      }
    };
    const onAbort = () => end(new GenerationCancelledError());
    const timer = setTimeout(
      () => end(new OptimizerWorkerError('timeout', `optimizer gave no answer within ${formatSeconds(timeLimitMs + graceMs)}`)),
      timeLimitMs + graceMs,
    );
    entry.job = { id, end };
    signal?.addEventListener('abort', onAbort, { once: true });
    entry.worker.postMessage({ id, problem, timeLimitMs, fault } satisfies WorkerRequest);
  });
}

export function formatSeconds(ms: number): string {
  const seconds = ms / 1000;
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
}
