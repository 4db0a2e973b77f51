import { addDays } from './dates.ts';
import { BLOCK_REASON_TEXT, Eligibility, RosterState, type BlockReason } from './eligibility.ts';
import { historyBefore, type HistoryBefore } from './history.ts';
import type { Assignment, IsoDate, Member, Role, SchedulingProblem } from './types.ts';

/**
 * Checks a roster against a problem: structure (every slot exactly once, known members, locked
 * slots kept) and the hard rules 1-7. Spacing rules are strict but not hard; `spacingBreaks` lists them.
 */

export type ViolationRule =
  | 'unknown_member'
  | 'unknown_role'
  | 'not_duty_day'
  | 'duplicate_slot'
  | 'missing_slot'
  | 'locked_changed'
  | BlockReason;

export interface RosterViolation {
  date: IsoDate;
  role: string;
  memberId: string | null;
  rule: ViolationRule;
  message: string;
  /**
   * True when the slot is a locked slot kept as locked: the rostermeister's own choice, not a
   * scheduler's fault. Locked slots are checked first, so a clash with a scheduled slot is reported on that one.
   */
  locked: boolean;
}

export type SpacingRule = 'neighbouring_day' | 'carry_over' | 'seven_days';

export interface SpacingBreak {
  date: IsoDate;
  role: string;
  memberId: string;
  rule: SpacingRule;
  /**
   * The other date the member filled the same role: a duty day, or a published day before the range.
   * Always the earlier date in `spacingBreaks`.
   */
  otherDate: IsoDate;
}

export function validateRoster(problem: SchedulingProblem, assignments: Assignment[]): RosterViolation[] {
  const violations: RosterViolation[] = [];
  const lockedAs = new Map(problem.locked.map((l) => [slotKey(l.date, l.role), l.memberId]));
  const keptLocked = (slot: Assignment) => {
    const key = slotKey(slot.date, slot.role);
    return lockedAs.has(key) && lockedAs.get(key) === slot.memberId;
  };
  const report = (slot: Assignment, rule: ViolationRule, message: string, locked = false) =>
    violations.push({ date: slot.date, role: slot.role, memberId: slot.memberId, rule, message, locked });

  const eligibility = new Eligibility(problem.club, problem.range);
  const roles = new Map(problem.roles.map((r) => [r.key, r]));
  const days = new Set(problem.dutyDays);
  const listed = new Map<string, Assignment>();
  const checked: { slot: Assignment; role: Role }[] = [];

  for (const slot of assignments) {
    const role = roles.get(slot.role);
    if (!role) {
      report(slot, 'unknown_role', `"${slot.role}" is not a role of this roster.`);
      continue;
    }
    if (!days.has(slot.date)) {
      report(slot, 'not_duty_day', `${slot.date} is not a duty day of this roster.`);
      continue;
    }
    const key = slotKey(slot.date, slot.role);
    if (listed.has(key)) {
      report(slot, 'duplicate_slot', `The ${role.title} slot on ${slot.date} is listed more than once.`);
      continue;
    }
    listed.set(key, slot);
    if (slot.memberId !== null && !eligibility.members.has(slot.memberId)) {
      report(slot, 'unknown_member', `No member has the id "${slot.memberId}".`);
      continue;
    }
    checked.push({ slot, role });
  }

  for (const date of problem.dutyDays) {
    for (const role of problem.roles) {
      if (!listed.has(slotKey(date, role.key))) {
        report({ date, role: role.key, memberId: null }, 'missing_slot', `The ${role.title} slot on ${date} is missing.`);
      }
    }
  }

  for (const lock of problem.locked) {
    const slot = listed.get(slotKey(lock.date, lock.role));
    if (slot && slot.memberId !== lock.memberId) {
      const title = roles.get(lock.role)?.title ?? lock.role;
      report(slot, 'locked_changed', `The ${title} slot on ${lock.date} is locked to ${nameOf(eligibility, lock.memberId)}.`);
    }
  }

  const state = new RosterState(eligibility);
  const lockedFirst = [
    ...sortedByDate(checked.filter((c) => keptLocked(c.slot)), problem.roles),
    ...sortedByDate(checked.filter((c) => !keptLocked(c.slot)), problem.roles),
  ];
  for (const { slot, role } of lockedFirst) {
    const memberId = slot.memberId;
    if (memberId === null) continue;
    const locked = keptLocked(slot);
    const name = nameOf(eligibility, memberId);
    const staticReason = eligibility.staticBlock(memberId, role, slot.date);
    if (staticReason) report(slot, staticReason, `${name} may not be ${role.title}: ${BLOCK_REASON_TEXT[staticReason]}.`, locked);

    const sameDay = state.membersOn(slot.date);
    const otherRole = sameDay.get(memberId);
    if (otherRole !== undefined) {
      const otherTitle = roles.get(otherRole)?.title ?? otherRole;
      report(slot, 'on_duty_that_day', `${name} is already ${otherTitle} on ${slot.date}.`, locked);
    }
    for (const other of sameDay.keys()) {
      if (other !== memberId && eligibility.avoids(memberId, other)) {
        report(slot, 'avoids_someone_on_duty', `${name} and ${nameOf(eligibility, other)} avoid each other but are both on duty on ${slot.date}.`, locked);
      }
    }
    if (state.load(memberId) >= eligibility.cap(memberId) && staticReason !== 'cap_zero') {
      report(slot, 'at_cap', `${name} is on duty more than the limit of ${eligibility.cap(memberId)} in this range.`, locked);
    }
    state.assign(slot.date, slot.role, memberId);
  }
  return sortedByDate(violations.map((slot) => ({ slot })), problem.roles).map(({ slot }) => slot);
}

/**
 * Every strict spacing rule the roster breaks: the same member in the same role on neighbouring duty
 * days, the carry-over member in the same role on the first day, and (unless the member allows weekend
 * doubles) the same role on a day and 7 days later, counting published days before the range.
 * One pair of dates can break more than one rule (e.g. neighbouring duty days a week apart); each is listed.
 */
export function spacingBreaks(problem: SchedulingProblem, assignments: Assignment[]): SpacingBreak[] {
  const context = spacingContext(problem, holdersBySlot(problem, assignments));
  const breaks: SpacingBreak[] = [];
  problem.dutyDays.forEach((date, dayIndex) => {
    for (const role of problem.roles) {
      const memberId = context.holders.get(slotKey(date, role.key));
      if (!memberId) continue;
      for (const found of spacingFor(context, memberId, role.key, date, dayIndex)) {
        if (found.otherDate < date) breaks.push(found);
      }
    }
  });
  return breaks;
}

export interface SlotCandidate {
  memberId: string;
  name: string;
  /** False when a hard rule forbids it (the slot's current holder ignored); `reason` says which. */
  eligible: boolean;
  reason: string | null;
  /** Allowed, but worth a second look: spacing breaks it would cause, reaching the limit. */
  warnings: string[];
  /** Slots the member fills in the roster, this slot not counted. */
  load: number;
  cap: number;
}

/**
 * Every member as a candidate for one slot of the manual editor: eligible ones first, then by load
 * (club order breaks ties). The rest of the roster stays as it is; the slot's current holder is ignored.
 */
export function candidatesForSlot(
  problem: SchedulingProblem,
  assignments: Assignment[],
  date: IsoDate,
  roleKey: string,
): SlotCandidate[] {
  const role = problem.roles.find((r) => r.key === roleKey);
  if (!role) throw new Error(`"${roleKey}" is not a role of this roster.`);
  const dayIndex = problem.dutyDays.indexOf(date);
  if (dayIndex < 0) throw new Error(`${date} is not a duty day of this roster.`);

  const key = slotKey(date, roleKey);
  const holders = holdersBySlot(problem, assignments);
  holders.delete(key);
  const eligibility = new Eligibility(problem.club, problem.range);
  const state = new RosterState(eligibility);
  for (const day of problem.dutyDays) {
    for (const r of problem.roles) {
      const memberId = holders.get(slotKey(day, r.key));
      if (memberId && eligibility.members.has(memberId)) state.assign(day, r.key, memberId);
    }
  }
  const context = spacingContext(problem, holders);

  const candidates = problem.club.members.map((m): SlotCandidate => {
    const block = state.block(m.id, role, date);
    const load = state.load(m.id);
    const cap = eligibility.cap(m.id);
    const warnings = spacingFor(context, m.id, roleKey, date, dayIndex).map((b) => spacingWarning(b, role));
    if (block === null && load + 1 === cap) warnings.push(`reaches the limit of ${cap} duties`);
    return { memberId: m.id, name: m.name, eligible: block === null, reason: block && BLOCK_REASON_TEXT[block], warnings, load, cap };
  });
  return candidates
    .map((c, index) => ({ c, index }))
    .sort((a, b) => Number(b.c.eligible) - Number(a.c.eligible) || a.c.load - b.c.load || a.index - b.index)
    .map(({ c }) => c);
}

function spacingWarning(found: SpacingBreak, role: Role): string {
  switch (found.rule) {
    case 'neighbouring_day':
      return `also ${role.title} on ${found.otherDate}, the neighbouring duty day`;
    case 'carry_over':
      return `was ${role.title} on the last published day (${found.otherDate})`;
    case 'seven_days':
      return `also ${role.title} on ${found.otherDate}, 7 days apart`;
  }
}

interface SpacingContext {
  problem: SchedulingProblem;
  holders: ReadonlyMap<string, string>;
  history: HistoryBefore;
  members: ReadonlyMap<string, Member>;
}

function spacingContext(problem: SchedulingProblem, holders: ReadonlyMap<string, string>): SpacingContext {
  return {
    problem,
    holders,
    history: historyBefore(problem.club, problem.range.start),
    members: new Map(problem.club.members.map((m) => [m.id, m])),
  };
}

/** The spacing breaks `memberId` in (date, role) takes part in, looking backwards and forwards. */
function spacingFor(context: SpacingContext, memberId: string, role: string, date: IsoDate, dayIndex: number): SpacingBreak[] {
  const { problem, holders, history } = context;
  const found: SpacingBreak[] = [];
  const add = (rule: SpacingRule, otherDate: IsoDate) => found.push({ date, role, memberId, rule, otherDate });

  const previousDay = problem.dutyDays[dayIndex - 1];
  const nextDay = problem.dutyDays[dayIndex + 1];
  if (previousDay !== undefined && holders.get(slotKey(previousDay, role)) === memberId) add('neighbouring_day', previousDay);
  if (nextDay !== undefined && holders.get(slotKey(nextDay, role)) === memberId) add('neighbouring_day', nextDay);
  if (dayIndex === 0 && history.carryOverDate && history.carryOver.get(role) === memberId) add('carry_over', history.carryOverDate);

  if (!context.members.get(memberId)?.allowWeekendDouble) {
    const weekBefore = addDays(date, -7);
    const weekAfter = addDays(date, 7);
    if (holders.get(slotKey(weekBefore, role)) === memberId || history.publishedByDate.get(weekBefore)?.get(memberId) === role) {
      add('seven_days', weekBefore);
    }
    if (holders.get(slotKey(weekAfter, role)) === memberId) add('seven_days', weekAfter);
  }
  return found;
}

/** Slot key -> member id for the filled slots of the problem (first listing of a slot wins). */
function holdersBySlot(problem: SchedulingProblem, assignments: Assignment[]): Map<string, string> {
  const days = new Set(problem.dutyDays);
  const roles = new Set(problem.roles.map((r) => r.key));
  const holders = new Map<string, string>();
  const seen = new Set<string>();
  for (const a of assignments) {
    const key = slotKey(a.date, a.role);
    if (!days.has(a.date) || !roles.has(a.role) || seen.has(key)) continue;
    seen.add(key);
    if (a.memberId !== null) holders.set(key, a.memberId);
  }
  return holders;
}

function slotKey(date: IsoDate, role: string): string {
  return `${date}|${role}`;
}

function sortedByDate<T extends { slot: { date: IsoDate; role: string } }>(items: T[], roles: Role[]): T[] {
  const roleIndex = new Map(roles.map((r, i) => [r.key, i]));
  return [...items].sort(
    (a, b) => a.slot.date.localeCompare(b.slot.date) || (roleIndex.get(a.slot.role) ?? 0) - (roleIndex.get(b.slot.role) ?? 0),
  );
}

function nameOf(eligibility: Eligibility, memberId: string | null): string {
  if (memberId === null) return 'nobody';
  return eligibility.members.get(memberId)?.name ?? memberId;
}
