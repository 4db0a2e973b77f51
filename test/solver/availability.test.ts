import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { availabilityInWords, availabilityOn, ruleCovers } from '../../solver/availability.ts';
import type { Role, UnavailableRule } from '../../solver/types.ts';
import { member } from './rosterFixtures.ts';

const ROLES: Role[] = [
  { key: 'instructor', title: 'Instructor', qualification: 'instructor' },
  { key: 'am_tow', title: 'Tow Pilot (AM)', qualification: 'towpilot' },
  { key: 'pm_tow', title: 'Tow Pilot (PM)', qualification: 'towpilot' },
];

describe('availability rules', () => {
  it('cover a date, a range (both ends), a weekday, a weekday in some months, months alone', () => {
    assert.equal(ruleCovers({ date: '2026-06-06', level: 'never' }, 'towpilot', '2026-06-06'), true);
    assert.equal(ruleCovers({ date: '2026-06-06', level: 'never' }, 'towpilot', '2026-06-07'), false);
    const july: UnavailableRule = { from: '2026-07-01', to: '2026-07-21', level: 'never' };
    assert.deepEqual(
      ['2026-06-30', '2026-07-01', '2026-07-21', '2026-07-22'].map((d) => ruleCovers(july, 'towpilot', d)),
      [false, true, true, false],
    );
    assert.equal(ruleCovers({ weekday: 'sun', level: 'never' }, 'towpilot', '2026-06-07'), true);
    assert.equal(ruleCovers({ weekday: 'sun', level: 'never' }, 'towpilot', '2026-06-06'), false);
    const augustSaturdays: UnavailableRule = { weekday: 'sat', months: [8], level: 'never' };
    assert.equal(ruleCovers(augustSaturdays, 'towpilot', '2026-08-01'), true);
    assert.equal(ruleCovers(augustSaturdays, 'towpilot', '2026-08-02'), false);
    assert.equal(ruleCovers(augustSaturdays, 'towpilot', '2026-07-04'), false);
    assert.equal(ruleCovers({ months: [8], level: 'never' }, 'towpilot', '2026-08-31'), true);
    assert.equal(ruleCovers({ months: [8], level: 'never' }, 'towpilot', '2026-09-01'), false);
  });

  it('narrow to roles through the qualification, and never wins over preferNot', () => {
    const m = member('a', ['towpilot', 'instructor'], {
      unavailable: [
        { months: [6], roles: ['towpilot'], level: 'preferNot' },
        { weekday: 'sun', roles: ['towpilot'], level: 'never' },
      ],
    });
    assert.equal(availabilityOn(m, 'towpilot', '2026-06-06'), 'preferNot');
    assert.equal(availabilityOn(m, 'towpilot', '2026-06-07'), 'never');
    assert.equal(availabilityOn(m, 'instructor', '2026-06-07'), null);
  });

  it('list a member in words: weekday rules, blackout days, then the rest', () => {
    const m = member('a', ['towpilot'], {
      blackouts: ['2026-06-14', '2026-06-06', '2026-06-13'],
      unavailable: [
        { from: '2026-07-01', to: '2026-07-21', level: 'never' },
        { weekday: 'sun', level: 'never' },
        { months: [8], roles: ['towpilot'], level: 'preferNot', note: 'harvest' },
        { weekday: 'sat', months: [8, 7], level: 'preferNot' },
        { from: '2026-06-28', to: '2026-07-05', roles: ['instructor'], level: 'never' },
        { from: '2026-12-28', to: '2027-01-03', level: 'never' },
        { date: '2027-05-01', level: 'never' },
      ],
    });
    assert.equal(
      availabilityInWords(m, { roles: ROLES, year: 2026 }),
      'Never on Sundays; prefers not to serve on Saturdays in Jul and Aug; not 6 Jun, 13-14 Jun; not 1-21 Jul; ' +
        'prefers not to be Tow Pilot (AM) or Tow Pilot (PM) in Aug (harvest); not as Instructor 28 Jun-5 Jul; ' +
        'not 28 Dec 2026-3 Jan 2027; not 1 May 2027',
    );
    assert.equal(availabilityInWords(member('b', []), { roles: ROLES }), '');
    assert.equal(
      availabilityInWords(
        { blackouts: ['2026-06-06', '2026-06-13'], unavailable: [{ weekday: 'sun', level: 'never' }] },
        { roles: ROLES, maxBlackoutDates: 1 },
      ),
      'Never on Sundays; 2 blackout days',
    );
  });
});
