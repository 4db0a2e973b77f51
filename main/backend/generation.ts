import { cancelled, conflict } from '../api/errors.ts';
import { insertRun, type RunPurpose } from '../db/runRepo.ts';
import { loadSettings } from '../db/settingsRepo.ts';
import { GenerationCancelledError, generateRoster, PoolBusyError } from '../scheduler/generate.ts';
import type { RosterDocument, SchedulerKind, SchedulingProblem } from '../../solver/types.ts';
import { nowIso, type BackendContext } from './context.ts';

export interface RecordedRoster {
  document: RosterDocument;
  runId: number;
}

/**
 * Runs one scheduler on a problem and records the generation run (also when it fails). Shadow runs wait
 * behind the generations people wait for. A cancelled run rejects with an ApiError 'cancelled', one refused
 * because every worker is busy with 'conflict'; any other failure with 'internal' details hidden.
 */
export async function recordedGeneration(
  ctx: BackendContext,
  problem: SchedulingProblem,
  scheduler: SchedulerKind,
  purpose: RunPurpose,
  signal: AbortSignal,
): Promise<RecordedRoster> {
  const settings = loadSettings(ctx.db);
  try {
    const document = await generateRoster(problem, {
      scheduler,
      timeLimitMs: settings.timeLimitSeconds * 1000,
      log: ctx.log,
      fault: ctx.fault,
      signal,
      priority: purpose === 'shadow' ? 'background' : 'foreground',
    });
    const runId = insertRun(ctx.db, {
      purpose,
      requestedScheduler: scheduler,
      scheduler: document.scheduler,
      seed: document.seed,
      status: document.status,
      gap: document.gap,
      metrics: document.metrics,
      fallback: document.fallback,
      error: null,
      range: problem.range,
      createdAt: nowIso(ctx),
    });
    return { document, runId };
  } catch (error) {
    const wasCancelled = error instanceof GenerationCancelledError;
    insertRun(ctx.db, {
      purpose,
      requestedScheduler: scheduler,
      scheduler,
      seed: null,
      status: 'failed',
      gap: null,
      metrics: null,
      fallback: null,
      error: wasCancelled ? 'cancelled' : error instanceof Error ? error.message : String(error),
      range: problem.range,
      createdAt: nowIso(ctx),
    });
    throw asApiError(error);
  }
}

/**
 * Runs one scheduler on a problem that is not the club's own (a what-if scenario): nothing is
 * recorded. Fails like recordedGeneration.
 */
export async function unrecordedGeneration(
  ctx: BackendContext,
  problem: SchedulingProblem,
  scheduler: SchedulerKind,
  signal: AbortSignal,
  seed?: number,
): Promise<RosterDocument> {
  try {
    return await generateRoster(problem, {
      scheduler,
      ...(seed === undefined ? {} : { seed }),
      timeLimitMs: loadSettings(ctx.db).timeLimitSeconds * 1000,
      log: ctx.log,
      fault: ctx.fault,
      signal,
      priority: 'foreground',
    });
  } catch (error) {
    throw asApiError(error);
  }
}

function asApiError(error: unknown): unknown {
  if (error instanceof GenerationCancelledError) return cancelled();
  if (error instanceof PoolBusyError) return conflict('Rostermeister is busy with other rosters right now; try again in a moment.');
  return error;
}

/** Runs `work` as the one foreground generation, refusing a second one while it runs. */
export async function asGeneration<T>(ctx: BackendContext, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const result = await ctx.generations.foreground(work);
  if (!result) throw conflict('A roster is being generated already. Wait for it to finish or cancel it.');
  return result.value;
}
