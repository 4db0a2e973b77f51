import type { LP } from 'glpk.js/node';
import { GLP, type GlpkRun } from '../glpk.ts';

/**
 * Restrictions of the tie-break stage drawn from the fairness LP's optimal solution and its duals
 * (y for rows, d = c - yA for columns).
 */

type Row = LP['subjectTo'][number];

/** Reduced costs and duals this small are zero: the costs are integers, the LP is network-like. */
export const EPS = 1e-6;

export function reducedCosts(lp: LP, run: GlpkRun): Map<string, number> {
  const reduced = new Map<string, number>();
  for (const { name } of lp.bounds ?? []) reduced.set(name, 0);
  for (const { name, coef } of lp.objective.vars) reduced.set(name, coef);
  for (const row of lp.subjectTo) {
    const dual = run.dual?.[row.name] ?? 0;
    if (dual === 0) continue;
    for (const { name, coef } of row.vars) reduced.set(name, (reduced.get(name) ?? 0) - coef * dual);
  }
  return reduced;
}

/** What the tie-break stage inherits: columns held at a value, and rows added. */
export interface Restriction {
  fixed: Map<string, number>;
  rows: Row[];
  /** The tie-break objective must weigh in stage 2's (unless `rows` and `fixed` are the LP's optimal face). */
  weighFairness: boolean;
}

/**
 * The LP's optimal face. By complementary slackness a feasible point is LP-optimal exactly when
 * every column with a non-zero reduced cost sits at the bound the solution has it at, and every row
 * with a non-zero dual is tight. When the MILP's optimum equals the LP's, the integer points of this
 * face are exactly the optimal rosters of the stage, so the tie-break needs no dense "objective <=
 * optimum" row (which makes GLPK's search slow) and most columns are fixed before it starts.
 */
export function optimalFace(lp: LP, run: GlpkRun): Restriction {
  const fixed = new Map<string, number>();
  const upper = new Map((lp.bounds ?? []).map((b) => [b.name, b.ub]));
  for (const [name, d] of reducedCosts(lp, run)) {
    if (d > EPS) fixed.set(name, 0);
    else if (d < -EPS) fixed.set(name, upper.get(name) ?? 0);
  }
  const rows: Row[] = [];
  for (const row of lp.subjectTo) {
    if (Math.abs(run.dual?.[row.name] ?? 0) <= EPS || row.bnds.type === GLP.FX) continue;
    const bound = row.bnds.type === GLP.UP ? row.bnds.ub : row.bnds.lb;
    rows.push({ name: `tight_${row.name}`, vars: row.vars, bnds: { type: GLP.FX, lb: bound, ub: bound } });
  }
  return { fixed, rows, weighFairness: false };
}

/**
 * Reduced-cost fixing, for when the LP's optimum is below the MILP's. Every feasible point costs at
 * least zLp + d_j x_j for a column at 0 with reduced cost d_j (zLp + |d_j| (1 - x_j) for one at 1):
 * the other terms of that expansion are >= 0 by dual feasibility. So among points costing at most
 * `limit`, a binary whose reduced cost exceeds limit - zLp cannot move.
 */
export function reducedCostFixing(lp: LP, run: GlpkRun, limit: number, binaries: (name: string) => boolean): Restriction {
  const fixed = new Map<string, number>();
  const slack = limit - run.z + EPS * (1 + Math.abs(limit));
  for (const [name, d] of reducedCosts(lp, run)) {
    if (!binaries(name)) continue;
    const value = run.vars[name] ?? 0;
    if (value < 1e-9 && d > slack) fixed.set(name, 0);
    else if (value > 1 - 1e-9 && -d > slack) fixed.set(name, 1);
  }
  return { fixed, rows: [], weighFairness: true };
}
