import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { syntheticClub } from '../../../bench/syntheticClub.ts';
import { Eligibility, RosterState } from '../../../solver/eligibility.ts';
import { scoreRoster } from '../../../solver/optimizer/evaluate.ts';
import { buildInstance } from '../../../solver/optimizer/instance.ts';
import { buildProblem } from '../../../solver/problem.ts';
import { seededRandom } from '../../../solver/random.ts';
import type { Assignment, SchedulingProblem } from '../../../solver/types.ts';
import { spacingBreaks } from '../../../solver/validate.ts';

/**
 * The optimizer counts strict spacing breaks from the same rules the validator lists them by: on
 * rosters that keep every hard rule but none of the spacing rules, its count equals spacingBreaks.
 */

/** A roster keeping the hard rules (the catalogue) and ignoring spacing: a random member who may take each slot. */
function carelessRoster(problem: SchedulingProblem, seed: number): Assignment[] {
  const random = seededRandom(seed);
  const state = new RosterState(new Eligibility(problem.club, problem.range));
  const locked = new Map(problem.locked.map((l) => [`${l.date}|${l.role}`, l.memberId]));
  for (const l of problem.locked) if (l.memberId) state.assign(l.date, l.role, l.memberId);
  return problem.dutyDays.flatMap((date) =>
    problem.roles.map((role) => {
      const key = `${date}|${role.key}`;
      if (locked.has(key)) return { date, role: role.key, memberId: locked.get(key)! };
      const open = problem.club.members.filter((m) => state.block(m.id, role, date) === null);
      const chosen = random() < 0.9 ? (open[Math.floor(random() * open.length)]?.id ?? null) : null;
      if (chosen) state.assign(date, role.key, chosen);
      return { date, role: role.key, memberId: chosen };
    }),
  );
}

describe('strict spacing: optimizer and validator agree', () => {
  // Few members for many slots, so rosters break every rule; some allow weekend doubles.
  const club = syntheticClub({ members: 14, roles: 4, seed: 8 });
  const base = buildProblem(club, { start: '2026-06-01', end: '2026-07-31' });
  const history = carelessRoster(buildProblem(club, { start: '2026-05-01', end: '2026-05-31' }), 1);
  const published = [...new Set(history.map((a) => a.date))].map((date) => ({
    date,
    slots: Object.fromEntries(history.filter((a) => a.date === date).map((a) => [a.role, a.memberId])),
  }));
  const problem: SchedulingProblem = {
    ...base,
    club: { ...club, published },
    locked: carelessRoster(base, 2).filter((_, i) => i % 6 === 0),
  };

  it('counts the same breaks on rosters that ignore spacing', () => {
    const instance = buildInstance(problem);
    const memberIndex = new Map(problem.club.members.map((m, i) => [m.id, i]));
    const lockedSlots = new Set(problem.locked.map((l) => `${l.date}|${l.role}`));
    const kinds = new Set<string>();
    for (let seed = 0; seed < 40; seed++) {
      const roster = carelessRoster(problem, 100 + seed);
      const chosen = new Set<number>();
      roster.forEach((a) => {
        if (a.memberId === null || lockedSlots.has(`${a.date}|${a.role}`)) return;
        const candidate = instance.byMemberDay[memberIndex.get(a.memberId)!][problem.dutyDays.indexOf(a.date)]?.get(
          problem.roles.findIndex((r) => r.key === a.role),
        );
        assert.ok(candidate !== undefined, `${a.date} ${a.role} ${a.memberId} has a candidate`);
        chosen.add(candidate);
      });
      // Breaks between two locked slots are the rostermeister's and not in the model.
      const breaks = spacingBreaks(problem, roster).filter(
        (b) => !(lockedSlots.has(`${b.date}|${b.role}`) && lockedSlots.has(`${b.otherDate}|${b.role}`)),
      );
      for (const b of breaks) kinds.add(b.rule);
      assert.equal(scoreRoster(instance, chosen).breaks, breaks.length, `seed ${seed}`);
    }
    assert.deepEqual([...kinds].sort(), ['carry_over', 'neighbouring_day', 'seven_days']);
  });
});
