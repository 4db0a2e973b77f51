import { addDays, datesIn, weekdayOf } from '../solver/dates.ts';
import { seededRandom } from '../solver/random.ts';
import type { Random } from '../solver/random.ts';
import type { Club, DateRange, Member, Role } from '../solver/types.ts';

/**
 * Realistic synthetic clubs for benchmarks and tests, fully determined by the seed:
 * a qualification mix, role splits, monthly limits, ~10% weekend blackouts, day preferences,
 * pairs, avoidances, a few members out of scheduling and some duty history.
 */

export interface SyntheticClubOptions {
  members: number;
  /** 4 = the default roles; 6 = AM/PM instructor and tow shifts plus the two duty officer roles. */
  roles: 4 | 6;
  seed: number;
  seasonStart?: string | null;
  seasonEnd?: string | null;
  /** The period blackouts are drawn from; lastDutyDate lies before its start. Default: all of 2026. */
  range?: DateRange;
  name?: string;
  defaultMaxPerMonth?: number;
  /** Member names to use in order (generated names fill up the rest). */
  names?: string[];
  /** Share of weekend days each member blacks out on average (default 0.1). */
  blackoutRate?: number;
}

export const DEFAULT_ROLES: Role[] = [
  { key: 'instructor', title: 'Instructor', qualification: 'instructor' },
  { key: 'towpilot', title: 'Tow Pilot', qualification: 'towpilot' },
  { key: 'duty_officer', title: 'Duty Officer', qualification: 'duty_officer' },
  { key: 'assistant_duty_officer', title: 'Assistant Duty Officer', qualification: 'assistant_duty_officer' },
];

export const SHIFT_ROLES: Role[] = [
  { key: 'am_instructor', title: 'Instructor (AM)', qualification: 'instructor' },
  { key: 'pm_instructor', title: 'Instructor (PM)', qualification: 'instructor' },
  { key: 'am_tow', title: 'Tow Pilot (AM)', qualification: 'towpilot' },
  { key: 'pm_tow', title: 'Tow Pilot (PM)', qualification: 'towpilot' },
  { key: 'duty_officer', title: 'Duty Officer', qualification: 'duty_officer' },
  { key: 'assistant_duty_officer', title: 'Assistant Duty Officer', qualification: 'assistant_duty_officer' },
];

const QUALIFICATION_SHARE: [string, number][] = [
  ['instructor', 0.25],
  ['towpilot', 0.2],
  ['duty_officer', 0.6],
  ['assistant_duty_officer', 0.7],
];

const MAX_PER_MONTH_MIX: [number | null, number][] = [
  [null, 0.3],
  [1, 0.15],
  [2, 0.25],
  [3, 0.2],
  [0.5, 0.07],
  [0, 0.03],
];

const FIRST_NAMES = [
  'Alex',
  'Sam',
  'Jo',
  'Kim',
  'Robin',
  'Chris',
  'Pat',
  'Lee',
  'Morgan',
  'Taylor',
  'Jamie',
  'Casey',
  'Dana',
  'Jordan',
  'Riley',
  'Avery',
  'Quinn',
  'Rowan',
  'Sasha',
  'Toni',
  'Eli',
  'Noor',
  'Mika',
  'Ines',
];
const LAST_NAMES = [
  'Rivera',
  'Smith',
  'Becker',
  'Novak',
  'Okafor',
  'Lindqvist',
  'Tanaka',
  'Moreau',
  'Kowalski',
  'Haddad',
  'Fischer',
  'Brennan',
  'Costa',
  'Jansen',
  'Petrov',
  'Walsh',
  'Sato',
  'Dubois',
  'Nilsen',
  'Garcia',
];

function pick<T>(random: Random, mix: [T, number][]): T {
  let r = random() * mix.reduce((sum, [, w]) => sum + w, 0);
  for (const [value, weight] of mix) {
    r -= weight;
    if (r < 0) return value;
  }
  return mix[mix.length - 1][0];
}

function int(random: Random, below: number): number {
  return Math.floor(random() * below);
}

function memberId(index: number, total: number): string {
  return `m${String(index + 1).padStart(Math.max(3, String(total).length), '0')}`;
}

/** A split of 100 over the held qualifications in steps of 10, sometimes with one at 0. */
function percentSplit(random: Random, held: string[]): Record<string, number> {
  const parts = held.map(() => 1 + int(random, 4));
  if (held.length > 1 && random() < 0.3) parts[int(random, held.length)] = 0;
  const total = parts.reduce((a, b) => a + b, 0);
  const tens = parts.map((p) => Math.floor((p / total) * 10));
  tens[parts.indexOf(Math.max(...parts))] += 10 - tens.reduce((a, b) => a + b, 0);
  return Object.fromEntries(held.map((q, i) => [q, tens[i] * 10]));
}

export function syntheticClub(opts: SyntheticClubOptions): Club {
  const random = seededRandom(opts.seed);
  const range = opts.range ?? { start: '2026-01-01', end: '2026-12-31' };
  const weekendDays = datesIn(range).filter((d) => weekdayOf(d) === 'sat' || weekdayOf(d) === 'sun');
  const blackoutRate = opts.blackoutRate ?? 0.1;
  const count = opts.members;

  const members: Member[] = [];
  for (let i = 0; i < count; i++) {
    const qualifications = QUALIFICATION_SHARE.filter(([, share]) => random() < share).map(([q]) => q);
    if (qualifications.length === 0) qualifications.push(random() < 0.5 ? 'duty_officer' : 'assistant_duty_officer');
    const rolePercent = qualifications.length > 1 && random() < 0.35 ? percentSplit(random, qualifications) : {};
    const ownRate = blackoutRate * (0.3 + 1.4 * random());
    const r = random();
    members.push({
      id: memberId(i, count),
      name: opts.names?.[i] ?? `${FIRST_NAMES[int(random, FIRST_NAMES.length)]} ${LAST_NAMES[int(random, LAST_NAMES.length)]}`,
      active: r >= 0.04,
      qualifications,
      rolePercent,
      maxPerMonth: pick(random, MAX_PER_MONTH_MIX),
      preferredDay: pick<'sat' | 'sun' | null>(random, [
        ['sat', 0.2],
        ['sun', 0.15],
        [null, 0.65],
      ]),
      allowWeekendDouble: random() < 0.1,
      dontSchedule: r >= 0.04 && r < 0.07,
      suspended: r >= 0.07 && r < 0.09,
      blackouts: weekendDays.filter(() => random() < ownRate),
      pairWith: [],
      avoid: [],
      lastDutyDate: random() < 0.7 ? addDays(range.start, -(1 + int(random, 300))) : null,
    });
  }

  // Pairs and avoidances, each between two different members not already linked; listed on one side.
  const linked = new Set<string>();
  const link = (kind: 'pairWith' | 'avoid', times: number) => {
    for (let t = 0; t < times && count > 1; t++) {
      const a = int(random, count);
      const b = int(random, count);
      const key = `${Math.min(a, b)}-${Math.max(a, b)}`;
      if (a === b || linked.has(key)) continue;
      linked.add(key);
      members[a][kind].push(members[b].id);
    }
  };
  link('pairWith', Math.round(count / 12));
  link('avoid', Math.round(count / 20));

  return {
    name: opts.name ?? `Synthetic club ${count}/${opts.roles} #${opts.seed}`,
    defaultMaxPerMonth: opts.defaultMaxPerMonth ?? 4,
    season: { start: opts.seasonStart ?? null, end: opts.seasonEnd ?? null },
    operatingWeekdays: ['sat', 'sun'],
    extraDutyDays: [],
    removedDates: [],
    roles: (opts.roles === 6 ? SHIFT_ROLES : DEFAULT_ROLES).map((r) => ({ ...r })),
    members,
    published: [],
  };
}
