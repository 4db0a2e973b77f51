import { strictBreaksBetween } from '../rules/spacing.ts';
import type { Member } from '../types.ts';
import type { Candidate, OptimizerInstance } from './instance.ts';
import { SOFT_SPACING, SOFT_SPACING_MAX_DAYS } from './preferences.ts';

/**
 * The spacing rules between two free candidates of one member and role: strict breaks (neighbouring
 * duty days, 7 days apart) and soft spacing points (7/14/21 days apart), and the cliques the models
 * write them as. Breaks against locked slots, published history and the carry-over belong to one
 * candidate and are counted in instance.ts.
 */

/** Two candidates of one member and role on different days that cost something together. */
export interface PairTerm {
  a: number;
  b: number;
  breaks: number;
  points: number;
}

export interface BreakClique {
  members: number[];
  weight: number;
}

/**
 * Candidate sets of one member and role that pairwise cost soft spacing points, covering every such
 * pair of candidates `open` says may be chosen.
 */
export function softSpacingCliques(instance: OptimizerInstance, open: (candidate: number) => boolean): number[][] {
  const costly = instance.pairs.filter((pair) => pair.points > 0 && open(pair.a) && open(pair.b));
  return greedyCliques(costly, false, instance.candidates, instance.problem.roles.length);
}

/** Strict breaks and soft points of one member in one role on duty days `a` and `b` (indices). */
export function spacingTerm(member: Member, dayNumber: number[], a: number, b: number): { breaks: number; points: number } {
  const apart = Math.abs(dayNumber[a] - dayNumber[b]);
  return { breaks: strictBreaksBetween(member, Math.abs(a - b), apart), points: SOFT_SPACING.get(apart) ?? 0 };
}

/** Spacing terms between two free candidates of the same member and role. */
export function pairTerms(members: Member[], dayNumber: number[], byMemberDay: Map<number, number>[][]): PairTerm[] {
  const pairs: PairTerm[] = [];
  byMemberDay.forEach((days, m) => {
    days.forEach((roles, day) => {
      for (const [role, a] of roles) {
        for (let later = day + 1; later < dayNumber.length; later++) {
          if (dayNumber[later] - dayNumber[day] > SOFT_SPACING_MAX_DAYS) break;
          const b = days[later]?.get(role);
          if (b === undefined) continue;
          const term = spacingTerm(members[m], dayNumber, day, later);
          if (term.breaks > 0 || term.points > 0) pairs.push({ a, b, ...term });
        }
      }
    });
  });
  return pairs;
}

const EDGE_KEY = 2 ** 24;

/**
 * Greedy cliques over the conflicts, built per member and role (conflicts never cross those): each
 * candidate starts one with its later partners that conflict with all members so far. With
 * `partition`, a clique takes only conflicts no earlier clique holds, so every conflict lies in
 * exactly one; otherwise cliques may overlap (tighter rows). A conflict left out becomes a clique of two.
 */
export function greedyCliques(conflicts: PairTerm[], partition: boolean, candidates: readonly Candidate[], roles: number): number[][] {
  const groups = new Map<number, PairTerm[]>();
  for (const pair of conflicts) {
    const key = candidates[pair.a].member * roles + candidates[pair.a].role;
    const group = groups.get(key);
    if (group) group.push(pair);
    else groups.set(key, [pair]);
  }
  const cliques: number[][] = [];
  for (const group of groups.values()) {
    const partners = new Map<number, Set<number>>();
    const link = (a: number, b: number) => {
      const set = partners.get(a);
      if (set) set.add(b);
      else partners.set(a, new Set([b]));
    };
    for (const { a, b } of group) {
      link(a, b);
      link(b, a);
    }
    const taken = new Set<number>();
    const edge = (a: number, b: number) => (a < b ? a * EDGE_KEY + b : b * EDGE_KEY + a);
    const usable = (a: number, b: number) => partners.get(a)!.has(b) && !(partition && taken.has(edge(a, b)));
    for (const a of [...partners.keys()].sort((p, q) => p - q)) {
      const clique = [a];
      for (const b of [...partners.get(a)!].filter((b) => b > a).sort((p, q) => p - q)) {
        if (clique.every((c) => usable(c, b))) clique.push(b);
      }
      if (clique.length < 2 || clique.every((b, i) => i === 0 || taken.has(edge(a, b)))) continue;
      for (const c of clique) for (const d of clique) if (c < d) taken.add(edge(c, d));
      cliques.push(clique);
    }
    for (const { a, b } of group) {
      if (taken.has(edge(a, b))) continue;
      taken.add(edge(a, b));
      cliques.push([a, b]);
    }
  }
  return cliques;
}
