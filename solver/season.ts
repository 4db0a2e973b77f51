import { addDays, daysInMonth, toIso, weekdayOf } from './dates.ts';
import type { IsoDate, Season } from './types.ts';
import { WEEKDAYS } from './types.ts';

/**
 * Operating-season phrases (DOMAIN.md "Operating season"): `<ordinal> weekend [of|in] <month>`,
 * case-insensitive, with an optional leading "the". Ordinals: first..fourth, 1st..4th, last.
 * Months: full English names or their three-letter abbreviations (and "sept").
 */

export type WeekendOrdinal = 1 | 2 | 3 | 4 | 'last';

export interface SeasonPhrase {
  ordinal: WeekendOrdinal;
  /** 1..12 */
  month: number;
}

export interface Weekend {
  saturday: IsoDate;
  sunday: IsoDate;
}

export interface SeasonBounds {
  /** Saturday of the start weekend, or null when the season has no start. */
  start: IsoDate | null;
  /** Sunday of the end weekend, or null when the season has no end. */
  end: IsoDate | null;
}

export class SeasonPhraseError extends Error {
  constructor(readonly phrase: string) {
    super(
      `Season phrase "${phrase}" is not understood: expected an ordinal (first, second, third, fourth, last ` +
        `or 1st-4th), the word "weekend" and a month name, e.g. "First weekend of May" or "Last weekend of October".`,
    );
    this.name = 'SeasonPhraseError';
  }
}

const ORDINALS: Record<string, WeekendOrdinal> = {
  first: 1,
  '1st': 1,
  second: 2,
  '2nd': 2,
  third: 3,
  '3rd': 3,
  fourth: 4,
  '4th': 4,
  last: 'last',
};

const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

function monthNumber(word: string): number | null {
  const full = MONTH_NAMES.indexOf(word);
  if (full >= 0) return full + 1;
  if (word === 'sept') return 9;
  const short = MONTH_NAMES.findIndex((name) => name.slice(0, 3) === word);
  return word.length === 3 && short >= 0 ? short + 1 : null;
}

const PHRASE = /^(?:the\s+)?(\S+)\s+weekend\s+(?:(?:of|in)\s+)?(\S+)$/;

export function parseSeasonPhrase(phrase: string): SeasonPhrase {
  const match = PHRASE.exec(phrase.trim().toLowerCase());
  const ordinal = match ? ORDINALS[match[1]] : undefined;
  const month = match ? monthNumber(match[2]) : null;
  if (ordinal === undefined || month === null) throw new SeasonPhraseError(phrase);
  return { ordinal, month };
}

/**
 * The weekend a phrase names in a year. The Nth weekend is the Saturday and Sunday of the Nth
 * Monday-based week counted from the week that contains the 1st, so it may begin in the previous
 * month; the last weekend is the month's last Saturday and the Sunday after it.
 */
export function weekendOf(phrase: SeasonPhrase, year: number): Weekend {
  let saturday: IsoDate;
  if (phrase.ordinal === 'last') {
    const lastDay = toIso(year, phrase.month, daysInMonth(year, phrase.month));
    const back = (WEEKDAYS.indexOf(weekdayOf(lastDay)) + 1) % 7; // days back from the last day to a Saturday
    saturday = addDays(lastDay, -back);
  } else {
    const first = toIso(year, phrase.month, 1);
    const sinceMonday = (WEEKDAYS.indexOf(weekdayOf(first)) + 6) % 7;
    saturday = addDays(first, -sinceMonday + 5 + 7 * (phrase.ordinal - 1));
  }
  return { saturday, sunday: addDays(saturday, 1) };
}

export function seasonBounds(season: Season, year: number): SeasonBounds {
  return {
    start: season.start === null ? null : weekendOf(parseSeasonPhrase(season.start), year).saturday,
    end: season.end === null ? null : weekendOf(parseSeasonPhrase(season.end), year).sunday,
  };
}

/**
 * Tells whether a date is in season. The season of year Y runs from Y's start Saturday to Y's end
 * Sunday; both may spill over a year end (first weekend of January, last weekend of December), so
 * the neighbouring years' seasons are checked too. A start later than the end in the same year is
 * read as a season across the year end (e.g. November to March), running into the next year's end.
 * Phrases are parsed once; a bad phrase throws SeasonPhraseError right away.
 */
export function seasonTest(season: Season): (date: IsoDate) => boolean {
  const start = season.start === null ? null : parseSeasonPhrase(season.start);
  const end = season.end === null ? null : parseSeasonPhrase(season.end);
  const yearOf = (date: IsoDate) => Number(date.slice(0, 4));
  if (start === null && end === null) return () => true;
  if (end === null) {
    return (date) => date >= weekendOf(start!, yearOf(date)).saturday;
  }
  if (start === null) {
    return (date) => date <= weekendOf(end, yearOf(date)).sunday;
  }
  const interval = (year: number) => {
    const from = weekendOf(start, year).saturday;
    let to = weekendOf(end, year).sunday;
    if (to < from) to = weekendOf(end, year + 1).sunday;
    return { from, to };
  };
  return (date) => {
    const year = yearOf(date);
    for (const y of [year - 1, year, year + 1]) {
      const { from, to } = interval(y);
      if (date >= from && date <= to) return true;
    }
    return false;
  };
}
