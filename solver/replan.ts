import { HARD_RULES } from './rules/index.ts';
import type { Assignment, Club, DateRange, IsoDate, SchedulingProblem } from './types.ts';
import { validateRoster, type RosterViolation } from './validate.ts';

/**
 * Re-plan: after a published duty has become impossible (a blackout, a suspension, a qualification
 * lost, a lower limit...), the roster closest to the published version that keeps every hard rule.
 * This module is the pure part: the problem of a published month, its conflicts, what legacy keeps,
 * and the diff. The optimizer's stability tier reads `replanFrom` (optimizer/instance.ts).
 */

/** The hard rules of the catalogue, and a member who is no longer in the club. */
const CONFLICT_RULES = new Set<string>([...HARD_RULES.map((rule) => rule.code), 'unknown_member']);

const slotKey = (date: IsoDate, role: string) => `${date}|${role}`;

/**
 * The re-plan problem of a published range with the club as it is now: the published days and the
 * club's roles among the published ones. A slot published empty (or missing) stays empty: a re-plan
 * repairs what broke, it does not reopen what the rostermeister left open.
 */
export function replanProblem(club: Club, range: DateRange, published: Assignment[]): SchedulingProblem {
  const used = new Set(published.map((s) => s.role));
  const roles = club.roles.filter((r) => used.has(r.key));
  const known = new Set(roles.map((r) => r.key));
  const dutyDays = [...new Set(published.filter((s) => known.has(s.role)).map((s) => s.date))].sort();
  const holder = new Map(published.filter((s) => known.has(s.role)).map((s) => [slotKey(s.date, s.role), s.memberId]));
  const locked: Assignment[] = [];
  const replanFrom: Assignment[] = [];
  for (const date of dutyDays) {
    for (const role of roles) {
      const memberId = holder.get(slotKey(date, role.key)) ?? null;
      (memberId === null ? locked : replanFrom).push({ date, role: role.key, memberId });
    }
  }
  return { club, range: { ...range }, dutyDays, roles, locked, replanFrom };
}

/** Every slot of the problem as published (date, then role order). */
export function publishedRoster(problem: SchedulingProblem): Assignment[] {
  const holder = new Map((problem.replanFrom ?? []).map((s) => [slotKey(s.date, s.role), s.memberId]));
  return problem.dutyDays.flatMap((date) =>
    problem.roles.map((role) => ({ date, role: role.key, memberId: holder.get(slotKey(date, role.key)) ?? null })),
  );
}

/** Published duties that break a hard rule now, each with its rule's sentence, in date then role order. */
export function conflictsOf(problem: SchedulingProblem): RosterViolation[] {
  return validateRoster({ ...problem, locked: [] }, publishedRoster(problem)).filter(
    (v) => v.memberId !== null && CONFLICT_RULES.has(v.rule),
  );
}

/**
 * What the legacy scheduler re-plans: every published slot without a conflict locked as it is, so
 * only the broken ones are drawn again. A problem without `replanFrom` is returned as it is.
 */
export function lockUnbroken(problem: SchedulingProblem): SchedulingProblem {
  if (!problem.replanFrom) return problem;
  const broken = new Set(conflictsOf(problem).map((c) => slotKey(c.date, c.role)));
  const kept = problem.replanFrom.filter((s) => !broken.has(slotKey(s.date, s.role)));
  return { ...problem, locked: [...problem.locked, ...kept], replanFrom: undefined };
}

/** A reproducible seed for legacy's re-plan of one version of a published range (named by its first day). */
export function replanSeed(start: IsoDate, version: number): number {
  let hash = 2166136261;
  for (const ch of `${start} v${version}`) hash = Math.imul(hash ^ ch.charCodeAt(0), 16777619) >>> 0;
  return hash;
}

export interface SlotChange {
  date: IsoDate;
  role: string;
  /** Published holder (null: empty). */
  from: string | null;
  /** Proposed holder (null: left empty). */
  to: string | null;
}

export interface MemberChange {
  memberId: string;
  gains: { date: IsoDate; role: string }[];
  loses: { date: IsoDate; role: string }[];
}

export interface ReplanDiff {
  /** Slots whose member differs, date then role order. */
  slots: SlotChange[];
  /** Every member who gains or loses a duty, in club order. */
  members: MemberChange[];
}

/** The slots `proposed` changes against the published version, and who gains or loses a duty. */
export function replanDiff(problem: SchedulingProblem, proposed: Assignment[]): ReplanDiff {
  const after = new Map(proposed.map((s) => [slotKey(s.date, s.role), s.memberId]));
  const slots: SlotChange[] = [];
  for (const before of publishedRoster(problem)) {
    const to = after.get(slotKey(before.date, before.role)) ?? null;
    if (to !== before.memberId) slots.push({ date: before.date, role: before.role, from: before.memberId, to });
  }
  const byMember = new Map<string, MemberChange>();
  const entry = (memberId: string) => {
    let found = byMember.get(memberId);
    if (!found) byMember.set(memberId, (found = { memberId, gains: [], loses: [] }));
    return found;
  };
  for (const s of slots) {
    if (s.from !== null) entry(s.from).loses.push({ date: s.date, role: s.role });
    if (s.to !== null) entry(s.to).gains.push({ date: s.date, role: s.role });
  }
  const order = new Map(problem.club.members.map((m, i) => [m.id, i]));
  const members = [...byMember.values()].sort(
    (a, b) => (order.get(a.memberId) ?? Infinity) - (order.get(b.memberId) ?? Infinity) || a.memberId.localeCompare(b.memberId),
  );
  return { slots, members };
}
