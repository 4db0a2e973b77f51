import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { syntheticClub } from '../../../bench/syntheticClub.ts';
import { monthRange } from '../../../solver/dates.ts';
import { compareScores } from '../../../solver/optimizer/evaluate.ts';
import { improveIncumbent, legacyIncumbent } from '../../../solver/optimizer/incumbent.ts';
import { assignmentsOf, buildInstance } from '../../../solver/optimizer/instance.ts';
import { buildProblem } from '../../../solver/problem.ts';
import type { Assignment, SchedulingProblem } from '../../../solver/types.ts';
import { spacingBreaks, validateRoster } from '../../../solver/validate.ts';

/** Fill, strict breaks and the sum of squared loads, recomputed from the roster by the validator's rules. */
function rank(problem: SchedulingProblem, assignments: Assignment[]): [number, number, number] {
  const loads = new Map<string, number>();
  for (const a of assignments) if (a.memberId !== null) loads.set(a.memberId, (loads.get(a.memberId) ?? 0) + 1);
  return [
    [...loads.values()].reduce((sum, l) => sum + l, 0),
    spacingBreaks(problem, assignments).length,
    [...loads.values()].reduce((sum, l) => sum + l * l, 0),
  ];
}

describe('improving the incumbent by single moves', () => {
  const year = monthRange(2026, 1, 12);
  // Avoidances, pairs, caps of 1-3 a month, blackouts: every hard rule between free assignments is in play.
  for (const { members, seed } of [
    { members: 120, seed: 3 },
    { members: 40, seed: 5 },
  ]) {
    it(`keeps every hard rule and beats legacy's roster on a year of ${members} members`, () => {
      const problem = buildProblem(syntheticClub({ members, roles: 6, seed, range: year }), year);
      const instance = buildInstance(problem);
      const legacy = legacyIncumbent(instance)!;
      const improved = improveIncumbent(instance, legacy, performance.now() + 60_000);
      const roster = assignmentsOf(instance, improved.chosen);
      assert.deepEqual(validateRoster(problem, roster), []);
      const own = rank(problem, roster);
      const before = rank(problem, assignmentsOf(instance, legacy.chosen));
      // Fill first, then breaks (recomputed by the validator's rules), then the load cost: never worse
      // in fill or breaks, and strictly better in all.
      assert.ok(own[0] > before[0] || (own[0] === before[0] && own[1] <= before[1]), `${own.join('/')} vs ${before.join('/')}`);
      assert.deepEqual([improved.score.filled, improved.score.breaks], own.slice(0, 2));
      assert.ok(compareScores(improved.score, legacy.score) < 0);
    });
  }

  it('makes one pass of moves even when the deadline has passed, and no more', () => {
    const problem = buildProblem(syntheticClub({ members: 40, roles: 6, seed: 5, range: year }), year);
    const instance = buildInstance(problem);
    const legacy = legacyIncumbent(instance)!;
    const once = improveIncumbent(instance, legacy, performance.now() - 1);
    const converged = improveIncumbent(instance, legacy, performance.now() + 60_000);
    assert.deepEqual(validateRoster(problem, assignmentsOf(instance, once.chosen)), []);
    assert.ok(compareScores(once.score, legacy.score) < 0);
    assert.ok(compareScores(converged.score, once.score) <= 0);
  });
});
