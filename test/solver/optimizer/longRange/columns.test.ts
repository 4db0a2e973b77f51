import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { syntheticClub } from '../../../../bench/syntheticClub.ts';
import { ColumnSet } from '../../../../solver/optimizer/longRange/columns.ts';
import { optimalFace } from '../../../../solver/optimizer/longRange/faceFixing.ts';
import { flowRoster } from '../../../../solver/optimizer/flow.ts';
import { solveWithGlpk } from '../../../../solver/optimizer/glpk.ts';
import { buildInstance } from '../../../../solver/optimizer/instance.ts';
import { x } from '../../../../solver/optimizer/lp.ts';
import { fairnessModel } from '../../../../solver/optimizer/model.ts';
import { monthRange } from '../../../../solver/dates.ts';
import { buildProblem } from '../../../../solver/problem.ts';

/** Fairness LPs of synthetic clubs: a month, and three months with six roles (thousands of candidates). */
const CASES = [
  { members: 40, roles: 4 as const, range: monthRange(2026, 6), seed: 3 },
  { members: 60, roles: 6 as const, range: monthRange(2026, 5, 3), seed: 8 },
];

function fairnessLp(c: (typeof CASES)[number]) {
  const problem = buildProblem(syntheticClub({ members: c.members, roles: c.roles, seed: c.seed, range: c.range }), c.range);
  const instance = buildInstance(problem);
  const flow = flowRoster(instance);
  const lp = fairnessModel(instance, { filled: flow.maxFill, breaks: 0 });
  return { instance, flow, lp };
}

describe('column generation', () => {
  it('reaches the value of the LP over every candidate, with a solution that satisfies every row', async () => {
    const sizes: number[] = [];
    for (const c of CASES) {
      const { instance, lp } = fairnessLp(c);
      sizes.push(instance.candidates.length);
      const whole = await solveWithGlpk({ ...lp, binaries: [] }, 60_000);
      // One candidate per slot to start with, so the pricing has work to do.
      const generated = await new ColumnSet(instance, [], 1).solveRelaxation(lp, performance.now() + 60_000);
      assert.equal(whole.status, 'optimal');
      assert.equal(generated.status, 'optimal');
      assert.ok(Math.abs(generated.z - whole.z) <= 1e-6 * Math.abs(whole.z), `${c.members} members: ${generated.z} vs ${whole.z}`);
      for (const row of lp.subjectTo) {
        const activity = row.vars.reduce((sum, { name, coef }) => sum + coef * (generated.vars[name] ?? 0), 0);
        const { type, lb, ub } = row.bnds;
        if (type !== 3) assert.ok(activity >= lb - 1e-6, `row ${row.name} below its bound`);
        if (type !== 2) assert.ok(activity <= ub + 1e-6, `row ${row.name} above its bound`);
      }
    }
    assert.ok(Math.max(...sizes) > 2000, `a case big enough for column generation to matter (${sizes.join(', ')} candidates)`);
  });

  it('prices every candidate left out: none could lower the cost, so the optimal face fixes them', async () => {
    const { instance, lp } = fairnessLp(CASES[1]);
    const generated = await new ColumnSet(instance, [], 1).solveRelaxation(lp, performance.now() + 60_000);
    const face = optimalFace({ ...lp, binaries: [] }, generated);
    const free = instance.candidates.filter((_, c) => !face.fixed.has(x(c))).length;
    assert.ok(free < instance.candidates.length, 'the face fixes some candidates');
    for (const [name, value] of face.fixed) {
      if (name.startsWith('x')) assert.equal(value, Math.round(generated.vars[name] ?? 0), `${name} is fixed where the LP has it`);
    }
  });

  it('solves the LP with held columns kept at their values', async () => {
    const { instance, flow, lp } = fairnessLp(CASES[1]);
    // Hold a tenth of the candidates: the flow roster's at 1, the others at 0.
    const held = new Map(instance.candidates.flatMap((_, c) => (c % 10 === 0 ? [[x(c), flow.chosen.has(c) ? 1 : 0] as const] : [])));
    const whole = await solveWithGlpk({ ...lp, binaries: [] }, 60_000, held);
    const generated = await new ColumnSet(instance, [], 1).solveRelaxation(lp, performance.now() + 60_000, held);
    assert.equal(generated.status, 'optimal');
    assert.ok(Math.abs(generated.z - whole.z) <= 1e-6 * Math.abs(whole.z), `${generated.z} vs ${whole.z}`);
    for (const [name, value] of held) assert.equal(generated.vars[name], value, `${name} stays held`);
  });

  it('says the fill cannot be reached when no roster reaches it', async () => {
    const { instance, flow, lp } = fairnessLp(CASES[0]);
    const beyond = fairnessModel(instance, { filled: instance.freeSlots + 1, breaks: 0 });
    const run = await new ColumnSet(instance, flow.chosen).solveRelaxation(beyond, performance.now() + 60_000);
    assert.equal(run.status, 'infeasible');
    assert.ok(lp.subjectTo.length > 0);
  });
});
