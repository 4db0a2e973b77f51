import type { MonthRef, Settings } from '../api/contract.ts';
import { badInput } from '../api/errors.ts';
import { loadClub, type StoredClub } from '../db/clubRepo.ts';
import { monthRange } from '../../solver/dates.ts';
import { FIRST_YEAR, isPlannedYear, LAST_YEAR } from '../../solver/limits.ts';
import { buildProblem, MAX_RANGE_MONTHS } from '../../solver/problem.ts';
import { SeasonPhraseError } from '../../solver/season.ts';
import type { Assignment, DateRange, IsoDate, SchedulerKind, SchedulingProblem } from '../../solver/types.ts';
import type { BackendContext } from './context.ts';

/** The date range a MonthRef stands for; a bad one is the caller's error. */
export function rangeOf(ref: MonthRef): DateRange {
  const months = ref.months ?? 1;
  if (!isPlannedYear(ref.year)) throw badInput(`The year ${ref.year} is not a year Rostermeister can plan (${FIRST_YEAR} to ${LAST_YEAR}).`, 'month.year');
  if (!Number.isInteger(ref.month) || ref.month < 1 || ref.month > 12) throw badInput(`The month must be 1 to 12, not ${ref.month}.`, 'month.month');
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
  if (roleKeys.length === 0) throw badInput('No role is switched on for scheduling. Switch on at least one role in the club settings.', 'roles');
  try {
    return buildProblem(stored.club, range, { removedDates, locked, roleKeys });
  } catch (error) {
    if (error instanceof SeasonPhraseError) throw badInput(`The operating season cannot be read: ${error.message}`, 'seasonStart');
    throw error;
  }
}
