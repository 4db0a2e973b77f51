import { Eligibility } from './eligibility.ts';
import { effectiveQuotas, fairnessWindow } from './fairnessWindow.ts';
import type { Assignment, IsoDate, RosterMetrics, SchedulingProblem } from './types.ts';

/** The roster metrics of DOMAIN.md ("Metrics"), the comparison of two rosters and the acceptance check. */

export interface RoleFill {
  role: string;
  filled: number;
  total: number;
  /** filled / total x 100, 2 decimals (0 when the role has no slots). */
  percent: number;
}

export interface SlotDifference {
  date: IsoDate;
  role: string;
  legacy_member_id: string | null;
  optimizer_member_id: string | null;
}

export interface RosterComparison {
  changed_slots: number;
  changed_dates: number;
  slot_differences: SlotDifference[];
}

export interface Acceptance {
  fill_rate: boolean;
  fairness: boolean;
  solve_time: boolean;
  passed: boolean;
}

/** The optimizer must answer within this many milliseconds to be accepted. */
const ACCEPTANCE_SOLVE_TIME_MS = 10_000;

export function rosterMetrics(problem: SchedulingProblem, assignments: Assignment[], solveTimeMs: number): RosterMetrics {
  const inProblem = slotsOfProblem(problem, assignments);
  const total = problem.dutyDays.length * problem.roles.length;
  const filled = inProblem.filter((a) => a.memberId !== null).length;
  const loads = loadsById(inProblem);
  // Exempt members take no part in fairness, even in a slot locked to them.
  for (const m of problem.club.members) if (m.exempt === true) loads.delete(m.id);

  const eligibility = new Eligibility(problem.club, problem.range);
  const eligibleLoads = problem.club.members
    .filter((m) => problem.roles.some((role) => problem.dutyDays.some((date) => eligibility.passesStatic(m.id, role, date))))
    .map((m) => loads.get(m.id) ?? 0);

  return {
    solve_time_ms: solveTimeMs,
    fill_rate_percent: percent(filled, total),
    fairness_variance: round(populationVariance([...loads.values()]), 4),
    fairness_variance_all: round(populationVariance(eligibleLoads), 4),
    ...windowFigures(problem, loads),
    filled_slots: filled,
    total_slots: total,
  };
}

/**
 * The fairness window's figures: each member's window load is their published duties in the window
 * plus the roster's `loads`; exempt members are left out. The variance is over members with at
 * least one duty in the window (as the reference variance is over the roster's).
 */
function windowFigures(
  problem: SchedulingProblem,
  loads: ReadonlyMap<string, number>,
): Required<Pick<RosterMetrics, 'window_fairness_variance' | 'window_sum_of_squares' | 'window_quota_distance'>> {
  const view = fairnessWindow(problem.club, problem.range);
  const quotas = effectiveQuotas(view);
  const members = view.members
    .map((m, i) => ({ load: m.published + (loads.get(m.memberId) ?? 0), quota: quotas?.[i] ?? null, exempt: m.exempt }))
    .filter((m) => !m.exempt);
  return {
    window_fairness_variance: round(populationVariance(members.filter((m) => m.load > 0).map((m) => m.load)), 4),
    window_sum_of_squares: members.reduce((sum, m) => sum + m.load * m.load, 0),
    window_quota_distance:
      quotas === null
        ? null
        : round(
            members.reduce((sum, m) => sum + (m.load - m.quota!) ** 2 / m.quota!, 0),
            4,
          ),
  };
}

/** Member id -> number of slots the member fills (members without any are absent). */
export function memberLoads(assignments: Assignment[]): Record<string, number> {
  return Object.fromEntries(loadsById(assignments));
}

/** Counted in a Map: member ids are the club's own text, and an id like "__proto__" or "constructor" is just an id. */
function loadsById(assignments: Assignment[]): Map<string, number> {
  const loads = new Map<string, number>();
  for (const a of assignments) if (a.memberId !== null) loads.set(a.memberId, (loads.get(a.memberId) ?? 0) + 1);
  return loads;
}

/** Filled slots per role, in the problem's role order. */
export function roleFill(problem: SchedulingProblem, assignments: Assignment[]): RoleFill[] {
  const inProblem = slotsOfProblem(problem, assignments);
  const total = problem.dutyDays.length;
  return problem.roles.map((role) => {
    const filled = inProblem.filter((a) => a.role === role.key && a.memberId !== null).length;
    return { role: role.key, filled, total, percent: percent(filled, total) };
  });
}

/**
 * Slots (matched by date and role) whose member differs between two rosters of the same range;
 * a slot listed in only one roster counts as empty in the other. `a` is reported as legacy, `b` as optimizer.
 */
export function compareRosters(a: Assignment[], b: Assignment[]): RosterComparison {
  const slots = new Map<string, SlotDifference>();
  for (const s of a) {
    slots.set(key(s), { date: s.date, role: s.role, legacy_member_id: s.memberId, optimizer_member_id: null });
  }
  for (const s of b) {
    const known = slots.get(key(s));
    if (known) known.optimizer_member_id = s.memberId;
    else slots.set(key(s), { date: s.date, role: s.role, legacy_member_id: null, optimizer_member_id: s.memberId });
  }
  const differences = [...slots.values()]
    .filter((d) => d.legacy_member_id !== d.optimizer_member_id)
    .sort((x, y) => x.date.localeCompare(y.date));
  return {
    changed_slots: differences.length,
    changed_dates: new Set(differences.map((d) => d.date)).size,
    slot_differences: differences,
  };
}

/** The optimizer is accepted when it fills at least as much, is no less fair, and answers in time. */
export function acceptance(legacy: RosterMetrics, optimizer: RosterMetrics): Acceptance {
  const fill_rate = optimizer.fill_rate_percent >= legacy.fill_rate_percent;
  const fairness = optimizer.fairness_variance <= legacy.fairness_variance;
  const solve_time = optimizer.solve_time_ms < ACCEPTANCE_SOLVE_TIME_MS;
  return { fill_rate, fairness, solve_time, passed: fill_rate && fairness && solve_time };
}

/** Population variance; 0 for no values. */
function populationVariance(values: number[]): number {
  if (values.length === 0) return 0;
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  return values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length;
}

/** Rounds half up at `digits` decimals, exact for values like 1.005 that binary floats store just below. */
export function round(value: number, digits: number): number {
  const text = String(value);
  if (text.includes('e')) return Math.round(value * 10 ** digits) / 10 ** digits;
  return Number(`${Math.round(Number(`${text}e${digits}`))}e-${digits}`);
}

function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : round((part / whole) * 100, 2);
}

/** The assignments that belong to a slot of the problem, each slot counted once (first listing wins). */
function slotsOfProblem(problem: SchedulingProblem, assignments: Assignment[]): Assignment[] {
  const days = new Set(problem.dutyDays);
  const roles = new Set(problem.roles.map((r) => r.key));
  const seen = new Set<string>();
  return assignments.filter((a) => {
    const k = key(a);
    if (!days.has(a.date) || !roles.has(a.role) || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function key(slot: { date: IsoDate; role: string }): string {
  return `${slot.date}|${slot.role}`;
}
