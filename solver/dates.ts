import type { DateRange, IsoDate, Weekday } from './types.ts';
import { WEEKDAYS } from './types.ts';

/** Calendar arithmetic on ISO dates, done in UTC so no time zone ever shifts a day. */

/** Month names as the club reads them, January first. */
export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number);
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

export function toIso(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function parseIso(date: IsoDate): { year: number; month: number; day: number } {
  const [year, month, day] = date.split('-').map(Number);
  return { year, month, day };
}

function toEpochDay(date: IsoDate): number {
  const { year, month, day } = parseIso(date);
  return Math.round(Date.UTC(year, month - 1, day) / 86_400_000);
}

function fromEpochDay(epochDay: number): IsoDate {
  const d = new Date(epochDay * 86_400_000);
  return toIso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toEpochDay(b) - toEpochDay(a);
}

export function weekdayOf(date: IsoDate): Weekday {
  const { year, month, day } = parseIso(date);
  return WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()];
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function monthRange(year: number, month: number, months = 1): DateRange {
  const endMonthIndex = month - 1 + months - 1;
  const endYear = year + Math.floor(endMonthIndex / 12);
  const endMonth = (endMonthIndex % 12) + 1;
  return { start: toIso(year, month, 1), end: toIso(endYear, endMonth, daysInMonth(endYear, endMonth)) };
}

/** Every date from start to end inclusive. */
export function datesIn(range: DateRange): IsoDate[] {
  const out: IsoDate[] = [];
  for (let d = range.start; d <= range.end; d = addDays(d, 1)) out.push(d);
  return out;
}

/** How many calendar months the range touches (a range inside one month touches 1). */
export function monthsTouched(range: DateRange): number {
  const s = parseIso(range.start);
  const e = parseIso(range.end);
  return (e.year - s.year) * 12 + (e.month - s.month) + 1;
}

export function inRange(date: IsoDate, range: DateRange): boolean {
  return date >= range.start && date <= range.end;
}
