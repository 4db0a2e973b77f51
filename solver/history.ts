import type { Club, IsoDate } from './types.ts';

/** What the published history says before a range starts: carry-over and last duty dates. */
export interface HistoryBefore {
  /** Role key -> member who filled it on the last published duty day before the range. */
  carryOver: Map<string, string>;
  /** The date of that last published duty day, or null when there is none. */
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

  const last = before.at(-1);
  const carryOver = new Map<string, string>();
  if (last) for (const [role, memberId] of Object.entries(last.slots)) if (memberId) carryOver.set(role, memberId);
  return { carryOver, carryOverDate: last?.date ?? null, lastDuty, publishedByDate };
}
