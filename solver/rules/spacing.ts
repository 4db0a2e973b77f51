import { addDays } from '../dates.ts';
import { historyBefore, type HistoryBefore } from '../history.ts';
import type { IsoDate, Member, SchedulingProblem } from '../types.ts';

/**
 * The spacing rules (DOMAIN.md): strict, but relaxed where keeping them would leave a slot empty, so
 * a roster breaking one is listed (spacingBreaks), not refused. For one member in one role:
 * - neighbouring_day: not on two neighbouring duty days (neighbours in the duty-day list);
 * - carry_over: not on the first day when the member filled it on the last published day before;
 * - seven_days: unless the member allows weekend doubles, not on a day and 7 days later (published
 *   days before the range count).
 */

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

export interface SpacingRuleText {
  code: SpacingRule;
  /** The member-facing sentence, in the draft's warnings and the slot editor's alike. */
  sentence(name: string, roleTitle: string, otherDate: IsoDate): string;
  /** Whether the legacy scheduler keeps the rule (a member who would break it is no candidate). */
  legacyKeeps: boolean;
  optimizer: string;
}

const OPTIMIZER_COUNTS =
  'forbidden outright while the fill allows it, else each break counted and minimised right after the fill (optimizer/model.ts Spacing)';

export const neighbouringDay: SpacingRuleText = {
  code: 'neighbouring_day',
  sentence: (name, title, otherDate) => `${name} is also ${title} on ${otherDate}, the neighbouring duty day.`,
  legacyKeeps: true,
  optimizer: `a strict break between the member's candidates (or a locked slot) in the role on neighbouring duty days (strictBreaksBetween): ${OPTIMIZER_COUNTS}`,
};

export const carryOver: SpacingRuleText = {
  code: 'carry_over',
  sentence: (name, title, otherDate) => `${name} was ${title} on the last published day (${otherDate}).`,
  legacyKeeps: true,
  optimizer: `a strict break on the carry-over member's first-day candidate in the role (carriesOver): ${OPTIMIZER_COUNTS}`,
};

export const sevenDays: SpacingRuleText = {
  code: 'seven_days',
  sentence: (name, title, otherDate) => `${name} is also ${title} on ${otherDate}, 7 days apart.`,
  // DOMAIN.md's legacy scheduler excludes only the neighbouring-day (and carry-over) holder.
  legacyKeeps: false,
  optimizer: `a strict break between the member's candidates, locked slots or published days in the role 7 days apart (strictBreaksBetween): ${OPTIMIZER_COUNTS}`,
};

export const SPACING_RULES: readonly SpacingRuleText[] = [neighbouringDay, carryOver, sevenDays];
export const SPACING_RULE: Readonly<Record<SpacingRule, SpacingRuleText>> = {
  neighbouring_day: neighbouringDay,
  carry_over: carryOver,
  seven_days: sevenDays,
};

/** The empty-slot diagnosis bucket of members kept out only by spacing. */
export const SPACING_REASON = 'would break spacing';

const WEEK = 7;

/** True when the member filling the role on the first duty day (index 0) carries over from the last published day. */
export function carriesOver(history: HistoryBefore, memberId: string, role: string, dayIndex: number): boolean {
  return dayIndex === 0 && history.carryOverDate !== null && history.carryOver.get(role) === memberId;
}

/**
 * Strict breaks of one member holding one role twice: `stepsApart` duty days apart in the range
 * (null when one of them is a published day before it) and `daysApart` calendar days apart.
 */
export function strictBreaksBetween(member: Member, stepsApart: number | null, daysApart: number): number {
  return (stepsApart === 1 ? 1 : 0) + (daysApart === WEEK && !member.allowWeekendDouble ? 1 : 0);
}

/** What the spacing rules look at: the roster's holders and the published history before it. */
export interface SpacingContext {
  problem: SchedulingProblem;
  /** Member id in (date, role) of the roster, if any. */
  holderOf(date: IsoDate, role: string): string | null | undefined;
  history: HistoryBefore;
  members: ReadonlyMap<string, Member>;
}

export function spacingContext(problem: SchedulingProblem, holderOf: SpacingContext['holderOf']): SpacingContext {
  return {
    problem,
    holderOf,
    history: historyBefore(problem.club, problem.range.start),
    members: new Map(problem.club.members.map((m) => [m.id, m])),
  };
}

/**
 * The spacing breaks `memberId` in (date, role) takes part in, looking backwards and forwards, by
 * rule, then date. One pair of dates can break two rules (neighbouring duty days a week apart).
 */
export function spacingFor(context: SpacingContext, memberId: string, role: string, date: IsoDate, dayIndex: number): SpacingBreak[] {
  const { problem, history } = context;
  const found: SpacingBreak[] = [];
  const add = (rule: SpacingRule, otherDate: IsoDate) => found.push({ date, role, memberId, rule, otherDate });
  const holds = (other: IsoDate | undefined): other is IsoDate => other !== undefined && context.holderOf(other, role) === memberId;

  for (const other of [problem.dutyDays[dayIndex - 1], problem.dutyDays[dayIndex + 1]]) if (holds(other)) add('neighbouring_day', other);
  if (carriesOver(history, memberId, role, dayIndex)) add('carry_over', history.carryOverDate!);

  const member = context.members.get(memberId);
  if (member && strictBreaksBetween(member, null, WEEK) > 0) {
    const weekBefore = addDays(date, -WEEK);
    if (holds(weekBefore) || history.publishedByDate.get(weekBefore)?.get(memberId) === role) add('seven_days', weekBefore);
    const weekAfter = addDays(date, WEEK);
    if (holds(weekAfter)) add('seven_days', weekAfter);
  }
  return found;
}
