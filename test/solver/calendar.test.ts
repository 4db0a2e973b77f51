import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dutyDaysFor } from '../../solver/calendar.ts';
import { monthRange } from '../../solver/dates.ts';
import { SeasonPhraseError } from '../../solver/season.ts';
import type { Club, Season } from '../../solver/types.ts';

function club(season: Season, extra: Partial<Club> = {}): Club {
  return {
    name: 'Test club',
    defaultMaxPerMonth: 8,
    season,
    operatingWeekdays: ['sat', 'sun'],
    extraDutyDays: [],
    removedDates: [],
    roles: [{ key: 'duty_officer', title: 'Duty Officer', qualification: 'duty_officer' }],
    members: [],
    published: [],
    ...extra,
  };
}

const allYear = club({ start: null, end: null });
const mayToOctober = club({ start: 'First weekend of May', end: 'Last weekend of October' });

describe('dutyDaysFor', () => {
  it('lists every weekend day of a month with five weekends (May 2026)', () => {
    assert.deepEqual(dutyDaysFor(allYear, monthRange(2026, 5)), [
      '2026-05-02',
      '2026-05-03',
      '2026-05-09',
      '2026-05-10',
      '2026-05-16',
      '2026-05-17',
      '2026-05-23',
      '2026-05-24',
      '2026-05-30',
      '2026-05-31',
    ]);
  });

  it('lists the eight weekend days of June 2026', () => {
    assert.equal(dutyDaysFor(allYear, monthRange(2026, 6)).length, 8);
  });

  it('has no duty days outside the season', () => {
    assert.deepEqual(dutyDaysFor(mayToOctober, monthRange(2026, 4)), []);
    assert.deepEqual(dutyDaysFor(mayToOctober, monthRange(2026, 12)), []);
  });

  it('cuts a month at the season end: the last October weekend ends on 1 November 2026', () => {
    assert.deepEqual(dutyDaysFor(mayToOctober, monthRange(2026, 11)), ['2026-11-01']);
    assert.deepEqual(dutyDaysFor(mayToOctober, monthRange(2026, 10)).slice(-2), ['2026-10-25', '2026-10-31']);
  });

  it('cuts a month at the season start', () => {
    const fromSecondWeekend = club({ start: 'Second weekend of May', end: null });
    assert.deepEqual(dutyDaysFor(fromSecondWeekend, monthRange(2026, 5)).slice(0, 2), ['2026-05-09', '2026-05-10']);
    assert.equal(dutyDaysFor(fromSecondWeekend, monthRange(2026, 5)).length, 8);
  });

  it('starts the season in the previous month when the 1st is a Sunday (March 2026)', () => {
    const fromMarch = club({ start: 'First weekend of March', end: 'Last weekend of November' });
    assert.deepEqual(dutyDaysFor(fromMarch, monthRange(2026, 2)), ['2026-02-28']);
    assert.equal(dutyDaysFor(fromMarch, monthRange(2026, 3))[0], '2026-03-01');
  });

  it('adds extra days regardless of weekday and season, and drops removed dates', () => {
    const c = club(
      { start: 'First weekend of May', end: 'Last weekend of October' },
      { extraDutyDays: ['2026-04-06', '2026-05-25', '2026-05-02', '2026-07-01', '2026-05-13'], removedDates: ['2026-05-09', '2026-05-13'] },
    );
    const days = dutyDaysFor(c, monthRange(2026, 5), ['2026-05-31']);
    assert.deepEqual(days, [
      '2026-05-02',
      '2026-05-03',
      '2026-05-10',
      '2026-05-16',
      '2026-05-17',
      '2026-05-23',
      '2026-05-24',
      '2026-05-25',
      '2026-05-30',
    ]);
    assert.deepEqual(dutyDaysFor(c, monthRange(2026, 4)), ['2026-04-06']);
  });

  it('uses the operating weekdays', () => {
    const wednesdays = club({ start: null, end: null }, { operatingWeekdays: ['wed'] });
    assert.deepEqual(dutyDaysFor(wednesdays, monthRange(2026, 7)), ['2026-07-01', '2026-07-08', '2026-07-15', '2026-07-22', '2026-07-29']);
  });

  it("uses each year's season over a year end, December to January", () => {
    const c = club({ start: 'First weekend of March', end: 'Last weekend of December' });
    const days = dutyDaysFor(c, { start: '2022-12-01', end: '2023-01-31' });
    assert.deepEqual(days, [
      '2022-12-03',
      '2022-12-04',
      '2022-12-10',
      '2022-12-11',
      '2022-12-17',
      '2022-12-18',
      '2022-12-24',
      '2022-12-25',
      '2022-12-31',
      '2023-01-01',
    ]);
  });

  it('covers a winter season across the year end', () => {
    const winter = club({ start: 'First weekend of November', end: 'Last weekend of February' });
    const days = dutyDaysFor(winter, { start: '2026-12-01', end: '2027-01-31' });
    assert.equal(days.length, 8 + 10); // December 2026 has 8 weekend days, January 2027 has 10
    assert.deepEqual(dutyDaysFor(winter, monthRange(2027, 4)), []);
  });

  it('returns sorted distinct dates for a whole year', () => {
    const c = club({ start: null, end: null }, { extraDutyDays: ['2026-12-26', '2026-01-01'] });
    const days = dutyDaysFor(c, monthRange(2026, 1, 12));
    assert.deepEqual(days, [...new Set(days)].sort());
    assert.equal(days.length, 104 + 1);
  });

  it('throws SeasonPhraseError on a bad phrase even for a range without weekends', () => {
    const bad = club({ start: 'early May', end: null });
    assert.throws(() => dutyDaysFor(bad, { start: '2026-05-04', end: '2026-05-05' }), SeasonPhraseError);
  });
});
