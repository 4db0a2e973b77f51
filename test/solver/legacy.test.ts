import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { syntheticClub } from '../../bench/syntheticClub.ts';
import { Eligibility } from '../../solver/eligibility.ts';
import { rolesByScarcity, runLegacy } from '../../solver/legacy.ts';
import { buildProblem } from '../../solver/problem.ts';
import { spacingBreaks, validateRoster } from '../../solver/validate.ts';
import { club, DUTY, INSTRUCTOR, JUNE_WEEKENDS, member, problem, slot, TOW } from './rosterFixtures.ts';

const realistic = buildProblem(
  syntheticClub({ members: 45, roles: 4, seed: 11, seasonStart: 'First weekend of April', seasonEnd: 'Last weekend of October' }),
  { start: '2026-06-01', end: '2026-06-30' },
);

const holderOf = (roster: { date: string; role: string; memberId: string | null }[], date: string, role: string) =>
  roster.find((a) => a.date === date && a.role === role)?.memberId;

describe('runLegacy', () => {
  it('lists every slot once, by date then in the problem role order', () => {
    const roster = runLegacy(realistic, 1);
    assert.equal(roster.length, realistic.dutyDays.length * realistic.roles.length);
    const expected = realistic.dutyDays.flatMap((date) => realistic.roles.map((r) => `${date}|${r.key}`));
    assert.deepEqual(
      roster.map((a) => `${a.date}|${a.role}`),
      expected,
    );
  });

  it('gives the same roster for the same seed and different rosters for different seeds', () => {
    assert.deepEqual(runLegacy(realistic, 42), runLegacy(realistic, 42));
    assert.notDeepEqual(runLegacy(realistic, 1), runLegacy(realistic, 2));
  });

  it('never breaks a hard rule, the neighbouring-day rule or the carry-over on a realistic club', () => {
    const withHistory = {
      ...realistic,
      club: {
        ...realistic.club,
        published: [
          {
            date: '2026-05-31',
            slots: Object.fromEntries(
              runLegacy(realistic, 99)
                .slice(0, 4)
                .map((a) => [a.role, a.memberId]),
            ),
          },
        ],
      },
    };
    for (let seed = 0; seed < 60; seed++) {
      const roster = runLegacy(withHistory, seed);
      assert.deepEqual(validateRoster(withHistory, roster), [], `seed ${seed}`);
      const strict = spacingBreaks(withHistory, roster).filter((b) => b.rule !== 'seven_days');
      assert.deepEqual(strict, [], `seed ${seed}`);
    }
  });

  it('fills most slots of a realistic club', () => {
    const roster = runLegacy(realistic, 5);
    assert.ok(roster.filter((a) => a.memberId).length >= roster.length * 0.9);
  });

  it('does not give a role to the previous duty day holder, nor to the carry-over member on the first day', () => {
    const c = club([member('a', ['towpilot']), member('b', ['towpilot'])], [TOW], [{ date: '2026-05-31', slots: { towpilot: 'a' } }]);
    const p = problem(c, JUNE_WEEKENDS.slice(0, 4));
    for (let seed = 0; seed < 20; seed++) {
      assert.deepEqual(
        runLegacy(p, seed).map((a) => a.memberId),
        ['b', 'a', 'b', 'a'],
      );
    }
  });

  it('leaves a slot empty when nobody may fill it', () => {
    const only = club([member('a', ['towpilot'])], [TOW, INSTRUCTOR]);
    const roster = runLegacy(problem(only, JUNE_WEEKENDS.slice(0, 3)), 3);
    assert.deepEqual(
      roster.map((a) => a.memberId),
      ['a', null, null, null, 'a', null], // the neighbouring-day rule empties day 2; nobody instructs
    );
  });

  it('respects the cap and avoidances', () => {
    const capped = club([member('a', ['towpilot'], { maxPerMonth: 1 }), member('b', ['towpilot'], { maxPerMonth: 1 })], [TOW]);
    for (let seed = 0; seed < 10; seed++) {
      const roster = runLegacy(problem(capped, JUNE_WEEKENDS.slice(0, 3)), seed);
      assert.equal(roster[2].memberId, null);
    }
    const avoiding = club(
      [member('a', ['towpilot'], { avoid: ['b'] }), member('b', ['duty_officer']), member('c', ['duty_officer'])],
      [TOW, DUTY],
    );
    for (let seed = 0; seed < 10; seed++) {
      assert.deepEqual(
        runLegacy(problem(avoiding, ['2026-06-06']), seed).map((a) => a.memberId),
        ['a', 'c'],
      );
    }
  });

  it('orders roles by scarcity, ascending and stable', () => {
    const c = club(
      [
        member('a', ['instructor', 'towpilot']),
        member('b', ['instructor']),
        member('c', ['instructor', 'duty_officer']),
        member('d', ['duty_officer'], { blackouts: ['2026-06-06'] }),
        member('e', ['duty_officer', 'towpilot'], { active: false }),
      ],
      [INSTRUCTOR, TOW, DUTY],
    );
    const p = problem(c, ['2026-06-06', '2026-06-07']);
    // instructor 3, towpilot 1, duty officer 1.5 on average
    assert.deepEqual(
      rolesByScarcity(p, new Eligibility(c, p.range)).map((r) => r.key),
      ['towpilot', 'duty_officer', 'instructor'],
    );
    const tie = club([member('a', ['instructor', 'towpilot', 'duty_officer'])], [DUTY, INSTRUCTOR, TOW]);
    const q = problem(tie, ['2026-06-06']);
    assert.deepEqual(
      rolesByScarcity(q, new Eligibility(tie, q.range)).map((r) => r.key),
      ['duty_officer', 'instructor', 'towpilot'],
    );
  });

  it('fills the scarce role first, so the only qualified member is kept for it', () => {
    const c = club([member('x', ['instructor', 'towpilot']), member('y', ['instructor'])], [INSTRUCTOR, TOW]);
    for (let seed = 0; seed < 30; seed++) {
      assert.deepEqual(
        runLegacy(problem(c, ['2026-06-06']), seed).map((a) => a.memberId),
        ['y', 'x'],
      );
    }
  });

  it('keeps locked slots, counts them for the day and the neighbouring-day rule, and keeps a locked empty slot empty', () => {
    const c = club([member('a', ['towpilot', 'instructor']), member('b', ['towpilot']), member('c', ['towpilot'])], [INSTRUCTOR, TOW]);
    const locked = [slot('2026-06-06', 'instructor', 'a'), slot('2026-06-07', 'towpilot', 'c'), slot('2026-06-13', 'instructor', null)];
    const p = problem(c, JUNE_WEEKENDS.slice(0, 3), { locked });
    for (let seed = 0; seed < 20; seed++) {
      const roster = runLegacy(p, seed);
      assert.equal(holderOf(roster, '2026-06-06', 'instructor'), 'a');
      assert.notEqual(holderOf(roster, '2026-06-06', 'towpilot'), 'a'); // one role per day
      assert.notEqual(holderOf(roster, '2026-06-06', 'towpilot'), 'c'); // c is locked on the next day
      assert.equal(holderOf(roster, '2026-06-07', 'towpilot'), 'c');
      assert.equal(holderOf(roster, '2026-06-13', 'instructor'), null);
      assert.notEqual(holderOf(roster, '2026-06-13', 'towpilot'), 'c');
    }
  });

  it('keeps a locked slot that breaks a hard rule without adding breaks of its own', () => {
    const c = club([member('a', ['towpilot'], { blackouts: ['2026-06-06'], maxPerMonth: 1 }), member('b', ['towpilot'])], [TOW]);
    const p = problem(c, JUNE_WEEKENDS.slice(0, 4), { locked: [slot('2026-06-06', 'towpilot', 'a')] });
    for (let seed = 0; seed < 10; seed++) {
      const roster = runLegacy(p, seed);
      assert.deepEqual(
        roster.map((a) => a.memberId),
        ['a', 'b', null, 'b'],
      ); // a is at the cap after the locked slot
      assert.deepEqual(
        validateRoster(p, roster).map((v) => [v.rule, v.locked]),
        [['blackout', true]],
      );
    }
  });

  it('draws by percent weight, three times as often for a pairing partner already on duty', () => {
    const share = (c: ReturnType<typeof club>, who: string) => {
      let hits = 0;
      const runs = 3000;
      for (let seed = 0; seed < runs; seed++)
        if (holderOf(runLegacy(problem(c, ['2026-06-06']), seed), '2026-06-06', 'duty_officer') === who) hits++;
      return hits / runs;
    };
    // p is the only tow pilot, so towpilot is drawn first and p is on duty when the duty officer is drawn.
    const paired = club(
      [member('p', ['towpilot']), member('q', ['duty_officer'], { pairWith: ['p'] }), member('r', ['duty_officer'])],
      [TOW, DUTY],
    );
    const pairedShare = share(paired, 'q');
    assert.ok(pairedShare > 0.71 && pairedShare < 0.79, `paired share ${pairedShare}`);

    const pairedOtherWay = club(
      [member('p', ['towpilot'], { pairWith: ['q'] }), member('q', ['duty_officer']), member('r', ['duty_officer'])],
      [TOW, DUTY],
    );
    const otherWayShare = share(pairedOtherWay, 'q');
    assert.ok(otherWayShare > 0.71 && otherWayShare < 0.79, `undirected pairing share ${otherWayShare}`);

    const unpaired = club([member('p', ['towpilot']), member('q', ['duty_officer']), member('r', ['duty_officer'])], [TOW, DUTY]);
    const plainShare = share(unpaired, 'q');
    assert.ok(plainShare > 0.45 && plainShare < 0.55, `plain share ${plainShare}`);

    const weighted = club(
      [
        member('p', ['towpilot']),
        member('q', ['duty_officer', 'instructor'], { rolePercent: { duty_officer: 20, instructor: 80 } }),
        member('r', ['duty_officer']),
      ],
      [TOW, DUTY],
    );
    const weightedShare = share(weighted, 'q'); // 20 / (20 + 100)
    assert.ok(weightedShare > 0.13 && weightedShare < 0.2, `weighted share ${weightedShare}`);
  });
});
