import type { ComparisonView, DraftView, MonthRef, RosterSide, SchedulerKind } from '../api/contract.ts';
import { badInput, notFound } from '../api/errors.ts';
import type { StoredClub } from '../db/clubRepo.ts';
import { draftsOverlapping, draftSlots, removedDates, slotKey } from '../db/rosterRepo.ts';
import { acceptance, compareRosters, memberLoads } from '../../solver/metrics.ts';
import type { Assignment, DateRange, IsoDate, RosterDocument, SchedulingProblem } from '../../solver/types.ts';
import { spacingBreaks } from '../../solver/validate.ts';
import { nowIso, type BackendContext } from './context.ts';
import { asGeneration, recordedGeneration, type RecordedRoster } from './generation.ts';
import { problemFor, rangeOf, storedClub } from './problems.ts';
import { remembered, saveGeneratedDraft } from './drafts.ts';
import { draftView } from './draftView.ts';

/** Both generations as they came out, the optimizer's even when it fell back to legacy. */
interface RecordedView extends Omit<ComparisonView, 'id' | 'createdAt' | 'optimizer' | 'optimizerFailure' | 'differences' | 'acceptance'> {
  optimizer: RosterSide;
  differences: NonNullable<ComparisonView['differences']>;
  acceptance: NonNullable<ComparisonView['acceptance']>;
}

/** What a comparison row keeps besides the view: the removed dates and locks it was made with. */
interface StoredComparison {
  view: RecordedView;
  removedDates: IsoDate[];
  locked: Assignment[];
}

/** One generation as the comparison and what-if pages show it. */
export function rosterSide(problem: SchedulingProblem, doc: RosterDocument): RosterSide {
  return {
    scheduler: doc.scheduler,
    status: doc.status,
    gap: doc.gap,
    seed: doc.seed,
    assignments: doc.assignments,
    metrics: doc.metrics,
    diagnostics: doc.diagnostics,
    fallback: doc.fallback,
    loads: memberLoads(doc.assignments),
    spacingBreaks: spacingBreaks(problem, doc.assignments).length,
  };
}

/** Records a comparison of two generations of the same problem; returns its id. */
export function recordComparison(
  ctx: BackendContext,
  stored: StoredClub,
  problem: SchedulingProblem,
  legacy: RecordedRoster,
  optimizer: RecordedRoster,
  removed: IsoDate[],
): number {
  const names = new Map(stored.club.members.map((m) => [m.id, m.name]));
  const memberNames: Record<string, string> = {};
  for (const a of [...legacy.document.assignments, ...optimizer.document.assignments]) {
    if (a.memberId !== null) memberNames[a.memberId] = names.get(a.memberId) ?? a.memberId;
  }
  const roleKeys = new Set(problem.roles.map((r) => r.key));
  const data: StoredComparison = {
    view: {
      range: problem.range,
      legacy: rosterSide(problem, legacy.document),
      optimizer: rosterSide(problem, optimizer.document),
      differences: compareRosters(legacy.document.assignments, optimizer.document.assignments),
      acceptance: acceptance(legacy.document.metrics, optimizer.document.metrics),
      roles: stored.roles.filter((r) => roleKeys.has(r.key)),
      dutyDays: problem.dutyDays,
      memberNames,
    },
    removedDates: removed,
    locked: problem.locked,
  };
  const id = Number(
    ctx.db
      .prepare(
        `INSERT INTO comparison (range_start, range_end, legacy_run_id, optimizer_run_id, data_json, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(problem.range.start, problem.range.end, legacy.runId, optimizer.runId, JSON.stringify(data), nowIso(ctx)).lastInsertRowid,
  );
  ctx.log.info('Comparison recorded', {
    comparison_id: id,
    range_start: problem.range.start,
    changed_slots: data.view.differences.changed_slots,
    passed: optimizer.document.fallback === null && data.view.acceptance.passed,
    optimizer_failed: optimizer.document.fallback !== null,
  });
  return id;
}

interface ComparisonRow {
  id: number;
  data_json: string;
  created_at: string;
  legacy_run_id: number | null;
  optimizer_run_id: number | null;
}

function loadComparison(ctx: BackendContext, id: number): { row: ComparisonRow; data: StoredComparison } | null {
  const row = ctx.db.prepare('SELECT * FROM comparison WHERE id = ?').get(id) as ComparisonRow | undefined;
  return row ? { row, data: JSON.parse(row.data_json) as StoredComparison } : null;
}

/**
 * The comparison as shown. After a fallback the optimizer column has no roster: the one recorded is
 * a legacy roster, and its figures (solve time included) and differences would speak for the optimizer.
 */
function toView(row: ComparisonRow, data: StoredComparison): ComparisonView {
  const recorded = data.view;
  const base = {
    id: row.id,
    createdAt: row.created_at,
    ...recorded,
    legacy: { ...recorded.legacy, spacingBreaks: recorded.legacy.spacingBreaks ?? null },
  };
  const failure = recorded.optimizer.fallback;
  if (failure !== null) return { ...base, optimizer: null, optimizerFailure: failure, differences: null, acceptance: null };
  return { ...base, optimizer: { ...recorded.optimizer, spacingBreaks: recorded.optimizer.spacingBreaks ?? null }, optimizerFailure: null };
}

/** The removed dates and locks of the draft of exactly this range, if there is one. */
function draftContext(ctx: BackendContext, range: DateRange): { removed: IsoDate[]; locked: Assignment[] } {
  const draft = draftsOverlapping(ctx.db, range).find((d) => d.range.start === range.start && d.range.end === range.end);
  if (!draft) return { removed: [], locked: [] };
  return {
    removed: removedDates(ctx.db, draft.id),
    locked: draftSlots(ctx.db, draft.id)
      .filter((s) => s.locked)
      .map(({ date, role, memberId }) => ({ date, role, memberId })),
  };
}

/** Runs both schedulers on the range (honouring the draft's removed dates and locks) and records the comparison. */
export async function compare(ctx: BackendContext, month: MonthRef): Promise<ComparisonView> {
  const range = rangeOf(month);
  const stored = storedClub(ctx);
  const { removed, locked } = draftContext(ctx, range);
  const problem = problemFor(stored, range, removed, locked);
  const id = await asGeneration(ctx, async (signal) => {
    const legacy = await recordedGeneration(ctx, problem, 'legacy', 'compare', signal);
    const optimizer = await recordedGeneration(ctx, problem, 'optimizer', 'compare', signal);
    return recordComparison(ctx, stored, problem, legacy, optimizer, removed);
  });
  const found = loadComparison(ctx, id)!;
  return toView(found.row, found.data);
}

export function latestComparison(ctx: BackendContext, month: MonthRef): ComparisonView | null {
  const range = rangeOf(month);
  const row = ctx.db
    .prepare('SELECT id FROM comparison WHERE range_start = ? AND range_end = ? ORDER BY id DESC LIMIT 1')
    .get(range.start, range.end) as { id: number } | undefined;
  if (!row) return null;
  const found = loadComparison(ctx, row.id)!;
  return toView(found.row, found.data);
}

/**
 * Makes one side of a comparison the draft of its range. The draft there is replaced (and kept to be
 * brought back), but its locked slots, removed dates and the slots kept on them stay as they are.
 */
export function adoptComparison(ctx: BackendContext, comparisonId: number, which: SchedulerKind): DraftView {
  if (which !== 'legacy' && which !== 'optimizer') throw badInput('Choose the legacy or the optimizer roster.', 'side');
  const found = loadComparison(ctx, comparisonId);
  if (!found) throw notFound(`There is no comparison ${comparisonId}.`, 'comparisonId');
  const { row, data } = found;
  if (which === 'optimizer' && data.view.optimizer.fallback !== null) {
    throw badInput(
      'The optimizer failed in this comparison, so it has no roster to adopt. Adopt the legacy roster or run the comparison again.',
      'side',
    );
  }
  const runId = which === 'legacy' ? row.legacy_run_id : row.optimizer_run_id;
  if (runId === null) throw notFound('The run behind this side of the comparison is gone.', 'comparisonId');
  const range = data.view.range;
  const now = remembered(ctx, range);
  // The draft's locks as they are now (the user may have locked or unlocked slots since the comparison).
  const hasDraft = draftsOverlapping(ctx.db, range).length > 0;
  const locks = new Map((hasDraft ? now.locked : data.locked).map((a) => [slotKey(a.date, a.role), a]));
  const side = data.view[which].assignments;
  const sideKeys = new Set(side.map((a) => slotKey(a.date, a.role)));
  const assignments = [
    ...side.map((a) => locks.get(slotKey(a.date, a.role)) ?? a),
    ...[...locks].filter(([key]) => !sideKeys.has(key)).map(([, a]) => a),
  ];
  const removed = [...new Set([...data.removedDates, ...now.removed])].sort();
  const draftId = saveGeneratedDraft(ctx, {
    range,
    assignments,
    runId,
    locked: new Set(locks.keys()),
    removed,
    parked: now.parked,
    action: 'adopt',
  });
  ctx.log.info('Comparison adopted', { comparison_id: comparisonId, side: which, draft_id: draftId, locked_slots_kept: now.locked.length });
  return draftView(ctx, draftId);
}
