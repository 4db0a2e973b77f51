import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  addMonths,
  addRange,
  addWeekday,
  dayMark,
  PLAIN,
  removeRule,
  toggleDay,
  withAvailability,
  type Availability,
} from '../../renderer/availabilityEdits.ts';
import { blankMember } from '../../solver/memberSchema.ts';

const none: Availability = { blackouts: [], unavailable: [] };
const towNote = { level: 'preferNot', roles: ['towpilot'], note: ' harvest ' } as const;

describe('availability editor edits', () => {
  it('a plain click toggles a blackout day; with settings it adds a one-day rule, a second click takes it away', () => {
    const one = toggleDay(none, '2026-06-06', PLAIN);
    assert.deepEqual(one, { blackouts: ['2026-06-06'], unavailable: [] });
    assert.deepEqual(toggleDay(one, '2026-06-06', PLAIN), none);
    const rule = toggleDay(none, '2026-06-06', { ...towNote, roles: [...towNote.roles] });
    assert.deepEqual(rule.unavailable, [{ date: '2026-06-06', roles: ['towpilot'], level: 'preferNot', note: 'harvest' }]);
    assert.deepEqual(toggleDay(rule, '2026-06-06', PLAIN), none);
  });

  it('a drag either way round is one range; a drag back onto its start day is a click', () => {
    assert.deepEqual(addRange(none, '2026-07-21', '2026-07-01', PLAIN).unavailable, [
      { from: '2026-07-01', to: '2026-07-21', level: 'never' },
    ]);
    assert.deepEqual(addRange(none, '2026-07-01', '2026-07-01', PLAIN).blackouts, ['2026-07-01']);
  });

  it('weekday rules take the chosen months; month rules need one; the same rule twice is kept once', () => {
    const sundays = addWeekday(none, 'sun', [], PLAIN);
    assert.deepEqual(addWeekday(sundays, 'sun', [], PLAIN), sundays);
    assert.deepEqual(addWeekday(none, 'sat', [8, 7], PLAIN).unavailable, [{ weekday: 'sat', months: [7, 8], level: 'never' }]);
    assert.equal(addMonths(none, [], PLAIN), none);
    assert.deepEqual(addMonths(none, [8], PLAIN).unavailable, [{ months: [8], level: 'never' }]);
    assert.deepEqual(removeRule(addMonths(sundays, [8], PLAIN), 0).unavailable, [{ months: [8], level: 'never' }]);
  });

  it('marks a day never, prefer not, or never for some roles only', () => {
    const value: Availability = {
      blackouts: ['2026-06-06'],
      unavailable: [
        { weekday: 'sun', roles: ['towpilot'], level: 'never' },
        { months: [7], level: 'preferNot' },
      ],
    };
    assert.equal(dayMark(value, '2026-06-06', ['towpilot', 'instructor']), 'never');
    assert.equal(dayMark(value, '2026-06-07', ['towpilot', 'instructor']), 'someRoles');
    assert.equal(dayMark(value, '2026-06-07', ['towpilot']), 'never');
    assert.equal(dayMark(value, '2026-07-04', ['towpilot']), 'preferNot');
    assert.equal(dayMark(value, '2026-06-13', ['towpilot']), null);
    assert.equal(dayMark(value, '2026-06-07', []), 'never', 'a member with no qualification sees every rule');
  });

  it('gives the member the rules, leaving the field out when there are none', () => {
    const member = blankMember('m1', 'A', ['towpilot']);
    assert.equal('unavailable' in withAvailability({ ...member, unavailable: [{ weekday: 'sun', level: 'never' }] }, none), false);
    assert.deepEqual(withAvailability(member, addWeekday(none, 'sun', [], PLAIN)).unavailable, [{ weekday: 'sun', level: 'never' }]);
  });
});
