import GLPK from 'glpk.js/node';
import type { GLPK as Glpk, LP, Result } from 'glpk.js/node';

/**
 * The GLPK runtime of this thread. glpk.js aborts its WebAssembly module on a malformed model,
 * after which the instance must not be reused: any failure drops it and the next call starts fresh.
 */

let runtime: Promise<Glpk> | null = null;

function glpk(): Promise<Glpk> {
  runtime ??= GLPK();
  return runtime;
}

/** Loads the runtime ahead of the first solve (a worker does it while it waits for its first request). */
export function preloadGlpk(): void {
  glpk().catch(() => (runtime = null));
}

/** Below this much time left a solve is not started: GLPK presolves and starts before it looks at the clock. */
export const MIN_SOLVE_MS = 5;

/** 'none': no integer solution found in time; 'infeasible': proven to have none. */
export type GlpkStatus = 'optimal' | 'feasible' | 'none' | 'infeasible';

export interface GlpkRun {
  status: GlpkStatus;
  /** Objective value of the solution found (meaningless when status is 'none'). */
  z: number;
  vars: Record<string, number>;
  /** Row duals, for LPs only. */
  dual?: Record<string, number>;
}

/**
 * Solves `model` with the `fixed` columns held at their values. Presolve stays on: without it GLPK's
 * MIP answer is all zeros, and an LP's duals are recovered for the model as given.
 */
export async function solveWithGlpk(model: LP, timeLimitMs: number, fixed: ReadonlyMap<string, number> = new Map()): Promise<GlpkRun> {
  const { lp, constant, broken } = withoutFixed(model, fixed);
  // Every column held: the held point is the only one, and GLPK aborts on a model without columns.
  if (lp.objective.vars.length === 0 && lp.subjectTo.length === 0 && (lp.bounds?.length ?? 0) === 0) {
    return { status: broken ? 'infeasible' : 'optimal', z: constant, vars: Object.fromEntries(fixed), dual: {} };
  }
  const solver = await glpk();
  let result: Result;
  try {
    // glpk.js takes tmlim in seconds.
    result = solver.solve(lp, { msglev: solver.GLP_MSG_OFF, presol: true, tmlim: Math.max(0.001, timeLimitMs / 1000) });
  } catch (error) {
    runtime = null;
    throw new Error(`GLPK failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  const { status, dual } = result.result;
  const z = result.result.z + constant;
  const vars = result.result.vars;
  for (const [name, value] of fixed) vars[name] = value;
  if (status === solver.GLP_OPT) return { status: 'optimal', z, vars, dual };
  if (status === solver.GLP_FEAS) return { status: 'feasible', z, vars };
  if (status === solver.GLP_NOFEAS) return { status: 'infeasible', z, vars };
  return { status: 'none', z, vars };
}

export const GLP = { MIN: 1, MAX: 2, FR: 1, LO: 2, UP: 3, DB: 4, FX: 5 } as const;

type Row = LP['subjectTo'][number];

/**
 * `lp` with the `fixed` columns replaced by their values: GLPK never sees them (building and
 * presolving thousands of fixed columns costs more than the search). Returns the objective's
 * constant part separately, since an LP has none, and whether a row left without columns is broken
 * by the fixed values.
 */
function withoutFixed(lp: LP, fixed: ReadonlyMap<string, number>): { lp: LP; constant: number; broken: boolean } {
  if (fixed.size === 0) return { lp, constant: 0, broken: false };
  let broken = false;
  let constant = 0;
  const objectiveVars = lp.objective.vars.filter(({ name, coef }) => {
    const value = fixed.get(name);
    if (value !== undefined) constant += coef * value;
    return value === undefined;
  });
  const subjectTo: Row[] = [];
  for (const row of lp.subjectTo) {
    let shift = 0;
    const vars = row.vars.filter(({ name, coef }) => {
      const value = fixed.get(name);
      if (value !== undefined) shift += coef * value;
      return value === undefined;
    });
    // A row left without columns holds when the fixed values come from a feasible point; GLPK
    // never sees it, but a model with no columns left is answered from it.
    if (vars.length === 0) {
      broken ||= !holds(row.bnds, shift);
      continue;
    }
    subjectTo.push({ ...row, vars, bnds: { ...row.bnds, lb: row.bnds.lb - shift, ub: row.bnds.ub - shift } });
  }
  return {
    lp: {
      ...lp,
      objective: { ...lp.objective, vars: objectiveVars },
      subjectTo,
      bounds: lp.bounds?.filter(({ name }) => !fixed.has(name)),
      binaries: lp.binaries?.filter((name) => !fixed.has(name)),
    },
    constant,
    broken,
  };
}

/** Whether a row's activity lies within its bounds. */
function holds(bnds: Row['bnds'], activity: number): boolean {
  const tolerance = 1e-9 * (1 + Math.abs(activity));
  const aboveLower = bnds.type === GLP.FR || bnds.type === GLP.UP || activity >= bnds.lb - tolerance;
  const belowUpper = bnds.type === GLP.FR || bnds.type === GLP.LO || activity <= bnds.ub + tolerance;
  return aboveLower && belowUpper;
}
