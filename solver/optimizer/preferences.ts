import { daysBetween } from '../dates.ts';
import type { IsoDate, Member, Weekday } from '../types.ts';

/**
 * Preference points (priority 4) per assignment: small integers so their total stays far below one
 * unit of the fairness term. Pairing and soft spacing, which depend on two assignments, form the
 * last tier (see model.ts), on the same scale as the reference model's 60/20/5 divided by 5.
 */
const PREFERENCE_POINTS = {
  /** Full cost for a role at 0% weight, scaled down linearly to 0 at 100%. */
  roleWeight: 20,
  /** Full cost for a member on duty the day before the range, 0 for one idle a year or longer. */
  staleness: 20,
  preferredDayMissed: 10,
} as const;

/** Reward for a day two members who like to work together share. */
export const PAIRING_REWARD = 12;

/** Same member, same role, this many days apart: the soft spacing penalty. */
export const SOFT_SPACING: ReadonlyMap<number, number> = new Map([
  [7, 12],
  [14, 4],
  [21, 1],
]);
export const SOFT_SPACING_MAX_DAYS = 21;

const STALE_CAP_DAYS = 365;

/** Days since the member's last duty before the range, capped at a year; no history counts as a year. */
export function staleDays(lastDuty: IsoDate | undefined, rangeStart: IsoDate): number {
  if (!lastDuty) return STALE_CAP_DAYS;
  return Math.min(STALE_CAP_DAYS, Math.max(0, daysBetween(lastDuty, rangeStart)));
}

/** The preference cost of one assignment on its own (pairing and spacing come separately). */
export function assignmentPoints(member: Member, weight: number, staleness: number, weekday: Weekday): number {
  const terms = assignmentTerms(member, weight, staleness, weekday);
  return terms.roleWeight + terms.staleness + terms.preferredDay;
}

/** assignmentPoints term by term, for explaining a choice ("why not me"). */
export function assignmentTerms(
  member: Member,
  weight: number,
  staleness: number,
  weekday: Weekday,
): { roleWeight: number; staleness: number; preferredDay: number } {
  return {
    roleWeight: Math.round((PREFERENCE_POINTS.roleWeight * (100 - weight)) / 100),
    staleness: Math.round((PREFERENCE_POINTS.staleness * (STALE_CAP_DAYS - staleness)) / STALE_CAP_DAYS),
    preferredDay: member.preferredDay !== null && weekday !== member.preferredDay ? PREFERENCE_POINTS.preferredDayMissed : 0,
  };
}

/**
 * The cost of an assignment a `preferNot` availability rule covers: one more than the most points any
 * one assignment can cost otherwise (role weight, staleness and preferred day together), so avoiding
 * it always beats the other preferences of that slot. It stays within the fairness stage's
 * preference points, so fill, strict spacing and fairness still come first. (A cost above the whole
 * roster's other points would rank it strictly before them even across chains of swaps, but makes
 * the fairness weight grow with the square of the slots, and a season's model then no longer solves.)
 */
export const PREFER_NOT_POINTS = PREFERENCE_POINTS.roleWeight + PREFERENCE_POINTS.staleness + PREFERENCE_POINTS.preferredDayMissed + 1;
