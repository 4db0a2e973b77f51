import { parentPort } from 'node:worker_threads';
import { runLegacy } from './legacy.ts';
import { preloadGlpk } from './optimizer/glpk.ts';
import { solveOptimizer, type OptimizerResult } from './optimizer/index.ts';
import type { Assignment, SchedulingProblem } from './types.ts';

/**
 * worker_threads entry point of both schedulers (so neither blocks the host's event loop): one reply per
 * request, carrying the request's id. The parent may send further requests to the same worker once it has
 * the reply. `fault` exists only so tests can force each failure the dispatcher must survive.
 */

export type WorkerFault = 'throw' | 'crash' | 'hang' | 'invalid' | 'oom';

export interface WorkerRequest {
  id: number;
  kind?: 'optimizer';
  problem: SchedulingProblem;
  timeLimitMs: number;
  /**
   * Epoch milliseconds by which the answer must be back. The request may wait in the port while the worker
   * starts, so the limit is recomputed from this when the request is read.
   */
  deadlineAt?: number;
  fault?: WorkerFault;
}

export interface LegacyRequest {
  id: number;
  kind: 'legacy';
  problem: SchedulingProblem;
  seed: number;
}

export type WorkerReply = { id: number } & ({ ok: true; result: OptimizerResult } | { ok: false; error: string });
export type LegacyReply = { id: number } & ({ ok: true; assignments: Assignment[] } | { ok: false; error: string });

/** The optimizer's time left: the request's limit, cut to what remains before its deadline. */
export function remainingLimitMs(request: WorkerRequest, now = Date.now()): number {
  if (request.deadlineAt === undefined) return request.timeLimitMs;
  return Math.max(1, Math.min(request.timeLimitMs, request.deadlineAt - now));
}

async function handle(request: WorkerRequest): Promise<OptimizerResult> {
  const { problem, fault } = request;
  const timeLimitMs = remainingLimitMs(request);
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
preloadGlpk();
const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));
port.on('message', (request: WorkerRequest | LegacyRequest) => {
  if (request.kind === 'legacy') {
    let reply: LegacyReply;
    try {
      reply = { id: request.id, ok: true, assignments: runLegacy(request.problem, request.seed) };
    } catch (error) {
      reply = { id: request.id, ok: false, error: errorText(error) };
    }
    port.postMessage(reply);
    return;
  }
  handle(request).then(
    (result) => port.postMessage({ id: request.id, ok: true, result } satisfies WorkerReply),
    (error: unknown) => port.postMessage({ id: request.id, ok: false, error: errorText(error) } satisfies WorkerReply),
  );
});
