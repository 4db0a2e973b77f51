import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { solveWithGlpk } from '../../../solver/optimizer/glpk.ts';
import { solveOptimizer } from '../../../solver/optimizer/index.ts';
import type { Assignment, SchedulingProblem } from '../../../solver/types.ts';
import { validateRoster } from '../../../solver/validate.ts';
import { club, DUTY, INSTRUCTOR, member, problem, slot } from '../rosterFixtures.ts';

/** Problems where no free slot has a candidate: the roster is the locked slots, nothing else. */
const ROLES = [INSTRUCTOR, DUTY];
const DAYS = ['2026-06-06', '2026-06-07'];
const both = (id: string, overrides = {}) => member(id, ['instructor', 'duty_officer'], overrides);

const NOTHING_TO_DECIDE: Record<string, SchedulingProblem> = {
  'no duty days': problem(club([both('a'), both('b')], ROLES), [], { range: { start: '2026-06-01', end: '2026-06-30' } }),
  'every slot locked': problem(club([both('a'), both('b')], ROLES), DAYS, {
    locked: [
      slot(DAYS[0], 'instructor', 'a'),
      slot(DAYS[0], 'duty_officer', 'b'),
      slot(DAYS[1], 'instructor', 'b'),
      slot(DAYS[1], 'duty_officer', null),
    ],
  }),
  // a is locked on the first day, and b avoids a; both are away on the second.
  'nobody free': problem(club([both('a', { blackouts: [DAYS[1]] }), both('b', { blackouts: [DAYS[1]], avoid: ['a'] })], ROLES), DAYS, {
    locked: [slot(DAYS[0], 'instructor', 'a')],
  }),
  'no members': problem(club([], ROLES), DAYS),
};

/** Every slot of the problem in date then role order: the locked ones as locked, the rest empty. */
function lockedOnly(p: SchedulingProblem): Assignment[] {
  const locked = new Map(p.locked.map((a) => [`${a.date}|${a.role}`, a.memberId]));
  return p.dutyDays.flatMap((date) => p.roles.map((role) => slot(date, role.key, locked.get(`${date}|${role.key}`) ?? null)));
}

describe('solveOptimizer with nothing to decide', () => {
  for (const [name, p] of Object.entries(NOTHING_TO_DECIDE)) {
    it(`${name}: the locked slots, proven optimal with gap 0, no model solved`, async () => {
      const result = await solveOptimizer(p, { timeLimitMs: 5_000 });
      assert.deepEqual(result.assignments, lockedOnly(p));
      assert.equal(result.status, 'optimal');
      assert.equal(result.gap, 0);
      assert.equal(result.objective, 0);
      assert.equal(result.bound, 0);
      assert.deepEqual([result.stats.variables, result.stats.constraints], [0, 0]);
      assert.deepEqual(
        validateRoster(p, result.assignments).filter((v) => !v.locked),
        [],
      );
    });
  }

  it('answers again after an empty problem, and solves a real one next (the GLPK runtime is intact)', async () => {
    for (const p of Object.values(NOTHING_TO_DECIDE)) await solveOptimizer(p, { timeLimitMs: 5_000 });
    const open = problem(club([both('a'), both('b')], ROLES), DAYS);
    const result = await solveOptimizer(open, { timeLimitMs: 5_000 });
    assert.equal(result.status, 'optimal');
    assert.equal(result.assignments.filter((a) => a.memberId !== null).length, 4);
    assert.deepEqual(validateRoster(open, result.assignments), []);
  });
});

describe('solveWithGlpk on a model whose every column is held', () => {
  const lp = {
    name: 'held',
    objective: {
      direction: 1,
      name: 'z',
      vars: [
        { name: 'x0', coef: 3 },
        { name: 'x1', coef: 5 },
      ],
    },
    subjectTo: [
      {
        name: 'one',
        vars: [
          { name: 'x0', coef: 1 },
          { name: 'x1', coef: 1 },
        ],
        bnds: { type: 3, lb: 0, ub: 1 },
      },
    ],
    bounds: [
      { name: 'x0', type: 4, lb: 0, ub: 1 },
      { name: 'x1', type: 4, lb: 0, ub: 1 },
    ],
    binaries: ['x0', 'x1'],
  };

  it('returns the held point and its cost without calling GLPK', async () => {
    const run = await solveWithGlpk(
      lp,
      1_000,
      new Map([
        ['x0', 1],
        ['x1', 0],
      ]),
    );
    assert.equal(run.status, 'optimal');
    assert.equal(run.z, 3);
    assert.deepEqual(run.vars, { x0: 1, x1: 0 });
  });

  it('says infeasible when the held point breaks a row', async () => {
    const run = await solveWithGlpk(
      lp,
      1_000,
      new Map([
        ['x0', 1],
        ['x1', 1],
      ]),
    );
    assert.equal(run.status, 'infeasible');
  });
});
