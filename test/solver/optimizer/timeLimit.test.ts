import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { syntheticClub } from '../../../bench/syntheticClub.ts';
import { monthRange } from '../../../solver/dates.ts';
import { runLegacy } from '../../../solver/legacy.ts';
import { solveOptimizer } from '../../../solver/optimizer/index.ts';
import { buildProblem } from '../../../solver/problem.ts';
import type { Assignment, SchedulingProblem } from '../../../solver/types.ts';
import { spacingBreaks, validateRoster } from '../../../solver/validate.ts';

/** The seed the optimizer draws its legacy incumbent with (solver/optimizer/incumbent.ts). */
const INCUMBENT_SEED = 1;

/** Fill, then strict spacing breaks, then the sum of squared loads, recomputed from the roster. */
function rank(problem: SchedulingProblem, assignments: Assignment[]): [number, number, number] {
  const loads = new Map<string, number>();
  for (const a of assignments) if (a.memberId !== null) loads.set(a.memberId, (loads.get(a.memberId) ?? 0) + 1);
  const filled = [...loads.values()].reduce((sum, l) => sum + l, 0);
  const squares = [...loads.values()].reduce((sum, l) => sum + l * l, 0);
  return [filled, spacingBreaks(problem, assignments).length, squares];
}

/** Negative when a is the better roster, lexicographically on fill (more), breaks (fewer), squares (fewer). */
function compare(a: [number, number, number], b: [number, number, number]): number {
  return b[0] - a[0] || a[1] - b[1] || a[2] - b[2];
}

function assertNoWorseThanLegacy(problem: SchedulingProblem, result: Awaited<ReturnType<typeof solveOptimizer>>) {
  assert.deepEqual(validateRoster(problem, result.assignments), []);
  assert.equal(result.assignments.length, problem.dutyDays.length * problem.roles.length);
  const own = rank(problem, result.assignments);
  const legacy = rank(problem, runLegacy(problem, INCUMBENT_SEED));
  assert.ok(compare(own, legacy) <= 0, `optimizer ${own.join('/')} is worse than legacy ${legacy.join('/')}`);
}

describe('solveOptimizer when the time limit hits', () => {
  const range = monthRange(2026, 4, 4);
  const problem = buildProblem(syntheticClub({ members: 120, roles: 6, seed: 11, range }), range);

  it('answers with a roster of its own, feasible with an honest gap, when every stage finds its deadline past', async () => {
    // 1 ms: the deadline has passed before any stage may start GLPK (MIN_SOLVE_MS), whatever the load.
    const result = await solveOptimizer(problem, { timeLimitMs: 1 });
    assertNoWorseThanLegacy(problem, result);
    assert.equal(result.status, 'feasible');
    assert.equal(result.proven.fairness, false);
    // The incumbent's moves may reach every slot without a strict break: then fill is proven by the
    // flow's bound, and only then.
    const filled = result.assignments.filter((a) => a.memberId !== null).length;
    const full = filled === problem.dutyDays.length * problem.roles.length && spacingBreaks(problem, result.assignments).length === 0;
    assert.equal(result.proven.fill, full);
    assert.ok(Number.isFinite(result.gap) && result.gap >= 0);
    assert.ok(result.bound <= result.objective);
    assert.ok(result.gap > 0 || result.bound === result.objective);
  });

  it('keeps the same promise whichever stage a small limit cuts short', async () => {
    const year = monthRange(2026, 1, 12);
    const big = buildProblem(syntheticClub({ members: 120, roles: 6, seed: 3, range: year }), year);
    for (const timeLimitMs of [30, 300]) {
      const result = await solveOptimizer(big, { timeLimitMs });
      assertNoWorseThanLegacy(big, result);
      if (result.status === 'optimal') assert.equal(result.gap, 0);
      assert.ok(result.bound <= result.objective);
    }
  });

  it('answers a year of 1,000 members with a tiny limit with an incumbent no worse than legacy, gap honest', async () => {
    const year = monthRange(2026, 1, 12);
    const club = buildProblem(syntheticClub({ members: 1000, roles: 6, seed: 2026, range: year }), year);
    // Building this instance alone outlasts 50 ms: every stage is skipped, the best incumbent answers.
    const result = await solveOptimizer(club, { timeLimitMs: 50 });
    assertNoWorseThanLegacy(club, result);
    assert.equal(result.status, 'feasible');
    assert.equal(result.proven.fairness, false);
    assert.ok(result.gap > 0 && result.bound < result.objective);
  });
});
