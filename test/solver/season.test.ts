import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseSeasonPhrase, seasonBounds, SeasonPhraseError, seasonTest, weekendOf } from '../../solver/season.ts';

const weekend = (phrase: string, year: number) => weekendOf(parseSeasonPhrase(phrase), year);

describe('parseSeasonPhrase', () => {
  it('reads ordinals, numerals, case, "of"/"in" and month abbreviations', () => {
    assert.deepEqual(parseSeasonPhrase('First weekend of May'), { ordinal: 1, month: 5 });
    assert.deepEqual(parseSeasonPhrase('LAST WEEKEND OCTOBER'), { ordinal: 'last', month: 10 });
    assert.deepEqual(parseSeasonPhrase('the second weekend in June'), { ordinal: 2, month: 6 });
    assert.deepEqual(parseSeasonPhrase('3rd weekend of sept'), { ordinal: 3, month: 9 });
    assert.deepEqual(parseSeasonPhrase('  Fourth   weekend  of Dec '), { ordinal: 4, month: 12 });
    assert.deepEqual(parseSeasonPhrase('1st weekend of january'), { ordinal: 1, month: 1 });
  });

  for (const bad of [
    'fifth weekend of May',
    'first weekend of Maytember',
    'first of May',
    '',
    'first weekday of May',
    'weekend of May',
    'first weekend of May 2026',
    '5th weekend of May',
  ]) {
    it(`rejects ${JSON.stringify(bad)} with a message quoting it`, () => {
      assert.throws(
        () => parseSeasonPhrase(bad),
        (error: unknown) =>
          error instanceof SeasonPhraseError &&
          error.phrase === bad &&
          error.message.includes(`"${bad}"`) &&
          error.message.includes('weekend'),
      );
    });
  }
});

describe('weekendOf', () => {
  it('1st on a Sunday: the first weekend starts the day before the 1st (March 2026)', () => {
    assert.deepEqual(weekend('First weekend of March', 2026), { saturday: '2026-02-28', sunday: '2026-03-01' });
    assert.deepEqual(weekend('Second weekend of March', 2026), { saturday: '2026-03-07', sunday: '2026-03-08' });
    assert.deepEqual(weekend('4th weekend of March', 2026), { saturday: '2026-03-21', sunday: '2026-03-22' });
  });

  it('1st on a Saturday: the first weekend is the 1st and 2nd (August 2026)', () => {
    assert.deepEqual(weekend('First weekend of August', 2026), { saturday: '2026-08-01', sunday: '2026-08-02' });
  });

  it('1st on a Monday: the first weekend is the 6th and 7th (June 2026)', () => {
    assert.deepEqual(weekend('First weekend of June', 2026), { saturday: '2026-06-06', sunday: '2026-06-07' });
    assert.deepEqual(weekend('Third weekend of June', 2026), { saturday: '2026-06-20', sunday: '2026-06-21' });
  });

  it('first weekend of January may start in December of the year before (1 Jan 2023 is a Sunday)', () => {
    assert.deepEqual(weekend('First weekend of January', 2023), { saturday: '2022-12-31', sunday: '2023-01-01' });
  });

  it('last weekend: the last Saturday and the Sunday after it, spilling into the next month', () => {
    assert.deepEqual(weekend('Last weekend of October', 2026), { saturday: '2026-10-31', sunday: '2026-11-01' });
    assert.deepEqual(weekend('Last weekend of January', 2026), { saturday: '2026-01-31', sunday: '2026-02-01' });
    assert.deepEqual(weekend('Last weekend of December', 2022), { saturday: '2022-12-31', sunday: '2023-01-01' });
    assert.deepEqual(weekend('Last weekend of May', 2026), { saturday: '2026-05-30', sunday: '2026-05-31' });
    assert.deepEqual(weekend('Last weekend of November', 2026), { saturday: '2026-11-28', sunday: '2026-11-29' });
    assert.deepEqual(weekend('Last weekend of February', 2028), { saturday: '2028-02-26', sunday: '2028-02-27' });
  });
});

describe('seasonBounds', () => {
  it('gives the start Saturday and the end Sunday, null for a missing bound', () => {
    assert.deepEqual(seasonBounds({ start: 'First weekend of May', end: 'Last weekend of October' }, 2026), {
      start: '2026-05-02',
      end: '2026-11-01',
    });
    assert.deepEqual(seasonBounds({ start: null, end: 'Last weekend of October' }, 2026), { start: null, end: '2026-11-01' });
    assert.deepEqual(seasonBounds({ start: null, end: null }, 2026), { start: null, end: null });
  });

  it('throws SeasonPhraseError on a bad phrase', () => {
    assert.throws(() => seasonBounds({ start: 'sometime in May', end: null }, 2026), SeasonPhraseError);
  });
});

describe('seasonTest', () => {
  it('is inclusive of the start Saturday and the end Sunday', () => {
    const inSeason = seasonTest({ start: 'First weekend of May', end: 'Last weekend of October' });
    assert.equal(inSeason('2026-05-01'), false);
    assert.equal(inSeason('2026-05-02'), true);
    assert.equal(inSeason('2026-11-01'), true);
    assert.equal(inSeason('2026-11-02'), false);
    assert.equal(inSeason('2027-05-01'), true); // 1 May 2027 is the first weekend's Saturday
  });

  it('one bound restricts one side only', () => {
    const fromMay = seasonTest({ start: 'First weekend of May', end: null });
    assert.equal(fromMay('2026-04-30'), false);
    assert.equal(fromMay('2026-12-31'), true);
    const untilOctober = seasonTest({ start: null, end: 'Last weekend of October' });
    assert.equal(untilOctober('2026-01-01'), true);
    assert.equal(untilOctober('2026-11-07'), false);
  });

  it('keeps a season end that spills into the next year', () => {
    const inSeason = seasonTest({ start: 'First weekend of March', end: 'Last weekend of December' });
    assert.equal(inSeason('2023-01-01'), true); // Sunday of the last weekend of December 2022
    assert.equal(inSeason('2023-01-07'), false);
  });

  it('reads a start later than the end as a season across the year end', () => {
    const winter = seasonTest({ start: 'First weekend of November', end: 'Last weekend of February' });
    assert.equal(winter('2026-12-19'), true);
    assert.equal(winter('2027-01-16'), true);
    assert.equal(winter('2027-02-28'), true);
    assert.equal(winter('2027-03-06'), false);
    assert.equal(winter('2026-10-31'), true); // 1 Nov 2026 is a Sunday, so the first weekend of November starts in October
    assert.equal(winter('2026-10-25'), false);
  });
});
