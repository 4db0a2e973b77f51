import type { LP } from 'glpk.js/node';
import { chosenIn, outcomeOf, type StageOutcome } from '../evaluate.ts';
import { GLP, MIN_SOLVE_MS, solveWithGlpk, type GlpkRun } from '../glpk.ts';
import type { OptimizerInstance } from '../instance.ts';
import { x } from '../lp.ts';
import { softPairsOpen, withSoftPairs } from '../model.ts';
import { softSpacingCliques } from '../spacing.ts';
import type { ColumnSet } from './columns.ts';
import { holding, solveUntilIntegral, withinSet, workingFace } from './faceFixing.ts';

/** Share of the time left after the tie-break LP for the partners' search. */
const PARTNERS_SHARE = 0.6;
/** Share of the partners' time for the first, un-nudged try (see choosePartners). */
const FIRST_TRY_SHARE = 0.25;
/** How far from an integer GLPK's LP value may be and still count as that integer. */
const INTEGRAL_TOLERANCE = 1e-4;

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
export async function reachTieBreakBound(
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
  const partnersLp = {
    ...onBoundFace,
    subjectTo: [...onBoundFace.subjectTo, ...noSoftSpacingRows(instance, (c) => open(c) && isPartners(c))],
    binaries: partnersOpen,
  };
  let last: Map<string, number> | undefined;
  for await (const choice of choosePartners(
    partnersLp,
    partnersOpen,
    fixed,
    performance.now() + (deadline - performance.now()) * PARTNERS_SHARE,
  )) {
    last = holding(fixed, partnersOpen, choice);
    const run = await fillAround(instance, onBoundFace, last, deadline, true);
    if (typeof run === 'string') continue;
    const roster = outcomeOf(instance, chosenIn(instance, run));
    if (roster.score.tieBreak <= bound) return { roster, proven: true, bound };
  }
  if (last) {
    // Everyone else cannot avoid soft spacing around these partners' days (GLPK's presolve reports
    // that as no solution): their pairing with some soft spacing, for the stretch search.
    const spaced = await fillAround(instance, onBoundFace, last, deadline, false);
    return { roster: typeof spaced === 'string' ? undefined : outcomeOf(instance, chosenIn(instance, spaced)), proven: false, bound };
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
  const choice = await solveWithGlpk(
    withSoftPairs({ ...lp, binaries: partnersOpen }, instance, partnersPairs),
    (deadline - performance.now()) * PARTNERS_SHARE,
    inSet,
  );
  if (choice.status !== 'optimal' && choice.status !== 'feasible') return undefined;
  const held = holding(inSet, partnersOpen, choice);
  const spacedApart = await fillAround(instance, lp, held, deadline, true);
  const run = typeof spacedApart === 'string' ? await fillAround(instance, lp, held, deadline, false) : spacedApart;
  return typeof run === 'string' ? undefined : outcomeOf(instance, chosenIn(instance, run));
}

/**
 * Days for the partners: `partnersLp` solved with their open candidates binary, in two tries
 * sharing `deadline`. On the LP's optimal face every point costs the same, so GLPK's branching has
 * nothing to steer by and sometimes wanders; the first try gets a short time, and the second
 * nudges each partner's candidate by a tiny cost (all nudges together below half a point, so a
 * roster's value is still its rounded cost), which gives the search a direction at the price of
 * proving the nudged optimum.
 */
async function* choosePartners(
  partnersLp: LP,
  partnersOpen: string[],
  fixed: ReadonlyMap<string, number>,
  deadline: number,
): AsyncGenerator<GlpkRun> {
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
