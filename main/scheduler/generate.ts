import { dutyDaysFor } from '../../solver/calendar.ts';
import { parseIso } from '../../solver/dates.ts';
import { diagnoseEmptySlots } from '../../solver/diagnose.ts';
import { runLegacy } from '../../solver/legacy.ts';
import { rosterMetrics } from '../../solver/metrics.ts';
import { newSeed } from '../../solver/random.ts';
import type { Assignment, Fallback, RosterDocument, SchedulerKind, SchedulingProblem, SolveStatus } from '../../solver/types.ts';
import { validateRoster } from '../../solver/validate.ts';
import { silentLogger, type Logger } from '../log.ts';
import {
  formatSeconds,
  GenerationCancelledError,
  OptimizerWorkerError,
  runOptimizerInWorker,
  type OptimizerFault,
} from './workerClient.ts';
import { DEFAULT_TIME_LIMIT_SECONDS } from '../../solver/limits.ts';

export { GenerationCancelledError, type OptimizerFault };

/** The optimizer's default time limit (DOMAIN.md). */
export const DEFAULT_TIME_LIMIT_MS = DEFAULT_TIME_LIMIT_SECONDS * 1000;

export interface GenerateOptions {
  scheduler: SchedulerKind;
  /** Legacy seed (also used when the optimizer falls back); a new one is drawn when absent. */
  seed?: number;
  timeLimitMs?: number;
  log?: Logger;
  /** Test-only: make the optimizer worker fail in the given way. */
  fault?: OptimizerFault;
  signal?: AbortSignal;
}

interface Produced {
  scheduler: SchedulerKind;
  status: SolveStatus;
  gap: number | null;
  seed: number | null;
  assignments: Assignment[];
  fallback: Fallback | null;
}

/**
 * Generates a roster with the chosen scheduler. The optimizer runs in a worker; if it throws, crashes,
 * times out or returns a roster that breaks a hard rule, the legacy scheduler runs instead and the
 * fallback is recorded and logged. Cancellation (signal) rejects with GenerationCancelledError.
 */
export async function generateRoster(problem: SchedulingProblem, opts: GenerateOptions): Promise<RosterDocument> {
  const started = performance.now();
  const log = opts.log ?? silentLogger;
  const timeLimitMs = opts.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS;
  const { year, month } = parseIso(problem.range.start);

  try {
    throwIfCancelled(opts.signal);
    log.info('Generating roster', {
      scheduler_type: opts.scheduler,
      year,
      month,
      num_days: problem.dutyDays.length,
      excluded_dates: excludedDates(problem),
    });

    const produced =
      opts.scheduler === 'optimizer' ? await optimizerOrFallback(problem, opts, timeLimitMs, log) : legacy(problem, opts.seed, null);
    throwIfCancelled(opts.signal);

    const metrics = rosterMetrics(problem, produced.assignments, Math.round(performance.now() - started));
    const document: RosterDocument = {
      scheduler: produced.scheduler,
      status: produced.status,
      gap: produced.gap,
      seed: produced.seed,
      range: { ...problem.range },
      dutyDays: [...problem.dutyDays],
      roles: problem.roles.map((r) => ({ ...r })),
      assignments: produced.assignments,
      metrics,
      diagnostics: diagnoseEmptySlots(problem, produced.assignments),
      fallback: produced.fallback,
    };
    log.info('Roster generation complete', {
      scheduler_type: document.scheduler,
      year,
      month,
      solve_time_ms: metrics.solve_time_ms,
      fill_rate_percent: metrics.fill_rate_percent,
      fairness_variance: metrics.fairness_variance,
      status: document.status,
      gap: document.gap,
      fallback: document.fallback !== null,
    });
    return document;
  } catch (error) {
    if (!(error instanceof GenerationCancelledError)) {
      log.error('roster generation failed', { scheduler_type: opts.scheduler, year, month, error: errorText(error) });
    }
    throw error;
  }
}

async function optimizerOrFallback(
  problem: SchedulingProblem,
  opts: GenerateOptions,
  timeLimitMs: number,
  log: Logger,
): Promise<Produced> {
  let fallback: Fallback;
  try {
    const result = await runOptimizerInWorker(problem, { timeLimitMs, signal: opts.signal, fault: opts.fault });
    // A locked slot the rostermeister kept against a rule is theirs to answer for, not the optimizer's.
    const violations = validateRoster(problem, result.assignments).filter((v) => !v.locked);
    if (violations.length === 0) {
      return {
        scheduler: 'optimizer',
        status: result.status,
        gap: result.gap,
        seed: null,
        assignments: inSlotOrder(problem, result.assignments),
        fallback: null,
      };
    }
    const more = violations.length > 1 ? ` (and ${violations.length - 1} more)` : '';
    fallback = { reason: `optimizer roster broke a hard rule: ${violations[0].message}${more}`, status: 'invalid' };
  } catch (error) {
    if (error instanceof GenerationCancelledError) throw error;
    fallback = fallbackFor(error, timeLimitMs);
  }
  log.warn('fallback_to_legacy', { reason: fallback.reason, status: fallback.status });
  throwIfCancelled(opts.signal);
  return legacy(problem, opts.seed, fallback);
}

function legacy(problem: SchedulingProblem, seed: number | undefined, fallback: Fallback | null): Produced {
  const usedSeed = seed ?? newSeed();
  return {
    scheduler: 'legacy',
    status: 'heuristic',
    gap: null,
    seed: usedSeed,
    assignments: runLegacy(problem, usedSeed),
    fallback,
  };
}

function fallbackFor(error: unknown, timeLimitMs: number): Fallback {
  if (error instanceof OptimizerWorkerError) {
    switch (error.kind) {
      case 'timeout':
        return { reason: `no solution within ${formatSeconds(timeLimitMs)}`, status: 'timeout' };
      case 'crashed':
        return { reason: error.message, status: 'crashed' };
      case 'threw':
        return { reason: error.message, status: 'error' };
    }
  }
  return { reason: `optimizer failed: ${errorText(error)}`, status: 'error' };
}

/** Every slot of the problem in date, then role order (the validator has ruled out strangers and duplicates). */
function inSlotOrder(problem: SchedulingProblem, assignments: Assignment[]): Assignment[] {
  const bySlot = new Map(assignments.map((a) => [`${a.date}|${a.role}`, a.memberId]));
  return problem.dutyDays.flatMap((date) =>
    problem.roles.map((role) => ({ date, role: role.key, memberId: bySlot.get(`${date}|${role.key}`) ?? null })),
  );
}

/** Dates that would be duty days in the range but were removed (by the club or for this generation). */
function excludedDates(problem: SchedulingProblem): number {
  const kept = new Set(problem.dutyDays);
  return dutyDaysFor({ ...problem.club, removedDates: [] }, problem.range).filter((d) => !kept.has(d)).length;
}

function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new GenerationCancelledError();
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
