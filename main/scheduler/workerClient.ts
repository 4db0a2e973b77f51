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
 * Bundled (dist/main/*.mjs), the worker is the sibling bundle solver-worker.mjs.
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

export function runOptimizerInWorker(problem: SchedulingProblem, options: WorkerRunOptions): Promise<OptimizerResult> {
  const { timeLimitMs, signal, fault } = options;
  const graceMs = options.graceMs ?? 5000 + Math.round(timeLimitMs * 0.2);
  if (signal?.aborted) return Promise.reject(new GenerationCancelledError());

  return new Promise<OptimizerResult>((resolve, reject) => {
    const worker = startWorker(fault === 'oom' ? OOM_FAULT_LIMITS : undefined);
    let settled = false;
    let timer: NodeJS.Timeout | undefined;

    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      worker.removeAllListeners('message');
      void worker.terminate();
      outcome();
    };
    const onAbort = () => finish(() => reject(new GenerationCancelledError()));
    signal?.addEventListener('abort', onAbort, { once: true });

    timer = setTimeout(
      () =>
        finish(() =>
          reject(new OptimizerWorkerError('timeout', `optimizer gave no answer within ${formatSeconds(timeLimitMs + graceMs)}`)),
        ),
      timeLimitMs + graceMs,
    );

    worker.on('message', (reply: WorkerReply) =>
      finish(() => (reply.ok ? resolve(reply.result) : reject(new OptimizerWorkerError('threw', `optimizer failed: ${reply.error}`)))),
    );
    worker.on('error', (error) =>
      finish(() => reject(new OptimizerWorkerError('crashed', `optimizer worker crashed: ${error.message}`))),
    );
    worker.on('exit', (code) =>
      finish(() => reject(new OptimizerWorkerError('crashed', `optimizer worker crashed (exit code ${code})`))),
    );

    worker.postMessage({ problem, timeLimitMs, fault } satisfies WorkerRequest);
  });
}

export function formatSeconds(ms: number): string {
  const seconds = ms / 1000;
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
}
