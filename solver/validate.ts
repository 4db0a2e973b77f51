import { Eligibility, RosterState } from './eligibility.ts';
import { reachesCap } from './rules/cap.ts';
import { BLOCK_REASON_TEXT, type BlockReason } from './rules/index.ts';
import type { Words } from './rules/rule.ts';
import { SPACING_RULE, spacingContext, spacingFor, type SpacingBreak } from './rules/spacing.ts';
import type { Assignment, IsoDate, Role, SchedulingProblem } from './types.ts';

export type { SpacingBreak } from './rules/spacing.ts';

/**
 * Checks a roster against a problem: structure (every slot exactly once, known members, locked
 * slots kept) and every hard rule of the catalogue (rules/). Spacing rules are strict but not hard;
 * `spacingBreaks` lists them.
 */

export type ViolationRule =
  'unknown_member' | 'unknown_role' | 'not_duty_day' | 'duplicate_slot' | 'missing_slot' | 'locked_changed' | BlockReason;

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

  const words = wordsOf(problem, eligibility);
  for (const lock of problem.locked) {
    const slot = listed.get(slotKey(lock.date, lock.role));
    if (slot && slot.memberId !== lock.memberId) {
      const who = lock.memberId === null ? 'nobody' : words.name(lock.memberId);
      report(slot, 'locked_changed', `The ${words.roleTitle(lock.role)} slot on ${lock.date} is locked to ${who}.`);
    }
  }

  // The catalogue's checks, slot by slot; each slot sees the slots before it (locked ones first).
  const state = new RosterState(eligibility);
  const lockedFirst = [
    ...sortedByDate(
      checked.filter((c) => keptLocked(c.slot)),
      problem.roles,
    ),
    ...sortedByDate(
      checked.filter((c) => !keptLocked(c.slot)),
      problem.roles,
    ),
  ];
  for (const { slot, role } of lockedFirst) {
    if (slot.memberId === null) continue;
    const member = eligibility.members.get(slot.memberId)!;
    const locked = keptLocked(slot);
    // One static reason per slot: the first rule refusing the member.
    const refused = eligibility.staticChecks.find(({ check }) => !check.allows(member, role, slot.date));
    if (refused) report(slot, refused.code, refused.check.sentence(member, role, slot.date), locked);
    for (const { code, check } of eligibility.rosterChecks) {
      for (const sentence of check.sentences(state, member, role, slot.date, words)) report(slot, code, sentence, locked);
    }
    state.assign(slot.date, slot.role, member.id);
  }
  return sortedByDate(
    violations.map((slot) => ({ slot })),
    problem.roles,
  ).map(({ slot }) => slot);
}

/**
 * Every strict spacing rule the roster breaks (rules/spacing.ts), counting published days before the
 * range. One pair of dates can break more than one rule (e.g. neighbouring duty days a week apart); each is listed.
 */
export function spacingBreaks(problem: SchedulingProblem, assignments: Assignment[]): SpacingBreak[] {
  const holders = holdersBySlot(problem, assignments);
  const context = spacingContext(problem, (date, role) => holders.get(slotKey(date, role)));
  const breaks: SpacingBreak[] = [];
  problem.dutyDays.forEach((date, dayIndex) => {
    for (const role of problem.roles) {
      const memberId = holders.get(slotKey(date, role.key));
      if (!memberId) continue;
      for (const found of spacingFor(context, memberId, role.key, date, dayIndex)) {
        if (found.otherDate < date) breaks.push(found);
      }
    }
  });
  return breaks;
}

/** The member-facing sentence of a spacing break. */
export function spacingSentence(problem: SchedulingProblem, found: SpacingBreak): string {
  const name = problem.club.members.find((m) => m.id === found.memberId)?.name ?? found.memberId;
  const title = problem.roles.find((r) => r.key === found.role)?.title ?? found.role;
  return SPACING_RULE[found.rule].sentence(name, title, found.otherDate);
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
export function candidatesForSlot(problem: SchedulingProblem, assignments: Assignment[], date: IsoDate, roleKey: string): SlotCandidate[] {
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
  const context = spacingContext(problem, (d, r) => holders.get(slotKey(d, r)));

  const candidates = problem.club.members.map((m): SlotCandidate => {
    const block = state.block(m.id, role, date);
    const load = state.load(m.id);
    const cap = eligibility.cap(m.id);
    const warnings = spacingFor(context, m.id, roleKey, date, dayIndex).map((b) =>
      SPACING_RULE[b.rule].sentence(m.name, role.title, b.otherDate),
    );
    if (block === null && load + 1 === cap) warnings.push(reachesCap(m, cap));
    return { memberId: m.id, name: m.name, eligible: block === null, reason: block && BLOCK_REASON_TEXT[block], warnings, load, cap };
  });
  return candidates
    .map((c, index) => ({ c, index }))
    .sort((a, b) => Number(b.c.eligible) - Number(a.c.eligible) || a.c.load - b.c.load || a.index - b.index)
    .map(({ c }) => c);
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

/** Names and titles for the catalogue's sentences; an unknown id stands for itself. */
function wordsOf(problem: SchedulingProblem, eligibility: Eligibility): Words {
  const titles = new Map(problem.roles.map((r) => [r.key, r.title]));
  return {
    name: (memberId) => eligibility.members.get(memberId)?.name ?? memberId,
    roleTitle: (roleKey) => titles.get(roleKey) ?? roleKey,
  };
}
