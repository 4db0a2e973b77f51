import type { DraftView, MonthRef, MonthStatus, PublishCheck, PublishedView, SlotCandidate } from '../api/contract.ts';
import { badInput, conflict, notFound } from '../api/errors.ts';
import {
  deleteRoster,
  draftSlots,
  draftSnapshot,
  draftsOverlapping,
  forgetReplacedDraft,
  insertDraft,
  insertDraftFromSnapshot,
  keepReplacedDraft,
  publishedSlots,
  removedDates,
  replacedDraft,
  replacePublished,
  setDateRemovedRow,
  setDraftRun,
  slotKey,
  touchDraft,
  upsertSlot,
  writeDraftSlots,
  writeRemovedDates,
  type ReplacingAction,
  type StoredSlot,
} from '../db/rosterRepo.ts';
import { loadSettings } from '../db/settingsRepo.ts';
import { isIsoDate, inRange } from '../../solver/dates.ts';
import { compareRosters } from '../../solver/metrics.ts';
import type { Assignment, DateRange, IsoDate, SchedulerKind, SchedulingProblem } from '../../solver/types.ts';
import { candidatesForSlot } from '../../solver/validate.ts';
import { rankCandidates } from '../../solver/slotRanking.ts';
import type { StoredClub } from '../db/clubRepo.ts';
import { nowIso, type BackendContext } from './context.ts';
import { assignmentsOf, draftGrid, draftRollScheduler, draftView, requireDraft, slotViews, type DraftGrid } from './draftView.ts';
import { asGeneration, recordedGeneration, type RecordedRoster } from './generation.ts';
import { noDutyDaysReason, problemFor, rangeOf, schedulerFor, storedClub } from './problems.ts';
import { recordComparison } from './comparisons.ts';
import { publishedInfo, publishedView } from './published.ts';

/**
 * The roster workflow. A range has at most one draft: generating replaces the drafts it overlaps,
 * keeping their removed dates and locked slots that fall inside the new range. Removing a date
 * takes it out of the grid but keeps its slots, so restoring it brings them back. Nothing else in
 * the draft changes on either. The draft a Roll, Generate, Adopt or Discard replaces is kept as the
 * one that can be brought back (restoreReplacedDraft).
 */

const sameRange = (a: DateRange, b: DateRange): boolean => a.start === b.start && a.end === b.end;

export interface GeneratedDraft {
  range: DateRange;
  assignments: Assignment[];
  runId: number;
  locked: ReadonlySet<string>;
  removed: IsoDate[];
  /** Slots on removed dates, kept out of the grid until their date is restored. */
  parked: StoredSlot[];
  /** What replaces the draft(s) there: the replaced one is kept for undo. */
  action: ReplacingAction;
}

/** Stores a generated roster as the draft of `range`; returns the draft id (kept when that range had a draft). */
export function saveGeneratedDraft(ctx: BackendContext, generated: GeneratedDraft): number {
  const { range } = generated;
  const settingsScheduler = schedulerFor(loadSettings(ctx.db), range);
  return ctx.db
    .transaction(() => {
      const now = nowIso(ctx);
      const overlapping = draftsOverlapping(ctx.db, range);
      const replaced = overlapping[0] ? draftSnapshot(ctx.db, overlapping[0].id) : null;
      if (replaced) keepReplacedDraft(ctx.db, generated.action, replaced, now);
      const kept = overlapping.find((d) => sameRange(d.range, range));
      for (const d of overlapping) if (d !== kept) deleteRoster(ctx.db, d.id);
      const id = kept?.id ?? insertDraft(ctx.db, range, generated.runId, now);
      setDraftRun(ctx.db, id, generated.runId, settingsScheduler, now);
      const removed = new Set(generated.removed);
      const parked = generated.parked.filter((s) => removed.has(s.date));
      writeDraftSlots(
        ctx.db,
        id,
        generated.assignments.filter((a) => !removed.has(a.date)),
        generated.locked,
      );
      for (const s of parked) upsertSlot(ctx.db, id, s);
      ctx.db.prepare('DELETE FROM roster_removed_date WHERE roster_id = ?').run(id);
      writeRemovedDates(ctx.db, id, generated.removed);
      return id;
    })
    .immediate();
}

/** What the drafts overlapping `range` hold inside it: removed dates, locked slots, and the slots kept on removed dates. */
export function remembered(ctx: BackendContext, range: DateRange): { removed: IsoDate[]; locked: Assignment[]; parked: StoredSlot[] } {
  const removed = new Set<IsoDate>();
  const locked: Assignment[] = [];
  const slots: StoredSlot[] = [];
  for (const d of draftsOverlapping(ctx.db, range)) {
    for (const date of removedDates(ctx.db, d.id)) if (inRange(date, range)) removed.add(date);
    for (const s of draftSlots(ctx.db, d.id)) {
      if (!inRange(s.date, range)) continue;
      slots.push(s);
      if (s.locked) locked.push({ date: s.date, role: s.role, memberId: s.memberId });
    }
  }
  return { removed: [...removed].sort(), locked, parked: slots.filter((s) => removed.has(s.date)) };
}

async function generateFor(ctx: BackendContext, range: DateRange, scheduler: SchedulerKind, action: ReplacingAction): Promise<DraftView> {
  const settings = loadSettings(ctx.db);
  const stored = storedClub(ctx);
  const { removed, locked, parked } = remembered(ctx, range);
  const problem = problemFor(stored, range, removed, locked);
  const generated = await asGeneration(ctx, (signal) => recordedGeneration(ctx, problem, scheduler, 'draft', signal));
  const lockedKeys = new Set(problem.locked.map((a) => slotKey(a.date, a.role)));
  const id = saveGeneratedDraft(ctx, {
    range,
    assignments: generated.document.assignments,
    runId: generated.runId,
    locked: lockedKeys,
    removed,
    parked,
    action,
  });
  ctx.log.info('Draft saved', { draft_id: id, run_id: generated.runId, range_start: range.start, range_end: range.end });
  if (scheduler === 'legacy' && settings.shadowMode) startShadow(ctx, stored, problem, generated, removed);
  return draftView(ctx, id);
}

/** Shadow mode: the optimizer also runs on the same problem in the background and a comparison is recorded. */
function startShadow(
  ctx: BackendContext,
  stored: StoredClub,
  problem: SchedulingProblem,
  legacy: RecordedRoster,
  removed: IsoDate[],
): void {
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
  const range = rangeOf(month);
  return generateFor(ctx, range, schedulerFor(loadSettings(ctx.db), range), 'generate');
}

/**
 * A new generation of the draft's range (a new seed for legacy, a new run for the optimizer), keeping
 * locks and removed dates; by the scheduler that made the draft (see rollSchedulerFor) unless `scheduler` is given.
 */
export function rollDraft(ctx: BackendContext, draftId: number, scheduler?: SchedulerKind): Promise<DraftView> {
  const draft = requireDraft(ctx, draftId);
  return generateFor(ctx, draft.range, scheduler ?? draftRollScheduler(ctx, draft), 'roll');
}

function checkDate(grid: DraftGrid, date: IsoDate): void {
  if (!isIsoDate(date)) throw badInput(`"${String(date)}" is not a date (YYYY-MM-DD).`, 'date');
  if (!inRange(date, grid.draft.range))
    throw badInput(`${date} is outside this draft (${grid.draft.range.start} to ${grid.draft.range.end}).`, 'date');
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
 * Publishes a draft in one transaction: its slots replace whatever was published for those days (a
 * new version), members' last duty dates follow, and the draft is gone. A draft without duty days is
 * refused, and so is one that breaks a hard rule unless `publishAnyway`. A failure leaves everything as it was.
 */
export function publishDraft(ctx: BackendContext, draftId: number, publishAnyway = false): PublishedView {
  const grid = draftGrid(ctx, draftId);
  const check = publishCheckOf(ctx, grid);
  if (check.noDutyDays !== null) throw conflict(`Nothing to publish. ${check.noDutyDays}`);
  if (check.ruleBreaks.length > 0 && !publishAnyway) {
    throw conflict(
      `${check.ruleBreaks.length} ${check.ruleBreaks.length === 1 ? 'slot breaks' : 'slots break'} a hard rule (${check.ruleBreaks[0].message}). Fix them first, or publish anyway ("Publish anyway" in the app, --anyway on the command line).`,
      'publishAnyway',
    );
  }
  const { range } = grid.draft;
  const { version } = ctx.db
    .transaction(() => {
      const published = replacePublished(ctx.db, range, assignmentsOf(grid.slots), nowIso(ctx));
      deleteRoster(ctx.db, draftId);
      return published;
    })
    .immediate();
  const filled = grid.slots.filter((s) => s.memberId !== null).length;
  ctx.log.info('Roster published', {
    draft_id: draftId,
    range_start: range.start,
    range_end: range.end,
    version,
    filled_slots: filled,
    total_slots: grid.slots.length,
    rule_breaks: check.ruleBreaks.length,
    changed_slots: check.changedSlots,
  });
  return publishedView(ctx, range)!;
}

/** What publishing the draft would do: the empty slots, the hard-rule and spacing breaks, and what it replaces. */
export function publishCheck(ctx: BackendContext, draftId: number): PublishCheck {
  return publishCheckOf(ctx, draftGrid(ctx, draftId));
}

function publishCheckOf(ctx: BackendContext, grid: DraftGrid): PublishCheck {
  const view = slotViews(grid);
  const titles = new Map(grid.problem.roles.map((r) => [r.key, r.title]));
  const at = (s: { date: IsoDate; role: string }) => ({ date: s.date, role: s.role, roleTitle: titles.get(s.role) ?? s.role });
  const published = publishedInfo(ctx, grid.draft.range);
  const current = publishedSlots(ctx.db, grid.draft.range);
  return {
    draftId: grid.draft.id,
    noDutyDays: noDutyDaysReason(grid.problem.club, grid.draft.range, grid.removedDates),
    emptySlots: view.slots.filter((s) => s.memberId === null).map((s) => ({ ...at(s), diagnosis: s.diagnosis })),
    ruleBreaks: view.ruleBreaks.map((b) => ({ ...at(b), memberName: b.memberName, message: b.message })),
    spacingBreaks: view.spacingBreaks.map((b) => ({ ...at(b), memberName: b.memberName, message: b.message })),
    published,
    changedSlots: published === null ? null : compareRosters(current, assignmentsOf(grid.slots)).changed_slots,
  };
}

/** Throws the draft away; it stays the one draft that can be brought back. */
export function discardDraft(ctx: BackendContext, draftId: number): void {
  requireDraft(ctx, draftId);
  ctx.db
    .transaction(() => {
      keepReplacedDraft(ctx.db, 'discard', draftSnapshot(ctx.db, draftId)!, nowIso(ctx));
      deleteRoster(ctx.db, draftId);
    })
    .immediate();
  ctx.log.info('Draft discarded', { draft_id: draftId });
}

/**
 * Brings back the draft the last Roll, Generate, Adopt or Discard replaced. The drafts now holding
 * its dates are replaced in turn and kept, so bringing back can itself be undone.
 */
export function restoreReplacedDraft(ctx: BackendContext): DraftView {
  const id = ctx.db
    .transaction(() => {
      const kept = replacedDraft(ctx.db);
      if (!kept) throw notFound('There is no replaced draft to bring back.');
      const now = nowIso(ctx);
      const overlapping = draftsOverlapping(ctx.db, kept.draft.range);
      const current = overlapping[0] ? draftSnapshot(ctx.db, overlapping[0].id) : null;
      for (const d of overlapping) deleteRoster(ctx.db, d.id);
      const restored = insertDraftFromSnapshot(ctx.db, kept.draft, now);
      if (current) keepReplacedDraft(ctx.db, 'undo', current, now);
      else forgetReplacedDraft(ctx.db);
      return restored;
    })
    .immediate();
  ctx.log.info('Replaced draft brought back', { draft_id: id });
  return draftView(ctx, id);
}

/** What the Propose page shows about a month besides its draft: duty days, why there are none, what is published, what can be brought back. */
export function monthStatus(ctx: BackendContext, month: MonthRef): MonthStatus {
  const range = rangeOf(month);
  const stored = storedClub(ctx);
  const { removed } = remembered(ctx, range);
  const problem = problemFor(stored, range, removed, []);
  const kept = replacedDraft(ctx.db);
  const overlaps = kept !== null && kept.draft.range.start <= range.end && kept.draft.range.end >= range.start;
  return {
    range,
    dutyDays: problem.dutyDays,
    noDutyDays: noDutyDaysReason(stored.club, range, removed),
    published: publishedInfo(ctx, range),
    replacedDraft: overlaps ? { action: kept.action, replacedAt: kept.replacedAt, range: kept.draft.range } : null,
  };
}
