import type { LP } from 'glpk.js/node';
import { chosenIn, scoreRoster, type StageOutcome, type StageRun } from './evaluate.ts';
import { MIN_SOLVE_MS, solveWithGlpk, type GlpkRun } from './glpk.ts';
import type { OptimizerInstance } from './instance.ts';
import { integral, integralOnFace, type ColumnSet } from './longRange/index.ts';

/** How one model of a stage is solved. */

/** The largest model solved, for the stats. */
export interface ModelSize {
  variables: number;
  constraints: number;
}

/** How a stage is solved. */
export interface StageOptions {
  /**
   * Solve the LP relaxation first, by column generation over this set: when its roster is integral
   * it is the stage's optimum (the core is a network flow, so it usually is), and its duals serve
   * the tie-break stage.
   */
  relaxFirst?: ColumnSet;
  /** Columns held at a value (GLPK never sees them). */
  fixed?: ReadonlyMap<string, number>;
}

/** Solves one stage's model: its LP first where asked, the MILP when that roster is not integral. */
export async function solveStage(
  instance: OptimizerInstance,
  lp: LP,
  options: StageOptions,
  deadline: number,
  size: ModelSize,
): Promise<StageRun> {
  if (lp.subjectTo.length > size.constraints) Object.assign(size, { variables: lp.bounds?.length ?? 0, constraints: lp.subjectTo.length });
  if (deadline - performance.now() < MIN_SOLVE_MS) return 'timeout';
  let relaxation: StageOutcome['relaxation'];
  let run: GlpkRun | undefined;
  if (options.relaxFirst) {
    const lpRun = await options.relaxFirst.solveRelaxation(lp, deadline);
    if (lpRun.status === 'infeasible') return 'infeasible';
    if (lpRun.status === 'optimal') {
      relaxation = { lp: { ...lp, binaries: [] }, run: lpRun };
      run = integral(instance, lpRun) ? lpRun : await integralOnFace(instance, lp, lpRun, options.relaxFirst, deadline);
    }
  }
  if (!run) {
    if (deadline - performance.now() < MIN_SOLVE_MS) return 'timeout';
    run = await solveWithGlpk(lp, deadline - performance.now(), options.fixed);
  }
  if (run.status === 'none') return 'timeout';
  if (run.status === 'infeasible') return 'infeasible';
  const chosen = chosenIn(instance, run);
  const optimal = run.status === 'optimal';
  return { chosen, score: scoreRoster(instance, chosen), bound: optimal ? run.z : null, optimal, relaxation };
}
