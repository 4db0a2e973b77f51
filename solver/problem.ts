import { dutyDaysFor } from './calendar.ts';
import { isIsoDate, monthsTouched } from './dates.ts';
import type { Assignment, Club, DateRange, IsoDate, SchedulingProblem } from './types.ts';

export interface ProblemOptions {
  /** Dates the rostermeister took out for this generation, on top of the club's removed dates. */
  removedDates?: IsoDate[];
  /** Slots to keep as they are; those outside the duty days or roles are dropped. */
  locked?: Assignment[];
  /** Schedule only these roles (club order is kept); all roles when absent. */
  roleKeys?: string[];
}

export const MAX_RANGE_MONTHS = 12;

/** Everything one generation needs. Throws on a malformed range or an unknown role key. */
export function buildProblem(club: Club, range: DateRange, opts: ProblemOptions = {}): SchedulingProblem {
  if (!isIsoDate(range.start) || !isIsoDate(range.end)) {
    throw new Error(`The range ${range.start} to ${range.end} is not made of valid dates (YYYY-MM-DD).`);
  }
  if (range.start > range.end) throw new Error(`The range starts (${range.start}) after it ends (${range.end}).`);
  if (monthsTouched(range) > MAX_RANGE_MONTHS) {
    throw new Error(`The range ${range.start} to ${range.end} spans more than ${MAX_RANGE_MONTHS} months.`);
  }

  let roles = club.roles;
  if (opts.roleKeys) {
    const wanted = new Set(opts.roleKeys);
    const unknown = opts.roleKeys.filter((key) => !club.roles.some((r) => r.key === key));
    if (unknown.length > 0) throw new Error(`Unknown role ${unknown.map((k) => `"${k}"`).join(', ')}: the club has no such role.`);
    roles = club.roles.filter((r) => wanted.has(r.key));
  }

  const dutyDays = dutyDaysFor(club, range, opts.removedDates);
  const daySet = new Set(dutyDays);
  const roleOrder = new Map(roles.map((r, i) => [r.key, i]));
  const seen = new Set<string>();
  const locked: Assignment[] = [];
  for (const a of opts.locked ?? []) {
    const slot = `${a.date}|${a.role}`;
    if (!daySet.has(a.date) || !roleOrder.has(a.role) || seen.has(slot)) continue;
    seen.add(slot);
    locked.push({ date: a.date, role: a.role, memberId: a.memberId });
  }
  locked.sort((a, b) => a.date.localeCompare(b.date) || roleOrder.get(a.role)! - roleOrder.get(b.role)!);

  return { club, range: { start: range.start, end: range.end }, dutyDays, roles: [...roles], locked };
}
