import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { syntheticClub } from '../../../bench/syntheticClub.ts';
import { createLogger, memorySink } from '../../../main/log.ts';
import { generateRoster } from '../../../main/scheduler/generate.ts';
import { runLegacy } from '../../../solver/legacy.ts';
import { buildProblem } from '../../../solver/problem.ts';
import type { SchedulingProblem } from '../../../solver/types.ts';

/**
 * Issue 11 item 7: with nothing to decide the optimizer (real worker, real GLPK) returns the locked
 * slots as a trivially optimal roster; no fallback to legacy, every empty slot diagnosed.
 */
const club = syntheticClub({ members: 24, roles: 4, seed: 7 });
const may = { start: '2026-05-01', end: '2026-05-31' };
const open = buildProblem(club, may);

/** Every slot locked: legacy's roster, with the first slot emptied. */
function everySlotLocked(): SchedulingProblem {
  const locked = runLegacy(open, 1).map((a, i) => (i === 0 ? { ...a, memberId: null } : a));
  return { ...open, locked };
}

const CASES: Record<string, SchedulingProblem> = {
  'every slot locked': everySlotLocked(),
  'no duty days': buildProblem(club, may, { removedDates: open.dutyDays }),
  'nobody free': buildProblem({ ...club, members: club.members.map((m) => ({ ...m, blackouts: [...open.dutyDays] })) }, may),
};

describe('generateRoster with the optimizer when there is nothing to decide', () => {
  for (const [name, problem] of Object.entries(CASES)) {
    it(`${name}: an optimal optimizer roster of the locked slots, no fallback, empty slots diagnosed`, async () => {
      const ring = memorySink();
      const doc = await generateRoster(problem, { scheduler: 'optimizer', timeLimitMs: 5_000, log: createLogger([ring]) });
      assert.equal(doc.fallback, null, `unexpected fallback: ${doc.fallback?.reason}`);
      assert.deepEqual([doc.scheduler, doc.status, doc.gap], ['optimizer', 'optimal', 0]);
      const locked = new Map(problem.locked.map((a) => [`${a.date}|${a.role}`, a.memberId]));
      const expected = problem.dutyDays.flatMap((date) =>
        problem.roles.map((role) => ({ date, role: role.key, memberId: locked.get(`${date}|${role.key}`) ?? null })),
      );
      assert.deepEqual(doc.assignments, expected);
      const empty = expected.filter((a) => a.memberId === null);
      assert.deepEqual(
        doc.diagnostics.map((d) => `${d.date}|${d.role}`),
        empty.map((a) => `${a.date}|${a.role}`),
      );
      assert.equal(ring.events().filter((e) => e.message === 'fallback_to_legacy').length, 0);
    });
  }

  it('has something to diagnose in every case but the one without duty days', () => {
    assert.ok(CASES['every slot locked'].locked.some((a) => a.memberId === null));
    assert.equal(CASES['no duty days'].dutyDays.length, 0);
    assert.ok(CASES['nobody free'].dutyDays.length > 0 && CASES['nobody free'].locked.length === 0);
  });
});
