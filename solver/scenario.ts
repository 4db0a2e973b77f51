import { datesIn } from './dates.ts';
import { compareRosters } from './metrics.ts';
import type { Assignment, Club, DateRange, IsoDate, Member, SchedulerKind } from './types.ts';

/**
 * A what-if: the changes a scenario makes to the club's inputs for one range. They exist only inside
 * the scenario; the club's own data is never touched by them.
 */
export interface ScenarioChanges {
  /** Members away: not available from `from` to `to` (inclusive, inside the range). */
  away: { memberId: string; from: IsoDate; to: IsoDate }[];
  /** Roles not scheduled in the scenario. */
  rolesOff: string[];
  /** A different monthly limit for some members. */
  limits: { memberId: string; maxPerMonth: number }[];
  /** A different club default monthly limit; null keeps the club's. */
  defaultMaxPerMonth: number | null;
  /** The scheduler the scenario runs; null uses the one the settings choose for the range. */
  scheduler: SchedulerKind | null;
}

export const NO_CHANGES: ScenarioChanges = { away: [], rolesOff: [], limits: [], defaultMaxPerMonth: null, scheduler: null };

/**
 * Why these changes cannot be applied to this club and range, in the words the scenario form uses;
 * null when they can.
 */
export function scenarioProblem(club: Club, range: DateRange, changes: ScenarioChanges, scheduledRoles: string[]): string | null {
  const names = new Map(club.members.map((m) => [m.id, m.name]));
  for (const a of changes.away) {
    if (!names.has(a.memberId)) return `Away: there is no member with id "${a.memberId}".`;
    if (a.from > a.to) return `Away: ${names.get(a.memberId)} is away from ${a.from}, which is after ${a.to}.`;
    if (a.to < range.start || a.from > range.end)
      return `Away: ${a.from} to ${a.to} lies outside this scenario (${range.start} to ${range.end}).`;
  }
  for (const l of changes.limits) if (!names.has(l.memberId)) return `Monthly limit: there is no member with id "${l.memberId}".`;
  const off = new Set(changes.rolesOff);
  for (const key of off) if (!club.roles.some((r) => r.key === key)) return `Roles off: the club has no role "${key}".`;
  if (scheduledRoles.every((key) => off.has(key))) return 'Roles off: at least one role must stay on.';
  return null;
}

/** The club as the scenario sees it: away members blacked out, limits changed. */
export function clubInScenario(club: Club, range: DateRange, changes: ScenarioChanges): Club {
  const awayDates = new Map<string, Set<IsoDate>>();
  for (const a of changes.away) {
    const from = a.from < range.start ? range.start : a.from;
    const to = a.to > range.end ? range.end : a.to;
    const dates = awayDates.get(a.memberId) ?? new Set<IsoDate>();
    for (const date of datesIn({ start: from, end: to })) dates.add(date);
    awayDates.set(a.memberId, dates);
  }
  const limits = new Map(changes.limits.map((l) => [l.memberId, l.maxPerMonth]));
  const member = (m: Member): Member => {
    const away = awayDates.get(m.id);
    const limit = limits.get(m.id);
    if (!away && limit === undefined) return m;
    return {
      ...m,
      blackouts: away ? [...new Set([...m.blackouts, ...away])].sort() : m.blackouts,
      maxPerMonth: limit === undefined ? m.maxPerMonth : limit,
    };
  };
  return {
    ...club,
    defaultMaxPerMonth: changes.defaultMaxPerMonth ?? club.defaultMaxPerMonth,
    members: club.members.map(member),
  };
}

/** The roles a scenario schedules, in club order. */
export function rolesInScenario(scheduledRoles: string[], changes: ScenarioChanges): string[] {
  const off = new Set(changes.rolesOff);
  return scheduledRoles.filter((key) => !off.has(key));
}

export interface SlotDifference {
  date: IsoDate;
  role: string;
  before: string | null;
  after: string | null;
}

/**
 * The slots (matched by date and role) whose member differs between `base` and `scenario`, in date
 * then `roleOrder` order. A slot only one side has counts as empty on the other (compareRosters).
 */
export function scenarioDifferences(base: Assignment[], scenario: Assignment[], roleOrder: string[]): SlotDifference[] {
  const order = new Map(roleOrder.map((r, i) => [r, i]));
  return compareRosters(base, scenario)
    .slot_differences.map((d) => ({ date: d.date, role: d.role, before: d.legacy_member_id, after: d.optimizer_member_id }))
    .sort((x, y) => x.date.localeCompare(y.date) || (order.get(x.role) ?? 99) - (order.get(y.role) ?? 99));
}
