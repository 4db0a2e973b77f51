import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fairnessWindow } from '../../solver/fairnessWindow.ts';
import { monthRange } from '../../solver/dates.ts';
import type { Club, FairnessWindow, PublishedDay } from '../../solver/types.ts';
import { club, member, TOW } from './rosterFixtures.ts';

const day = (date: string, who: string | null): PublishedDay => ({ date, slots: { towpilot: who } });

/** A May-October club with duties published in 2025, April, May and June 2026. */
function seasonClub(window?: FairnessWindow): Club {
  const c = club(
    [member('a', ['towpilot']), member('b', ['towpilot'], { seasonQuota: 4 }), member('c', ['towpilot'], { exempt: true })],
    [TOW],
    [
      day('2025-06-07', 'a'),
      day('2025-09-06', 'b'),
      day('2026-04-25', 'a'),
      day('2026-05-02', 'a'),
      day('2026-05-03', 'b'),
      day('2026-05-09', null),
      day('2026-06-06', 'a'),
      day('2026-07-04', 'b'),
    ],
  );
  return { ...c, season: { start: 'First weekend of May', end: 'Last weekend of October' }, ...(window ? { fairnessWindow: window } : {}) };
}

const published = (c: Club, range = monthRange(2026, 6)) =>
  Object.fromEntries(fairnessWindow(c, range).members.map((m) => [m.memberId, m.published]));

describe('fairness window', () => {
  it('season (the default): from the season start of that year to the range end, published days in the range left out', () => {
    const view = fairnessWindow(seasonClub(), monthRange(2026, 6));
    assert.equal(view.kind, 'season');
    assert.deepEqual(view.span, { start: '2026-05-02', end: '2026-06-30' });
    // April 25 is before the season, June 6 is inside the range (the draft replaces it), July after it.
    assert.deepEqual(published(seasonClub()), { a: 1, b: 1, c: 0 });
  });

  it('12months: the twelve months up to the range end', () => {
    const view = fairnessWindow(seasonClub('12months'), monthRange(2026, 6));
    assert.deepEqual(view.span, { start: '2025-07-01', end: '2026-06-30' });
    assert.deepEqual(published(seasonClub('12months')), { a: 2, b: 2, c: 0 });
  });

  it('range: only the draft itself (nothing published counts)', () => {
    const view = fairnessWindow(seasonClub('range'), monthRange(2026, 6));
    assert.deepEqual(view.span, monthRange(2026, 6));
    assert.deepEqual(published(seasonClub('range')), { a: 0, b: 0, c: 0 });
  });

  it('gives each member their quota (own, else the club default, else none) and marks the exempt', () => {
    const plain = fairnessWindow(seasonClub(), monthRange(2026, 6)).members;
    assert.deepEqual(
      plain.map((m) => [m.memberId, m.quota, m.exempt]),
      [
        ['a', null, false],
        ['b', 4, false],
        ['c', null, true],
      ],
    );
    const withDefault = fairnessWindow({ ...seasonClub(), defaultSeasonQuota: 6 }, monthRange(2026, 6)).members;
    assert.deepEqual(
      withDefault.map((m) => m.quota),
      [6, 4, 6],
    );
  });

  it('a range before this year`s season has no earlier season duties; after the season it still counts the season', () => {
    assert.deepEqual(fairnessWindow(seasonClub(), monthRange(2026, 3)).span, monthRange(2026, 3));
    assert.deepEqual(fairnessWindow(seasonClub(), monthRange(2026, 11)).span, { start: '2026-05-02', end: '2026-11-30' });
  });

  it('a season across the year end counts from its start in the year before', () => {
    const winter = { ...seasonClub(), season: { start: 'First weekend of November', end: 'Last weekend of March' } };
    assert.deepEqual(fairnessWindow(winter, monthRange(2027, 2)).span, { start: '2026-10-31', end: '2027-02-28' });
    assert.deepEqual(fairnessWindow(winter, monthRange(2026, 12)).span, { start: '2026-10-31', end: '2026-12-31' });
    // Between two winter seasons: nothing before the range counts.
    assert.deepEqual(fairnessWindow(winter, monthRange(2027, 5)).span, monthRange(2027, 5));
  });

  it('a club without a season counts the calendar year; 12 months ending on 29 February', () => {
    const c = { ...seasonClub(), season: { start: null, end: null } };
    assert.deepEqual(fairnessWindow(c, monthRange(2026, 6)).span, { start: '2026-01-01', end: '2026-06-30' });
    const leap = fairnessWindow({ ...c, fairnessWindow: '12months' }, monthRange(2028, 2));
    assert.deepEqual(leap.span, { start: '2027-03-01', end: '2028-02-29' });
  });
});
