import type { DraftChange, DraftChanges } from '../api/contract.ts';
import type { StoredClub } from '../db/clubRepo.ts';
import { draftSlots, listDrafts, removedDates, slotKey, type RosterRow } from '../db/rosterRepo.ts';
import type { Db } from '../db/connection.ts';
import { dutyDaysFor } from '../../solver/calendar.ts';
import { MONTH_NAMES } from '../../solver/dates.ts';
import type { DateRange, IsoDate } from '../../solver/types.ts';

/**
 * What a change of the club calendar or the roles does to the drafts: each draft's grid (duty days x
 * scheduled roles) before and after, and the stored slots that leave it. Published rosters are never
 * part of it: they keep their days and roles.
 */

interface Grid {
  days: IsoDate[];
  roles: { key: string; title: string }[];
}

function gridOf(stored: StoredClub, draft: RosterRow, removed: IsoDate[]): Grid {
  const roles = stored.roles.filter((r) => r.scheduled).map((r) => ({ key: r.key, title: r.title }));
  try {
    return { days: dutyDaysFor(stored.club, draft.range, removed), roles };
  } catch {
    // A season phrase stored before phrases were checked: the grid shows no days (the Propose page says why).
    return { days: [], roles };
  }
}

const keysOf = (grid: Grid): Set<string> => new Set(grid.days.flatMap((d) => grid.roles.map((r) => slotKey(d, r.key))));

/** The drafts whose grid changes from `before` to `after`, with what changes; drafts left as they are are not listed. */
function draftChanges(db: Db, before: StoredClub, after: StoredClub): DraftChange[] {
  const changes: DraftChange[] = [];
  for (const draft of listDrafts(db)) {
    const removed = removedDates(db, draft.id);
    const was = gridOf(before, draft, removed);
    const will = gridOf(after, draft, removed);
    const wasKeys = keysOf(was);
    const willKeys = keysOf(will);
    const stored = new Map(draftSlots(db, draft.id).map((s) => [slotKey(s.date, s.role), s]));
    const leaving = [...wasKeys].filter((k) => !willKeys.has(k));
    const change: DraftChange = {
      draftId: draft.id,
      range: draft.range,
      daysAdded: will.days.filter((d) => !was.days.includes(d)),
      daysRemoved: was.days.filter((d) => !will.days.includes(d)),
      rolesAdded: will.roles.filter((r) => !was.roles.some((o) => o.key === r.key)).map((r) => r.title),
      rolesRemoved: was.roles.filter((r) => !will.roles.some((o) => o.key === r.key)).map((r) => r.title),
      slotsAdded: [...willKeys].filter((k) => !wasKeys.has(k)).length,
      slotsRemoved: leaving.length,
      filledRemoved: leaving.filter((k) => (stored.get(k)?.memberId ?? null) !== null).length,
      lockedRemoved: leaving.filter((k) => stored.get(k)?.locked === true).length,
    };
    if (change.slotsAdded > 0 || change.slotsRemoved > 0) changes.push(change);
  }
  return changes;
}

const count = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

function monthOf(date: IsoDate): string {
  return `${MONTH_NAMES[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;
}

/** "June 2027" or "June 2027 to August 2027". */
function draftName(range: DateRange): string {
  const first = monthOf(range.start);
  const last = monthOf(range.end);
  return first === last ? `the ${first} draft` : `the ${first} to ${last} draft`;
}

const joined = (items: string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;

/** What changes in one draft, e.g. "2 duty days added, 8 empty slots". */
function describe(change: DraftChange, when: 'preview' | 'saved'): string {
  const parts: string[] = [];
  if (change.daysAdded.length > 0) parts.push(`${count(change.daysAdded.length, 'duty day')} added`);
  if (change.daysRemoved.length > 0) parts.push(`${count(change.daysRemoved.length, 'duty day')} removed`);
  if (change.rolesAdded.length > 0) parts.push(`${joined(change.rolesAdded)} added`);
  if (change.rolesRemoved.length > 0) parts.push(`${joined(change.rolesRemoved)} no longer scheduled`);
  const slots: string[] = [];
  if (change.slotsAdded > 0) slots.push(`${count(change.slotsAdded, 'empty slot')} ${when === 'preview' ? 'to fill' : 'added'}`);
  if (change.slotsRemoved > 0) {
    const held = [
      change.filledRemoved > 0 ? `${change.filledRemoved} filled` : '',
      change.lockedRemoved > 0 ? `${change.lockedRemoved} locked` : '',
    ].filter((t) => t !== '');
    slots.push(
      `${count(change.slotsRemoved, 'slot')} ${when === 'preview' ? 'leave it' : 'taken out'}${held.length > 0 ? ` (${held.join(', ')})` : ''}`,
    );
  }
  return `${parts.join(', ')}: ${slots.join(', ')}`;
}

/** The changes in one sentence: before saving ("Affects …") or after ("The June 2027 draft: …"). */
function changesSummary(changes: DraftChange[], when: 'preview' | 'saved'): string {
  if (changes.length === 0) return when === 'preview' ? 'No draft is affected.' : 'No draft was affected.';
  if (when === 'preview') return `Affects ${joined(changes.map((c) => `${draftName(c.range)} (${describe(c, when)})`))}.`;
  const lines = changes.map((c) => {
    const name = draftName(c.range);
    return `${name.charAt(0).toUpperCase()}${name.slice(1)}: ${describe(c, when)}.`;
  });
  return `${lines.join(' ')} Published rosters stay as they were.`;
}

export function draftChangesOf(db: Db, before: StoredClub, after: StoredClub, when: 'preview' | 'saved'): DraftChanges {
  const drafts = draftChanges(db, before, after);
  return { drafts, summary: changesSummary(drafts, when) };
}
