import { addDays, daysInMonth, inRange, parseIso, toIso } from './dates.ts';
import { parseSeasonPhrase, weekendOf } from './season.ts';
import type { Club, DateRange, FairnessWindow, IsoDate } from './types.ts';

/**
 * The fairness window of a draft (club.fairnessWindow, DOMAIN.md "Fairness window"): the dates whose
 * duties count towards fairness, and what each member already did in them. A member's window load is
 * their published duties in the window plus their duties in the draft; the draft's range is always the
 * window's last part, and published days inside the range do not count (the draft replaces them).
 */
export interface FairnessWindowView {
  kind: FairnessWindow;
  /** From the window's first day to the range's last day. */
  span: DateRange;
  /** Every member of the club, in the club's order. */
  members: MemberWindowShare[];
}

export interface MemberWindowShare {
  memberId: string;
  /** Filled published slots of this member in the window, before the range. */
  published: number;
  /** Duties expected per season: the member's own quota, else the club default, else null (none set). */
  quota: number | null;
  /** Exempt members are never scheduled and take no part in fairness. */
  exempt: boolean;
}

export function fairnessWindow(club: Club, range: DateRange): FairnessWindowView {
  const kind = club.fairnessWindow ?? 'season';
  const span = { start: windowStart(club, kind, range), end: range.end };
  const published = new Map<string, number>();
  for (const day of club.published) {
    if (!inRange(day.date, span) || inRange(day.date, range)) continue;
    for (const memberId of Object.values(day.slots)) if (memberId) published.set(memberId, (published.get(memberId) ?? 0) + 1);
  }
  return {
    kind,
    span,
    members: club.members.map((m) => ({
      memberId: m.id,
      published: published.get(m.id) ?? 0,
      quota: m.seasonQuota ?? club.defaultSeasonQuota ?? null,
      exempt: m.exempt === true,
    })),
  };
}

function windowStart(club: Club, kind: FairnessWindow, range: DateRange): IsoDate {
  if (kind === 'range') return range.start;
  if (kind === '12months') {
    const { year, month, day } = parseIso(range.end);
    return addDays(toIso(year - 1, month, Math.min(day, daysInMonth(year - 1, month))), 1);
  }
  return seasonStartFor(club, range.start);
}

/**
 * Where the season of `date` began: the start of the season running on `date` (one begun the year
 * before, for a season across the year end), else the start of this year's season when it already
 * began; a date before this year's season has no earlier season duties, so its window starts at the date.
 * A club without a season start counts from the 1st of January.
 */
function seasonStartFor(club: Club, date: IsoDate): IsoDate {
  const year = parseIso(date).year;
  if (club.season.start === null) return toIso(year, 1, 1);
  const start = parseSeasonPhrase(club.season.start);
  const end = club.season.end === null ? null : parseSeasonPhrase(club.season.end);
  const thisYear = weekendOf(start, year).saturday;
  if (thisYear <= date) return thisYear;
  const lastYear = weekendOf(start, year - 1).saturday;
  if (end === null) return date;
  let lastEnd = weekendOf(end, year - 1).sunday;
  if (lastEnd < lastYear) lastEnd = weekendOf(end, year).sunday;
  return date <= lastEnd ? lastYear : date;
}

/**
 * Each member's quota as fairness weighs it, in the view's member order; null when nobody has one
 * (fairness is then the plain sum of squared window loads). A member without a quota of their own or
 * a club default counts as doing the average of the quotas that are set (rounded, at least 1), so a
 * club that sets quotas for a few members only treats the rest as average members.
 */
export function effectiveQuotas(view: FairnessWindowView): number[] | null {
  const set = view.members.filter((m) => !m.exempt && m.quota !== null).map((m) => m.quota!);
  if (set.length === 0) return null;
  const average = Math.max(1, Math.round(set.reduce((sum, q) => sum + q, 0) / set.length));
  return view.members.map((m) => m.quota ?? average);
}
