import type { LP } from 'glpk.js/node';
import type { GlpkRun } from './glpk.ts';
import { onDutyIn, type OptimizerInstance } from './instance.ts';
import { x } from './lp.ts';
import { fairnessWeight, fillWeight, stabilityWeight } from './model.ts';
import { PAIRING_REWARD } from './preferences.ts';

/** Rosters as sets of chosen candidates: their exact score on every priority, and the best of several. */

/** The exact value of every priority for a set of chosen candidates, all spacing pairs counted. */
export interface RosterScore {
  filled: number;
  breaks: number;
  /** Re-plan: slots that differ from the published version (0 without one). */
  changes: number;
  /** The fairness window's load cost (windowCost.ts), published duties and locked slots included. */
  loadCost: number;
  points: number;
  /** The last tier: soft spacing penalties minus pairing rewards. */
  tieBreak: number;
}

export function scoreRoster(instance: OptimizerInstance, chosen: ReadonlySet<number>): RosterScore {
  const loads = [...instance.costs.base];
  let breaks = 0;
  let points = 0;
  let tieBreak = 0;
  let changes = instance.replanFilled;
  for (const c of chosen) {
    const cand = instance.candidates[c];
    loads[cand.member]++;
    changes += cand.stability;
    breaks += cand.breaks;
    points += cand.points;
    tieBreak += cand.softPoints - PAIRING_REWARD * cand.lockedPartners;
  }
  for (const pair of instance.pairs) {
    if (chosen.has(pair.a) && chosen.has(pair.b)) {
      breaks += pair.breaks;
      tieBreak += pair.points;
    }
  }
  const onDuty = onDutyIn(instance, chosen);
  for (const { a, b, day } of instance.pairings) if (onDuty(a, day) && onDuty(b, day)) tieBreak -= PAIRING_REWARD;
  return {
    filled: chosen.size,
    breaks,
    changes,
    loadCost: loads.reduce((sum, l, m) => sum + instance.costs.cost(m, l), 0),
    points,
    tieBreak,
  };
}

export function fillObjective(instance: OptimizerInstance, score: RosterScore): number {
  return fillWeight(instance) * score.filled - score.breaks;
}

export function fairnessObjective(instance: OptimizerInstance, score: RosterScore): number {
  const stability = stabilityWeight(instance) * (score.changes - instance.replanFilled);
  return fairnessWeight(instance) * (score.loadCost - instance.costs.baseCost) + score.points + stability;
}

/** Lexicographic comparison, down to the tie-break tier or only to fairness: negative when a is the better roster. */
export function compareScores(a: RosterScore, b: RosterScore, upTo: 'tieBreak' | 'fairness' = 'tieBreak'): number {
  const fairness = b.filled - a.filled || a.breaks - b.breaks || a.changes - b.changes || a.loadCost - b.loadCost || a.points - b.points;
  return upTo === 'fairness' ? fairness : fairness || a.tieBreak - b.tieBreak;
}

/** A stage's roster, or why there is none: proven impossible, or nothing found in time. */
export type StageRun = StageOutcome | 'infeasible' | 'timeout';

export interface StageOutcome {
  chosen: Set<number>;
  score: RosterScore;
  /** Lower bound on the stage's objective: the value GLPK proved optimal, if it did. */
  bound: number | null;
  /** Proven optimal: GLPK said so. */
  optimal: boolean;
  /** The LP relaxation of the stage's model and its optimal solution, when the stage solved it. */
  relaxation?: { lp: LP; run: GlpkRun };
}

export function isOutcome(run: StageRun | undefined): run is StageOutcome {
  return typeof run === 'object';
}

/** The lexicographically best roster; on a tie the later one's, whose optimality is known. */
export function bestOf(rosters: StageOutcome[]): StageOutcome {
  return rosters.reduce((best, r) => (compareScores(r.score, best.score) <= 0 ? r : best));
}

/** The roster of the candidates `chosen`, nothing proven about it. */
export function outcomeOf(instance: OptimizerInstance, chosen: Set<number>): StageOutcome {
  return { chosen, score: scoreRoster(instance, chosen), bound: null, optimal: false };
}

/** The candidates a GLPK solution chooses. */
export function chosenIn(instance: OptimizerInstance, run: GlpkRun): Set<number> {
  const chosen = new Set<number>();
  instance.candidates.forEach((_, c) => {
    if ((run.vars[x(c)] ?? 0) > 0.5) chosen.add(c);
  });
  return chosen;
}
