import { availabilityOn } from '../availability.ts';
import { daysBetween, weekdayOf } from '../dates.ts';
import { Eligibility, RosterState } from '../eligibility.ts';
import { historyBefore } from '../history.ts';
import { carriesOver, strictBreaksBetween } from '../rules/spacing.ts';
import type { Assignment, Member, SchedulingProblem } from '../types.ts';
import { SOFT_SPACING, SOFT_SPACING_MAX_DAYS, assignmentPoints, PREFER_NOT_POINTS, staleDays } from './preferences.ts';
import { greedyCliques, pairTerms, spacingTerm, type BreakClique, type PairTerm } from './spacing.ts';
import { windowCosts, type WindowCosts } from './windowCost.ts';

/**
 * The optimizer's view of a problem: who may fill which free slot (static rules, locks applied),
 * and every cost term, in plain indices so the model builder and the checks share one source.
 */

/** Member `member` in role `role` on duty day `day` (indices into the instance's lists). */
export interface Candidate {
  member: number;
  day: number;
  role: number;
  /** Preference points of this assignment on its own. */
  points: number;
  /** Soft spacing penalty against locked slots and published history. */
  softPoints: number;
  /** Partners this member likes to work with who are locked on duty that day. */
  lockedPartners: number;
  /** Strict spacing breaks this assignment makes with locked slots, carry-over and published history. */
  breaks: number;
  /**
   * Re-plan (problem.replanFrom): -1 keeps the published holder, +1 fills a slot published empty, else 0.
   * The roster's changed slots are `replanFilled` plus the chosen candidates' sum.
   */
  stability: number;
}

/** Two members on duty on the same day (any roles): a pairing reward or an avoidance conflict. */
export interface MemberDayPair {
  a: number;
  b: number;
  day: number;
}

export interface OptimizerInstance {
  problem: SchedulingProblem;
  members: Member[];
  /** Member id or null per slot locked by the rostermeister; key `day,role`. */
  locked: Map<string, string | null>;
  candidates: Candidate[];
  /** Slot index (day x roles + role) -> candidate indices. */
  bySlot: number[][];
  /** Member -> day -> role -> candidate index (no entry for days without candidates). */
  byMemberDay: Map<number, number>[][];
  /** Slots nobody fills yet: not locked. */
  freeSlots: number;
  /** Assignments each member already has from locked slots. */
  lockedLoad: number[];
  /** The fairness cost of each member's load over the fairness window (published duties and locks included). */
  costs: WindowCosts;
  /** Most free slots each member can take: cap minus locked load, and at most one per day. */
  maxLoad: number[];
  pairs: PairTerm[];
  pairings: MemberDayPair[];
  avoidances: MemberDayPair[];
  /** Candidate sets of one member and role pairwise breaking a strict rule; they cover every strict pair. */
  strictCliques: number[][];
  /** Strict pairs split into cliques of equal weight, each pair in exactly one: n chosen of a clique break weight x n(n-1)/2. */
  readonly breakCliques: BreakClique[];
  /** Upper bound on the strict breaks the free slots can make. */
  maxBreaks: number;
  /** Upper bound on the preference points of any roster (all points are >= 0). */
  preferenceRange: number;
  /** Re-plan: free slots published with a member (each one counts as changed unless its holder is kept). */
  replanFilled: number;
}

/** Whether a member is on duty on a day (indices) in the roster of candidates `chosen`. */
export function onDutyIn(instance: OptimizerInstance, chosen: ReadonlySet<number>): (member: number, day: number) => boolean {
  const days = instance.problem.dutyDays.length;
  const onDuty = new Set<number>();
  for (const c of chosen) onDuty.add(instance.candidates[c].member * days + instance.candidates[c].day);
  return (member, day) => onDuty.has(member * days + day);
}

export function slotIndex(instance: { problem: SchedulingProblem }, day: number, role: number): number {
  return day * instance.problem.roles.length + role;
}

/** Every slot, date then role order: locked slots as given, free ones from the candidates `chosen`. */
export function assignmentsOf(instance: OptimizerInstance, chosen: ReadonlySet<number>): Assignment[] {
  const { dutyDays, roles } = instance.problem;
  const holder = new Map<number, string>();
  for (const c of chosen) {
    const cand = instance.candidates[c];
    holder.set(slotIndex(instance, cand.day, cand.role), instance.members[cand.member].id);
  }
  return dutyDays.flatMap((date, day) =>
    roles.map((role, r): Assignment => {
      const key = `${day},${r}`;
      const memberId = instance.locked.has(key) ? (instance.locked.get(key) ?? null) : (holder.get(slotIndex(instance, day, r)) ?? null);
      return { date, role: role.key, memberId };
    }),
  );
}

export function buildInstance(problem: SchedulingProblem): OptimizerInstance {
  const { club, range, dutyDays, roles } = problem;
  const members = club.members;
  const memberIndex = new Map(members.map((m, i) => [m.id, i]));
  const dayIndex = new Map(dutyDays.map((d, i) => [d, i]));
  const roleIndex = new Map(roles.map((r, i) => [r.key, i]));
  const eligibility = new Eligibility(club, range);
  const history = historyBefore(club, range.start);

  const locked = new Map<string, string | null>();
  const lockedOn = dutyDays.map(() => new Set<string>());
  // The locked slots as a roster: the catalogue's roster rules are checked against it.
  const lockedRoster = new RosterState(eligibility);
  /** member index -> role index -> day indices the member is locked in that role. */
  const lockedRoleDays = new Map<number, Map<number, number[]>>();
  const lockedLoad = members.map(() => 0);
  for (const lock of problem.locked) {
    const day = dayIndex.get(lock.date);
    const role = roleIndex.get(lock.role);
    if (day === undefined || role === undefined) continue;
    locked.set(`${day},${role}`, lock.memberId);
    if (lock.memberId === null) continue;
    lockedOn[day].add(lock.memberId);
    lockedRoster.assign(lock.date, lock.role, lock.memberId);
    const m = memberIndex.get(lock.memberId);
    if (m === undefined) continue;
    lockedLoad[m]++;
    const perRole = lockedRoleDays.get(m) ?? new Map<number, number[]>();
    lockedRoleDays.set(m, perRole);
    perRole.set(role, [...(perRole.get(role) ?? []), day]);
  }

  // Day numbers (days since the range start) and weekdays, computed once: date arithmetic is slow.
  const dayNumber = dutyDays.map((d) => daysBetween(range.start, d));
  const weekday = dutyDays.map(weekdayOf);
  // Published duties close enough before the range to matter for spacing: member -> [day number, role].
  const recent = new Map<string, [number, string][]>();
  for (const [date, byMember] of history.publishedByDate) {
    const number = daysBetween(range.start, date);
    if (number < -SOFT_SPACING_MAX_DAYS) continue;
    for (const [memberId, role] of byMember) recent.set(memberId, [...(recent.get(memberId) ?? []), [number, role]]);
  }

  const remaining = members.map((m, i) => Math.max(0, eligibility.cap(m.id) - lockedLoad[i]));
  const stale = members.map((m) => staleDays(history.lastDuty.get(m.id), range.start));
  const pairPartners = undirectedPairs(members, memberIndex, (m) => m.pairWith);
  // Re-plan: the published holder of each slot, key `day,role` (null: published empty).
  const published = new Map<string, string | null>();
  for (const s of problem.replanFrom ?? []) {
    const day = dayIndex.get(s.date);
    const role = roleIndex.get(s.role);
    if (day !== undefined && role !== undefined) published.set(`${day},${role}`, s.memberId);
  }
  let replanFilled = 0;

  const candidates: Candidate[] = [];
  const bySlot: number[][] = [];
  const byMemberDay: Map<number, number>[][] = members.map(() => []);
  let freeSlots = 0;
  dutyDays.forEach((date, day) => {
    roles.forEach((role, r) => {
      const slot: number[] = [];
      bySlot.push(slot);
      if (locked.has(`${day},${r}`)) return;
      freeSlots++;
      const holder = published.get(`${day},${r}`);
      if (typeof holder === 'string') replanFilled++;
      members.forEach((member, m) => {
        // Every hard rule of the catalogue: the static ones, and the roster ones against the locked slots.
        if (lockedRoster.block(member.id, role, date) !== null) return;

        const points =
          assignmentPoints(member, eligibility.weight(member.id, role), stale[m], weekday[day]) +
          (availabilityOn(member, role.qualification, date) === 'preferNot' ? PREFER_NOT_POINTS : 0);
        let softPoints = 0;
        let breaks = 0;
        let lockedPartners = 0;
        for (const partner of pairPartners.get(m) ?? []) if (lockedOn[day].has(members[partner].id)) lockedPartners++;
        for (const other of lockedRoleDays.get(m)?.get(r) ?? []) {
          const term = spacingTerm(member, dayNumber, other, day);
          breaks += term.breaks;
          softPoints += term.points;
        }
        for (const [other, otherRole] of recent.get(member.id) ?? []) {
          if (otherRole !== role.key) continue;
          const apart = dayNumber[day] - other;
          softPoints += SOFT_SPACING.get(apart) ?? 0;
          breaks += strictBreaksBetween(member, null, apart);
        }
        if (carriesOver(history, member.id, role.key, day)) breaks++;

        slot.push(candidates.length);
        const perDay = (byMemberDay[m][day] ??= new Map());
        perDay.set(r, candidates.length);
        const stability = holder === undefined ? 0 : holder === null ? 1 : holder === member.id ? -1 : 0;
        candidates.push({ member: m, day, role: r, points, softPoints, breaks, lockedPartners, stability });
      });
    });
  });

  const maxLoad = members.map((_, m) => Math.min(remaining[m], byMemberDay[m].filter(Boolean).length));
  const pairs = pairTerms(members, dayNumber, byMemberDay);
  const strict = pairs.filter((pair) => pair.breaks > 0);
  // Cover (overlapping, tighter rows) to forbid breaks; partition to count them exactly, built on
  // first use (only when spacing cannot be kept).
  const strictCliques = greedyCliques(strict, false, candidates, roles.length);
  let breakCliques: BreakClique[] | undefined;

  const pairings: MemberDayPair[] = [];
  for (const [a, partners] of pairPartners) {
    for (const b of partners) {
      if (b < a) continue;
      dutyDays.forEach((_, day) => {
        if (byMemberDay[a][day] && byMemberDay[b][day]) pairings.push({ a, b, day });
      });
    }
  }
  const avoidances: MemberDayPair[] = [];
  for (const [a, partners] of undirectedPairs(members, memberIndex, (m) => [...eligibility.avoidedBy(m.id)])) {
    for (const b of partners) {
      if (b < a) continue;
      dutyDays.forEach((_, day) => {
        if (byMemberDay[a][day] && byMemberDay[b][day]) avoidances.push({ a, b, day });
      });
    }
  }

  // Each free assignment takes part in at most 5 strict breaks: both neighbours, a week before and after, carry-over.
  const maxBreaks = 5 * freeSlots;
  let preferenceRange = 0;
  for (const slot of bySlot) preferenceRange += Math.max(0, ...slot.map((c) => candidates[c].points));
  return {
    problem,
    members,
    locked,
    candidates,
    bySlot,
    byMemberDay,
    freeSlots,
    lockedLoad,
    costs: windowCosts(problem, lockedLoad),
    maxLoad,
    pairs,
    strictCliques,
    get breakCliques() {
      breakCliques ??= [1, 2].flatMap((weight) =>
        greedyCliques(
          strict.filter((pair) => pair.breaks === weight),
          true,
          candidates,
          roles.length,
        ).map((members) => ({ members, weight })),
      );
      return breakCliques;
    },
    pairings,
    avoidances,
    maxBreaks,
    preferenceRange,
    replanFilled,
  };
}

/** Member index -> partner indices, both directions, for links given on either side. */
function undirectedPairs(members: Member[], memberIndex: Map<string, number>, links: (m: Member) => string[]): Map<number, Set<number>> {
  const out = new Map<number, Set<number>>();
  const add = (a: number, b: number) => {
    const set = out.get(a) ?? new Set<number>();
    out.set(a, set);
    set.add(b);
  };
  members.forEach((m, a) => {
    for (const id of links(m)) {
      const b = memberIndex.get(id);
      if (b === undefined || b === a) continue;
      add(a, b);
      add(b, a);
    }
  });
  return out;
}
