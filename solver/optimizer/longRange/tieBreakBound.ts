import type { LP } from 'glpk.js/node';
import { compareScores } from '../evaluate.ts';
import { GLP, solveWithGlpk, type GlpkRun } from '../glpk.ts';
import type { ColumnSet } from './columns.ts';
import { reducedCostFixing, optimalFace, type Restriction } from './faceFixing.ts';
import { softSpacingCliques, type OptimizerInstance } from '../instance.ts';
import { fairnessModel, rosterColumns, tieBreakModel, withSoftPairs, x, type StageTarget } from '../model.ts';
import { PAIRING_REWARD } from '../preferences.ts';
import { bestOf, holding, isOutcome, MIN_SOLVE_MS, outcomeOf, solveStage, solveUntilIntegral, withinSet, workingFace, type ModelSize, type StageOutcome, type StageRun } from '../stage.ts';

/** The last tier, pairing and soft spacing: it only breaks ties among the fairness optimum's rosters. */

/** Share of the tie-break time for reaching its LP bound; the stretch search may use the rest. */
const BOUND_SHARE = 0.6;
/** Share of the time left after the tie-break LP for the partners' search. */
const PARTNERS_SHARE = 0.6;
/** Share of the partners' time for the first, un-nudged try (see choosePartners). */
const FIRST_TRY_SHARE = 0.25;
/** How far from an integer GLPK's LP value may be and still count as that integer. */
const INTEGRAL_TOLERANCE = 1e-4;
/** Above this many candidates left open by the fairness optimum, the tie-break searches stretches of days. */
const EXACT_TIE_BREAK_CANDIDATES = 3000;
/** Duty days per stretch (a month of weekends), and the time all stretches share. */
const STRETCH_DAYS = 8;
const STRETCHES_MS = 1500;

/**
 * The tie-break tier (pairing and soft spacing), searched where the fairness stage's optimum leaves
 * a choice. Returns the better roster, whether it is proven best in this tier, and else a lower
 * bound on the tier when one was found.
 */
export async function breakTies(
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
 *    It is sought over the working set of columns: the partners' days first (choosePartners: only
 *    their candidates binary, everyone else's continuous, as the rest is network-like), then
 *    everyone else with the partners held. Any roster this finds is optimal for the tier.
 * Otherwise the roster returned (if any) is a good start for the stretch search, and the bound stands.
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
  const onBoundFace = { ...lp, subjectTo: [...lp.subjectTo, ...boundFace.rows] };
  const open = (c: number) => !fixed.has(x(c));
  const partnersOpen = instance.candidates.flatMap((_, c) => (open(c) && isPartners(c) ? [x(c)] : []));
  const partnersLp = { ...onBoundFace, subjectTo: [...onBoundFace.subjectTo, ...noSoftSpacingRows(instance, (c) => open(c) && isPartners(c))], binaries: partnersOpen };
  let last: Map<string, number> | undefined;
  for await (const choice of choosePartners(partnersLp, partnersOpen, fixed, performance.now() + (deadline - performance.now()) * PARTNERS_SHARE)) {
    last = holding(fixed, partnersOpen, choice);
    const run = await fillAround(instance, onBoundFace, last, deadline, true);
    if (typeof run === 'string') continue;
    const roster = outcomeOf(instance, run);
    if (roster.score.tieBreak <= bound) return { roster, proven: true, bound };
  }
  if (last) {
    // Everyone else cannot avoid soft spacing around these partners' days (GLPK's presolve reports
    // that as no solution): their pairing with some soft spacing, for the stretch search.
    const spaced = await fillAround(instance, onBoundFace, last, deadline, false);
    return { roster: typeof spaced === 'string' ? undefined : outcomeOf(instance, spaced), proven: false, bound };
  }
  return { roster: await partnersByCost(instance, lp, face, columns, isPartners, deadline), proven: false, bound };
}

/**
 * Everyone whose candidates `held` leaves open, filled in around the held ones: with soft spacing
 * among them forbidden, or allowed.
 */
function fillAround(instance: OptimizerInstance, lp: LP, held: ReadonlyMap<string, number>, deadline: number, forbidSoftSpacing: boolean) {
  const rows = forbidSoftSpacing ? [...lp.subjectTo, ...noSoftSpacingRows(instance, (c) => !held.has(x(c)))] : lp.subjectTo;
  return solveUntilIntegral(instance, { ...lp, subjectTo: rows }, held, deadline);
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
  const inSet = withinSet(instance, columns, face);
  const partnersOpen = instance.candidates.flatMap((_, c) => (isPartners(c) && !inSet.has(x(c)) ? [x(c)] : []));
  const partnersPairs = softPairsOpen(instance, inSet).filter((p) => isPartners(instance.pairs[p].a));
  // GLPK rarely proves this optimal in time: the rest needs time left for everyone else.
  const choice = await solveWithGlpk(withSoftPairs({ ...lp, binaries: partnersOpen }, instance, partnersPairs), (deadline - performance.now()) * PARTNERS_SHARE, inSet);
  if (choice.status !== 'optimal' && choice.status !== 'feasible') return undefined;
  const held = holding(inSet, partnersOpen, choice);
  const spacedApart = await fillAround(instance, lp, held, deadline, true);
  const run = typeof spacedApart === 'string' ? await fillAround(instance, lp, held, deadline, false) : spacedApart;
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
function noSoftSpacingRows(instance: OptimizerInstance, open: (candidate: number) => boolean): LP['subjectTo'] {
  return softSpacingCliques(instance, open).map((clique, k) => ({
    name: `nosoft${k}`,
    vars: clique.map((c) => ({ name: x(c), coef: 1 })),
    bnds: { type: GLP.UP, lb: 0, ub: 1 },
  }));
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
export function tieBreakFloor(instance: OptimizerInstance): number {
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

/** The soft spacing pairs whose two candidates `fixed` leaves free to be chosen together. */
function softPairsOpen(instance: OptimizerInstance, fixed: ReadonlyMap<string, number>): number[] {
  const open: number[] = [];
  instance.pairs.forEach((pair, p) => {
    if (pair.points > 0 && fixed.get(x(pair.a)) !== 0 && fixed.get(x(pair.b)) !== 0) open.push(p);
  });
  return open;
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
