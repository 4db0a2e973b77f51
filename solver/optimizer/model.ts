import type { LP } from 'glpk.js/node';
import { GLP } from './glpk.ts';
import type { OptimizerInstance } from './instance.ts';
import { loadRow, objective, RowSet, u, w, x, y, FILL_ROW, type Term } from './lp.ts';
import { PAIRING_REWARD } from './preferences.ts';
import { capRows, memberCandidates, onDuty, ruleRows, type Spacing } from './ruleRows.ts';

/**
 * The models of the stages. Each is a MILP over one binary x per candidate (instance.ts), starting
 * from the rows of the hard rules (ruleRows.ts); priorities are kept apart by solving in stages,
 * so every weight stays small enough for GLPK's tolerances.
 * 1-2. fill: maximise fillWeight x filled slots - strict spacing breaks (fillWeight > any break count).
 * 3-4. fairness: keep that fill and break count; minimise fairnessWeight x the window's load cost +
 *    preference points (role weight, staleness, preferred day). The load cost (windowCost.ts: the
 *    sum of squared loads over the fairness window, published duties and locks as constants, scaled
 *    by quota when quotas are set) is exact through convex unit steps u[m,k] in [0,1], each costing
 *    the k-th free duty's step; fairnessWeight exceeds the points' range over the cost's resolution.
 *    For a re-plan, stabilityWeight x changed slots on top, a tier above fairness (solver/replan.ts).
 *    With one role per member per day and per-member load this is a network flow with side rows
 *    for avoidance and spacing: its LP is integral or nearly so.
 * 5. tie-break: keep the fairness stage's value; minimise soft spacing penalties minus pairing
 *    rewards. Both depend on two assignments at once, which makes the LP fractional, so they only
 *    break ties (tieBreak.ts).
 *
 * Columns (lp.ts): x<c> binary per candidate; w<p> in [0,1] per modelled soft spacing pair
 * (w >= xa + xb - 1); b<k> >= 0 breaks in strict clique k; u<m>_<k>; y<q> in [0,1] per pairing
 * (y <= a on duty, y <= b on duty).
 */

/** What the earlier stages achieved and later stages must keep. */
export interface StageTarget {
  filled: number;
  breaks: number;
  /** The fairness stage's objective value; only the tie-break stage uses it. */
  fairness?: number;
}

export function fillWeight(instance: OptimizerInstance): number {
  return instance.maxBreaks + 1;
}

export function fairnessWeight(instance: OptimizerInstance): number {
  return Math.floor(instance.preferenceRange / instance.costs.resolution) + 1;
}

/**
 * Re-plan: what one changed slot costs in the fairness stage. Fairness (weight x load-cost steps,
 * each >= 1, windowCost.ts) and preference points (>= 0) of any roster lie between 0 and weight x
 * all steps + preferenceRange, so a weight above that span makes fewer changes always win: a tier
 * of its own.
 */
export function stabilityWeight(instance: OptimizerInstance): number {
  let allSteps = 0;
  instance.maxLoad.forEach(
    (most, m) => (allSteps += instance.costs.cost(m, instance.costs.base[m] + most) - instance.costs.cost(m, instance.costs.base[m])),
  );
  return fairnessWeight(instance) * allSteps + instance.preferenceRange + 1;
}

function binaries(instance: OptimizerInstance): string[] {
  return instance.candidates.map((_, c) => x(c));
}

export function fillModel(instance: OptimizerInstance, spacing: Spacing): LP {
  const { rows, bounds, breaks } = ruleRows(instance, spacing);
  capRows(instance, rows);
  const weight = fillWeight(instance);
  const terms: Term[] = instance.candidates.map((_, c) => [x(c), weight]);
  for (const [name, coef] of breaks) terms.push([name, -coef]);
  return { name: 'fill', objective: objective(GLP.MAX, terms), subjectTo: rows.rows, bounds, binaries: binaries(instance) };
}

export function fairnessModel(instance: OptimizerInstance, target: StageTarget): LP {
  const spacing: Spacing = target.breaks === 0 ? 'hard' : 'count';
  const { rows, bounds, breaks } = ruleRows(instance, spacing);
  rows.add(
    instance.candidates.map((_, c) => [x(c), 1]),
    GLP.LO,
    target.filled,
    0,
    FILL_ROW,
  );
  if (spacing === 'count') rows.add(breaks, GLP.UP, 0, target.breaks);
  const weight = fairnessWeight(instance);
  const terms: Term[] = [];
  instance.byMemberDay.forEach((_, m) => {
    const own = memberCandidates(instance, m);
    if (own.length === 0) return;
    const steps: Term[] = [];
    for (let k = 1; k <= instance.maxLoad[m]; k++) {
      steps.push([u(m, k), -1]);
      terms.push([u(m, k), weight * instance.costs.step(m, k)]);
      bounds.push({ name: u(m, k), type: GLP.DB, lb: 0, ub: 1 });
    }
    rows.add([...own.map((c): Term => [x(c), 1]), ...steps], GLP.FX, 0, 0, loadRow(m));
  });
  // Re-plan: the stability tier rides above fairness on its own weight.
  const stability = stabilityWeight(instance);
  instance.candidates.forEach((cand, c) => {
    const coef = cand.points + stability * cand.stability;
    if (coef !== 0) terms.push([x(c), coef]);
  });
  return { name: 'fairness', objective: objective(GLP.MIN, terms), subjectTo: rows.rows, bounds, binaries: binaries(instance) };
}

/**
 * The fairness stage's model `fairness` with pairing rewards and the soft spacing penalties against
 * locked slots and history as its objective; `withSoftPairs` adds the penalties between two free
 * candidates. The fairness value is held by the caller's restriction (the LP's optimal face), or,
 * with `weighFairness`, by adding the fairness objective at a weight above this tier's whole span,
 * so a roster off the fairness optimum can never win. (A row "fairness <= its optimum" would do
 * the same, but its dense LP rows make GLPK's search far slower.)
 */
export function tieBreakModel(instance: OptimizerInstance, fairness: LP, weighFairness: boolean): LP {
  const rows = new RowSet();
  const bounds = [...(fairness.bounds ?? [])];
  const tieBreak: Term[] = [];
  instance.candidates.forEach((cand, c) => {
    const coef = cand.softPoints - PAIRING_REWARD * cand.lockedPartners;
    if (coef !== 0) tieBreak.push([x(c), coef]);
  });
  instance.pairings.forEach(({ a, b, day }, q) => {
    for (const member of [a, b]) rows.add([[y(q), 1], ...onDuty(instance, member, day, -1)], GLP.UP, 0, 0, `pair${q}_${member}`);
    // Two partners on duty together hold two different roles: for any role both could take, at
    // least one of them is in another. Without these rows the LP pairs two members who share
    // their only role by putting each half on duty.
    const rolesOfA = instance.byMemberDay[a][day];
    const rolesOfB = instance.byMemberDay[b][day];
    for (const role of rolesOfA.keys()) {
      if (!rolesOfB.has(role)) continue;
      const elsewhere = (roles: Map<number, number>): Term[] => [...roles].filter(([r]) => r !== role).map(([, c]) => [x(c), -1]);
      rows.add([[y(q), 1], ...elsewhere(rolesOfA), ...elsewhere(rolesOfB)], GLP.UP, 0, 0, `pair${q}_role${role}`);
    }
    tieBreak.push([y(q), -PAIRING_REWARD]);
    bounds.push({ name: y(q), type: GLP.DB, lb: 0, ub: 1 });
  });
  if (weighFairness) {
    const weight = tieBreakSpan(instance);
    for (const { name, coef } of fairness.objective.vars) tieBreak.push([name, weight * coef]);
  }
  return {
    name: 'tieBreak',
    objective: objective(GLP.MIN, tieBreak),
    subjectTo: [...fairness.subjectTo, ...rows.rows],
    bounds,
    binaries: binaries(instance),
  };
}

/** `lp` with the soft spacing penalties of `pairs` (w >= xa + xb - 1, costing the pair's points). */
export function withSoftPairs(lp: LP, instance: OptimizerInstance, pairs: readonly number[]): LP {
  const live = pairs.filter((p) => instance.pairs[p].points > 0);
  return {
    ...lp,
    objective: { ...lp.objective, vars: [...lp.objective.vars, ...live.map((p) => ({ name: w(p), coef: instance.pairs[p].points }))] },
    subjectTo: [
      ...lp.subjectTo,
      ...live.map((p) => ({
        name: `soft${p}`,
        vars: [
          { name: x(instance.pairs[p].a), coef: 1 },
          { name: x(instance.pairs[p].b), coef: 1 },
          { name: w(p), coef: -1 },
        ],
        bnds: { type: GLP.UP, lb: 0, ub: 1 },
      })),
    ],
    bounds: [...(lp.bounds ?? []), ...live.map((p) => ({ name: w(p), type: GLP.DB, lb: 0, ub: 1 }))],
  };
}

/** The soft spacing pairs whose two candidates `fixed` leaves free to be chosen together. */
export function softPairsOpen(instance: OptimizerInstance, fixed: ReadonlyMap<string, number>): number[] {
  const open: number[] = [];
  instance.pairs.forEach((pair, p) => {
    if (pair.points > 0 && fixed.get(x(pair.a)) !== 0 && fixed.get(x(pair.b)) !== 0) open.push(p);
  });
  return open;
}

/** More than the tie-break tier's objective can vary over all rosters. */
function tieBreakSpan(instance: OptimizerInstance): number {
  let span = 1 + PAIRING_REWARD * instance.pairings.length;
  for (const cand of instance.candidates) span += Math.abs(cand.softPoints - PAIRING_REWARD * cand.lockedPartners);
  for (const pair of instance.pairs) span += pair.points;
  return span;
}
