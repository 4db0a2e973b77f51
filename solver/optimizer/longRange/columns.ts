import type { LP } from 'glpk.js/node';
import { GLP, solveWithGlpk, type GlpkRun } from '../glpk.ts';
import type { OptimizerInstance } from '../instance.ts';
import { FILL_ROW, u, x } from '../lp.ts';
import { fairnessWeight, stabilityWeight } from '../model.ts';
import { EPS } from './faceFixing.ts';
import { IndexedLp } from './restricted.ts';

/**
 * The LP relaxation of a minimising stage by column generation. Long ranges have tens of thousands of
 * candidates, but an optimal roster uses few of them and GLPK's time grows with every column. The
 * LP is solved over a working set of candidates; the duals then price every other candidate, and
 * those that would lower the cost join the set, until none would. The last solution, with the
 * candidates left out at 0 and their duals' reduced costs all >= 0, is optimal for the whole LP.
 *
 * The working set may not reach the fill the stage must keep, so the fill row gets an artificial
 * column priced above what one more filled slot can cost the LP (its value at full fill bounds that
 * slope, since the LP's value is convex in the fill); it is 0 at the end unless the whole LP cannot
 * reach that fill either.
 */

/** Candidates each slot starts with (the rest are priced in when they help). */
const START_PER_SLOT = 6;
/** Improving candidates a slot may add per round of pricing. */
const ADD_PER_SLOT = 3;
const ARTIFICIAL = 'artificial_fill';

export class ColumnSet {
  private readonly columns = new Set<number>();
  private readonly penalty: number;
  /** Candidate index by column name. */
  private readonly candidateOf: Map<string, number>;

  constructor(
    private readonly instance: OptimizerInstance,
    start: Iterable<number>,
    startPerSlot = START_PER_SLOT,
  ) {
    let costliest = 0;
    const [fairness, stable] = [fairnessWeight(instance), stabilityWeight(instance)];
    for (const { member, points, stability } of instance.candidates) {
      const lastStep = instance.maxLoad[member] > 0 ? instance.costs.step(member, instance.maxLoad[member]) : 0;
      costliest = Math.max(costliest, fairness * lastStep + points + stable * Math.max(0, stability));
    }
    // Re-plan: the published holders start in the set, the roster the stability tier wants most. A
    // kept holder lowers the cost by the stability weight, so one more filled slot may cost the LP
    // every keep on top.
    let keeps = 0;
    instance.candidates.forEach((cand, c) => {
      if (cand.stability >= 0) return;
      this.columns.add(c);
      keeps++;
    });
    this.penalty = costliest * instance.freeSlots + stable * keeps + 1;
    this.candidateOf = new Map(instance.candidates.map((_, c) => [x(c), c]));
    for (const c of start) this.columns.add(c);
    // Load weighs most, so each slot starts with the members least offered so far (cheapest first
    // among equals): an even spread is then possible from the first round on.
    const offered = instance.members.map(() => 0);
    for (const slot of instance.bySlot) {
      const picks = [...slot]
        .sort(
          (a, b) =>
            offered[instance.candidates[a].member] - offered[instance.candidates[b].member] ||
            instance.candidates[a].points - instance.candidates[b].points,
        )
        .slice(0, startPerSlot);
      for (const c of picks) {
        this.columns.add(c);
        offered[instance.candidates[c].member]++;
      }
    }
  }

  has(candidate: number): boolean {
    return this.columns.has(candidate);
  }

  /** Adds candidates to the working set. */
  include(candidates: Iterable<number>): void {
    for (const c of candidates) this.columns.add(c);
  }

  /**
   * Solves `lp` (binaries ignored) over the working set, growing it as the duals ask; the `held`
   * columns keep their values and are never priced.
   */
  async solveRelaxation(lp: LP, deadline: number, held: ReadonlyMap<string, number> = new Map()): Promise<GlpkRun> {
    const { instance } = this;
    const elastic = new IndexedLp(withArtificialFill({ ...lp, binaries: [] }, this.penalty));
    const candidateColumn = instance.candidates.map((_, c) => (held.has(x(c)) ? -1 : elastic.indexOf(x(c))));
    // Load steps are priced too: a year of 1,000 members has ~27,000, and a member can only use as
    // many as it has candidates in the set (or held on duty).
    const stepColumns = instance.maxLoad.map((most, m) => {
      const steps: number[] = [];
      for (let k = 1; k <= most; k++) if (!held.has(u(m, k)) && elastic.indexOf(u(m, k)) >= 0) steps.push(elastic.indexOf(u(m, k)));
      return steps;
    });
    const onDutyHeld = instance.members.map(() => 0);
    for (const [name, value] of held)
      if (value !== 0 && this.candidateOf.has(name)) onDutyHeld[instance.candidates[this.candidateOf.get(name)!].member] += value;
    const active = new Uint8Array(elastic.columns).fill(1);
    for (const name of held.keys()) if (elastic.indexOf(name) >= 0) active[elastic.indexOf(name)] = 0;
    for (const steps of stepColumns) for (const j of steps) active[j] = 0;
    const priced = (c: number) => candidateColumn[c] >= 0 && !this.columns.has(c);
    for (;;) {
      const open = onDutyHeld.slice();
      candidateColumn.forEach((j, c) => {
        if (j < 0) return;
        active[j] = this.columns.has(c) ? 1 : 0;
        if (active[j]) open[instance.candidates[c].member]++;
      });
      stepColumns.forEach((steps, m) => {
        for (let k = 0; k < Math.min(steps.length, Math.ceil(open[m])); k++) active[steps[k]] = 1;
      });
      const restricted = elastic.restrict(active, held);
      const run = await solveRestricted(restricted, deadline - performance.now(), held);
      if (run.status !== 'optimal') return run;
      const dual = elastic.duals(run);
      const reduced = new Float64Array(candidateColumn.length);
      candidateColumn.forEach((j, c) => {
        if (priced(c)) reduced[c] = elastic.reducedCost(j, dual);
      });
      let added = 0;
      // A few of the best per slot: adding every improving column would bring back most of them.
      for (const slot of instance.bySlot) {
        const improving = slot.filter((c) => priced(c) && reduced[c] < -EPS).sort((a, b) => reduced[a] - reduced[b]);
        for (const c of improving.slice(0, ADD_PER_SLOT)) this.columns.add(c);
        added += Math.min(ADD_PER_SLOT, improving.length);
      }
      for (const steps of stepColumns) {
        for (const j of steps) {
          if (active[j] || elastic.reducedCost(j, dual) >= -EPS) continue;
          active[j] = 1;
          added++;
        }
      }
      if (added > 0) continue;
      if ((run.vars[ARTIFICIAL] ?? 0) > EPS) return { ...run, status: 'infeasible' };
      delete run.vars[ARTIFICIAL];
      return run;
    }
  }
}

/**
 * Solves a restricted LP; the run names the held columns too, at their values (the columns left
 * out of the working set are 0 and not named).
 */
async function solveRestricted(
  restricted: ReturnType<IndexedLp['restrict']>,
  timeLimitMs: number,
  held: ReadonlyMap<string, number>,
): Promise<GlpkRun> {
  const run = await solveWithGlpk(restricted.lp, timeLimitMs);
  for (const [name, value] of held) run.vars[name] = value;
  return { ...run, z: run.z + restricted.constant };
}

function withArtificialFill(lp: LP, penalty: number): LP {
  if (!lp.subjectTo.some((row) => row.name === FILL_ROW)) return lp;
  return {
    ...lp,
    objective: { ...lp.objective, vars: [...lp.objective.vars, { name: ARTIFICIAL, coef: penalty }] },
    subjectTo: lp.subjectTo.map((row) => (row.name === FILL_ROW ? { ...row, vars: [...row.vars, { name: ARTIFICIAL, coef: 1 }] } : row)),
    bounds: [...(lp.bounds ?? []), { name: ARTIFICIAL, type: GLP.LO, lb: 0, ub: 0 }],
  };
}
