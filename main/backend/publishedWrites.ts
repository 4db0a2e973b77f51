import type { MonthRef, PublishedChange } from '../api/contract.ts';
import { badInput } from '../api/errors.ts';
import type { Db } from '../db/connection.ts';
import { publishedSlots, replacePublished } from '../db/rosterRepo.ts';
import { latestVersion, type VersionReason } from '../db/versionRepo.ts';
import { MONTH_NAMES, monthRange } from '../../solver/dates.ts';
import type { Assignment } from '../../solver/types.ts';

/** What the version history and the changes of published months share. */

/** `YYYY-MM` of a month reference; history is kept per month, so a run of months is refused. */
export function monthKeyOf(ref: MonthRef): string {
  if ((ref.months ?? 1) !== 1) throw badInput('The version history is kept per month: name one month.', 'month.months');
  return `${ref.year}-${String(ref.month).padStart(2, '0')}`;
}

/** A note as recorded: trimmed, null when there is nothing in it. */
export const noteOf = (note: string | null): string | null => (note === null || note.trim() === '' ? null : note.trim());

export const monthWords = (key: string): string => `${MONTH_NAMES[Number(key.slice(5, 7)) - 1]} ${key.slice(0, 4)}`;

export const rangeOfKey = (key: string) => monthRange(Number(key.slice(0, 4)), Number(key.slice(5, 7)));

/** The current published slots of a month, date then role. */
export function monthSlots(db: Db, key: string): Assignment[] {
  return publishedSlots(db, rangeOfKey(key)).map(({ date, role, memberId }) => ({ date, role, memberId }));
}

/**
 * Gives each month `changes` touch its changed slots as the month's next version (one per month, with
 * the reason and note); members' last duty dates follow. Call inside the transaction that checked them.
 */
export function writeChanges(
  db: Db,
  changes: Assignment[],
  now: string,
  why: { reason: VersionReason; note: string | null },
): PublishedChange['months'] {
  const months = [...new Set(changes.map((c) => c.date.slice(0, 7)))].sort();
  return months.map((key) => {
    const changed = new Map(changes.map((c) => [`${c.date}|${c.role}`, c.memberId]));
    const slots = monthSlots(db, key).map((s) => {
      const next = changed.get(`${s.date}|${s.role}`);
      return next === undefined ? s : { ...s, memberId: next };
    });
    replacePublished(db, rangeOfKey(key), slots, now, { reason: why.reason, note: noteOf(why.note) });
    return { year: Number(key.slice(0, 4)), month: Number(key.slice(5, 7)), version: latestVersion(db, key) };
  });
}

/** "June 2026 is now version 3", "June 2026 is now version 3 and July 2026 version 2". */
export function versionWords(months: PublishedChange['months']): string {
  const parts = months.map(
    (m, i) => `${monthWords(`${m.year}-${String(m.month).padStart(2, '0')}`)}${i === 0 ? ' is now' : ''} version ${m.version}`,
  );
  return parts.join(' and ');
}
