import { parentPort } from 'node:worker_threads';
import { solveOptimizer, type OptimizerResult } from './optimizer/index.ts';
import type { SchedulingProblem } from './types.ts';

/**
 * worker_threads entry point of the optimization scheduler: one reply per request, carrying the request's id.
 * The parent may send further requests to the same worker once it has the reply.
 * `fault` exists only so tests can force each failure the dispatcher must survive.
 */

export type WorkerFault = 'throw' | 'crash' | 'hang' | 'invalid' | 'oom';

export interface WorkerRequest {
  id: number;
  problem: SchedulingProblem;
  timeLimitMs: number;
  fault?: WorkerFault;
}

export type WorkerReply = { id: number } & ({ ok: true; result: OptimizerResult } | { ok: false; error: string });

async function handle(request: WorkerRequest): Promise<OptimizerResult> {
  const { problem, timeLimitMs, fault } = request;
  if (fault === 'throw') throw new Error('Forced optimizer failure (test fault "throw").');
  if (fault === 'crash') process.exit(1);
  if (fault === 'hang') for (;;);
  if (fault === 'oom') exhaustMemory();
  const result = await solveOptimizer(problem, { timeLimitMs });
  if (fault === 'invalid') return { ...result, assignments: sameMemberTwiceOnOneDay(problem, result) };
  return result;
}

/** Keeps every allocation reachable until the worker's heap limit ends it. */
function exhaustMemory(): never {
  const hoard: number[][] = [];
  for (;;) hoard.push(new Array<number>(1 << 20).fill(hoard.length));
}

/** Breaks rule 5 on purpose: the first day's slots all go to one member. */
function sameMemberTwiceOnOneDay(problem: SchedulingProblem, result: OptimizerResult): OptimizerResult['assignments'] {
  const first = problem.dutyDays[0];
  const memberId = problem.club.members[0]?.id ?? 'nobody';
  return result.assignments.map((a) => (a.date === first ? { ...a, memberId } : a));
}

const port = parentPort;
if (!port) throw new Error('solver/worker.ts must run in a worker thread.');
port.on('message', (request: WorkerRequest) => {
  handle(request).then(
    (result) => port.postMessage({ id: request.id, ok: true, result } satisfies WorkerReply),
    (error: unknown) =>
      port.postMessage({ id: request.id, ok: false, error: error instanceof Error ? error.message : String(error) } satisfies WorkerReply),
  );
});
