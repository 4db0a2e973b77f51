import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ClubFileError, parseClub, serializeClub } from '../../../solver/clubFile.ts';
import { Eligibility } from '../../../solver/eligibility.ts';
import { runLegacy } from '../../../solver/legacy.ts';
import { lastValidDate } from '../../../solver/rules/qualificationExpiry.ts';
import { validateRoster } from '../../../solver/validate.ts';
import { club, INSTRUCTOR, JUNE_WEEKENDS, member, problem, slot, TOW } from '../rosterFixtures.ts';
import { validUntil } from './cases.ts';

/** Qualification validity: the club file field, and the rule's date boundary. */

function doc(expiry: unknown) {
  return {
    format: 'rostermeister-club/1',
    club: { name: 'Ridge Soaring Club' },
    roles: [
      { key: 'towpilot', title: 'Tow Pilot' },
      { key: 'instructor', title: 'Instructor' },
    ],
    members: [
      { id: 'm001', name: 'Alex Rivera', qualifications: ['towpilot', 'instructor'], qualificationExpiry: expiry },
      { id: 'm002', name: 'Zoë Müller', qualifications: ['towpilot'] },
    ],
  };
}

function problemsOf(value: unknown): string[] {
  try {
    parseClub(value);
  } catch (error) {
    assert.ok(error instanceof ClubFileError, String(error));
    return error.problems.map((p) => `${p.path}: ${p.expected}`);
  }
  assert.fail('expected a ClubFileError');
}

describe('qualificationExpiry in the club file', () => {
  it('reads last valid dates into a null-prototype map and writes them back', () => {
    const parsed = parseClub(doc({ towpilot: '2026-06-13' }));
    const expiry = parsed.members[0].qualificationExpiry!;
    assert.equal(Object.getPrototypeOf(expiry), null);
    assert.deepEqual({ ...expiry }, { towpilot: '2026-06-13' });
    assert.equal(parsed.members[1].qualificationExpiry, undefined);
    const written = serializeClub(parsed);
    assert.deepEqual(written.members[0].qualificationExpiry, { towpilot: '2026-06-13' });
    assert.equal('qualificationExpiry' in written.members[1], false, 'not written for a member without one');
    assert.deepEqual(parseClub(JSON.parse(JSON.stringify(written))), parsed);
  });

  it('names the field of a date that is not one, a qualification not held, and a value that is no object', () => {
    assert.deepEqual(problemsOf(doc({ towpilot: '2026-06-31' })), [
      'members[0].qualificationExpiry.towpilot: a date written YYYY-MM-DD in the years 2000 to 2100, e.g. "2026-05-02"',
    ]);
    assert.deepEqual(problemsOf(doc({ duty_officer: '2026-06-13' })), [
      'members[0].qualificationExpiry.duty_officer: a last valid date only for a qualification this member holds (holds: towpilot, instructor)',
    ]);
    assert.deepEqual(problemsOf(doc(['2026-06-13'])), [
      'members[0].qualificationExpiry: an object of qualification key -> last valid date (YYYY-MM-DD)',
    ]);
    // JSON.parse makes "__proto__" an own key; it is refused like any key the member does not hold.
    assert.match(
      problemsOf(
        JSON.parse(JSON.stringify(doc({})).replace('"qualificationExpiry":{}', '"qualificationExpiry":{"__proto__":"2026-06-13"}')),
      )[0],
      /^members\[0\]\.qualificationExpiry\.__proto__: a last valid date only for/,
    );
  });

  it('keeps the error message path-named for the user', () => {
    assert.throws(() => parseClub(doc({ towpilot: 13 })), /members\[0\] \(m001\)\.qualificationExpiry\.towpilot: 13 — expected a date/);
  });
});

describe('the qualification validity rule', () => {
  const SAT = '2026-06-06';
  const SUN = '2026-06-07';
  const a = member('a', ['towpilot', 'instructor'], { qualificationExpiry: validUntil({ towpilot: SAT }) });
  const p = problem(club([a, member('b', ['towpilot'])], [TOW, INSTRUCTOR]), [SAT, SUN]);

  it('counts the qualification up to and including its last valid date, for its roles only', () => {
    const eligibility = new Eligibility(p.club, p.range);
    assert.equal(eligibility.staticBlock('a', TOW, SAT), null);
    assert.equal(eligibility.staticBlock('a', TOW, SUN), 'qualification_expired');
    assert.equal(eligibility.staticBlock('a', INSTRUCTOR, SUN), null);
  });

  it('looks up own keys only, so a qualification named like an Object method does not expire', () => {
    const odd = member('c', ['constructor']);
    assert.equal(lastValidDate(odd, 'constructor'), null);
    assert.equal(lastValidDate({ ...odd, qualificationExpiry: validUntil({ constructor: SAT }) }, 'constructor'), SAT);
  });

  it('is kept by legacy over a month and caught by the validator', () => {
    const month = problem(club([a, member('b', ['towpilot'])], [TOW]), JUNE_WEEKENDS);
    for (let seed = 0; seed < 20; seed++) {
      const roster = runLegacy(month, seed);
      assert.ok(
        roster.every((s) => s.memberId !== 'a' || s.date <= SAT),
        `seed ${seed}`,
      );
    }
    assert.deepEqual(
      validateRoster(p, [
        slot(SAT, 'towpilot', 'b'),
        slot(SAT, 'instructor', 'a'),
        slot(SUN, 'towpilot', 'a'),
        slot(SUN, 'instructor', null),
      ]).map((v) => v.rule),
      ['qualification_expired'],
    );
  });
});
