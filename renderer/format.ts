import type { DateRange, IsoDate, MonthRef, RunInfo, SchedulerKind } from '../main/api/contract.ts';
import { MONTH_NAMES, monthRange } from '../solver/dates.ts';

const WEEKDAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** What the app calls a slot nobody fills, everywhere. */
export const EMPTY_SLOT = 'Empty';

export const SCHEDULER_NAMES: Record<SchedulerKind, string> = { legacy: 'Legacy', optimizer: 'Optimizer' };

/** What a generation run was made for. */
export const PURPOSE_NAMES: Record<RunInfo['purpose'], string> = { draft: 'Draft', shadow: 'Shadow run', compare: 'Comparison' };

function monthName(month: number): string {
  return MONTH_NAMES[month - 1] ?? String(month);
}

export function monthLabel(ref: { year: number; month: number }): string {
  return `${monthName(ref.month)} ${ref.year}`;
}

/** `YYYY-MM`, the key of per-month overrides and the value of a month input. */
export function monthKey(ref: { year: number; month: number }): string {
  return `${ref.year}-${String(ref.month).padStart(2, '0')}`;
}

export function parseMonthKey(key: string): MonthRef | null {
  const match = /^(\d{4})-(\d{2})$/.exec(key);
  if (!match) return null;
  const month = Number(match[2]);
  return month >= 1 && month <= 12 ? { year: Number(match[1]), month } : null;
}

export function nextMonth(today: Date = new Date()): MonthRef {
  const month = today.getMonth() + 2;
  return month > 12 ? { year: today.getFullYear() + 1, month: 1 } : { year: today.getFullYear(), month };
}

export function shiftMonth(ref: MonthRef, by: number): MonthRef {
  const index = ref.year * 12 + (ref.month - 1) + by;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

function dateParts(date: IsoDate): { year: number; month: number; day: number; weekday: number } {
  const [year, month, day] = date.split('-').map(Number);
  return { year, month, day, weekday: new Date(Date.UTC(year, month - 1, day)).getUTCDay() };
}

/** `Sat 3 May`. */
export function dayLabel(date: IsoDate): string {
  const { month, day, weekday } = dateParts(date);
  return `${WEEKDAY_NAMES[weekday]} ${day} ${monthName(month).slice(0, 3)}`;
}

/** The dates a month, or a run of months, covers. */
export function rangeOfMonths(ref: MonthRef): DateRange {
  return monthRange(ref.year, ref.month, ref.months ?? 1);
}

/** "June 2027", or "June 2027 – August 2027" for a run of months. */
export function monthsLabel(ref: MonthRef): string {
  return rangeLabel(rangeOfMonths(ref));
}

export function rangeLabel(range: DateRange): string {
  const start = dateParts(range.start);
  const end = dateParts(range.end);
  if (start.year === end.year && start.month === end.month) return monthLabel(start);
  return `${monthLabel(start)} – ${monthLabel(end)}`;
}

export function seconds(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

export function percent(value: number): string {
  return `${value.toFixed(2)} %`;
}

const DATE_TIME = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A moment (run, log event, backup, publication) in the one format the app uses, in the user's locale. */
export function dateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : DATE_TIME.format(date);
}

/** Rewrites the `YYYY-MM-DD` dates of a message from the backend as duty days are shown (`Sat 12 Jun`). */
export function readableDates(text: string): string {
  return text.replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, (iso) => dayLabel(iso));
}

export function bytes(size: number): string {
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KB`;
  return `${(size / 1024 / 1024).toFixed(1)} MB`;
}

/** A change of the fairness sum with its sign: `+0`, `+2`, `−2`. */
export function fairnessChange(delta: number): string {
  return delta < 0 ? `−${-delta}` : `+${delta}`;
}
