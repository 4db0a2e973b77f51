import type { Assignment, SchedulingProblem } from '../types.ts';
import { compareScores, fairnessObjective, fillObjective, scoreRoster } from './evaluate.ts';
import { ColumnSet } from './columns.ts';
import { flowRoster } from './flow.ts';
import { buildInstance, slotIndex, type OptimizerInstance } from './instance.ts';
import { fairnessModel, fairnessWeight, fillModel, fillWeight, type StageTarget } from './model.ts';
import { bestOf, isOutcome, solveStage, type ModelSize, type StageOutcome } from './stage.ts';
import { breakTies, tieBreakFloor } from './tieBreak.ts';
import { DEFAULT_TIME_LIMIT_SECONDS } from '../limits.ts';

export interface OptimizerOptions {
  /** Wall-clock budget for the whole call, model building included (default 10 s). */
  timeLimitMs?: number;
}

export interface OptimizerResult {
  /** Every slot, date then role order; locked slots as given. */
  assignments: Assignment[];
  /** 'optimal' when every stage was proven optimal. */
  status: 'optimal' | 'feasible';
  /** Largest relative gap of the stages, 0 when proven optimal. */
  gap: number;
  /** fairnessWeight x (sum of squared loads - locked part) + preference points + tie-break (soft spacing - pairing). */
  objective: number;
  /** Lower bound on that objective (at the fill and breaks reached). */
  bound: number;
  stats: { variables: number; constraints: number; buildMs: number; solveMs: number };
}

export const DEFAULT_TIME_LIMIT_MS = DEFAULT_TIME_LIMIT_SECONDS * 1000;
/** Shares of the time left for the fill and fairness stages. */
const FILL_SHARE = 0.4;
const FAIRNESS_SHARE = 0.75;
/** Part of the limit kept free: GLPK overshoots its own limit a little, and decoding takes time. */
const SAFETY_MARGIN = 0.1;
/** The last tier only breaks ties: it gets at most this share of the time limit. */
const TIE_BREAK_SHARE = 0.4;

export async function solveOptimizer(problem: SchedulingProblem, opts: OptimizerOptions = {}): Promise<OptimizerResult> {
  const timeLimitMs = opts.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS;
  const started = performance.now();
  const deadline = started + timeLimitMs * (1 - SAFETY_MARGIN);
  const until = (share: number) => performance.now() + (deadline - performance.now()) * share;
  const instance = buildInstance(problem);
  const size: ModelSize = { variables: 0, constraints: 0 };
  const buildMs = performance.now() - started;

  // Priorities 1 and 2. The network's maximum flow bounds the fill (its roster only stands in when
  // a later stage is cut short). Usually that fill is reachable without any spacing break, so the
  // fairness stage is asked for it with strict spacing hard; only when that fails are fill and
  // breaks traded exactly.
  const flow = flowRoster(instance);
  const start: StageOutcome = { chosen: flow.chosen, score: scoreRoster(instance, flow.chosen), bound: null, optimal: false };
  const columns = new ColumnSet(instance, flow.chosen);
  let target: StageTarget = { filled: flow.maxFill, breaks: 0 };
  let fillProven = true;
  const fairnessStarted = performance.now();
  const fairnessStage = () => solveStage(instance, fairnessModel(instance, target), { relaxFirst: columns }, until(FAIRNESS_SHARE), size);
  let fairness = await fairnessStage();
  const rosters: StageOutcome[] = [start];
  if (!isOutcome(fairness)) {
    const fill = await solveStage(instance, fillModel(instance, 'count'), {}, until(FILL_SHARE), size);
    fillProven = isOutcome(fill) && fill.optimal;
    if (isOutcome(fill)) {
      rosters.push(fill);
      target = { filled: fill.score.filled, breaks: fill.score.breaks };
      fairness = await fairnessStage();
    } else {
      target = { filled: start.score.filled, breaks: start.score.breaks };
    }
  }
  const fairnessMs = performance.now() - fairnessStarted;
  if (isOutcome(fairness)) rosters.push(fairness);
  if (rosters.length === 1) throw new Error('The optimizer found no solution within the time limit.');
  let best = bestOf(rosters);

  const fillValue = fillObjective(instance, best.score);
  const fillBound = fillProven ? fillObjective(instance, { ...best.score, ...target }) : fillWeight(instance) * flow.maxFill;
  let gap = Math.max(0, (fillBound - fillValue) / Math.max(1, Math.abs(fillValue)));

  const fairnessValue = fairnessObjective(instance, best.score);
  // The best roster may come from the flow and differ in the tie-break tier only: still proven.
  const fairnessProven = isOutcome(fairness) && fairness.optimal && compareScores(best.score, fairness.score, 'fairness') === 0;
  const provenFairness = isOutcome(fairness) ? (fairness.bound ?? -Infinity) : -Infinity;
  const fairnessBound = fairnessProven
    ? fairnessValue
    : Math.min(fairnessValue, Math.max(provenFairness, fairnessFloor(instance, target.filled)));

  // Soft spacing and pairing break the remaining ties. Without pairings a roster using no soft
  // spacing pair already scores the least possible (0).
  const floor = tieBreakFloor(instance);
  let tieBreakBound = best.score.tieBreak;
  let tieBreakProven = true;
  if (floor < 0 || best.score.tieBreak > 0) {
    tieBreakBound = floor;
    tieBreakProven = false;
    if (fairnessProven && isOutcome(fairness)) {
      const tieBreakDeadline = Math.min(deadline, performance.now() + timeLimitMs * TIE_BREAK_SHARE);
      const tieBreak = await breakTies(instance, { ...target, fairness: fairnessValue }, fairness, best, columns, fairnessMs, tieBreakDeadline, size);
      best = tieBreak.best;
      tieBreakBound = Math.max(floor, tieBreak.bound ?? -Infinity);
      tieBreakProven = tieBreak.proven || best.score.tieBreak <= tieBreakBound;
      if (tieBreakProven) tieBreakBound = best.score.tieBreak;
    }
  }

  const objective = fairnessObjective(instance, best.score) + best.score.tieBreak;
  const bound = Math.min(objective, fairnessBound + tieBreakBound);
  gap = Math.max(gap, (objective - bound) / Math.max(1, Math.abs(objective)));
  return {
    assignments: decode(instance, best.chosen),
    status: gap === 0 && fillProven && fairnessProven && tieBreakProven ? 'optimal' : 'feasible',
    gap,
    objective,
    bound,
    stats: {
      ...size,
      buildMs,
      solveMs: performance.now() - started - buildMs,
    },
  };
}

/**
 * A lower bound on the fairness objective without solving anything: the `filled` cheapest unit
 * steps of load over all members (an even spread, days ignored) plus the `filled` smallest
 * per-slot minima of preference points.
 */
function fairnessFloor(instance: OptimizerInstance, filled: number): number {
  const steps: number[] = [];
  instance.maxLoad.forEach((most, m) => {
    for (let k = 1; k <= most; k++) steps.push(2 * (instance.lockedLoad[m] + k) - 1);
  });
  const slotMinima = instance.bySlot.filter((slot) => slot.length > 0).map((slot) => Math.min(...slot.map((c) => instance.candidates[c].points)));
  const cheapest = (values: number[]) => values.sort((a, b) => a - b).slice(0, filled).reduce((sum, v) => sum + v, 0);
  return fairnessWeight(instance) * cheapest(steps) + cheapest(slotMinima);
}

function decode(instance: OptimizerInstance, chosen: ReadonlySet<number>): Assignment[] {
  const { dutyDays, roles } = instance.problem;
  const holder = new Map<number, string>();
  for (const c of chosen) {
    const cand = instance.candidates[c];
    holder.set(slotIndex(instance, cand.day, cand.role), instance.members[cand.member].id);
  }
  return dutyDays.flatMap((date, day) =>
    roles.map((role, r): Assignment => {
      const key = `${day},${r}`;
      const memberId = instance.locked.has(key) ? (instance.locked.get(key) ?? null) : (holder.get(slotIndex(instance, day, r)) ?? null);
      return { date, role: role.key, memberId };
    }),
  );
}
