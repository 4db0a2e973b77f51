import { blankMember } from '../../solver/memberSchema.ts';
import type { Assignment, Club, IsoDate, Member, PublishedDay, Role, SchedulingProblem } from '../../solver/types.ts';

/** Small hand-made clubs and problems for exact scheduler, validator and metrics tests. */

export const TOW: Role = { key: 'towpilot', title: 'Tow Pilot', qualification: 'towpilot' };
export const INSTRUCTOR: Role = { key: 'instructor', title: 'Instructor', qualification: 'instructor' };
export const DUTY: Role = { key: 'duty_officer', title: 'Duty Officer', qualification: 'duty_officer' };

export function member(id: string, qualifications: string[], overrides: Partial<Member> = {}): Member {
  return { ...blankMember(id, `Member ${id.toUpperCase()}`, qualifications), ...overrides };
}

export function club(members: Member[], roles: Role[], published: PublishedDay[] = []): Club {
  return {
    name: 'Test club',
    defaultMaxPerMonth: 8,
    season: { start: null, end: null },
    operatingWeekdays: ['sat', 'sun'],
    extraDutyDays: [],
    removedDates: [],
    roles,
    members,
    published,
  };
}

/** A problem over June 2026 (or the month of the first duty day) with explicit duty days. */
export function problem(
  c: Club,
  dutyDays: IsoDate[],
  opts: { roles?: Role[]; locked?: Assignment[]; range?: { start: IsoDate; end: IsoDate } } = {},
): SchedulingProblem {
  const month = (dutyDays[0] ?? '2026-06-01').slice(0, 7);
  return {
    club: c,
    range: opts.range ?? { start: `${month}-01`, end: `${month}-30` },
    dutyDays,
    roles: opts.roles ?? c.roles,
    locked: opts.locked ?? [],
  };
}

export function slot(date: IsoDate, role: string, memberId: string | null): Assignment {
  return { date, role, memberId };
}

/** June 2026 weekends: Sat 6, Sun 7, Sat 13, Sun 14, Sat 20, Sun 21, Sat 27, Sun 28. */
export const JUNE_WEEKENDS = [
  '2026-06-06',
  '2026-06-07',
  '2026-06-13',
  '2026-06-14',
  '2026-06-20',
  '2026-06-21',
  '2026-06-27',
  '2026-06-28',
];
