import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Backend } from '../../../main/backend/index.ts';

/**
 * A small club whose rules a test can aim at: Cat and Dan avoid each other, Eve is blacked out on
 * 20 June 2026, Fay is suspended, Gus may do one duty a month, Cat holds no instructor rating.
 */
export const VERSION_CLUB = {
  format: 'rostermeister-club/1',
  club: { name: 'Test Gliding Club', defaultMaxPerMonth: 8 },
  operatingWeekdays: ['sat', 'sun'],
  roles: [
    { key: 'instructor', title: 'Instructor' },
    { key: 'duty_officer', title: 'Duty Officer' },
  ],
  members: [
    { id: 'ann', name: 'Ann Lee', qualifications: ['instructor', 'duty_officer'] },
    { id: 'bob', name: 'Bob Ray', qualifications: ['instructor', 'duty_officer'] },
    { id: 'cat', name: 'Cat Fox', qualifications: ['duty_officer'], avoid: ['dan'] },
    { id: 'dan', name: 'Dan Poe', qualifications: ['instructor'] },
    { id: 'eve', name: 'Eve Kim', qualifications: ['duty_officer'], blackouts: ['2026-06-20'] },
    { id: 'fay', name: 'Fay Orr', qualifications: ['instructor'], suspended: true },
    { id: 'gus', name: 'Gus Tan', qualifications: ['duty_officer'], maxPerMonth: 1 },
  ],
};

/** June 2026, date -> [instructor, duty officer]: no hard rule or spacing rule broken. */
export const JUNE: Record<string, [string | null, string | null]> = {
  '2026-06-06': ['ann', 'cat'],
  '2026-06-07': ['bob', 'eve'],
  '2026-06-13': ['dan', 'ann'],
  '2026-06-14': ['ann', 'bob'],
  '2026-06-20': ['bob', 'cat'],
  '2026-06-21': ['dan', 'gus'],
  '2026-06-27': ['ann', 'eve'],
  '2026-06-28': ['bob', 'cat'],
};

/** July 2026: the first weekend filled, the rest left empty. */
export const JULY: Record<string, [string | null, string | null]> = {
  '2026-07-04': ['dan', 'ann'],
  '2026-07-05': ['bob', 'eve'],
};

export function writeVersionClub(dir: string): string {
  const path = join(dir, 'version-club.json');
  writeFileSync(path, JSON.stringify(VERSION_CLUB, null, 2));
  return path;
}

/**
 * Publishes a month as `layout` says, as the rostermeister does: generate the draft, empty it, set every
 * slot by hand (the slot editor's rules apply), publish. Slots of days not in the layout stay empty.
 */
export async function publishLayout(
  backend: Backend,
  month: { year: number; month: number },
  layout: Record<string, [string | null, string | null]>,
): Promise<void> {
  const draft = await backend.generateDraft(month);
  for (const slot of draft.slots) await backend.setSlot(draft.id, slot.date, slot.role, null);
  for (const [date, [instructor, officer]] of Object.entries(layout)) {
    if (instructor !== null) await backend.setSlot(draft.id, date, 'instructor', instructor);
    if (officer !== null) await backend.setSlot(draft.id, date, 'duty_officer', officer);
  }
  await backend.publishDraft(draft.id);
}
