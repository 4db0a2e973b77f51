import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { candidatesForSlot, spacingBreaks, validateRoster } from '../../solver/validate.ts';
import type { Assignment } from '../../solver/types.ts';
import { club, DUTY, JUNE_WEEKENDS, member, problem, slot, TOW } from './rosterFixtures.ts';

const SAT = '2026-06-06';
const SUN = '2026-06-07';

const members = [
  member('a', ['towpilot']),
  member('b', ['towpilot', 'duty_officer']),
  member('c', ['duty_officer']),
  member('d', ['duty_officer'], { active: false }),
  member('e', ['towpilot', 'duty_officer'], { rolePercent: { towpilot: 0, duty_officer: 100 } }),
  member('f', ['duty_officer'], { maxPerMonth: 0 }),
  member('g', ['duty_officer'], { blackouts: [SAT] }),
  member('h', ['duty_officer'], { avoid: ['a'] }),
  member('i', ['duty_officer'], { maxPerMonth: 1 }),
];
const twoDays = problem(club(members, [TOW, DUTY]), [SAT, SUN]);

/** A valid roster of twoDays with one slot replaced. */
function rosterWith(change?: Assignment): Assignment[] {
  const base = [slot(SAT, 'towpilot', 'a'), slot(SAT, 'duty_officer', 'c'), slot(SUN, 'towpilot', 'b'), slot(SUN, 'duty_officer', 'c')];
  return base.map((s) => (change && s.date === change.date && s.role === change.role ? change : s));
}

function rules(assignments: Assignment[], p = twoDays) {
  return validateRoster(p, assignments).map((v) => `${v.date}|${v.role}|${v.memberId}|${v.rule}`);
}

describe('validateRoster', () => {
  it('accepts a valid roster, with empty slots', () => {
    assert.deepEqual(rules(rosterWith()), []);
    assert.deepEqual(rules(rosterWith(slot(SUN, 'towpilot', null))), []);
  });

  it('reports structural problems: unknown role, date, member, duplicate and missing slots', () => {
    assert.deepEqual(rules([...rosterWith(), slot(SAT, 'winch', 'a')]), [`${SAT}|winch|a|unknown_role`]);
    assert.deepEqual(rules([...rosterWith(), slot('2026-06-08', 'towpilot', 'a')]), ['2026-06-08|towpilot|a|not_duty_day']);
    assert.deepEqual(rules(rosterWith(slot(SAT, 'towpilot', 'zz'))), [`${SAT}|towpilot|zz|unknown_member`]);
    assert.deepEqual(rules([...rosterWith(), slot(SAT, 'towpilot', 'b')]), [`${SAT}|towpilot|b|duplicate_slot`]);
    assert.deepEqual(rules(rosterWith().slice(1)), [`${SAT}|towpilot|null|missing_slot`]);
  });

  it('reports a locked slot that was changed', () => {
    const locked = { ...twoDays, locked: [slot(SAT, 'towpilot', 'b')] };
    assert.deepEqual(rules(rosterWith(), locked), [`${SAT}|towpilot|a|locked_changed`]);
    const lockedEmpty = { ...twoDays, locked: [slot(SUN, 'towpilot', null)] };
    assert.deepEqual(rules(rosterWith(), lockedEmpty), [`${SUN}|towpilot|b|locked_changed`]);
    assert.deepEqual(rules(rosterWith(slot(SUN, 'towpilot', null)), lockedEmpty), []);
    assert.match(validateRoster(locked, rosterWith())[0].message, /locked to Member B/);
  });

  it('marks hard-rule breaks of kept locked slots, and blames the scheduled slot for a clash with a locked one', () => {
    const locked = { ...twoDays, locked: [slot(SAT, 'duty_officer', 'g'), slot(SUN, 'towpilot', 'b')] };
    const roster = [slot(SAT, 'towpilot', 'a'), slot(SAT, 'duty_officer', 'g'), slot(SUN, 'towpilot', 'b'), slot(SUN, 'duty_officer', 'b')];
    assert.deepEqual(
      validateRoster(locked, roster).map((v) => [v.date, v.role, v.rule, v.locked]),
      [
        [SAT, 'duty_officer', 'blackout', true],
        [SUN, 'duty_officer', 'on_duty_that_day', false],
      ],
    );
  });

  it('reports each static hard rule', () => {
    assert.deepEqual(rules(rosterWith(slot(SAT, 'duty_officer', 'd'))), [`${SAT}|duty_officer|d|not_available`]);
    assert.deepEqual(rules(rosterWith(slot(SAT, 'towpilot', 'i'))), [`${SAT}|towpilot|i|not_qualified`]);
    assert.deepEqual(rules(rosterWith(slot(SAT, 'duty_officer', 'g'))), [`${SAT}|duty_officer|g|blackout`]);
    assert.deepEqual(rules(rosterWith(slot(SAT, 'towpilot', 'e'))), [`${SAT}|towpilot|e|percent_zero`]);
    assert.deepEqual(rules(rosterWith(slot(SAT, 'duty_officer', 'f'))), [`${SAT}|duty_officer|f|cap_zero`]);
    const v = validateRoster(twoDays, rosterWith(slot(SAT, 'duty_officer', 'g')))[0];
    assert.equal(v.message, 'Member G may not be Duty Officer: blacked out.');
  });

  it('reports one role per day, avoidance and the cap', () => {
    assert.deepEqual(rules(rosterWith(slot(SUN, 'duty_officer', 'b'))), [`${SUN}|duty_officer|b|on_duty_that_day`]);
    assert.deepEqual(rules(rosterWith(slot(SAT, 'duty_officer', 'h'))), [`${SAT}|duty_officer|h|avoids_someone_on_duty`]);
    const capped = [slot(SAT, 'towpilot', 'a'), slot(SAT, 'duty_officer', 'i'), slot(SUN, 'towpilot', 'b'), slot(SUN, 'duty_officer', 'i')];
    assert.deepEqual(rules(capped), [`${SUN}|duty_officer|i|at_cap`]);
    assert.match(validateRoster(twoDays, capped)[0].message, /limit of 1/);
  });
});

describe('spacingBreaks', () => {
  const tows = [member('a', ['towpilot']), member('b', ['towpilot']), member('w', ['towpilot'], { allowWeekendDouble: true })];
  const days = JUNE_WEEKENDS.slice(0, 4); // 6, 7, 13, 14
  const breaksOf = (
    holders: (string | null)[],
    published: { date: string; slots: Record<string, string | null> }[] = [],
    dutyDays = days,
  ) => {
    const p = problem(club(tows, [TOW], published), dutyDays);
    return spacingBreaks(
      p,
      dutyDays.map((d, i) => slot(d, 'towpilot', holders[i])),
    ).map((b) => `${b.date}|${b.memberId}|${b.rule}|${b.otherDate}`);
  };

  it('finds neighbouring duty days, across the week too', () => {
    assert.deepEqual(breaksOf(['a', 'b', 'b', null]), ['2026-06-13|b|neighbouring_day|2026-06-07']);
    assert.deepEqual(breaksOf(['a', 'b', 'a', 'b']), ['2026-06-13|a|seven_days|2026-06-06', '2026-06-14|b|seven_days|2026-06-07']);
  });

  it('finds the carry-over member on the first day only', () => {
    const published = [{ date: '2026-05-31', slots: { towpilot: 'a' } }];
    assert.deepEqual(breaksOf(['a', 'b', null, null], published), ['2026-06-06|a|carry_over|2026-05-31']);
    assert.deepEqual(breaksOf(['b', null, 'a', null], published), []);
  });

  it('carries over only from the published duty day directly before the range', () => {
    // 2026-05-30 and 05-31 are duty days (every weekend) that nobody published.
    assert.deepEqual(breaksOf(['a', 'b', null, null], [{ date: '2026-05-24', slots: { towpilot: 'a' } }]), []);
  });

  it('applies the 7-day rule to published days before the range, except for members allowing weekend doubles', () => {
    const published = [
      { date: '2026-05-30', slots: { towpilot: 'a' } },
      { date: '2026-05-31', slots: { towpilot: 'b' } },
    ];
    assert.deepEqual(breaksOf(['a', null, null, null], published), ['2026-06-06|a|seven_days|2026-05-30']);
    assert.deepEqual(breaksOf(['w', 'a', 'w', 'a']), ['2026-06-14|a|seven_days|2026-06-07']);
    assert.deepEqual(breaksOf(['w', 'w', null, null]), ['2026-06-07|w|neighbouring_day|2026-06-06']);
  });

  it('counts both rules when neighbouring duty days are a week apart', () => {
    const saturdays = ['2026-06-06', '2026-06-13'];
    assert.deepEqual(breaksOf(['a', 'a'], [], saturdays), [
      '2026-06-13|a|neighbouring_day|2026-06-06',
      '2026-06-13|a|seven_days|2026-06-06',
    ]);
  });
});

describe('candidatesForSlot', () => {
  const p = problem(
    club(
      [
        member('a', ['towpilot'], { maxPerMonth: 2 }),
        member('b', ['towpilot']),
        member('c', ['duty_officer']),
        member('d', ['towpilot'], { blackouts: ['2026-06-13'] }),
        member('e', ['towpilot'], { avoid: ['c'] }),
      ],
      [TOW, DUTY],
    ),
    JUNE_WEEKENDS.slice(0, 3),
  );
  const roster = [
    slot('2026-06-06', 'towpilot', 'a'),
    slot('2026-06-06', 'duty_officer', 'c'),
    slot('2026-06-07', 'towpilot', 'b'),
    slot('2026-06-07', 'duty_officer', null),
    slot('2026-06-13', 'towpilot', 'b'),
    slot('2026-06-13', 'duty_officer', 'c'),
  ];

  it('lists eligible members first by load, ignores the current holder and explains blocks', () => {
    const list = candidatesForSlot(p, roster, '2026-06-13', 'towpilot');
    assert.deepEqual(
      list.map((c) => [c.memberId, c.eligible, c.reason, c.load, c.cap]),
      [
        ['a', true, null, 1, 2],
        ['b', true, null, 1, 8],
        ['d', false, 'blacked out', 0, 8],
        ['e', false, 'avoids someone on duty', 0, 8],
        ['c', false, 'not qualified', 2, 8],
      ],
    );
  });

  it('warns about spacing breaks the choice would cause and about reaching the limit', () => {
    const byId = new Map(candidatesForSlot(p, roster, '2026-06-13', 'towpilot').map((c) => [c.memberId, c]));
    assert.deepEqual(byId.get('a')?.warnings, [
      'Member A is also Tow Pilot on 2026-06-06, 7 days apart.',
      'Member A reaches the limit of 2 duties.',
    ]);
    assert.deepEqual(byId.get('b')?.warnings, ['Member B is also Tow Pilot on 2026-06-07, the neighbouring duty day.']);
    const first = candidatesForSlot(p, roster, '2026-06-06', 'towpilot').find((c) => c.memberId === 'b');
    assert.deepEqual(first?.warnings, [
      'Member B is also Tow Pilot on 2026-06-07, the neighbouring duty day.',
      'Member B is also Tow Pilot on 2026-06-13, 7 days apart.',
    ]);
  });

  it('rejects a slot that is not in the roster', () => {
    assert.throws(() => candidatesForSlot(p, roster, '2026-06-08', 'towpilot'), /not a duty day/);
    assert.throws(() => candidatesForSlot(p, roster, '2026-06-06', 'winch'), /not a role/);
  });
});
