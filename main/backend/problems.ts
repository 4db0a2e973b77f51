import type { MonthRef, Settings } from '../api/contract.ts';
import { badInput } from '../api/errors.ts';
import { loadClub, type StoredClub } from '../db/clubRepo.ts';
import { dutyDaysFor } from '../../solver/calendar.ts';
import { MONTH_NAMES, monthRange } from '../../solver/dates.ts';
import { FIRST_YEAR, isPlannedYear, LAST_YEAR } from '../../solver/limits.ts';
import { buildProblem, MAX_RANGE_MONTHS } from '../../solver/problem.ts';
import { SeasonPhraseError } from '../../solver/season.ts';
import type { Assignment, Club, DateRange, IsoDate, SchedulerKind, SchedulingProblem } from '../../solver/types.ts';
import type { BackendContext } from './context.ts';

/** The date range a MonthRef stands for; a bad one is the caller's error. */
export function rangeOf(ref: MonthRef): DateRange {
  const months = ref.months ?? 1;
  if (!isPlannedYear(ref.year))
    throw badInput(`The year ${ref.year} is not a year Rostermeister can plan (${FIRST_YEAR} to ${LAST_YEAR}).`, 'month.year');
  if (!Number.isInteger(ref.month) || ref.month < 1 || ref.month > 12)
    throw badInput(`The month must be 1 to 12, not ${ref.month}.`, 'month.month');
  if (!Number.isInteger(months) || months < 1 || months > MAX_RANGE_MONTHS) {
    throw badInput(`A roster covers 1 to ${MAX_RANGE_MONTHS} months, not ${months}.`, 'month.months');
  }
  return monthRange(ref.year, ref.month, months);
}

/** The scheduler settings ask for: the override of the range's first month, else the general choice. */
export function schedulerFor(settings: Settings, range: DateRange): SchedulerKind {
  return settings.monthOverrides[range.start.slice(0, 7)] ?? settings.scheduler;
}

export function storedClub(ctx: BackendContext): StoredClub {
  return loadClub(ctx.db);
}

/** The problem of one range with the current club data: scheduled roles only, the range's removed dates and locks. */
export function problemFor(stored: StoredClub, range: DateRange, removedDates: IsoDate[], locked: Assignment[]): SchedulingProblem {
  const roleKeys = stored.roles.filter((r) => r.scheduled).map((r) => r.key);
  if (roleKeys.length === 0)
    throw badInput('No role is switched on for scheduling. Switch on at least one role in the club settings.', 'roles');
  try {
    return buildProblem(stored.club, range, { removedDates, locked, roleKeys });
  } catch (error) {
    if (error instanceof SeasonPhraseError) throw badInput(`The operating season cannot be read: ${error.message}`, 'seasonStart');
    throw error;
  }
}

/**
 * The scheduler the next Roll of a draft uses: the one that made the draft, unless the settings for
 * its range changed since (switching the setting is the rollback) or the user picks one.
 */
export function rollSchedulerFor(
  settings: Settings,
  range: DateRange,
  draft: { settingsScheduler: SchedulerKind | null },
  madeBy: SchedulerKind | null,
): SchedulerKind {
  const configured = schedulerFor(settings, range);
  if (madeBy === null || draft.settingsScheduler === null || draft.settingsScheduler !== configured) return configured;
  return madeBy;
}

function rangeLabel(range: DateRange): string {
  const name = (date: IsoDate) => `${MONTH_NAMES[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;
  const first = name(range.start);
  const last = name(range.end);
  return first === last ? first : `${first} to ${last}`;
}

/** Why a range has no duty days, in the club's words; null when it has some. */
export function noDutyDaysReason(club: Club, range: DateRange, removedDates: IsoDate[] = []): string | null {
  if (dutyDaysFor(club, range, removedDates).length > 0) return null;
  const label = rangeLabel(range);
  const calendar = dutyDaysFor({ ...club, removedDates: [] }, range);
  if (calendar.length > 0) {
    const byDraft = calendar.filter((d) => removedDates.includes(d) && !club.removedDates.includes(d)).length;
    return byDraft > 0
      ? `${label} has no duty days left: every duty day was removed (${byDraft} from this draft, ${calendar.length - byDraft} by the club's removed dates).`
      : `${label} has no duty days: the club's removed dates take out every duty day.`;
  }
  if (club.operatingWeekdays.length === 0)
    return `${label} has no duty days: the club operates on no weekday and has no extra duty days in it.`;
  const season = `${club.season.start ?? 'the start of the year'} to ${club.season.end ?? 'the end of the year'}`;
  return `${label} has no duty days: it lies outside the operating season (${season}) and the club has no extra duty days in it.`;
}
