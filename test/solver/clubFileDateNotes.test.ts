import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ClubFileError, parseClub, serializeClub } from '../../solver/clubFile.ts';

/** The optional labels of extra duty days and reasons of removed dates in the club file (format 1 stays as it was). */
const doc = (extra: Record<string, unknown> = {}) => ({
  format: 'rostermeister-club/1',
  club: { name: 'Ridge Soaring Club' },
  extraDutyDays: ['2026-05-25', '2026-07-20', '2026-07-21'],
  removedDates: ['2026-06-13'],
  roles: [{ key: 'towpilot', title: 'Tow Pilot' }],
  members: [],
  ...extra,
});

function problemsOf(value: unknown): string[] {
  try {
    parseClub(value);
  } catch (error) {
    assert.ok(error instanceof ClubFileError);
    return error.problems.map((p) => p.path);
  }
  return assert.fail('expected the file to be refused');
}

describe('labels and reasons of the club calendar in the club file', () => {
  it('reads a file without them exactly as before and writes none back', () => {
    const club = parseClub(doc());
    assert.equal('extraDutyDayLabels' in club, false);
    assert.equal('removedDateReasons' in club, false);
    const written = serializeClub(club);
    assert.equal('extraDutyDayLabels' in written, false);
    assert.equal('removedDateReasons' in written, false);
    assert.deepEqual(written.extraDutyDays, ['2026-05-25', '2026-07-20', '2026-07-21'], 'the dates stay plain strings');
  });

  it('keeps labels and reasons through a round trip', () => {
    const labels = { '2026-05-25': 'Bank holiday', '2026-07-20': 'Competition week', '2026-07-21': 'Competition week' };
    const club = parseClub(doc({ extraDutyDayLabels: labels, removedDateReasons: { '2026-06-13': 'Airfield closed' } }));
    assert.deepEqual({ ...club.extraDutyDayLabels }, labels);
    const again = parseClub(JSON.parse(JSON.stringify(serializeClub(club))));
    assert.deepEqual({ ...again.extraDutyDayLabels }, labels);
    assert.deepEqual({ ...again.removedDateReasons }, { '2026-06-13': 'Airfield closed' });
  });

  it('refuses a note for a date the list does not have, a note that is not text, and a list instead of an object', () => {
    assert.deepEqual(problemsOf(doc({ extraDutyDayLabels: { '2026-05-26': 'Bank holiday' } })), ['extraDutyDayLabels.2026-05-26']);
    assert.deepEqual(problemsOf(doc({ removedDateReasons: { '2026-06-13': 42 } })), ['removedDateReasons.2026-06-13']);
    assert.deepEqual(problemsOf(doc({ removedDateReasons: ['2026-06-13'] })), ['removedDateReasons']);
    assert.deepEqual(problemsOf(doc({ extraDutyDayLabels: { '2026-05-25': 'x'.repeat(101) } })), ['extraDutyDayLabels.2026-05-25']);
  });
});
