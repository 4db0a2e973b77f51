/**
 * Writes assets/demo-club.json: the demo club the app and the CLI start with.
 * Deterministic: the same script always writes the same file.
 * Run: node --import tsx scripts/make-demo-club.ts
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { syntheticClub } from '../bench/syntheticClub.ts';
import { parseClub, serializeClub } from '../solver/clubFile.ts';
import { dutyDaysFor } from '../solver/calendar.ts';
import { monthRange } from '../solver/dates.ts';
import { Eligibility, RosterState } from '../solver/eligibility.ts';
import { seededRandom } from '../solver/random.ts';
import type { Club, DateRange, PublishedDay } from '../solver/types.ts';

const NAMES = [
  'Alex Rivera',
  'Zoë Müller',
  'José Núñez',
  'Margaret Okonkwo',
  'Tom Brennan',
  'Søren Østergaard',
  'Priya Raman',
  'Agnieszka Wójcik',
  'David Chen',
  'Chloé Lefèvre',
  'Björn Åkesson',
  'Hannah Schmidt',
  'Siobhán O’Connor',
  'Marcus Webb',
  'Łukasz Zieliński',
  'Emily Carter',
  'Kenji Watanabe',
  'Fatima Haddad',
  'Rory MacLeod',
  'Ingrid Solberg',
  'Ayşe Yılmaz',
  'Peter Hughes',
  'François Giraud',
  'Lena Vogel',
  'Samuel Adeyemi',
  'Olivia Grant',
  'Mateus Carvalho',
  'Greta Lindqvist',
  'Henry Walsh',
  'Nadia Petrova',
  'Jack Thornton',
  'Isabel Ruiz',
  'Wei Zhang',
  'Catherine Doyle',
  'Luca Bianchi',
  'Ruth Abernethy',
  'Tariq Rahman',
  'Elise Dubois',
  'George Pemberton',
  'Maja Kovač',
  'Daniel Fischer',
  'Sophie Laurent',
  'Owen Price',
  'Anja Hoffmann',
  'Brian Kowalczyk',
];

/** Winter flying days and public holidays the club operates on. */
const EXTRA_DUTY_DAYS = [
  '2026-12-05',
  '2026-12-06',
  '2026-12-12',
  '2026-12-13',
  '2026-12-19',
  '2026-12-26',
  '2026-12-27',
  '2027-01-01',
  '2027-01-09',
  '2027-01-23',
  '2027-02-06',
  '2027-02-20',
  '2027-03-26',
  '2027-03-29',
  '2027-05-06',
  '2027-05-17',
  '2027-12-26',
];
/** Airfield maintenance, a competition hosting the tugs elsewhere, the open day. */
const REMOVED_DATES = ['2026-11-14', '2027-04-10', '2027-07-17', '2027-07-18'];

const HISTORY: DateRange = { start: '2026-10-01', end: '2026-11-30' };

/**
 * A plausible published history: least-loaded eligible member, ties broken at random, no same role on
 * neighbouring days. Each month is published on its own, as importing the file records it, so each
 * month keeps every rule (the limits count per month).
 */
function publishHistory(club: Club, range: DateRange, seed: number): PublishedDay[] {
  const random = seededRandom(seed);
  const states = new Map<string, RosterState>();
  const previous = new Map<string, string>();
  return dutyDaysFor(club, range).map((date) => {
    const month = date.slice(0, 7);
    if (!states.has(month))
      states.set(month, new RosterState(new Eligibility(club, monthRange(Number(month.slice(0, 4)), Number(month.slice(5, 7))))));
    const state = states.get(month)!;
    const slots: Record<string, string | null> = {};
    for (const role of club.roles) {
      const candidates = club.members
        .filter((m) => state.block(m.id, role, date) === null && previous.get(role.key) !== m.id)
        .map((m) => ({ id: m.id, order: state.load(m.id) + random() }))
        .sort((a, b) => a.order - b.order);
      const chosen = candidates[0]?.id ?? null;
      if (chosen) state.assign(date, role.key, chosen);
      slots[role.key] = chosen;
    }
    for (const [role, memberId] of Object.entries(slots)) if (memberId) previous.set(role, memberId);
    return { date, slots };
  });
}

const isPlain = (v: unknown) => v === null || typeof v !== 'object';

/** JSON with two-space indentation, keeping lists of plain values on one line. */
function formatJson(value: unknown, indent = ''): string {
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.every(isPlain)) return `[${value.map((v) => JSON.stringify(v)).join(', ')}]`;
    return `[\n${value.map((v) => inner + formatJson(v, inner)).join(',\n')}\n${indent}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    if (entries.every(([, v]) => isPlain(v)))
      return `{${entries.map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(', ')}}`;
    return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${formatJson(v, inner)}`).join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}

const club = syntheticClub({
  members: NAMES.length,
  roles: 4,
  seed: 20261128,
  name: 'Kestrel Ridge Gliding Club',
  names: NAMES,
  seasonStart: 'First weekend of March',
  seasonEnd: 'Last weekend of November',
  range: { start: HISTORY.start, end: '2027-11-30' },
  defaultMaxPerMonth: 4,
});
club.extraDutyDays = EXTRA_DUTY_DAYS;
club.removedDates = REMOVED_DATES;
club.published = publishHistory(club, HISTORY, 7);

const text = `${formatJson(serializeClub(parseClub(serializeClub(club))))}\n`;
parseClub(JSON.parse(text));
writeFileSync(fileURLToPath(new URL('../assets/demo-club.json', import.meta.url)), text);
