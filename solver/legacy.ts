import { availabilityOn } from './availability.ts';
import { Eligibility, RosterState } from './eligibility.ts';
import { effectiveQuotas, fairnessWindow } from './fairnessWindow.ts';
import { seededRandom, type Random } from './random.ts';
import { lockUnbroken } from './replan.ts';
import { SPACING_RULES, spacingContext, spacingFor } from './rules/spacing.ts';
import type { Assignment, Club, IsoDate, Role, SchedulingProblem } from './types.ts';

/**
 * A member who prefers not to take a duty (a `preferNot` availability rule) is drawn with a tenth of
 * their weight: still a candidate when nobody else is, rarely chosen beside others.
 */
export const PREFER_NOT_DRAW_FACTOR = 0.1;

/** The spacing rules the legacy scheduler keeps: a member who would break one is no candidate. */
const KEPT_SPACING = new Set(SPACING_RULES.filter((rule) => rule.legacyKeeps).map((rule) => rule.code));

/**
 * The legacy scheduler of DOMAIN.md: a greedy, seeded random draw, slot by slot, never revisited.
 * Candidates pass every hard rule of the catalogue and the spacing rules it keeps. For a re-plan
 * (problem.replanFrom) every published slot without a conflict is kept as it is. Returns every slot of the problem (date order, then the problem's role order); locked slots as locked.
 */
export function runLegacy(original: SchedulingProblem, seed: number): Assignment[] {
  // A re-plan draws only the published slots that break a hard rule now.
  const problem = lockUnbroken(original);
  const eligibility = new Eligibility(problem.club, problem.range);
  const state = new RosterState(eligibility);
  const pairs = pairsOf(problem.club);
  const random = seededRandom(seed);

  const filled = new Map<string, string | null>();
  const locked = new Set<string>();
  for (const slot of lockedSlots(problem)) {
    const key = slotKey(slot.date, slot.role);
    locked.add(key);
    filled.set(key, slot.memberId);
    if (slot.memberId) state.assign(slot.date, slot.role, slot.memberId);
  }

  // Later days hold only locked slots so far; their holders count for spacing too.
  const spacing = spacingContext(problem, (date, role) => filled.get(slotKey(date, role)));
  const keepsSpacing = (memberId: string, role: Role, date: IsoDate, dayIndex: number) =>
    !spacingFor(spacing, memberId, role.key, date, dayIndex).some((found) => KEPT_SPACING.has(found.rule));
  const deficit = deficitFactor(problem);
  const order = rolesByScarcity(problem, eligibility);
  problem.dutyDays.forEach((date, dayIndex) => {
    for (const role of order) {
      const key = slotKey(date, role.key);
      if (locked.has(key)) continue;
      const eligible = problem.club.members.filter(
        (m) => state.block(m.id, role, date) === null && keepsSpacing(m.id, role, date, dayIndex),
      );
      const factors = deficit(eligible.map((m) => m.id));
      const candidates = eligible.map((m, i) => ({
        memberId: m.id,
        weight:
          eligibility.weight(m.id, role) *
          (isPairedWithSomeoneOnDuty(m.id, state.membersOn(date), pairs) ? 3 : 1) *
          (availabilityOn(m, role.qualification, date) === 'preferNot' ? PREFER_NOT_DRAW_FACTOR : 1) *
          factors[i],
      }));
      const chosen = weightedDraw(candidates, random);
      filled.set(key, chosen);
      if (chosen) state.assign(date, role.key, chosen);
    }
  });

  return problem.dutyDays.flatMap((date) =>
    problem.roles.map((role) => ({ date, role: role.key, memberId: filled.get(slotKey(date, role.key)) ?? null })),
  );
}

/**
 * The fairness window's say in legacy's draw (docs/schedulers.md): a candidate's weight is multiplied
 * by 1 + how many duties they are behind the busiest candidate of the slot, counted before the draw
 * from the window's published duties and the draft's locked slots (so the draw stays one random number
 * per slot, and a seed gives the same roster). With quotas, "behind" is measured against each member's
 * quota: (r_max - r) x quota, where r is window duties over quota. Nothing published in the window
 * (and nothing locked) leaves every factor at 1: the draw of DOMAIN.md.
 */
function deficitFactor(problem: SchedulingProblem): (candidates: string[]) => number[] {
  const view = fairnessWindow(problem.club, problem.range);
  const quotas = effectiveQuotas(view);
  const load = new Map(view.members.map((m) => [m.memberId, m.published]));
  for (const slot of lockedSlots(problem)) if (slot.memberId) load.set(slot.memberId, (load.get(slot.memberId) ?? 0) + 1);
  const quota = new Map(view.members.map((m, i) => [m.memberId, quotas?.[i] ?? 1]));
  const relative = (id: string) => (load.get(id) ?? 0) / (quota.get(id) ?? 1);
  return (candidates) => {
    const busiest = Math.max(0, ...candidates.map(relative));
    return candidates.map((id) => 1 + (busiest - relative(id)) * (quota.get(id) ?? 1));
  };
}

/** Roles ordered by scarcity: average number of statically eligible members per duty day, ascending, stable. */
export function rolesByScarcity(problem: SchedulingProblem, eligibility: Eligibility): Role[] {
  const days = problem.dutyDays.length;
  const scarcity = new Map<string, number>();
  for (const role of problem.roles) {
    let total = 0;
    for (const date of problem.dutyDays) total += eligibility.candidates(role, date).length;
    scarcity.set(role.key, days === 0 ? 0 : total / days);
  }
  return [...problem.roles].sort((a, b) => (scarcity.get(a.key) ?? 0) - (scarcity.get(b.key) ?? 0));
}

/** The locked slots that belong to the problem (a duty day and a scheduled role), each once. */
function lockedSlots(problem: SchedulingProblem): Assignment[] {
  const days = new Set(problem.dutyDays);
  const roles = new Set(problem.roles.map((r) => r.key));
  const seen = new Set<string>();
  return problem.locked.filter((slot) => {
    const key = slotKey(slot.date, slot.role);
    if (!days.has(slot.date) || !roles.has(slot.role) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Undirected "likes to work with" pairs: member id -> partners. */
function pairsOf(club: Club): Map<string, Set<string>> {
  const pairs = new Map<string, Set<string>>(club.members.map((m) => [m.id, new Set<string>()]));
  for (const m of club.members) {
    for (const other of m.pairWith) {
      pairs.get(m.id)?.add(other);
      pairs.get(other)?.add(m.id);
    }
  }
  return pairs;
}

function isPairedWithSomeoneOnDuty(memberId: string, onDuty: ReadonlyMap<string, string>, pairs: Map<string, Set<string>>): boolean {
  const partners = pairs.get(memberId);
  if (!partners) return false;
  for (const other of onDuty.keys()) if (partners.has(other)) return true;
  return false;
}

function weightedDraw(candidates: { memberId: string; weight: number }[], random: Random): string | null {
  const total = candidates.reduce((sum, c) => sum + c.weight, 0);
  if (candidates.length === 0 || total <= 0) return null;
  let point = random() * total;
  for (const c of candidates) {
    point -= c.weight;
    if (point < 0) return c.memberId;
  }
  return candidates[candidates.length - 1].memberId;
}

function slotKey(date: IsoDate, role: string): string {
  return `${date}|${role}`;
}
