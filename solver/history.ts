import { dutyDaysFor } from './calendar.ts';
import { addDays } from './dates.ts';
import type { Club, IsoDate } from './types.ts';

/** What the published history says before a range starts: carry-over and last duty dates. */
export interface HistoryBefore {
  /**
   * Role key -> member who filled it on the duty day directly before the range, when that day is
   * published. Empty when the day before the range in the duty-day calendar is not published.
   */
  carryOver: Map<string, string>;
  /** The date of that published duty day, or null when carry-over does not apply. */
  carryOverDate: IsoDate | null;
  /** Member id -> last duty date before the range (published history or lastDutyDate). */
  lastDuty: Map<string, IsoDate>;
  /** Member id -> role keys filled on each published date before the range (for the 7-day rule). */
  publishedByDate: Map<IsoDate, Map<string, string>>;
}

export function historyBefore(club: Club, rangeStart: IsoDate): HistoryBefore {
  const lastDuty = new Map<string, IsoDate>();
  for (const m of club.members) if (m.lastDutyDate && m.lastDutyDate < rangeStart) lastDuty.set(m.id, m.lastDutyDate);

  const before = club.published.filter((day) => day.date < rangeStart).sort((a, b) => a.date.localeCompare(b.date));
  const publishedByDate = new Map<IsoDate, Map<string, string>>();
  for (const day of before) {
    const byMember = new Map<string, string>();
    for (const [role, memberId] of Object.entries(day.slots)) {
      if (!memberId) continue;
      byMember.set(memberId, role);
      const known = lastDuty.get(memberId);
      if (!known || known < day.date) lastDuty.set(memberId, day.date);
    }
    publishedByDate.set(day.date, byMember);
  }

  const last = directlyBefore(club, before.at(-1)?.date ?? null, rangeStart) ? before.at(-1) : undefined;
  const carryOver = new Map<string, string>();
  if (last) for (const [role, memberId] of Object.entries(last.slots)) if (memberId) carryOver.set(role, memberId);
  return { carryOver, carryOverDate: last?.date ?? null, lastDuty, publishedByDate };
}

/**
 * True when no duty day of the club's calendar lies between the published day `published` and the
 * range: a published day further back (an unpublished month, or unpublished duty days, in between)
 * says nothing about who served last.
 */
function directlyBefore(club: Club, published: IsoDate | null, rangeStart: IsoDate): boolean {
  if (published === null) return false;
  const from = addDays(published, 1);
  const to = addDays(rangeStart, -1);
  return from > to || dutyDaysFor(club, { start: from, end: to }).length === 0;
}
