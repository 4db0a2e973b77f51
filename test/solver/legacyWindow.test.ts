import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runLegacy } from '../../solver/legacy.ts';
import type { Club, Member, PublishedDay, SchedulingProblem } from '../../solver/types.ts';
import { club, member, TOW } from './rosterFixtures.ts';

/** Legacy's draw weighted by each member's deficit over the fairness window (docs/schedulers.md). */

const MAY = { start: '2026-05-01', end: '2026-05-31' };
const MAY_DAYS = ['2026-05-02', '2026-05-03', '2026-05-09', '2026-05-10', '2026-05-16', '2026-05-17', '2026-05-23', '2026-05-24'];
const APRIL = ['2026-04-04', '2026-04-05', '2026-04-11', '2026-04-12', '2026-04-18', '2026-04-19'];

function mayProblem(members: Member[], april: (string | null)[], extra: Partial<Club> = {}): SchedulingProblem {
  const published: PublishedDay[] = april.map((who, i) => ({ date: APRIL[i], slots: { towpilot: who } }));
  return { club: { ...club(members, [TOW], published), ...extra }, range: MAY, dutyDays: MAY_DAYS, roles: [TOW], locked: [] };
}

/** Mean May duties per member over `seeds` rolls. */
function meanLoads(problem: SchedulingProblem, seeds: number): Record<string, number> {
  const totals: Record<string, number> = Object.fromEntries(problem.club.members.map((m) => [m.id, 0]));
  for (let seed = 1; seed <= seeds; seed++) {
    for (const a of runLegacy(problem, seed)) if (a.memberId) totals[a.memberId]++;
  }
  return Object.fromEntries(Object.entries(totals).map(([id, total]) => [id, total / seeds]));
}

const tugs = () => ['a', 'b', 'c', 'd'].map((id) => member(id, ['towpilot']));

describe('legacy: the deficit over the fairness window', () => {
  it('over many seeds gives the members behind in April more May duties, the busiest fewest', () => {
    // April: a four duties, b two, c and d none.
    const loads = meanLoads(mayProblem(tugs(), ['a', 'a', 'a', 'a', 'b', 'b']), 300);
    assert.ok(loads.c > loads.b + 0.3 && loads.d > loads.b + 0.3, JSON.stringify(loads));
    assert.ok(loads.b > loads.a + 0.3, JSON.stringify(loads));
  });

  it('is the plain draw when nothing published counts (range window): the same rosters as a club without history', () => {
    const skewed = mayProblem(tugs(), ['a', 'a', 'a', 'a', 'b', 'b'], { fairnessWindow: 'range' });
    const plain = mayProblem(tugs(), []);
    for (let seed = 1; seed <= 20; seed++) assert.deepEqual(runLegacy(skewed, seed), runLegacy(plain, seed), `seed ${seed}`);
  });

  it('measures the deficit against quotas: equal April loads, the larger quota gets more', () => {
    const members = [member('a', ['towpilot'], { seasonQuota: 8 }), member('b', ['towpilot'], { seasonQuota: 2 }), ...tugs().slice(2)];
    // c and d have no quota: they count as the average, 5.
    const loads = meanLoads(mayProblem(members, ['a', 'a', 'b', 'b', 'c', 'd']), 300);
    assert.ok(loads.a > loads.b + 0.5, JSON.stringify(loads));
  });

  it('stays reproducible: the same seed gives the same roster with a window', () => {
    const problem = mayProblem(tugs(), ['a', 'a', 'a', 'a', 'b', 'b']);
    assert.deepEqual(runLegacy(problem, 7), runLegacy(problem, 7));
  });

  it('never draws an exempt member', () => {
    const members = [...tugs(), member('e', ['towpilot'], { exempt: true })];
    assert.equal(meanLoads(mayProblem(members, []), 50).e, 0);
  });
});
