import type { LP } from 'glpk.js/node';
import type { Assignment, SchedulingProblem } from '../types.ts';
import { compareScores, fairnessObjective, fillObjective, scoreRoster, type RosterScore } from './evaluate.ts';
import { GLP, solveWithGlpk, type GlpkRun } from './glpk.ts';
import { ColumnSet } from './columns.ts';
import { optimalFace, reducedCostFixing, type Restriction } from './fixing.ts';
import { flowRoster } from './flow.ts';
import { buildInstance, slotIndex, softSpacingCliques, type OptimizerInstance } from './instance.ts';
import { fairnessModel, fairnessWeight, fillModel, fillWeight, rosterColumns, tieBreakModel, withSoftPairs, x, type StageTarget } from './model.ts';
import { PAIRING_REWARD } from './preferences.ts';

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

export const DEFAULT_TIME_LIMIT_MS = 10_000;
/** Shares of the time left for the fill and fairness stages. */
const FILL_SHARE = 0.4;
const FAIRNESS_SHARE = 0.75;
/** Part of the limit kept free: GLPK overshoots its own limit a little, and decoding takes time. */
const SAFETY_MARGIN = 0.1;
/** The last tier only breaks ties: it gets at most this share of the time limit. */
const TIE_BREAK_SHARE = 0.4;
/** Share of the tie-break time for reaching its LP bound; the stretch search may use the rest. */
const BOUND_SHARE = 0.6;
/** Share of the time left after the tie-break LP for the partners' search. */
const PARTNERS_SHARE = 0.6;
/** Share of the partners' time for the first, un-nudged try (see choosePartners). */
const FIRST_TRY_SHARE = 0.25;
/** How far from an integer GLPK's LP value may be and still count as that integer. */
const INTEGRAL_TOLERANCE = 1e-4;
const MIN_SOLVE_MS = 5;
/** Above this many candidates left open by the fairness optimum, the tie-break searches stretches of days. */
const EXACT_TIE_BREAK_CANDIDATES = 3000;
/** Duty days per stretch (a month of weekends), and the time all stretches share. */
const STRETCH_DAYS = 8;
const STRETCHES_MS = 1500;

/** A stage's roster, or why there is none: proven impossible, or nothing found in time. */
type StageRun = StageOutcome | 'infeasible' | 'timeout';

interface StageOutcome {
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
interface ModelSize {
  variables: number;
  constraints: number;
}

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
 * The tie-break tier (pairing and soft spacing), searched where the fairness stage's optimum leaves
 * a choice. Returns the better roster, whether it is proven best in this tier, and else a lower
 * bound on the tier when one was found.
 */
async function breakTies(
  instance: OptimizerInstance,
  target: StageTarget,
  fairness: StageOutcome,
  best: StageOutcome,
  columns: ColumnSet,
  fairnessMs: number,
  deadline: number,
  size: ModelSize,
): Promise<{ best: StageOutcome; proven: boolean; bound: number | null }> {
  const restriction = tieBreakRestriction(fairness, target.fairness ?? 0);
  const tieBreak = tieBreakModel(instance, fairness.relaxation?.lp ?? fairnessModel(instance, target), restriction.weighFairness);
  const base = { ...tieBreak, subjectTo: [...tieBreak.subjectTo, ...restriction.rows] };
  let bound: number | null = null;
  if (!restriction.weighFairness) {
    const boundDeadline = performance.now() + (deadline - performance.now()) * BOUND_SHARE;
    const reached = await reachTieBreakBound(instance, base, restriction.fixed, columns, boundDeadline);
    bound = reached.bound;
    if (reached.roster) {
      best = bestOf([best, reached.roster]);
      if (reached.proven) return { best, proven: compareScores(best.score, reached.roster.score) === 0, bound };
    }
  }
  const search = (fixed: ReadonlyMap<string, number>, until: number) =>
    solveStage(instance, withSoftPairs(base, instance, softPairsOpen(instance, fixed)), { fixed }, until, size);
  // Over long ranges the fairness optimum has so many equal-cost alternatives that GLPK cannot
  // search them all for pairing and soft spacing in time: it searches a stretch of days at a
  // time instead, which improves the roster but proves nothing. The whole search is skipped when
  // the time left would not cover another solve the size of the fairness stage.
  const open = instance.candidates.filter((_, c) => !restriction.fixed.has(x(c))).length;
  if (open > EXACT_TIE_BREAK_CANDIDATES) {
    const stretched = await improveByStretches(instance, best, restriction.fixed, search, Math.min(deadline, performance.now() + STRETCHES_MS));
    return { best: stretched, proven: false, bound };
  }
  if (deadline - performance.now() <= 2 * fairnessMs) return { best, proven: false, bound };
  const searched = await search(restriction.fixed, deadline);
  if (!isOutcome(searched)) return { best, proven: false, bound };
  const better = bestOf([best, searched]);
  return { best: better, proven: searched.optimal && compareScores(better.score, searched.score) === 0, bound };
}

/**
 * The tie-break tier solved through its LP bound, on the fairness optimum's face (`face` holds
 * the columns that face fixes; `lp` has its tight rows).
 * 1. The LP without the soft spacing pairs, by column generation, bounds the tier from below: those
 *    pairs only add cost. The pairing rows make this bound tight in practice.
 * 2. A roster worth that bound lies on this LP's own optimal face and uses no soft spacing pair.
 *    It is sought over the working set of columns, first for the partners alone (their candidates
 *    binary, everyone else's continuous: the rest is network-like), then for everyone else with the
 *    partners held. Any roster this finds is optimal for the tier.
 */
async function reachTieBreakBound(
  instance: OptimizerInstance,
  lp: LP,
  face: ReadonlyMap<string, number>,
  columns: ColumnSet,
  deadline: number,
): Promise<{ roster?: StageOutcome; proven: boolean; bound: number | null }> {
  const partners = new Set(instance.pairings.flatMap(({ a, b }) => [a, b]));
  const isPartners = (c: number) => partners.has(instance.candidates[c].member);
  columns.include(instance.candidates.flatMap((_, c) => (isPartners(c) ? [c] : [])));
  if (deadline - performance.now() < MIN_SOLVE_MS) return { proven: false, bound: null };
  const relaxed = await columns.solveRelaxation(lp, deadline, face);
  if (relaxed.status !== 'optimal') return { proven: false, bound: null };
  // The tier's values are integers: only an integral bound can be reached (GLPK's LP value
  // carries rounding noise).
  const bound = Math.ceil(relaxed.z - INTEGRAL_TOLERANCE);
  if (Math.abs(relaxed.z - bound) > INTEGRAL_TOLERANCE) return { proven: false, bound };

  const boundFace = workingFace(instance, lp, relaxed, columns, face);
  const fixed = boundFace.fixed;
  const rows = [...lp.subjectTo, ...boundFace.rows];
  const open = (c: number) => !fixed.has(x(c));
  const partnersOpen = instance.candidates.flatMap((_, c) => (open(c) && isPartners(c) ? [x(c)] : []));
  const partnersLp = { ...lp, subjectTo: [...rows, ...noSoftSpacing(instance, (c) => open(c) && isPartners(c))], binaries: partnersOpen };
  const everyoneElse = (held: ReadonlyMap<string, number>) =>
    solveUntilIntegral(instance, { ...lp, subjectTo: [...rows, ...noSoftSpacing(instance, (c) => !held.has(x(c)))] }, held, deadline);
  let last: Map<string, number> | undefined;
  for await (const choice of choosePartners(partnersLp, partnersOpen, fixed, performance.now() + (deadline - performance.now()) * PARTNERS_SHARE)) {
    const held = new Map(fixed);
    for (const name of partnersOpen) held.set(name, Math.round(choice.vars[name] ?? 0));
    last = held;
    const run = await everyoneElse(held);
    if (typeof run === 'string') continue;
    const roster = outcomeOf(instance, run);
    if (roster.score.tieBreak <= bound) return { roster, proven: true, bound };
  }
  if (last) {
    // Everyone else cannot avoid soft spacing around these partners' days (GLPK's presolve reports
    // that as no solution): their pairing with some soft spacing, for the stretch search.
    const spaced = await solveUntilIntegral(instance, { ...lp, subjectTo: rows }, last, deadline);
    return { roster: typeof spaced === 'string' ? undefined : outcomeOf(instance, spaced), proven: false, bound };
  }
  return { roster: await partnersByCost(instance, lp, face, columns, isPartners, deadline), proven: false, bound };
}

/**
 * When no choice of the partners' days meets the bound (in the working set) or none was found in
 * time: their best days by the tier's own costs, their soft spacing priced rather than forbidden,
 * anywhere on the fairness optimum's face (`face`); everyone else fills around them. Not proven,
 * but a good roster for the stretch search to start from.
 */
async function partnersByCost(
  instance: OptimizerInstance,
  lp: LP,
  face: ReadonlyMap<string, number>,
  columns: ColumnSet,
  isPartners: (candidate: number) => boolean,
  deadline: number,
): Promise<StageOutcome | undefined> {
  if (deadline - performance.now() < MIN_SOLVE_MS) return undefined;
  const inSet = new Map(face);
  instance.candidates.forEach((_, c) => {
    if (!columns.has(c) && !inSet.has(x(c))) inSet.set(x(c), 0);
  });
  const partnersOpen = instance.candidates.flatMap((_, c) => (isPartners(c) && !inSet.has(x(c)) ? [x(c)] : []));
  const partnersPairs = softPairsOpen(instance, inSet).filter((p) => isPartners(instance.pairs[p].a));
  // GLPK rarely proves this optimal in time: the rest needs time left for everyone else.
  const choice = await solveWithGlpk(withSoftPairs({ ...lp, binaries: partnersOpen }, instance, partnersPairs), (deadline - performance.now()) * PARTNERS_SHARE, inSet);
  if (choice.status !== 'optimal' && choice.status !== 'feasible') return undefined;
  const held = new Map(inSet);
  for (const name of partnersOpen) held.set(name, Math.round(choice.vars[name] ?? 0));
  const spacedApart = await solveUntilIntegral(instance, { ...lp, subjectTo: [...lp.subjectTo, ...noSoftSpacing(instance, (c) => !held.has(x(c)))] }, held, deadline);
  const run = typeof spacedApart === 'string' ? await solveUntilIntegral(instance, lp, held, deadline) : spacedApart;
  return typeof run === 'string' ? undefined : outcomeOf(instance, run);
}

/**
 * Days for the partners: `partnersLp` solved with their open candidates binary, in two tries
 * sharing `deadline`. On the LP's optimal face every point costs the same, so GLPK's branching has
 * nothing to steer by and sometimes wanders; the first try gets a short time, and the second
 * nudges each partner's candidate by a tiny cost (all nudges together below half a point, so a
 * roster's value is still its rounded cost), which gives the search a direction at the price of
 * proving the nudged optimum.
 */
async function* choosePartners(partnersLp: LP, partnersOpen: string[], fixed: ReadonlyMap<string, number>, deadline: number): AsyncGenerator<GlpkRun> {
  const nudge = 0.4 / Math.max(1, partnersOpen.length);
  const costs = new Map(partnersLp.objective.vars.map(({ name, coef }) => [name, coef]));
  // Spread deterministically over [0, nudge): the same problem gives the same roster.
  partnersOpen.forEach((name, i) => costs.set(name, (costs.get(name) ?? 0) + nudge * (((i * 7919) % 997) / 997)));
  const nudged = { ...partnersLp, objective: { ...partnersLp.objective, vars: [...costs].map(([name, coef]) => ({ name, coef })) } };
  const tries: [LP, number][] = [
    [partnersLp, performance.now() + (deadline - performance.now()) * FIRST_TRY_SHARE],
    [nudged, deadline],
  ];
  for (const [model, until] of tries) {
    if (until - performance.now() < MIN_SOLVE_MS) continue;
    const run = await solveWithGlpk(model, until - performance.now(), fixed);
    if (run.status === 'optimal' || run.status === 'feasible') yield run;
    // Proven impossible with the partners' soft spacing forbidden: the nudged try cannot help.
    if (run.status === 'infeasible') return;
  }
}

/** Rows forbidding every soft spacing pair among the candidates `open` says may be chosen. */
function noSoftSpacing(instance: OptimizerInstance, open: (candidate: number) => boolean): LP['subjectTo'] {
  return softSpacingCliques(instance, open).map((clique, k) => ({
    name: `nosoft${k}`,
    vars: clique.map((c) => ({ name: x(c), coef: 1 })),
    bnds: { type: GLP.UP, lb: 0, ub: 1 },
  }));
}

/**
 * Solves `lp` as an LP (it is network-like, so usually integral), then again with the candidates
 * it left fractional binary, until every candidate is integral.
 */
async function solveUntilIntegral(
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

function outcomeOf(instance: OptimizerInstance, run: GlpkRun): StageOutcome {
  const chosen = chosenIn(instance, run);
  return { chosen, score: scoreRoster(instance, chosen), bound: null, optimal: false };
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

/**
 * The tie-break tier improved one stretch of duty days at a time, every other day and every load
 * held as `best` has them, so each search is month-sized. `best` is on the restriction
 * (fairness-optimal), so every stretch's model has it as a solution.
 */
async function improveByStretches(
  instance: OptimizerInstance,
  best: StageOutcome,
  restricted: ReadonlyMap<string, number>,
  search: (fixed: ReadonlyMap<string, number>, until: number) => Promise<StageRun>,
  deadline: number,
): Promise<StageOutcome> {
  const stretches = Math.ceil(instance.problem.dutyDays.length / STRETCH_DAYS);
  for (let stretch = 0; stretch < stretches; stretch++) {
    const left = deadline - performance.now();
    if (left < MIN_SOLVE_MS) break;
    // Loads stay as they are too: their steps are thousands of columns over a long range.
    const outside = (day: number) => Math.floor(day / STRETCH_DAYS) !== stretch;
    const fixed = new Map([...restricted, ...rosterColumns(instance, best.chosen, outside)]);
    instance.candidates.forEach(({ day }, c) => {
      if (outside(day)) fixed.set(x(c), best.chosen.has(c) ? 1 : 0);
    });
    const run = await search(fixed, performance.now() + left / (stretches - stretch));
    if (isOutcome(run)) best = bestOf([best, run]);
  }
  return best;
}

/**
 * A lower bound on the tie-break tier: every pairing reward taken, soft spacing free. Two partners
 * share at most as many days as the fewer duties either can take; a member's duties alongside
 * locked partners earn at most its best candidates' rewards.
 */
function tieBreakFloor(instance: OptimizerInstance): number {
  const sharedDays = new Map<string, { a: number; b: number; days: number }>();
  for (const { a, b } of instance.pairings) {
    const key = `${a} ${b}`;
    const entry = sharedDays.get(key) ?? { a, b, days: 0 };
    entry.days++;
    sharedDays.set(key, entry);
  }
  let rewards = 0;
  for (const { a, b, days } of sharedDays.values()) rewards += Math.min(days, instance.maxLoad[a], instance.maxLoad[b]);
  const lockedShares = instance.maxLoad.map((): number[] => []);
  for (const { member, lockedPartners } of instance.candidates) if (lockedPartners > 0) lockedShares[member].push(lockedPartners);
  lockedShares.forEach((shares, m) => {
    for (const share of shares.sort((p, q) => q - p).slice(0, instance.maxLoad[m])) rewards += share;
  });
  return -PAIRING_REWARD * rewards;
}

function isOutcome(run: StageRun): run is StageOutcome {
  return typeof run === 'object';
}

/** The lexicographically best roster; on a tie the later stage's, whose optimality is known. */
function bestOf(rosters: StageOutcome[]): StageOutcome {
  return rosters.reduce((best, r) => (compareScores(r.score, best.score) <= 0 ? r : best));
}

/** The soft spacing pairs whose two candidates `fixed` leaves free to be chosen together. */
function softPairsOpen(instance: OptimizerInstance, fixed: ReadonlyMap<string, number>): number[] {
  const open: number[] = [];
  instance.pairs.forEach((pair, p) => {
    if (pair.points > 0 && fixed.get(x(pair.a)) !== 0 && fixed.get(x(pair.b)) !== 0) open.push(p);
  });
  return open;
}

/** How a stage is solved. */
interface StageOptions {
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
async function solveStage(
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
function workingFace(instance: OptimizerInstance, lp: LP, run: GlpkRun, columns: ColumnSet, held: ReadonlyMap<string, number> = new Map()): Restriction {
  const face = optimalFace({ ...lp, binaries: [] }, run);
  const fixed = new Map([...face.fixed, ...held]);
  instance.candidates.forEach((_, c) => {
    if (!columns.has(c) && !fixed.has(x(c))) fixed.set(x(c), 0);
  });
  return { ...face, fixed };
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

/**
 * How the tie-break stage keeps the fairness stage's optimum `value`: on the LP's optimal face when
 * the LP reaches that optimum, else by reduced-cost fixing and weighing stage 2 into its objective.
 */
function tieBreakRestriction(fairness: StageOutcome, value: number): Restriction {
  const relaxation = fairness.relaxation;
  if (!relaxation) return { fixed: new Map(), rows: [], weighFairness: true };
  const { lp, run } = relaxation;
  if (Math.abs(run.z - value) <= 1e-6 * (1 + Math.abs(value))) return optimalFace(lp, run);
  return reducedCostFixing(lp, run, value, (name) => name.startsWith('x'));
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
