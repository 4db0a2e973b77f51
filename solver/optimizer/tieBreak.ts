import { bestOf, compareScores, isOutcome, type StageOutcome } from './evaluate.ts';
import type { OptimizerInstance } from './instance.ts';
import { x } from './lp.ts';
import {
  EXACT_TIE_BREAK_CANDIDATES,
  improveByStretches,
  optimalFace,
  reachTieBreakBound,
  reducedCostFixing,
  type ColumnSet,
  type Restriction,
} from './longRange/index.ts';
import { fairnessModel, softPairsOpen, tieBreakModel, withSoftPairs, type StageTarget } from './model.ts';
import { solveStage, type ModelSize } from './stage.ts';

/** The last tier, pairing and soft spacing: it only breaks ties among the fairness optimum's rosters. */

/** Share of the tie-break time for reaching its LP bound; the stretch search may use the rest. */
const BOUND_SHARE = 0.6;

/**
 * The tie-break tier (pairing and soft spacing), searched where the fairness stage's optimum leaves
 * a choice. Returns the better roster, whether it is proven best in this tier, and else a lower
 * bound on the tier when one was found.
 */
export async function breakTies(
  instance: OptimizerInstance,
  target: StageTarget,
  fairness: StageOutcome,
  best: StageOutcome,
  columns: ColumnSet,
  fairnessMs: number,
  deadline: number,
  size: ModelSize,
): Promise<{ best: StageOutcome; proven: boolean; bound: number | null }> {
  const restriction = tieBreakRestriction(fairness, target.fairness ?? 0);
  const tieBreak = tieBreakModel(instance, fairness.relaxation?.lp ?? fairnessModel(instance, target), restriction.weighFairness);
  const base = { ...tieBreak, subjectTo: [...tieBreak.subjectTo, ...restriction.rows] };
  let bound: number | null = null;
  if (!restriction.weighFairness) {
    const boundDeadline = performance.now() + (deadline - performance.now()) * BOUND_SHARE;
    const reached = await reachTieBreakBound(instance, base, restriction.fixed, columns, boundDeadline);
    bound = reached.bound;
    if (reached.roster) {
      best = bestOf([best, reached.roster]);
      if (reached.proven) return { best, proven: compareScores(best.score, reached.roster.score) === 0, bound };
    }
  }
  const search = (fixed: ReadonlyMap<string, number>, until: number) =>
    solveStage(instance, withSoftPairs(base, instance, softPairsOpen(instance, fixed)), { fixed }, until, size);
  // Over long ranges the fairness optimum has so many equal-cost alternatives that GLPK cannot
  // search them all for pairing and soft spacing in time: it searches a stretch of days at a
  // time instead, which improves the roster but proves nothing. The whole search is skipped when
  // the time left would not cover another solve the size of the fairness stage.
  const open = instance.candidates.filter((_, c) => !restriction.fixed.has(x(c))).length;
  if (open > EXACT_TIE_BREAK_CANDIDATES) {
    const stretched = await improveByStretches(instance, best, restriction.fixed, search, deadline);
    return { best: stretched, proven: false, bound };
  }
  if (deadline - performance.now() <= 2 * fairnessMs) return { best, proven: false, bound };
  const searched = await search(restriction.fixed, deadline);
  if (!isOutcome(searched)) return { best, proven: false, bound };
  const better = bestOf([best, searched]);
  return { best: better, proven: searched.optimal && compareScores(better.score, searched.score) === 0, bound };
}

/**
 * How the tie-break stage keeps the fairness stage's optimum `value`: on the LP's optimal face when
 * the LP reaches that optimum, else by reduced-cost fixing and weighing the fairness objective into
 * its own.
 */
function tieBreakRestriction(fairness: StageOutcome, value: number): Restriction {
  const relaxation = fairness.relaxation;
  if (!relaxation) return { fixed: new Map(), rows: [], weighFairness: true };
  const { lp, run } = relaxation;
  if (Math.abs(run.z - value) <= 1e-6 * (1 + Math.abs(value))) return optimalFace(lp, run);
  return reducedCostFixing(lp, run, value, (name) => name.startsWith('x'));
}
