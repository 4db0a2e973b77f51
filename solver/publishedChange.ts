import { monthRange } from './dates.ts';
import { Eligibility, RosterState } from './eligibility.ts';
import { BLOCK_REASON_TEXT, type BlockReason } from './rules/index.ts';
import type { Words } from './rules/rule.ts';
import { rankCandidates, type RankedCandidate } from './slotRanking.ts';
import type { Assignment, Club, IsoDate, PublishedDay, SchedulingProblem } from './types.ts';
import { candidatesForSlot, spacingBreaks, spacingSentence, type SpacingBreak } from './validate.ts';

/**
 * Checks a change of published months (a swap, a cover, a replacement) before it is made: every member
 * the change puts on a duty is held to every hard rule of the catalogue against the month as it would
 * stand, and the spacing rules the change newly breaks are warnings. A published month is checked as
 * it was published: its published dates are its duty days and its roles the club's roles it holds.
 */

/** Why a member may not take a duty: a hard rule's code, or an id no member has. */
export type ChangeRule = BlockReason | 'unknown_member';

export interface ChangeRefusal {
  date: IsoDate;
  role: string;
  memberId: string;
  rule: ChangeRule;
  /** The rule in a few words ("blacked out", "avoids someone on duty"). */
  ruleText: string;
  /** The validator's sentence for the break. */
  sentence: string;
}

export interface ChangeCheck {
  /** Hard-rule breaks: the change must be refused when there is one. */
  refusals: ChangeRefusal[];
  /** Spacing rules the change breaks that the months did not break before, as sentences. */
  warnings: string[];
}

const monthOf = (date: IsoDate): string => date.slice(0, 7);

/** The month of `YYYY-MM` as a problem, from what the club's published history holds for it. */
export function publishedMonthProblem(club: Club, month: string): SchedulingProblem {
  const days = club.published.filter((d) => monthOf(d.date) === month);
  const used = new Set(days.flatMap((d) => Object.keys(d.slots)));
  return {
    club,
    range: monthRange(Number(month.slice(0, 4)), Number(month.slice(5, 7))),
    dutyDays: [...new Set(days.map((d) => d.date))].sort(),
    roles: club.roles.filter((r) => used.has(r.key)),
    locked: [],
  };
}

/** The published slots of the problem's month, in date then role order. */
function publishedAssignments(problem: SchedulingProblem): Assignment[] {
  const byDate = new Map(problem.club.published.map((d) => [d.date, d.slots]));
  return problem.dutyDays.flatMap((date) => {
    const slots = byDate.get(date) ?? {};
    return problem.roles.filter((r) => Object.hasOwn(slots, r.key)).map((r) => ({ date, role: r.key, memberId: slots[r.key] ?? null }));
  });
}

/** The published history with each changed slot holding its new member. */
function withChanges(published: PublishedDay[], changes: Assignment[]): PublishedDay[] {
  return published.map((day) => {
    const own = changes.filter((c) => c.date === day.date);
    if (own.length === 0) return day;
    const slots = { ...day.slots };
    for (const c of own) slots[c.role] = c.memberId;
    return { date: day.date, slots };
  });
}

/**
 * The first hard rule the member of `slot` breaks by holding it while the rest of `assignments` stays
 * (the slot's previous holder not counted), or null when every rule allows it.
 */
function placementBreak(
  problem: SchedulingProblem,
  assignments: Assignment[],
  slot: Assignment & { memberId: string },
): ChangeRefusal | null {
  const eligibility = new Eligibility(problem.club, problem.range);
  const at = { date: slot.date, role: slot.role, memberId: slot.memberId };
  const member = eligibility.members.get(slot.memberId);
  if (!member) return { ...at, rule: 'unknown_member', ruleText: 'not a member', sentence: `No member has the id "${slot.memberId}".` };
  const role = problem.roles.find((r) => r.key === slot.role)!;
  const state = new RosterState(eligibility);
  for (const a of assignments) {
    if (a.memberId === null || (a.date === slot.date && a.role === slot.role) || !eligibility.members.has(a.memberId)) continue;
    state.assign(a.date, a.role, a.memberId);
  }
  const refused = eligibility.staticChecks.find(({ check }) => !check.allows(member, role, slot.date));
  if (refused)
    return {
      ...at,
      rule: refused.code,
      ruleText: BLOCK_REASON_TEXT[refused.code],
      sentence: refused.check.sentence(member, role, slot.date),
    };
  const words: Words = {
    name: (id) => eligibility.members.get(id)?.name ?? id,
    roleTitle: (key) => problem.club.roles.find((r) => r.key === key)?.title ?? key,
  };
  for (const { code, check } of eligibility.rosterChecks) {
    if (!check.blocks(state, member, role, slot.date)) continue;
    const [sentence] = check.sentences(state, member, role, slot.date, words);
    return {
      ...at,
      rule: code,
      ruleText: BLOCK_REASON_TEXT[code],
      sentence: sentence ?? `${member.name} may not be ${role.title}: ${BLOCK_REASON_TEXT[code]}.`,
    };
  }
  return null;
}

const breakKey = (b: SpacingBreak): string => [b.rule, b.date, b.role, b.memberId, b.otherDate].join('|');

/** The month after `YYYY-MM`. */
function nextMonth(month: string): string {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
}

/**
 * Checks `changes` (each a published slot with its proposed new member; null empties it) against the
 * club, whose `published` holds the published history as it stands. Changes to slots that are not
 * published are the caller's to refuse first.
 */
export function checkPublishedChange(club: Club, changes: Assignment[]): ChangeCheck {
  const afterClub: Club = { ...club, published: withChanges(club.published, changes) };
  const months = [...new Set(changes.map((c) => monthOf(c.date)))].sort();
  const refusals: ChangeRefusal[] = [];
  for (const month of months) {
    const problem = publishedMonthProblem(afterClub, month);
    const assignments = publishedAssignments(problem);
    for (const change of changes) {
      if (change.memberId === null || monthOf(change.date) !== month) continue;
      const refused = placementBreak(problem, assignments, { ...change, memberId: change.memberId });
      if (refused) refusals.push(refused);
    }
  }
  // A change late in a month can break a spacing rule with the first days of the next one.
  const spaced = [...new Set(months.flatMap((m) => [m, nextMonth(m)]))].filter((m) =>
    afterClub.published.some((d) => monthOf(d.date) === m),
  );
  const changed = new Set(changes.map((c) => `${c.date}|${c.role}`));
  const warnings: string[] = [];
  for (const month of spaced) {
    const before = publishedMonthProblem(club, month);
    const known = new Set(spacingBreaks(before, publishedAssignments(before)).map(breakKey));
    const after = publishedMonthProblem(afterClub, month);
    for (const found of spacingBreaks(after, publishedAssignments(after))) {
      if (known.has(breakKey(found))) continue;
      // Said from the changed slot ("Bob is also Duty Officer on the 14th" for a cover on the 13th);
      // the carry-over sentence reads only from the later day.
      const flip =
        found.rule !== 'carry_over' && !changed.has(`${found.date}|${found.role}`) && changed.has(`${found.otherDate}|${found.role}`);
      warnings.push(spacingSentence(after, flip ? { ...found, date: found.otherDate, otherDate: found.date } : found));
    }
  }
  return { refusals, warnings };
}

/**
 * Every member as a candidate to take over one published duty, ranked as the slot editor ranks them
 * (solver/slotRanking.ts): the month's other published duties stay, the duty's holder is not counted.
 */
export function coverCandidates(club: Club, slot: { date: IsoDate; role: string }): RankedCandidate[] {
  const problem = publishedMonthProblem(club, monthOf(slot.date));
  const assignments = publishedAssignments(problem);
  return rankCandidates(problem, assignments, slot, candidatesForSlot(problem, assignments, slot.date, slot.role));
}
