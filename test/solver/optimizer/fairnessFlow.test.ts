import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LP } from 'glpk.js/node';
import { syntheticClub } from '../../../bench/syntheticClub.ts';
import { monthRange } from '../../../solver/dates.ts';
import { fairnessObjective, isOutcome } from '../../../solver/optimizer/evaluate.ts';
import { fairnessByFlow } from '../../../solver/optimizer/fairnessFlow.ts';
import { flowRoster } from '../../../solver/optimizer/flow.ts';
import { GLP, solveWithGlpk, type GlpkRun } from '../../../solver/optimizer/glpk.ts';
import { assignmentsOf, buildInstance } from '../../../solver/optimizer/instance.ts';
import { fairnessModel } from '../../../solver/optimizer/model.ts';
import { runLegacy } from '../../../solver/legacy.ts';
import { seededRandom } from '../../../solver/random.ts';
import type { SchedulingProblem } from '../../../solver/types.ts';
import { spacingBreaks, validateRoster } from '../../../solver/validate.ts';
import { buildProblem } from '../../../solver/problem.ts';

/**
 * The fairness stage by minimum-cost flow against GLPK on the same model: on random clubs (some
 * with locked slots, some re-planning a published roster) the flow's answer must be GLPK's optimum,
 * its roster must pass the validator, and the LP certificate it hands to the tie-break tier must be
 * an optimal primal-dual pair of the fairness LP, checked here from the model's rows alone.
 */

const TOL = 1e-6;

function randomProblem(seed: number): SchedulingProblem {
  const random = seededRandom(seed);
  const range = monthRange(2026, 1 + Math.floor(random() * 12));
  const members = 30 + Math.floor(random() * 150);
  const club = syntheticClub({ members, roles: 4, seed, range });
  const problem = buildProblem(club, range);
  const kind = seed % 3;
  if (kind === 0) return problem;
  const legacy = runLegacy(problem, seed);
  if (kind === 1) return { ...problem, locked: legacy.filter(() => random() < 0.25) };
  // A re-plan of legacy's roster as if it were published: keeping its holders is worth most.
  return { ...problem, replanFrom: legacy };
}

/** The LP's reduced costs d = c - A^T y, from its rows and the run's duals. */
function reducedCosts(lp: LP, run: GlpkRun): Map<string, number> {
  const d = new Map<string, number>();
  for (const { name } of lp.bounds ?? []) d.set(name, 0);
  for (const { name, coef } of lp.objective.vars) d.set(name, (d.get(name) ?? 0) + coef);
  for (const row of lp.subjectTo) {
    const y = run.dual?.[row.name] ?? 0;
    for (const { name, coef } of row.vars) d.set(name, (d.get(name) ?? 0) - coef * y);
  }
  return d;
}

/** Primal feasibility, dual signs, complementary slackness and the objective value of a claimed LP optimum. */
function assertLpOptimal(lp: LP, run: GlpkRun, seed: number): void {
  const value = (name: string) => run.vars[name] ?? 0;
  for (const row of lp.subjectTo) {
    const activity = row.vars.reduce((sum, { name, coef }) => sum + coef * value(name), 0);
    const { type, lb, ub } = row.bnds;
    const y = run.dual?.[row.name] ?? 0;
    if (type === GLP.UP || type === GLP.DB || type === GLP.FX) assert.ok(activity <= ub + TOL, `seed ${seed}: row ${row.name} above ${ub}`);
    if (type === GLP.LO || type === GLP.DB || type === GLP.FX) assert.ok(activity >= lb - TOL, `seed ${seed}: row ${row.name} below ${lb}`);
    if (type === GLP.UP) assert.ok(y <= TOL, `seed ${seed}: row ${row.name} (<=) has dual ${y}`);
    if (type === GLP.LO) assert.ok(y >= -TOL, `seed ${seed}: row ${row.name} (>=) has dual ${y}`);
    if (Math.abs(y) > TOL && type !== GLP.FX) {
      const bound = type === GLP.UP ? ub : lb;
      assert.ok(Math.abs(activity - bound) <= TOL, `seed ${seed}: row ${row.name} has dual ${y} but is not tight`);
    }
  }
  const upper = new Map((lp.bounds ?? []).map((b) => [b.name, b.ub]));
  for (const [name, d] of reducedCosts(lp, run)) {
    const v = value(name);
    assert.ok(v >= -TOL && v <= (upper.get(name) ?? Infinity) + TOL, `seed ${seed}: ${name} = ${v} outside its bounds`);
    if (v < (upper.get(name) ?? Infinity) - TOL)
      assert.ok(d >= -TOL, `seed ${seed}: ${name} = ${v} below its bound with reduced cost ${d}`);
    if (v > TOL) assert.ok(d <= TOL, `seed ${seed}: ${name} = ${v} above 0 with reduced cost ${d}`);
  }
  const z = lp.objective.vars.reduce((sum, { name, coef }) => sum + coef * value(name), 0);
  assert.ok(Math.abs(z - run.z) <= TOL * (1 + Math.abs(z)), `seed ${seed}: the run says ${run.z}, its values cost ${z}`);
}

describe('fairness stage by minimum-cost flow', () => {
  it("equals GLPK's optimum on random clubs, and proves it with the LP's duals", async () => {
    const answered = { optimal: 0, sideRowBroken: 0, infeasible: 0, certified: 0 };
    for (let seed = 1; seed <= 48; seed++) {
      const problem = randomProblem(seed);
      const instance = buildInstance(problem);
      const target = { filled: flowRoster(instance).maxFill, breaks: 0 };
      const byFlow = fairnessByFlow(instance, target, Infinity);
      const milp = await solveWithGlpk(fairnessModel(instance, target), 60_000);
      if (byFlow === null) {
        answered.sideRowBroken++;
        continue;
      }
      if (byFlow === 'infeasible') {
        assert.equal(milp.status, 'infeasible', `seed ${seed}: the flow says no roster keeps spacing at full fill`);
        answered.infeasible++;
        continue;
      }
      assert.ok(isOutcome(byFlow), `seed ${seed}: ${byFlow === 'timeout' ? 'timed out' : 'no roster'}`);
      answered.optimal++;
      assert.equal(milp.status, 'optimal', `seed ${seed}`);
      const value = fairnessObjective(instance, byFlow.score);
      assert.ok(Math.abs(value - milp.z) <= TOL * (1 + Math.abs(milp.z)), `seed ${seed}: flow ${value}, GLPK ${milp.z}`);
      assert.equal(byFlow.bound, value);
      assert.equal(byFlow.score.filled, target.filled);
      const roster = assignmentsOf(instance, byFlow.chosen);
      assert.deepEqual(validateRoster(problem, roster), [], `seed ${seed}`);
      // Locked slots may break spacing between themselves (legacy's roster does at times); no free slot may.
      const locked = new Set(problem.locked.map((a) => `${a.date} ${a.role}`));
      const breaks = spacingBreaks(problem, roster).filter(
        (b) => !locked.has(`${b.date} ${b.role}`) || !locked.has(`${b.otherDate} ${b.role}`),
      );
      assert.deepEqual(breaks, [], `seed ${seed}`);
      if (byFlow.relaxation) {
        answered.certified++;
        assertLpOptimal(byFlow.relaxation.lp, byFlow.relaxation.run, seed);
        assert.equal(byFlow.relaxation.run.z, value);
      }
    }
    // The cases must exercise the flow's answer, including its certificate on locked and re-planned clubs.
    assert.ok(answered.optimal >= 25, JSON.stringify(answered));
    assert.ok(answered.certified >= 20, JSON.stringify(answered));
  });
});
