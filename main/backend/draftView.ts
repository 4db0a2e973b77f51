import type { DraftView, RoleSetting, SlotView } from '../api/contract.ts';
import { notFound } from '../api/errors.ts';
import type { StoredClub } from '../db/clubRepo.ts';
import { draftSlots, getDraftRow, removedDates, slotKey, type RosterRow, type StoredSlot } from '../db/rosterRepo.ts';
import { loadSettings } from '../db/settingsRepo.ts';
import { getRun } from '../db/runRepo.ts';
import { diagnoseEmptySlots } from '../../solver/diagnose.ts';
import { memberLoads } from '../../solver/metrics.ts';
import type { Assignment, SchedulingProblem } from '../../solver/types.ts';
import { spacingBreaks, spacingSentence, validateRoster } from '../../solver/validate.ts';
import type { BackendContext } from './context.ts';
import { problemFor, schedulerFor, storedClub } from './problems.ts';

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

export function draftView(ctx: BackendContext, draftId: number): DraftView {
  const grid = draftGrid(ctx, draftId);
  const { draft, problem, stored } = grid;
  const assignments = assignmentsOf(grid.slots);
  const names = new Map(stored.club.members.map((m) => [m.id, m.name]));
  const diagnosis = new Map(diagnoseEmptySlots(problem, assignments).map((d) => [slotKey(d.date, d.role), d.summary]));
  const warnings = new Map<string, string[]>();
  const warn = (date: string, role: string, text: string) => {
    const key = slotKey(date, role);
    warnings.set(key, [...(warnings.get(key) ?? []), text]);
  };
  for (const v of validateRoster(problem, assignments)) if (v.memberId !== null) warn(v.date, v.role, v.message);
  for (const b of spacingBreaks(problem, assignments)) warn(b.date, b.role, spacingSentence(problem, b));

  const slots: SlotView[] = grid.slots.map((s) => ({
    date: s.date,
    role: s.role,
    memberId: s.memberId,
    memberName: s.memberId === null ? null : (names.get(s.memberId) ?? s.memberId),
    locked: s.locked,
    diagnosis: s.memberId === null ? (diagnosis.get(slotKey(s.date, s.role)) ?? null) : null,
    warnings: warnings.get(slotKey(s.date, s.role)) ?? [],
  }));
  const run = draft.runId === null ? null : getRun(ctx.db, draft.runId);
  if (!run) throw new Error(`Draft ${draftId} has no generation run.`);
  return {
    id: draft.id,
    range: draft.range,
    dutyDays: problem.dutyDays,
    removedDates: grid.removedDates,
    roles: rolesOf(grid),
    slots,
    run,
    activeScheduler: schedulerFor(loadSettings(ctx.db), draft.range),
    loads: memberLoads(assignments),
  };
}
