import type { DraftView, RoleSetting, SlotView } from '../api/contract.ts';
import { notFound } from '../api/errors.ts';
import type { StoredClub } from '../db/clubRepo.ts';
import { draftSlots, getDraftRow, removedDates, slotKey, type RosterRow, type StoredSlot } from '../db/rosterRepo.ts';
import { loadSettings } from '../db/settingsRepo.ts';
import { getRun } from '../db/runRepo.ts';
import { dutyDaysFor } from '../../solver/calendar.ts';
import { inRange } from '../../solver/dates.ts';
import { diagnoseEmptySlots } from '../../solver/diagnose.ts';
import { memberLoads, rosterMetrics } from '../../solver/metrics.ts';
import type { Assignment, SchedulerKind, SchedulingProblem } from '../../solver/types.ts';
import { spacingBreaks, spacingSentence, validateRoster } from '../../solver/validate.ts';
import type { BackendContext } from './context.ts';
import { noDutyDaysReason, problemFor, rollSchedulerFor, storedClub } from './problems.ts';

/**
 * A draft as it stands against the current club data: one slot per duty day and scheduled role.
 * Stored slots outside that grid (a role switched off, a date no longer a duty day) are not shown
 * and are not published.
 */
export interface DraftGrid {
  draft: RosterRow;
  stored: StoredClub;
  problem: SchedulingProblem;
  slots: StoredSlot[];
  removedDates: string[];
}

export function requireDraft(ctx: BackendContext, draftId: number): RosterRow {
  const draft = getDraftRow(ctx.db, draftId);
  if (!draft) throw notFound(`There is no draft ${draftId}; it may have been published or discarded.`, 'draftId');
  return draft;
}

export function draftGrid(ctx: BackendContext, draftId: number): DraftGrid {
  const draft = requireDraft(ctx, draftId);
  const stored = storedClub(ctx);
  const removed = removedDates(ctx.db, draftId);
  const bySlot = new Map(draftSlots(ctx.db, draftId).map((s) => [slotKey(s.date, s.role), s]));
  const locked = [...bySlot.values()].filter((s) => s.locked).map(({ date, role, memberId }) => ({ date, role, memberId }));
  const problem = problemFor(stored, draft.range, removed, locked);
  const slots = problem.dutyDays.flatMap((date) =>
    problem.roles.map((role) => bySlot.get(slotKey(date, role.key)) ?? { date, role: role.key, memberId: null, locked: false }),
  );
  return { draft, stored, problem, slots, removedDates: removed };
}

export const assignmentsOf = (slots: StoredSlot[]): Assignment[] => slots.map(({ date, role, memberId }) => ({ date, role, memberId }));

function rolesOf(grid: { stored: StoredClub; problem: SchedulingProblem }): RoleSetting[] {
  const keys = new Set(grid.problem.roles.map((r) => r.key));
  return grid.stored.roles.filter((r) => keys.has(r.key));
}

export interface SlotBreak {
  date: string;
  role: string;
  memberName: string;
  message: string;
}

/** The grid's slots as shown (names, diagnoses, warnings) and the hard-rule and spacing breaks they hold. */
export function slotViews(grid: DraftGrid): { slots: SlotView[]; ruleBreaks: SlotBreak[]; spacingBreaks: SlotBreak[] } {
  const { problem, stored } = grid;
  const assignments = assignmentsOf(grid.slots);
  const names = new Map(stored.club.members.map((m) => [m.id, m.name]));
  const nameOf = (id: string) => names.get(id) ?? id;
  const diagnosis = new Map(diagnoseEmptySlots(problem, assignments).map((d) => [slotKey(d.date, d.role), d.summary]));
  const warnings = new Map<string, string[]>();
  const warn = (date: string, role: string, text: string) => {
    const key = slotKey(date, role);
    warnings.set(key, [...(warnings.get(key) ?? []), text]);
  };
  const ruleBreaks: SlotBreak[] = [];
  for (const v of validateRoster(problem, assignments)) {
    if (v.memberId === null) continue;
    warn(v.date, v.role, v.message);
    ruleBreaks.push({ date: v.date, role: v.role, memberName: nameOf(v.memberId), message: v.message });
  }
  const spacing: SlotBreak[] = [];
  for (const b of spacingBreaks(problem, assignments)) {
    const text = spacingSentence(problem, b);
    warn(b.date, b.role, text);
    spacing.push({ date: b.date, role: b.role, memberName: nameOf(b.memberId), message: text });
  }

  const slots: SlotView[] = grid.slots.map((s) => ({
    date: s.date,
    role: s.role,
    memberId: s.memberId,
    memberName: s.memberId === null ? null : nameOf(s.memberId),
    locked: s.locked,
    diagnosis: s.memberId === null ? (diagnosis.get(slotKey(s.date, s.role)) ?? null) : null,
    warnings: warnings.get(slotKey(s.date, s.role)) ?? [],
  }));
  return { slots, ruleBreaks, spacingBreaks: spacing };
}

/** The club calendar's removed dates that take a duty day out of this draft, and the labels of its extra days. */
function clubDatesIn(grid: DraftGrid): Pick<DraftView, 'clubRemovedDates' | 'dayLabels'> {
  const { club } = grid.stored;
  const { range } = grid.draft;
  const wouldBe = new Set(dutyDaysFor({ ...club, removedDates: [] }, range));
  const clubRemovedDates = club.removedDates
    .filter((date) => wouldBe.has(date))
    .map((date) => ({ date, reason: club.removedDateReasons?.[date] ?? null }));
  const dayLabels: Record<string, string> = {};
  for (const [date, label] of Object.entries(club.extraDutyDayLabels ?? {})) if (inRange(date, range)) dayLabels[date] = label;
  return { clubRemovedDates, dayLabels };
}

/** The scheduler the next Roll of this draft uses. */
export function draftRollScheduler(ctx: BackendContext, draft: RosterRow): SchedulerKind {
  const run = draft.runId === null ? null : getRun(ctx.db, draft.runId);
  return rollSchedulerFor(loadSettings(ctx.db), draft.range, draft, run?.requestedScheduler ?? null);
}

export function draftView(ctx: BackendContext, draftId: number): DraftView {
  const grid = draftGrid(ctx, draftId);
  const { draft, problem } = grid;
  const assignments = assignmentsOf(grid.slots);
  const { slots, ruleBreaks, spacingBreaks: spacing } = slotViews(grid);
  const run = draft.runId === null ? null : getRun(ctx.db, draft.runId);
  if (!run) throw new Error(`Draft ${draftId} has no generation run.`);
  const { solve_time_ms: _solveTime, ...figures } = rosterMetrics(problem, assignments, 0);
  return {
    id: draft.id,
    range: draft.range,
    dutyDays: problem.dutyDays,
    removedDates: grid.removedDates,
    ...clubDatesIn(grid),
    noDutyDays: noDutyDaysReason(problem.club, draft.range, grid.removedDates),
    roles: rolesOf(grid),
    slots,
    run,
    metrics: { ...figures, spacing_breaks: spacing.length, rule_breaks: new Set(ruleBreaks.map((b) => slotKey(b.date, b.role))).size },
    activeScheduler: draftRollScheduler(ctx, draft),
    loads: memberLoads(assignments),
  };
}
