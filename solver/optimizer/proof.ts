import { compareScores, fairnessObjective, fillObjective, isOutcome, type RosterScore, type StageRun } from './evaluate.ts';
import type { OptimizerInstance } from './instance.ts';
import { fairnessWeight, fillWeight, stabilityWeight, type StageTarget } from './model.ts';
import { PAIRING_REWARD } from './preferences.ts';

/**
 * What the stages prove about the roster they return, tier by tier: a lower bound on each tier's
 * objective, from GLPK's proofs where it gave them and from counting arguments where it did not.
 * GLPK (glpk.js) reports no bound of its own for a search cut short, so the gap is computed here.
 */

/** A tier's value for the roster returned, a lower bound on it, and whether the roster is proven best in it. */
export interface TierProof {
  value: number;
  bound: number;
  proven: boolean;
}

/**
 * The fill tier (fillWeight x filled - strict breaks), as a relative gap: none when the fill the
 * later stages kept (`kept`) is proven best, else against the most slots the flow says any roster fills.
 */
export function fillGap(instance: OptimizerInstance, score: RosterScore, kept: StageTarget | null, maxFill: number): number {
  const value = fillObjective(instance, score);
  const bound = kept ? fillObjective(instance, { ...score, ...kept }) : fillWeight(instance) * maxFill;
  return Math.max(0, (bound - value) / Math.max(1, Math.abs(value)));
}

/**
 * The fairness tier (fairnessWeight x the window's load cost + preference points): proven when the fairness
 * stage's roster was proven optimal and the roster returned ties it; else GLPK's bound or the floor.
 */
export function fairnessProof(instance: OptimizerInstance, score: RosterScore, fairness: StageRun): TierProof {
  const value = fairnessObjective(instance, score);
  // The best roster may come from the flow and differ in the tie-break tier only: still proven.
  const proven = isOutcome(fairness) && fairness.optimal && compareScores(score, fairness.score, 'fairness') === 0;
  if (proven) return { value, bound: value, proven };
  // GLPK's bound holds at the fill and breaks the fairness stage kept; the roster returned (the
  // flow's or legacy's, when that stage was cut short) may have reached others.
  const sameTarget = isOutcome(fairness) && fairness.score.filled === score.filled && fairness.score.breaks === score.breaks;
  const glpkBound = sameTarget ? (fairness.bound ?? -Infinity) : -Infinity;
  return { value, bound: Math.min(value, Math.max(glpkBound, fairnessFloor(instance, score.filled))), proven };
}

/**
 * A lower bound on the fairness objective without solving anything: the `filled` cheapest unit
 * steps of load over all members (an even spread, days ignored; each member's steps rise, so the
 * cheapest ones are always a prefix of each member's, and published window duties and locks are in
 * the steps) plus the `filled` smallest per-slot minima of preference points.
 */
function fairnessFloor(instance: OptimizerInstance, filled: number): number {
  const steps: number[] = [];
  instance.maxLoad.forEach((most, m) => {
    for (let k = 1; k <= most; k++) steps.push(instance.costs.step(m, k));
  });
  const slotMinima = instance.bySlot
    .filter((slot) => slot.length > 0)
    .map((slot) => Math.min(...slot.map((c) => instance.candidates[c].points)));
  const cheapest = (values: number[]) =>
    values
      .sort((a, b) => a - b)
      .slice(0, filled)
      .reduce((sum, v) => sum + v, 0);
  // Re-plan: at best every published holder with a candidate is kept.
  const kept = instance.candidates.filter((cand) => cand.stability < 0).length;
  return fairnessWeight(instance) * cheapest(steps) + cheapest(slotMinima) - stabilityWeight(instance) * kept;
}

/** The tie-break tier after its search: proven when the search says so or the roster meets the bound. */
export function tieBreakProof(score: RosterScore, floor: number, searched: { proven: boolean; bound: number | null }): TierProof {
  const bound = Math.max(floor, searched.bound ?? -Infinity);
  const proven = searched.proven || score.tieBreak <= bound;
  return { value: score.tieBreak, bound: proven ? score.tieBreak : bound, proven };
}

/**
 * A lower bound on the tie-break tier: every pairing reward taken, soft spacing free. Two partners
 * share at most as many days as the fewer duties either can take; a member's duties alongside
 * locked partners earn at most its best candidates' rewards.
 */
export function tieBreakFloor(instance: OptimizerInstance): number {
  const sharedDays = new Map<string, { a: number; b: number; days: number }>();
  for (const { a, b } of instance.pairings) {
    const key = `${a} ${b}`;
    const entry = sharedDays.get(key) ?? { a, b, days: 0 };
    entry.days++;
    sharedDays.set(key, entry);
  }
  let rewards = 0;
  for (const { a, b, days } of sharedDays.values()) rewards += Math.min(days, instance.maxLoad[a], instance.maxLoad[b]);
  const lockedShares = instance.maxLoad.map((): number[] => []);
  for (const { member, lockedPartners } of instance.candidates) if (lockedPartners > 0) lockedShares[member].push(lockedPartners);
  lockedShares.forEach((shares, m) => {
    for (const share of shares.sort((p, q) => q - p).slice(0, instance.maxLoad[m])) rewards += share;
  });
  return -PAIRING_REWARD * rewards;
}

/** The whole objective below fill (fairness + tie-break), its bound, the largest gap and the status. */
export function overall(
  instance: OptimizerInstance,
  score: RosterScore,
  fillGap: number,
  fillProven: boolean,
  fairness: TierProof,
  tieBreak: TierProof,
) {
  const objective = fairnessObjective(instance, score) + score.tieBreak;
  const bound = Math.min(objective, fairness.bound + tieBreak.bound);
  const gap = Math.max(fillGap, (objective - bound) / Math.max(1, Math.abs(objective)));
  const status: 'optimal' | 'feasible' = gap === 0 && fillProven && fairness.proven && tieBreak.proven ? 'optimal' : 'feasible';
  return { objective, bound, gap, status };
}
