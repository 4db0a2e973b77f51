import { isIsoDate } from './dates.ts';
import type { IsoDate } from './types.ts';

/** The bounds every layer shares: the club file loader, the API checks, the CLI and the settings. */

/** The years Rostermeister plans: the club file, the API and the CLI refuse dates and months outside them. */
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2100;

export const isPlannedYear = (year: number): boolean => Number.isInteger(year) && year >= FIRST_YEAR && year <= LAST_YEAR;

/** An ISO date in the planned years. */
export function isPlannedDate(value: unknown): value is IsoDate {
  return isIsoDate(value) && isPlannedYear(Number(value.slice(0, 4)));
}
export const PLANNED_DATE_EXPECTED = `a date written YYYY-MM-DD in the years ${FIRST_YEAR} to ${LAST_YEAR}, e.g. "2026-05-02"`;

/** The month-key pattern: YYYY-MM (the settings' month overrides); see isMonthKey for the year bounds. */
const MONTH_KEY = /^(\d{4})-(0[1-9]|1[0-2])$/;
export const MONTH_KEY_EXPECTED = `a month written YYYY-MM between ${FIRST_YEAR}-01 and ${LAST_YEAR}-12`;

export function isMonthKey(text: string): boolean {
  const match = MONTH_KEY.exec(text);
  return match !== null && isPlannedYear(Number(match[1]));
}

/** The optimizer's time limit when nothing else is set, and the most the settings allow. */
export const DEFAULT_TIME_LIMIT_SECONDS = 10;
export const MAX_TIME_LIMIT_SECONDS = 600;

/** Duties per month, for a member's limit and the club default. */
export const MAX_DUTIES_PER_MONTH = 12;

/** A season quota (a member's or the club default): whole duties per season. */
export const MAX_SEASON_QUOTA = 150;
export const SEASON_QUOTA_EXPECTED = `a whole number of duties per season from 1 to ${MAX_SEASON_QUOTA} (mark the member exempt for none)`;
export const isSeasonQuota = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_SEASON_QUOTA;

/** Which published duties count towards fairness (club.fairnessWindow). */
export const FAIRNESS_WINDOWS = ['season', '12months', 'range'] as const;

/** Role and qualification keys. */
export const KEY_PATTERN = /^[a-z][a-z0-9_]*$/;
export const KEY_EXPECTED = 'lowercase letters, digits and _ starting with a letter, e.g. "duty_officer"';

// eslint-disable-next-line no-control-regex -- control characters are exactly what this looks for
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Control characters have no place in names, ids or keys typed by a person. */
export const hasControlCharacters = (text: string): boolean => CONTROL.test(text);

/**
 * How big a club may be, beyond its members' own fields (memberSchema.ts MEMBER_LIMITS): the club file
 * reader and the API's checks refuse more, naming the field. Sized well above any real club (the largest
 * in the benchmarks has 10,000 members) and well below what makes an import or export run for minutes.
 */
export const CLUB_LIMITS = {
  /** Characters. */
  nameLength: 200,
  roleTitleLength: 100,
  keyLength: 64,
  seasonPhraseLength: 100,
  /** An extra duty day's label, a removed date's reason. */
  dateNoteLength: 100,
  /** Entries. */
  members: 10_000,
  roles: 50,
  /** Dates in one of the club's lists (extra or removed duty days). */
  dates: 1_000,
  /** Published days a club file may carry (decades of weekends). */
  publishedDays: 20_000,
  /** Objects and lists inside one another in a club file (the format itself needs 4). */
  depth: 12,
  /** UTF-16 code units of a club file's text (about 20 MB). */
  fileChars: 20 * 1024 * 1024,
} as const;
