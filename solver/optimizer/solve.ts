import type { Assignment, SchedulingProblem } from '../types.ts';
import { bestOf, isOutcome, outcomeOf, type StageRun } from './evaluate.ts';
import { fairnessByFlow, flowFirst } from './fairnessFlow.ts';
import { flowRoster } from './flow.ts';
import { assignmentsOf, buildInstance } from './instance.ts';
import { ColumnSet } from './longRange/index.ts';
import { improveIncumbent, legacyIncumbent } from './incumbent.ts';
import { fairnessModel, fillModel, type StageTarget } from './model.ts';
import { fairnessProof, fillGap, overall, tieBreakFloor, tieBreakProof, type TierProof } from './proof.ts';
import { MIN_SOLVE_MS } from './glpk.ts';
import { solveStage, type ModelSize } from './stage.ts';
import { breakTies } from './tieBreak.ts';
import { DEFAULT_TIME_LIMIT_SECONDS } from '../limits.ts';

/**
 * The optimizer: the priorities of DOMAIN.md one stage after another, each keeping what the
 * earlier ones reached.
 * 1. Fill: the most slots any roster fills, by a maximum flow (flow.ts, no GLPK).
 * 2. Strict spacing: kept hard at that fill; only when no roster manages that are fill and breaks
 *    traded exactly (the fill stage).
 * 3. Fairness, with the preference points of each assignment (the fairness stage).
 * 4. Pairing and soft spacing: they only break ties among the fairest rosters (tieBreak.ts).
 * The models are in model.ts, the rows of the hard rules in ruleRows.ts, the bounds and the gap in
 * proof.ts; what keeps a season or a year within the time limit is in longRange/.
 * Once the instance is built it always answers with a roster of its own: when a stage is cut short,
 * the best of the flow's roster, the stages' rosters so far and legacy's roster, improved by single
 * moves in the time left (incumbent.ts), status 'feasible', with the gap its bounds prove.
 */

export interface OptimizerOptions {
  /** Wall-clock budget for the whole call, model building included (default 10 s). */
  timeLimitMs?: number;
  /** Most time for the last tier once the others are proven (default: 1 s or 20 % of the limit, whichever is smaller). */
  tieBreakMs?: number;
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
  /** Which tiers the roster is proven best in (fill covers strict spacing). */
  proven: { fill: boolean; fairness: boolean; tieBreak: boolean };
  stats: { variables: number; constraints: number; buildMs: number; solveMs: number };
}

const DEFAULT_TIME_LIMIT_MS = DEFAULT_TIME_LIMIT_SECONDS * 1000;
/** Shares of the time left for the fill and fairness stages. */
const FILL_SHARE = 0.4;
const FAIRNESS_SHARE = 0.75;
/** Part of the limit kept free: GLPK overshoots its own limit a little, and decoding takes time. */
const SAFETY_MARGIN = 0.1;
/**
 * The last tier only breaks ties: once fill, spacing and fairness are proven it gets the smaller of
 * this share of the limit and TIE_BREAK_MAX_MS (its searches also stop on stagnation, stretches.ts).
 */
const TIE_BREAK_SHARE = 0.2;
const TIE_BREAK_MAX_MS = 1000;

export async function solveOptimizer(problem: SchedulingProblem, opts: OptimizerOptions = {}): Promise<OptimizerResult> {
  const timeLimitMs = opts.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS;
  const started = performance.now();
  const deadline = started + timeLimitMs * (1 - SAFETY_MARGIN);
  const until = (share: number) => performance.now() + (deadline - performance.now()) * share;
  const instance = buildInstance(problem);
  const size: ModelSize = { variables: 0, constraints: 0 };
  const buildMs = performance.now() - started;

  // 1. Fill. The flow's roster only stands in when a later stage is cut short.
  const flow = flowRoster(instance);
  const flowOutcome = outcomeOf(instance, flow.chosen);
  const columns = new ColumnSet(instance, flow.chosen);
  // Legacy's roster, drawn before the stages so its time counts against theirs.
  const legacy = legacyIncumbent(instance);

  // 2 and 3. Strict spacing and fairness: usually the flow's fill is reachable without a spacing
  // break, so the fairness stage is asked for it with spacing hard. Only when that fails does the
  // fill stage trade fill and breaks exactly, and fairness is asked for what it reached.
  const fairnessStarted = performance.now();
  // On big clubs the flow answers first (fairnessFlow.ts); GLPK when its roster breaks a side row.
  const fairnessStage = (target: StageTarget) =>
    inTime(until(FAIRNESS_SHARE), buildMs, async (stageDeadline) => {
      const byFlow = flowFirst(instance) ? fairnessByFlow(instance, target, stageDeadline) : null;
      if (byFlow === null) return solveStage(instance, fairnessModel(instance, target), { relaxFirst: columns }, stageDeadline, size);
      if (isOutcome(byFlow)) columns.include(byFlow.chosen);
      return byFlow;
    });
  let target: StageTarget = { filled: flow.maxFill, breaks: 0 };
  let fairness = await fairnessStage(target);
  let fill: StageRun | undefined;
  // A fairness stage cut short leaves its time to improving the incumbent: the fill stage's MILP is
  // the larger model, and the flow's bound already tells whether a roster reaches full fill.
  if (fairness === 'infeasible') {
    fill = await inTime(until(FILL_SHARE), buildMs, (stageDeadline) =>
      solveStage(instance, fillModel(instance, 'count'), {}, stageDeadline, size),
    );
    target = isOutcome(fill) ? reached(fill) : reached(flowOutcome);
    if (isOutcome(fill)) fairness = await fairnessStage(target);
  }
  const fairnessMs = performance.now() - fairnessStarted;
  // Legacy's roster goes first: on a tie the stages' own roster, whose proofs are known, wins.
  const rosters = [legacy, flowOutcome, fill, fairness].filter(isOutcome);
  let best = bestOf(rosters);
  // Cut short: the best roster so far, improved by single moves in the time left.
  if (!isOutcome(fairness) || !fairness.optimal) best = improveIncumbent(instance, best, deadline);
  // What the stages so far prove (proof.ts).
  const fillProven = fill === undefined || (isOutcome(fill) && fill.optimal);
  const gapOfFill = fillGap(instance, best.score, fillProven ? target : null, flow.maxFill);
  const fairnessTier = fairnessProof(instance, best.score, fairness);

  // 4. Pairing and soft spacing, among the fairness optimum's rosters. Without pairings a roster
  // using no soft spacing pair already scores the least possible (0).
  const floor = tieBreakFloor(instance);
  let tieBreak: TierProof = { value: best.score.tieBreak, bound: best.score.tieBreak, proven: true };
  if (floor < 0 || best.score.tieBreak > 0) {
    tieBreak = { value: best.score.tieBreak, bound: floor, proven: false };
    const budget = opts.tieBreakMs ?? Math.min(TIE_BREAK_MAX_MS, timeLimitMs * TIE_BREAK_SHARE);
    // Its model spans every candidate (after the flow, the fairness LP's certificate is built too):
    // about twice the instance's build time that cannot be cut short, not worth a smaller budget.
    if (fairnessTier.proven && isOutcome(fairness) && budget >= 2 * buildMs) {
      const tieBreakDeadline = Math.min(deadline, performance.now() + budget);
      const searched = await breakTies(
        instance,
        { ...target, fairness: fairnessTier.value },
        fairness,
        best,
        columns,
        fairnessMs,
        tieBreakDeadline,
        size,
      );
      best = searched.best;
      tieBreak = tieBreakProof(best.score, floor, searched);
    }
  }

  return {
    assignments: assignmentsOf(instance, best.chosen),
    ...overall(instance, best.score, gapOfFill, fillProven, fairnessTier, tieBreak),
    proven: { fill: fillProven && gapOfFill === 0, fairness: fairnessTier.proven, tieBreak: tieBreak.proven },
    stats: { ...size, buildMs, solveMs: performance.now() - started - buildMs },
  };
}

/**
 * Runs a stage only when its deadline leaves time to build its model and solve it. Building a
 * year's model takes about as long as building the instance (`buildMs`), and cannot be cut short.
 */
async function inTime(stageDeadline: number, buildMs: number, stage: (stageDeadline: number) => Promise<StageRun>): Promise<StageRun> {
  return stageDeadline - performance.now() < buildMs + MIN_SOLVE_MS ? 'timeout' : stage(stageDeadline);
}

/** The fill and strict breaks a roster reached, for the later stages to keep. */
function reached(roster: { score: StageTarget }): StageTarget {
  return { filled: roster.score.filled, breaks: roster.score.breaks };
}
