import { bestOf, compareScores, isOutcome, type StageOutcome, type StageRun } from '../evaluate.ts';
import { MIN_SOLVE_MS } from '../glpk.ts';
import { onDutyIn, type OptimizerInstance } from '../instance.ts';
import { u, x, y } from '../lp.ts';

/** Above this many candidates left open by the fairness optimum, the tie-break searches stretches of days. */
export const EXACT_TIE_BREAK_CANDIDATES = 3000;
/** Duty days per stretch (a month of weekends), and the time all stretches share. */
const STRETCH_DAYS = 8;
const STRETCHES_MS = 1500;
/** The search stops on stagnation: after this many stretches in a row that improved nothing. */
const STAGNANT_STRETCHES = 3;

/**
 * The tie-break tier improved one stretch of duty days at a time, every other day and every load
 * held as `best` has them, so each search is month-sized. `best` is on the restriction
 * (fairness-optimal), so every stretch's model has it as a solution. The stretches share at most
 * STRETCHES_MS of the time up to `until`.
 */
export async function improveByStretches(
  instance: OptimizerInstance,
  best: StageOutcome,
  restricted: ReadonlyMap<string, number>,
  search: (fixed: ReadonlyMap<string, number>, until: number) => Promise<StageRun>,
  until: number,
): Promise<StageOutcome> {
  const deadline = Math.min(until, performance.now() + STRETCHES_MS);
  const stretches = Math.ceil(instance.problem.dutyDays.length / STRETCH_DAYS);
  let stagnant = 0;
  for (let stretch = 0; stretch < stretches && stagnant < STAGNANT_STRETCHES; stretch++) {
    const left = deadline - performance.now();
    if (left < MIN_SOLVE_MS) break;
    // Loads stay as they are too: their steps are thousands of columns over a long range.
    const outside = (day: number) => Math.floor(day / STRETCH_DAYS) !== stretch;
    const fixed = new Map([...restricted, ...rosterColumns(instance, best.chosen, outside)]);
    instance.candidates.forEach(({ day }, c) => {
      if (outside(day)) fixed.set(x(c), best.chosen.has(c) ? 1 : 0);
    });
    const run = await search(fixed, performance.now() + left / (stretches - stretch));
    const improved = isOutcome(run) && compareScores(run.score, best.score) < 0;
    if (isOutcome(run)) best = bestOf([best, run]);
    stagnant = improved ? 0 : stagnant + 1;
  }
  return best;
}

/**
 * A roster's values of the columns other than candidates: every member's load steps and, for the
 * days `outside` says, the pairing flags.
 */
function rosterColumns(instance: OptimizerInstance, chosen: ReadonlySet<number>, outside: (day: number) => boolean): Map<string, number> {
  const values = new Map<string, number>();
  const loads = instance.maxLoad.map(() => 0);
  for (const c of chosen) loads[instance.candidates[c].member]++;
  instance.maxLoad.forEach((most, m) => {
    for (let k = 1; k <= most; k++) values.set(u(m, k), k <= loads[m] ? 1 : 0);
  });
  const onDuty = onDutyIn(instance, chosen);
  instance.pairings.forEach(({ a, b, day }, q) => {
    if (outside(day)) values.set(y(q), onDuty(a, day) && onDuty(b, day) ? 1 : 0);
  });
  return values;
}
