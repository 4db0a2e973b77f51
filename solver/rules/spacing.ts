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
  'optimizer/instance.ts and optimizer/spacing.ts count the breaks with the functions below; the models forbid them while the fill allows, else minimise them right after the fill (Spacing in optimizer/ruleRows.ts)';

const neighbouringDay: SpacingRuleText = {
  code: 'neighbouring_day',
  sentence: (name, title, otherDate) => `${name} is also ${title} on ${otherDate}, the neighbouring duty day.`,
  legacyKeeps: true,
  optimizer: `a strict break between the member's candidates (or a locked slot) in the role on neighbouring duty days (strictBreaksBetween): ${OPTIMIZER_COUNTS}`,
};

const carryOver: SpacingRuleText = {
  code: 'carry_over',
  sentence: (name, title, otherDate) => `${name} was ${title} on the last published day (${otherDate}).`,
  legacyKeeps: true,
  optimizer: `a strict break on the carry-over member's first-day candidate in the role (carriesOver): ${OPTIMIZER_COUNTS}`,
};

const sevenDays: SpacingRuleText = {
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
  /** The dates a week before and after `date` (date arithmetic is slow; asked per member and slot). */
  weekApart(date: IsoDate): readonly [IsoDate, IsoDate];
}

export function spacingContext(problem: SchedulingProblem, holderOf: SpacingContext['holderOf']): SpacingContext {
  const weeks = new Map<IsoDate, readonly [IsoDate, IsoDate]>();
  return {
    problem,
    holderOf,
    history: historyBefore(problem.club, problem.range.start),
    members: new Map(problem.club.members.map((m) => [m.id, m])),
    weekApart: (date) => {
      let apart = weeks.get(date);
      if (!apart) weeks.set(date, (apart = [addDays(date, -WEEK), addDays(date, WEEK)]));
      return apart;
    },
  };
}

/**
 * The spacing breaks `memberId` in (date, role) takes part in, looking backwards and forwards, by
 * rule, then date. One pair of dates can break two rules (neighbouring duty days a week apart).
 */
export function spacingFor(context: SpacingContext, memberId: string, role: string, date: IsoDate, dayIndex: number): SpacingBreak[] {
  // No closures here: this runs for every member and slot in legacy and the diagnosis.
  const { problem, history } = context;
  const found: SpacingBreak[] = [];
  const previousDay = problem.dutyDays[dayIndex - 1];
  const nextDay = problem.dutyDays[dayIndex + 1];
  if (previousDay !== undefined && context.holderOf(previousDay, role) === memberId) {
    found.push({ date, role, memberId, rule: 'neighbouring_day', otherDate: previousDay });
  }
  if (nextDay !== undefined && context.holderOf(nextDay, role) === memberId) {
    found.push({ date, role, memberId, rule: 'neighbouring_day', otherDate: nextDay });
  }
  if (carriesOver(history, memberId, role, dayIndex))
    found.push({ date, role, memberId, rule: 'carry_over', otherDate: history.carryOverDate! });

  const member = context.members.get(memberId);
  if (member && strictBreaksBetween(member, null, WEEK) > 0) {
    const [weekBefore, weekAfter] = context.weekApart(date);
    if (context.holderOf(weekBefore, role) === memberId || history.publishedByDate.get(weekBefore)?.get(memberId) === role) {
      found.push({ date, role, memberId, rule: 'seven_days', otherDate: weekBefore });
    }
    if (context.holderOf(weekAfter, role) === memberId) found.push({ date, role, memberId, rule: 'seven_days', otherDate: weekAfter });
  }
  return found;
}
