import type { PublishedView, RoleSetting } from '../../../main/api/contract.ts';
import { clubEvents } from '../../../main/export/calendarEvents.ts';
import { calendarIcs } from '../../../main/export/ics.ts';
import { slotStories } from '../../../main/export/slotHistory.ts';

/** Published rosters built by hand for the export tests: awkward names on purpose. */

export const ROLES: RoleSetting[] = [
  { key: 'duty_officer', title: 'Duty officer', qualification: 'duty_officer', scheduled: true },
  { key: 'winch', title: 'Winch driver', qualification: 'winch', scheduled: true },
  { key: 'tow', title: 'Tow pilot', qualification: 'tow', scheduled: true },
  { key: 'instructor', title: 'Instructor', qualification: 'instructor', scheduled: true },
];

export const NAMES: Record<string, string> = {
  m1: 'O\'Brien, "Pat"',
  m2: 'Zoë Müller',
  m3: 'Ünal Şahin',
  m4: '李雷',
  m5: 'Αλέξανδρος Παπαδόπουλος-Κωνσταντινίδης του Γεωργίου',
  m6: 'Владимир Соколов',
  m7: 'Jo; Back\\slash',
  m8: 'Ingrid Ærøskøbing-Jørgensen',
};

/** December 2026 weekends; member id per role per day, null = open slot. */
const DECEMBER: [string, (string | null)[]][] = [
  ['2026-12-05', ['m1', 'm2', 'm3', 'm4']],
  ['2026-12-06', ['m5', 'm6', null, 'm7']],
  ['2026-12-12', ['m8', 'm1', 'm2', 'm3']],
  ['2026-12-13', ['m4', 'm5', 'm6', null]],
  ['2026-12-19', ['m7', 'm8', 'm1', 'm2']],
  ['2026-12-20', ['m3', 'm4', 'm5', 'm6']],
  ['2026-12-26', [null, null, 'm7', 'm8']],
  ['2026-12-27', ['m2', 'm3', 'm4', 'm1']],
];

export function decemberView(): PublishedView {
  return {
    range: { start: '2026-12-01', end: '2026-12-31' },
    clubName: 'Skyhigh Gliding Club, Süd',
    roles: ROLES,
    days: DECEMBER.map(([date, holders]) => ({
      date,
      slots: ROLES.map((role, i) => ({
        role: role.key,
        memberId: holders[i],
        memberName: holders[i] === null ? null : NAMES[holders[i]],
      })),
    })),
    publishedAt: '2026-11-27T18:30:00.000Z',
    version: 1,
    conflicts: [],
  };
}

export function emptyView(): PublishedView {
  return { ...decemberView(), days: [] };
}

/**
 * The club calendar of a view as if it were the month's only version, made by the real calendar code
 * (slot stories, club events, the ICS writer). A member's name is the one their first slot shows.
 */
export function viewIcs(view: PublishedView, generatedAt: Date, clubId = 'club-under-test'): Buffer {
  const slots = view.days.flatMap((day) => day.slots.map((slot) => ({ date: day.date, role: slot.role, memberId: slot.memberId })));
  const names = new Map<string, string>();
  for (const day of view.days)
    for (const slot of day.slots) if (slot.memberId !== null && !names.has(slot.memberId)) names.set(slot.memberId, slot.memberName ?? '');
  const stories = slotStories([{ version: 1, createdAt: view.publishedAt, slots }]);
  const source = { clubId, clubName: view.clubName, roles: view.roles, names, stories };
  return calendarIcs({ name: view.clubName, description: view.clubName }, clubEvents(source), generatedAt);
}
