import type { LP } from 'glpk.js/node';
import { GLP } from './glpk.ts';
import { PAIRING_REWARD } from './preferences.ts';
import { onDutyIn, type OptimizerInstance } from './instance.ts';

/**
 * The MILP, solved in lexicographic stages so every weight stays small enough for GLPK's tolerances.
 * 1. fill: maximise fillWeight x filled slots - strict spacing breaks (fillWeight > any break count).
 * 2. fairness: keep that fill and break count; minimise fairnessWeight x sum of squared loads +
 *    preference points (role weight, staleness, preferred day). Squared loads are exact through
 *    convex unit steps u[m,k] in [0,1] costing 2k-1 (counted on from the member's locked load);
 *    fairnessWeight exceeds half the points' range, as the sum of squares moves in steps of 2.
 *    With one role per member per day and per-member load this is a network flow with side rows
 *    for avoidance and spacing: its LP is integral or nearly so.
 *    Its LP is solved by column generation (columns.ts); when the roster is integral, as it
 *    usually is, no branching is needed, and when it is not, a roster on the LP's optimal face
 *    usually is found without branching over the whole model.
 * 3. tie-break: keep stage 2's value; minimise soft spacing penalties minus pairing rewards. Both
 *    depend on two assignments at once, which makes the LP fractional, so they only break ties.
 *    Stage 2's value is kept by searching only the LP's optimal face (fixing.ts). Its LP without
 *    the soft spacing pairs bounds the tier, and a roster meeting that bound is sought on that
 *    LP's own optimal face (tieBreak.ts, reachTieBreakBound).
 *
 * Variables: x<c> binary per candidate; w<p> in [0,1] per modelled soft spacing pair (w >= xa + xb - 1);
 * b<k> >= 0 breaks in strict clique k; u<m>_<k>; y<q> in [0,1] per pairing (y <= a on duty, y <= b on duty).
 * Rows: one member per slot, one role per member per day, avoidance, spacing pairs, load.
 */

/** What the earlier stages achieved and later stages must keep. */
export interface StageTarget {
  filled: number;
  breaks: number;
  /** Stage 2's objective value; only the tie-break stage uses it. */
  fairness?: number;
}

type Row = LP['subjectTo'][number];
type Term = [string, number];

class RowSet {
  readonly rows: Row[] = [];

  /** Adds a row; repeated variables are summed, since GLPK aborts on duplicate entries. */
  add(terms: Term[], type: number, lb: number, ub: number, name = `r${this.rows.length}`): void {
    const unique = hasRepeats(terms) ? [...sumByName(terms)] : terms;
    const vars: Row['vars'] = [];
    for (const [name, coef] of unique) if (coef !== 0) vars.push({ name, coef });
    if (vars.length === 0) return;
    this.rows.push({ name, vars, bnds: { type, lb, ub } });
  }
}

/** Rows are built thousands at a time, most of two or three terms: no Set for those. */
function hasRepeats(terms: Term[]): boolean {
  if (terms.length > 8) return new Set(terms.map(([name]) => name)).size !== terms.length;
  for (let i = 1; i < terms.length; i++) for (let j = 0; j < i; j++) if (terms[i][0] === terms[j][0]) return true;
  return false;
}

function sumByName(terms: Term[]): Map<string, number> {
  const coefs = new Map<string, number>();
  for (const [name, coef] of terms) coefs.set(name, (coefs.get(name) ?? 0) + coef);
  return coefs;
}

/** Column names, made once: models are rebuilt several times per run and GLPK looks each one up. */
const names = new Map<string, string[]>();
function named(prefix: string, index: number): string {
  let list = names.get(prefix);
  if (!list) names.set(prefix, (list = []));
  return (list[index] ??= `${prefix}${index}`);
}

export const x = (c: number) => named('x', c);
/** The row holding the fill the earlier stages reached. */
export const FILL_ROW = 'fill';
const w = (p: number) => named('w', p);
const u = (m: number, k: number) => named(`u${m}_`, k);
const y = (q: number) => named('y', q);
const b = (k: number) => named('b', k);

export function fillWeight(instance: OptimizerInstance): number {
  return instance.maxBreaks + 1;
}

export function fairnessWeight(instance: OptimizerInstance): number {
  return Math.floor(instance.preferenceRange / 2) + 1;
}

function memberCandidates(instance: OptimizerInstance, m: number): number[] {
  return instance.byMemberDay[m].flatMap((roles) => (roles ? [...roles.values()] : []));
}

function onDuty(instance: OptimizerInstance, m: number, day: number, coef: number): Term[] {
  return [...instance.byMemberDay[m][day].values()].map((c) => [x(c), coef]);
}

/** Repeated variables are summed: glpk.js keeps only the last coefficient given for a name. */
function objective(direction: number, terms: Term[]): LP['objective'] {
  return { direction, name: 'z', vars: [...sumByName(terms)].map(([name, coef]) => ({ name, coef })) };
}

/**
 * How a model treats the strict spacing rules: forbid any break ('hard': one
 * candidate per strict clique, none breaking a rule against locked slots or history), or count the
 * breaks exactly ('count': a clique with n chosen breaks weight x n(n-1)/2, written as its tangents
 * k x n - k(k+1)/2, which are exact at integer n).
 */
export type Spacing = 'hard' | 'count';

/** Rows and bounds every stage shares; the break terms when spacing is counted. */
function core(instance: OptimizerInstance, spacing: Spacing) {
  const rows = new RowSet();
  for (const slot of instance.bySlot) {
    if (slot.length > 1) rows.add(slot.map((c) => [x(c), 1]), GLP.UP, 0, 1);
  }
  for (const days of instance.byMemberDay) {
    for (const roles of days) if (roles && roles.size > 1) rows.add([...roles.values()].map((c) => [x(c), 1]), GLP.UP, 0, 1);
  }
  for (const { a, b, day } of instance.avoidances) {
    rows.add([...onDuty(instance, a, day, 1), ...onDuty(instance, b, day, 1)], GLP.UP, 0, 1);
  }
  const bounds: NonNullable<LP['bounds']> = instance.candidates.map((_, c) => ({ name: x(c), type: GLP.DB, lb: 0, ub: 1 }));
  const breaks: Term[] = [];
  if (spacing === 'hard') {
    for (const clique of instance.strictCliques) rows.add(clique.map((c) => [x(c), 1]), GLP.UP, 0, 1);
    // A row, not a bound: glpk.js resets a binary's bounds to [0, 1].
    instance.candidates.forEach((cand, c) => {
      if (cand.breaks > 0) rows.add([[x(c), 1]], GLP.UP, 0, 0);
    });
  } else {
    instance.candidates.forEach((cand, c) => {
      if (cand.breaks > 0) breaks.push([x(c), cand.breaks]);
    });
    instance.breakCliques.forEach(({ members, weight }, k) => {
      for (let t = 1; t < members.length; t++) {
        rows.add([...members.map((c): Term => [x(c), weight * t]), [b(k), -1]], GLP.UP, 0, (weight * t * (t + 1)) / 2);
      }
      bounds.push({ name: b(k), type: GLP.LO, lb: 0, ub: 0 });
      breaks.push([b(k), 1]);
    });
  }
  return { rows, bounds, breaks };
}

function binaries(instance: OptimizerInstance): string[] {
  return instance.candidates.map((_, c) => x(c));
}

export function fillModel(instance: OptimizerInstance, spacing: Spacing): LP {
  const { rows, bounds, breaks } = core(instance, spacing);
  instance.byMemberDay.forEach((_, m) => {
    const own = memberCandidates(instance, m);
    if (own.length > instance.maxLoad[m]) rows.add(own.map((c) => [x(c), 1]), GLP.UP, 0, instance.maxLoad[m]);
  });
  const weight = fillWeight(instance);
  const terms: Term[] = instance.candidates.map((_, c) => [x(c), weight]);
  for (const [name, coef] of breaks) terms.push([name, -coef]);
  return { name: 'fill', objective: objective(GLP.MAX, terms), subjectTo: rows.rows, bounds, binaries: binaries(instance) };
}

export function fairnessModel(instance: OptimizerInstance, target: StageTarget): LP {
  const spacing: Spacing = target.breaks === 0 ? 'hard' : 'count';
  const { rows, bounds, breaks } = core(instance, spacing);
  rows.add(instance.candidates.map((_, c) => [x(c), 1]), GLP.LO, target.filled, 0, FILL_ROW);
  if (spacing === 'count') rows.add(breaks, GLP.UP, 0, target.breaks);
  const weight = fairnessWeight(instance);
  const terms: Term[] = [];
  instance.byMemberDay.forEach((_, m) => {
    const own = memberCandidates(instance, m);
    if (own.length === 0) return;
    const steps: Term[] = [];
    for (let k = 1; k <= instance.maxLoad[m]; k++) {
      steps.push([u(m, k), -1]);
      terms.push([u(m, k), weight * (2 * (instance.lockedLoad[m] + k) - 1)]);
      bounds.push({ name: u(m, k), type: GLP.DB, lb: 0, ub: 1 });
    }
    rows.add([...own.map((c): Term => [x(c), 1]), ...steps], GLP.FX, 0, 0);
  });
  instance.candidates.forEach((cand, c) => {
    if (cand.points !== 0) terms.push([x(c), cand.points]);
  });
  return { name: 'fairness', objective: objective(GLP.MIN, terms), subjectTo: rows.rows, bounds, binaries: binaries(instance) };
}

/**
 * The fairness stage's model `fairness` with pairing rewards and the soft spacing penalties against
 * locked slots and history as its objective; `withSoftPairs` adds the penalties between two free
 * candidates. Stage 2's value is held by the caller's restriction (the LP's optimal face), or, with
 * `weighFairness`, by adding stage 2's objective at a weight above this tier's whole span, so a
 * roster off stage 2's optimum can never win. (A row "stage 2 <= its optimum" would do the same,
 * but its dense LP rows make GLPK's search far slower.)
 */
export function tieBreakModel(instance: OptimizerInstance, fairness: LP, weighFairness: boolean): LP {
  const rows = new RowSet();
  const bounds = [...(fairness.bounds ?? [])];
  const tieBreak: Term[] = [];
  instance.candidates.forEach((cand, c) => {
    const coef = cand.softPoints - PAIRING_REWARD * cand.lockedPartners;
    if (coef !== 0) tieBreak.push([x(c), coef]);
  });
  instance.pairings.forEach(({ a, b, day }, q) => {
    for (const member of [a, b]) rows.add([[y(q), 1], ...onDuty(instance, member, day, -1)], GLP.UP, 0, 0, `pair${q}_${member}`);
    // Two partners on duty together hold two different roles: for any role both could take, at
    // least one of them is in another. Without these rows the LP pairs two members who share
    // their only role by putting each half on duty.
    const rolesOfA = instance.byMemberDay[a][day];
    const rolesOfB = instance.byMemberDay[b][day];
    for (const role of rolesOfA.keys()) {
      if (!rolesOfB.has(role)) continue;
      const elsewhere = (roles: Map<number, number>): Term[] => [...roles].filter(([r]) => r !== role).map(([, c]) => [x(c), -1]);
      rows.add([[y(q), 1], ...elsewhere(rolesOfA), ...elsewhere(rolesOfB)], GLP.UP, 0, 0, `pair${q}_role${role}`);
    }
    tieBreak.push([y(q), -PAIRING_REWARD]);
    bounds.push({ name: y(q), type: GLP.DB, lb: 0, ub: 1 });
  });
  if (weighFairness) {
    const weight = tieBreakSpan(instance);
    for (const { name, coef } of fairness.objective.vars) tieBreak.push([name, weight * coef]);
  }
  return {
    name: 'tieBreak',
    objective: objective(GLP.MIN, tieBreak),
    subjectTo: [...fairness.subjectTo, ...rows.rows],
    bounds,
    binaries: binaries(instance),
  };
}

/** `lp` with the soft spacing penalties of `pairs` (w >= xa + xb - 1, costing the pair's points). */
export function withSoftPairs(lp: LP, instance: OptimizerInstance, pairs: readonly number[]): LP {
  const live = pairs.filter((p) => instance.pairs[p].points > 0);
  return {
    ...lp,
    objective: { ...lp.objective, vars: [...lp.objective.vars, ...live.map((p) => ({ name: w(p), coef: instance.pairs[p].points }))] },
    subjectTo: [
      ...lp.subjectTo,
      ...live.map((p) => ({
        name: `soft${p}`,
        vars: [
          { name: x(instance.pairs[p].a), coef: 1 },
          { name: x(instance.pairs[p].b), coef: 1 },
          { name: w(p), coef: -1 },
        ],
        bnds: { type: GLP.UP, lb: 0, ub: 1 },
      })),
    ],
    bounds: [...(lp.bounds ?? []), ...live.map((p) => ({ name: w(p), type: GLP.DB, lb: 0, ub: 1 }))],
  };
}

/**
 * A roster's values of the columns other than candidates: every member's load steps and, for the
 * days `outside` says, the pairing flags.
 */
export function rosterColumns(instance: OptimizerInstance, chosen: ReadonlySet<number>, outside: (day: number) => boolean): Map<string, number> {
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

/** More than the tie-break tier's objective can vary over all rosters. */
function tieBreakSpan(instance: OptimizerInstance): number {
  let span = 1 + PAIRING_REWARD * instance.pairings.length;
  for (const cand of instance.candidates) span += Math.abs(cand.softPoints - PAIRING_REWARD * cand.lockedPartners);
  for (const pair of instance.pairs) span += pair.points;
  return span;
}
