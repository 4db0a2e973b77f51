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

export async function solveWithGlpk(lp: LP, timeLimitMs: number): Promise<GlpkRun> {
  const solver = await glpk();
  let result: Result;
  try {
    // glpk.js takes tmlim in seconds; presolve stays on (without it GLPK's MIP answer is all zeros).
    result = solver.solve(lp, { msglev: solver.GLP_MSG_OFF, presol: true, tmlim: Math.max(0.001, timeLimitMs / 1000) });
  } catch (error) {
    runtime = null;
    throw new Error(`GLPK failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  const { status, z, vars, dual } = result.result;
  if (status === solver.GLP_OPT) return { status: 'optimal', z, vars, dual };
  if (status === solver.GLP_FEAS) return { status: 'feasible', z, vars };
  if (status === solver.GLP_NOFEAS) return { status: 'infeasible', z, vars };
  return { status: 'none', z, vars };
}

export const GLP = { MIN: 1, MAX: 2, FR: 1, LO: 2, UP: 3, DB: 4, FX: 5 } as const;
