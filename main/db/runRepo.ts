import type { RunInfo } from '../api/contract.ts';
import type { DateRange, Fallback, RosterMetrics, SchedulerKind, SolveStatus } from '../../solver/types.ts';
import type { Db } from './connection.ts';

export type RunPurpose = RunInfo['purpose'];

export interface NewRun {
  purpose: RunPurpose;
  requestedScheduler: SchedulerKind;
  scheduler: SchedulerKind;
  seed: number | null;
  status: SolveStatus | 'failed';
  gap: number | null;
  metrics: RosterMetrics | null;
  fallback: Fallback | null;
  error: string | null;
  range: DateRange;
  createdAt: string;
}

interface RunRow {
  id: number;
  purpose: RunPurpose;
  requested_scheduler: SchedulerKind;
  scheduler: SchedulerKind;
  seed: number | null;
  status: SolveStatus | 'failed';
  gap: number | null;
  metrics_json: string | null;
  fallback_reason: string | null;
  fallback_status: string | null;
  error: string | null;
  range_start: string;
  range_end: string;
  created_at: string;
}

export function insertRun(db: Db, run: NewRun): number {
  return Number(
    db
      .prepare(
        `INSERT INTO generation_run (purpose, requested_scheduler, scheduler, seed, status, gap, metrics_json,
           fallback_reason, fallback_status, error, range_start, range_end, created_at)
         VALUES (@purpose, @requested, @scheduler, @seed, @status, @gap, @metrics, @reason, @fstatus, @error, @start, @end, @created)`,
      )
      .run({
        purpose: run.purpose,
        requested: run.requestedScheduler,
        scheduler: run.scheduler,
        seed: run.seed,
        status: run.status,
        gap: run.gap,
        metrics: run.metrics ? JSON.stringify(run.metrics) : null,
        reason: run.fallback?.reason ?? null,
        fstatus: run.fallback?.status ?? null,
        error: run.error,
        start: run.range.start,
        end: run.range.end,
        created: run.createdAt,
      }).lastInsertRowid,
  );
}

function toRunInfo(r: RunRow): RunInfo {
  return {
    id: r.id,
    purpose: r.purpose,
    scheduler: r.scheduler,
    requestedScheduler: r.requested_scheduler,
    status: r.status,
    gap: r.gap,
    seed: r.seed,
    metrics: r.metrics_json ? (JSON.parse(r.metrics_json) as RosterMetrics) : null,
    fallback: r.fallback_reason !== null ? { reason: r.fallback_reason, status: r.fallback_status ?? '' } : null,
    error: r.error,
    range: { start: r.range_start, end: r.range_end },
    createdAt: r.created_at,
  };
}

export function getRun(db: Db, id: number): RunInfo | null {
  const row = db.prepare('SELECT * FROM generation_run WHERE id = ?').get(id) as RunRow | undefined;
  return row ? toRunInfo(row) : null;
}

/** The newest runs first. */
export function listRuns(db: Db, limit: number): RunInfo[] {
  return (db.prepare('SELECT * FROM generation_run ORDER BY id DESC LIMIT ?').all(limit) as RunRow[]).map(toRunInfo);
}
