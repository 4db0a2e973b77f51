import type { DraftView, MonthRef, PublishedView, SlotCandidate } from '../api/contract.ts';
import { badInput } from '../api/errors.ts';
import {
  deleteRoster,
  draftSlots,
  draftsOverlapping,
  insertDraft,
  removedDates,
  replacePublished,
  setDateRemovedRow,
  setDraftRun,
  slotKey,
  touchDraft,
  upsertSlot,
  writeDraftSlots,
  writeRemovedDates,
} from '../db/rosterRepo.ts';
import { loadSettings } from '../db/settingsRepo.ts';
import { isIsoDate, inRange } from '../../solver/dates.ts';
import type { Assignment, DateRange, IsoDate, SchedulingProblem } from '../../solver/types.ts';
import { candidatesForSlot } from '../../solver/validate.ts';
import { rankCandidates } from '../../solver/slotRanking.ts';
import type { StoredClub } from '../db/clubRepo.ts';
import { nowIso, type BackendContext } from './context.ts';
import { assignmentsOf, draftGrid, draftView, requireDraft, type DraftGrid } from './draftView.ts';
import { asGeneration, recordedGeneration, type RecordedRoster } from './generation.ts';
import { problemFor, rangeOf, schedulerFor, storedClub } from './problems.ts';
import { recordComparison } from './comparisons.ts';
import { publishedView } from './published.ts';

/**
 * The roster workflow. A range has at most one draft: generating replaces the drafts it overlaps,
 * keeping their removed dates and locked slots that fall inside the new range. Removing a date
 * clears that date's slots (locks included); restoring it brings the date back with empty slots,
 * filled by the next Roll or by hand. Nothing else in the draft changes on either.
 */

const sameRange = (a: DateRange, b: DateRange): boolean => a.start === b.start && a.end === b.end;

/** Stores a generated roster as the draft of `range`; returns the draft id (kept when that range had a draft). */
export function saveGeneratedDraft(
  ctx: BackendContext,
  range: DateRange,
  assignments: Assignment[],
  runId: number,
  locked: ReadonlySet<string>,
  removed: IsoDate[],
): number {
  return ctx.db
    .transaction(() => {
      const now = nowIso(ctx);
      const overlapping = draftsOverlapping(ctx.db, range);
      const kept = overlapping.find((d) => sameRange(d.range, range));
      for (const d of overlapping) if (d !== kept) deleteRoster(ctx.db, d.id);
      const id = kept?.id ?? insertDraft(ctx.db, range, runId, now);
      setDraftRun(ctx.db, id, runId, now);
      writeDraftSlots(ctx.db, id, assignments, locked);
      ctx.db.prepare('DELETE FROM roster_removed_date WHERE roster_id = ?').run(id);
      writeRemovedDates(ctx.db, id, removed);
      return id;
    })
    .immediate();
}

/** Removed dates and locked slots the drafts overlapping `range` hold inside it. */
function remembered(ctx: BackendContext, range: DateRange): { removed: IsoDate[]; locked: Assignment[] } {
  const removed = new Set<IsoDate>();
  const locked: Assignment[] = [];
  for (const d of draftsOverlapping(ctx.db, range)) {
    for (const date of removedDates(ctx.db, d.id)) if (inRange(date, range)) removed.add(date);
    for (const s of draftSlots(ctx.db, d.id)) if (s.locked && inRange(s.date, range)) locked.push({ date: s.date, role: s.role, memberId: s.memberId });
  }
  return { removed: [...removed].sort(), locked };
}

async function generateFor(ctx: BackendContext, range: DateRange): Promise<DraftView> {
  const settings = loadSettings(ctx.db);
  const scheduler = schedulerFor(settings, range);
  const stored = storedClub(ctx);
  const { removed, locked } = remembered(ctx, range);
  const problem = problemFor(stored, range, removed, locked);
  const generated = await asGeneration(ctx, (signal) => recordedGeneration(ctx, problem, scheduler, 'draft', signal));
  const lockedKeys = new Set(problem.locked.map((a) => slotKey(a.date, a.role)));
  const id = saveGeneratedDraft(ctx, range, generated.document.assignments, generated.runId, lockedKeys, removed);
  ctx.log.info('Draft saved', { draft_id: id, run_id: generated.runId, range_start: range.start, range_end: range.end });
  if (scheduler === 'legacy' && settings.shadowMode) startShadow(ctx, stored, problem, generated, removed);
  return draftView(ctx, id);
}

/** Shadow mode: the optimizer also runs on the same problem in the background and a comparison is recorded. */
function startShadow(ctx: BackendContext, stored: StoredClub, problem: SchedulingProblem, legacy: RecordedRoster, removed: IsoDate[]): void {
  ctx.generations.inBackground(async (signal) => {
    try {
      const optimizer = await recordedGeneration(ctx, problem, 'optimizer', 'shadow', signal);
      recordComparison(ctx, stored, problem, legacy, optimizer, removed);
    } catch (error) {
      ctx.log.warn('Shadow comparison not recorded', { error: error instanceof Error ? error.message : String(error) });
    }
  });
}

export function getDraft(ctx: BackendContext, month: MonthRef): DraftView | null {
  const found = draftsOverlapping(ctx.db, rangeOf(month))[0];
  return found ? draftView(ctx, found.id) : null;
}

export function generateDraft(ctx: BackendContext, month: MonthRef): Promise<DraftView> {
  return generateFor(ctx, rangeOf(month));
}

/** A new generation of the draft's range (a new seed for legacy, a new run for the optimizer), keeping locks and removed dates. */
export function rollDraft(ctx: BackendContext, draftId: number): Promise<DraftView> {
  return generateFor(ctx, requireDraft(ctx, draftId).range);
}

function checkDate(grid: DraftGrid, date: IsoDate): void {
  if (!isIsoDate(date)) throw badInput(`"${String(date)}" is not a date (YYYY-MM-DD).`, 'date');
  if (!inRange(date, grid.draft.range)) throw badInput(`${date} is outside this draft (${grid.draft.range.start} to ${grid.draft.range.end}).`, 'date');
}

function checkSlot(grid: DraftGrid, date: IsoDate, role: string): void {
  checkDate(grid, date);
  if (!grid.problem.dutyDays.includes(date)) throw badInput(`${date} is not a duty day of this draft.`, 'date');
  if (!grid.problem.roles.some((r) => r.key === role)) throw badInput(`"${role}" is not a role scheduled in this draft.`, 'role');
}

export function setDateRemoved(ctx: BackendContext, draftId: number, date: IsoDate, removed: boolean): DraftView {
  const grid = draftGrid(ctx, draftId);
  checkDate(grid, date);
  if (removed && !grid.problem.dutyDays.includes(date) && !grid.removedDates.includes(date)) {
    throw badInput(`${date} is not a duty day of this draft.`, 'date');
  }
  ctx.db
    .transaction(() => {
      setDateRemovedRow(ctx.db, draftId, date, removed);
      touchDraft(ctx.db, draftId, nowIso(ctx));
    })
    .immediate();
  ctx.log.info(removed ? 'Date removed from draft' : 'Date restored to draft', { draft_id: draftId, date });
  return draftView(ctx, draftId);
}

export function slotCandidates(ctx: BackendContext, draftId: number, date: IsoDate, role: string): SlotCandidate[] {
  const grid = draftGrid(ctx, draftId);
  checkSlot(grid, date, role);
  const assignments = assignmentsOf(grid.slots);
  return rankCandidates(grid.problem, assignments, { date, role }, candidatesForSlot(grid.problem, assignments, date, role));
}

/** Fills (or empties) a slot by hand. Hard rules are enforced: an ineligible member is refused with the reason. */
export function setSlot(ctx: BackendContext, draftId: number, date: IsoDate, role: string, memberId: string | null): DraftView {
  const grid = draftGrid(ctx, draftId);
  checkSlot(grid, date, role);
  if (memberId !== null) {
    const candidate = candidatesForSlot(grid.problem, assignmentsOf(grid.slots), date, role).find((c) => c.memberId === memberId);
    if (!candidate) throw badInput(`There is no member with id "${memberId}".`, 'memberId');
    if (!candidate.eligible) throw badInput(`${candidate.name} cannot fill this slot: ${candidate.reason}.`, 'memberId');
  }
  const current = grid.slots.find((s) => s.date === date && s.role === role)!;
  ctx.db
    .transaction(() => {
      upsertSlot(ctx.db, draftId, { date, role, memberId, locked: current.locked });
      touchDraft(ctx.db, draftId, nowIso(ctx));
    })
    .immediate();
  ctx.log.info('Slot set by hand', { draft_id: draftId, date, role, member_id: memberId });
  return draftView(ctx, draftId);
}

export function setSlotLocked(ctx: BackendContext, draftId: number, date: IsoDate, role: string, locked: boolean): DraftView {
  const grid = draftGrid(ctx, draftId);
  checkSlot(grid, date, role);
  const current = grid.slots.find((s) => s.date === date && s.role === role)!;
  ctx.db
    .transaction(() => {
      upsertSlot(ctx.db, draftId, { ...current, locked });
      touchDraft(ctx.db, draftId, nowIso(ctx));
    })
    .immediate();
  return draftView(ctx, draftId);
}

/**
 * Publishes a draft in one transaction: its slots replace whatever was published for those days,
 * members' last duty dates follow, and the draft is gone. A failure leaves everything as it was.
 */
export function publishDraft(ctx: BackendContext, draftId: number): PublishedView {
  const grid = draftGrid(ctx, draftId);
  const { range } = grid.draft;
  ctx.db
    .transaction(() => {
      replacePublished(ctx.db, range, assignmentsOf(grid.slots), nowIso(ctx));
      deleteRoster(ctx.db, draftId);
    })
    .immediate();
  const filled = grid.slots.filter((s) => s.memberId !== null).length;
  ctx.log.info('Roster published', { draft_id: draftId, range_start: range.start, range_end: range.end, filled_slots: filled, total_slots: grid.slots.length });
  return publishedView(ctx, range)!;
}

export function discardDraft(ctx: BackendContext, draftId: number): void {
  requireDraft(ctx, draftId);
  deleteRoster(ctx.db, draftId);
  ctx.log.info('Draft discarded', { draft_id: draftId });
}
