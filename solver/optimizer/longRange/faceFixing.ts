import type { LP } from 'glpk.js/node';
import { GLP, MIN_SOLVE_MS, solveWithGlpk, type GlpkRun } from '../glpk.ts';
import type { OptimizerInstance } from '../instance.ts';
import { x, type Row } from '../lp.ts';
import type { ColumnSet } from './columns.ts';

/**
 * Face fixing: what an LP's optimal solution and its duals (y for rows, d = c - yA for columns)
 * say about the optimal rosters, so that a search among them starts with most columns fixed: the
 * LP's optimal face, reduced-cost fixing, and rosters found on a face by solving it as an LP and
 * branching only on what stays fractional.
 */

/** Reduced costs and duals this small are zero: the costs are integers, the LP is network-like. */
export const EPS = 1e-6;

function reducedCosts(lp: LP, run: GlpkRun): Map<string, number> {
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

/** What a later search inherits: columns held at a value, and rows added. */
export interface Restriction {
  fixed: Map<string, number>;
  rows: Row[];
  /** The tie-break objective must weigh in the fairness objective (unless `rows` and `fixed` are the LP's optimal face). */
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

/**
 * A roster on the LP's optimal face, within the working set: when there is one it is optimal for
 * the stage (the face's every point costs the LP's optimum). Most of the face's columns are fixed,
 * and the rest is network-like, so this is far faster than branching over the whole model.
 */
export async function integralOnFace(
  instance: OptimizerInstance,
  lp: LP,
  lpRun: GlpkRun,
  columns: ColumnSet,
  deadline: number,
): Promise<GlpkRun | undefined> {
  const face = workingFace(instance, lp, lpRun, columns);
  const run = await solveUntilIntegral(instance, { ...lp, subjectTo: [...lp.subjectTo, ...face.rows] }, face.fixed, deadline);
  return typeof run === 'string' ? undefined : { ...run, status: 'optimal', z: lpRun.z };
}

/**
 * The optimal face of an LP solved over a column set, less the columns left out of the set (`held`
 * columns keep their values).
 */
export function workingFace(
  instance: OptimizerInstance,
  lp: LP,
  run: GlpkRun,
  columns: ColumnSet,
  held: ReadonlyMap<string, number> = new Map(),
): Restriction {
  const face = optimalFace({ ...lp, binaries: [] }, run);
  return { ...face, fixed: withinSet(instance, columns, new Map([...face.fixed, ...held])) };
}

/** `fixed` with every candidate outside the column set held at 0 as well (a new map). */
export function withinSet(instance: OptimizerInstance, columns: ColumnSet, fixed: ReadonlyMap<string, number>): Map<string, number> {
  const held = new Map(fixed);
  instance.candidates.forEach((_, c) => {
    if (!columns.has(c) && !held.has(x(c))) held.set(x(c), 0);
  });
  return held;
}

/** `fixed` with the `names` columns held where `run` has them, rounded to integers (a new map). */
export function holding(fixed: ReadonlyMap<string, number>, names: readonly string[], run: GlpkRun): Map<string, number> {
  const held = new Map(fixed);
  for (const name of names) held.set(name, Math.round(run.vars[name] ?? 0));
  return held;
}

/**
 * Solves `lp` as an LP (it is network-like, so usually integral), then again with the candidates
 * it left fractional binary, until every candidate is integral.
 */
export async function solveUntilIntegral(
  instance: OptimizerInstance,
  lp: LP,
  fixed: ReadonlyMap<string, number>,
  deadline: number,
): Promise<GlpkRun | 'infeasible' | 'timeout'> {
  const binaries = new Set<string>();
  while (deadline - performance.now() >= MIN_SOLVE_MS) {
    const run = await solveWithGlpk({ ...lp, binaries: [...binaries] }, deadline - performance.now(), fixed);
    if (run.status === 'infeasible') return 'infeasible';
    if (run.status === 'none') return 'timeout';
    const fractional = instance.candidates.flatMap((_, c) => (isFractional(run.vars[x(c)] ?? 0) ? [x(c)] : []));
    if (fractional.length === 0) return run;
    for (const name of fractional) binaries.add(name);
  }
  return 'timeout';
}

/** Every candidate at 0 or 1 in `run`. */
export function integral(instance: OptimizerInstance, run: GlpkRun): boolean {
  return instance.candidates.every((_, c) => !isFractional(run.vars[x(c)] ?? 0));
}

function isFractional(value: number): boolean {
  return value > 1e-9 && value < 1 - 1e-9;
}
