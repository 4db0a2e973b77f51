import { datesIn, inRange, weekdayOf } from './dates.ts';
import { seasonTest } from './season.ts';
import type { Club, DateRange, IsoDate } from './types.ts';

/**
 * The duty days of a range: operating weekdays inside the season, plus the club's extra duty days
 * (regardless of weekday and season), minus the club's removed dates and `removed`. Sorted, distinct.
 * Throws SeasonPhraseError when a season phrase does not parse.
 */
export function dutyDaysFor(club: Club, range: DateRange, removed: IsoDate[] = []): IsoDate[] {
  const inSeason = seasonTest(club.season);
  const weekdays = new Set(club.operatingWeekdays);
  const days = new Set<IsoDate>();
  for (const date of datesIn(range)) if (weekdays.has(weekdayOf(date)) && inSeason(date)) days.add(date);
  for (const date of club.extraDutyDays) if (inRange(date, range)) days.add(date);
  for (const date of club.removedDates) days.delete(date);
  for (const date of removed) days.delete(date);
  return [...days].sort();
}
