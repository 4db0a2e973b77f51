import type { LP } from 'glpk.js/node';
import { scoreRoster, compareScores, type RosterScore } from './evaluate.ts';
import { solveWithGlpk, type GlpkRun } from './glpk.ts';
import type { ColumnSet } from './longRange/columns.ts';
import { optimalFace, type Restriction } from './longRange/faceFixing.ts';
import type { OptimizerInstance } from './instance.ts';
import { x } from './model.ts';

/** How one model of a stage is solved, and what a stage hands on. */

/** Below this much time left a solve is not started. */
export const MIN_SOLVE_MS = 5;

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
  // GLPK presolves and starts its LP before it looks at the clock: no point starting out of time.
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

/**
 * A roster on the LP's optimal face, within the working set: when there is one it is optimal for
 * the stage (the face's every point costs the LP's optimum). Most of the face's columns are fixed,
 * and the rest is network-like, so this is far faster than branching over the whole model.
 */
async function integralOnFace(instance: OptimizerInstance, lp: LP, lpRun: GlpkRun, columns: ColumnSet, deadline: number): Promise<GlpkRun | undefined> {
  const face = workingFace(instance, lp, lpRun, columns);
  const run = await solveUntilIntegral(instance, { ...lp, subjectTo: [...lp.subjectTo, ...face.rows] }, face.fixed, deadline);
  return typeof run === 'string' ? undefined : { ...run, status: 'optimal', z: lpRun.z };
}

/**
 * The optimal face of an LP solved over a column set, less the columns left out of the set (`held`
 * columns keep their values).
 */
export function workingFace(instance: OptimizerInstance, lp: LP, run: GlpkRun, columns: ColumnSet, held: ReadonlyMap<string, number> = new Map()): Restriction {
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

function integral(instance: OptimizerInstance, run: GlpkRun): boolean {
  return instance.candidates.every((_, c) => !isFractional(run.vars[x(c)] ?? 0));
}

function isFractional(value: number): boolean {
  return value > 1e-9 && value < 1 - 1e-9;
}

function chosenIn(instance: OptimizerInstance, run: GlpkRun): Set<number> {
  const chosen = new Set<number>();
  instance.candidates.forEach((_, c) => {
    if ((run.vars[x(c)] ?? 0) > 0.5) chosen.add(c);
  });
  return chosen;
}

export function outcomeOf(instance: OptimizerInstance, run: GlpkRun): StageOutcome {
  const chosen = chosenIn(instance, run);
  return { chosen, score: scoreRoster(instance, chosen), bound: null, optimal: false };
}

export function isOutcome(run: StageRun): run is StageOutcome {
  return typeof run === 'object';
}

/** The lexicographically best roster; on a tie the later stage's, whose optimality is known. */
export function bestOf(rosters: StageOutcome[]): StageOutcome {
  return rosters.reduce((best, r) => (compareScores(r.score, best.score) <= 0 ? r : best));
}
