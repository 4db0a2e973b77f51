import { effectiveQuotas, fairnessWindow } from '../fairnessWindow.ts';
import type { SchedulingProblem } from '../types.ts';

/**
 * The fairness tier's cost of each member's load over the fairness window (docs/optimizer.md
 * "Fairness over a window"). A member's window load is their published duties in the window
 * (solver/fairnessWindow.ts) plus the draft's locked slots, both constants, plus the free duties
 * the model gives them. Without quotas the cost of load L is L^2, so the k-th free duty costs
 * 2(c + k) - 1 for a member starting at c. With quotas the cost is round(S/q x L^2): quota q, and
 * S the least common multiple of the quotas (exact integers), or 2520 when that is larger (rounded;
 * still convex since S/q >= 16.8 > 1). For a fixed number of filled slots, minimising the sum of
 * L^2/q is minimising the distance to quota sum (L - q)^2/q, and it spreads loads in proportion to quota.
 */
export interface WindowCosts {
  /** Per member: window load before the free slots (published in the window + locked in the draft). */
  base: number[];
  /** The cost of member `m` carrying `load` duties in the window. */
  cost(m: number, load: number): number;
  /** The cost of member `m`'s k-th free duty (k >= 1); never smaller than the (k-1)-th's. */
  step(m: number, k: number): number;
  /** The sum of `cost` over every member at their base load: the part no roster changes. */
  baseCost: number;
  /** Two rosters filling as many slots with different total costs differ by at least this. */
  resolution: number;
}

/** The largest common scale of quota weights; 2520 is the least common multiple of 1 to 10. */
const MAX_SCALE = 2520;

export function windowCosts(problem: SchedulingProblem, lockedLoad: readonly number[]): WindowCosts {
  const view = fairnessWindow(problem.club, problem.range);
  const base = view.members.map((m, i) => m.published + lockedLoad[i]);
  const quotas = effectiveQuotas(view);
  // Plain squares: sum L^2 has the parity of sum L, so equal fills differ by an even amount.
  const weight = quotas === null ? null : weightsOf(quotas);
  const cost =
    weight === null ? (_m: number, load: number) => load * load : (m: number, load: number) => Math.round(weight[m] * load * load);
  return {
    base,
    cost,
    step: (m, k) => cost(m, base[m] + k) - cost(m, base[m] + k - 1),
    baseCost: base.reduce((sum, load, m) => sum + cost(m, load), 0),
    resolution: weight === null ? 2 : 1,
  };
}

function weightsOf(quotas: number[]): number[] {
  let scale = 1;
  for (const q of new Set(quotas)) {
    scale = (scale / gcd(scale, q)) * q;
    if (scale > MAX_SCALE) {
      scale = MAX_SCALE;
      break;
    }
  }
  return quotas.map((q) => scale / q);
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}
