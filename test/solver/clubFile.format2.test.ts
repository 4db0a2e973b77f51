import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { CLUB_FORMAT, ClubFileError, parseClub, parseClubFile, serializeClub } from '../../solver/clubFile.ts';
import { memberFieldLabel, memberProblemMessage } from '../../solver/memberSchema.ts';

/* eslint-disable @typescript-eslint/no-explicit-any --
   A Doc is a club file bent out of shape on purpose, one field at a time. */
type Doc = Record<string, any>;

function doc(format: string, unavailable?: unknown[]): Doc {
  return {
    format,
    club: { name: 'Ridge Soaring Club' },
    roles: [
      { key: 'instructor', title: 'Instructor' },
      { key: 'towpilot', title: 'Tow Pilot' },
    ],
    members: [
      { id: 'm001', name: 'Alex Rivera', qualifications: ['instructor', 'towpilot'], blackouts: ['2026-06-06', '2026-06-07'] },
      { id: 'm002', name: 'Zoë Müller', qualifications: ['towpilot'], ...(unavailable ? { unavailable } : {}) },
    ],
  };
}

function problemsOf(value: unknown): ClubFileError['problems'] {
  try {
    parseClub(value);
  } catch (error) {
    assert.ok(error instanceof ClubFileError, String(error));
    return error.problems;
  }
  assert.fail('expected a ClubFileError');
}

const EXAMPLES = [
  { date: '2026-06-06' },
  { from: '2026-07-01', to: '2026-07-21' },
  { weekday: 'sun' },
  { weekday: 'sat', months: [8] },
  { months: [8], roles: ['towpilot'], level: 'preferNot', note: 'harvest' },
];

describe('club file format 2', () => {
  it('writes format 2', () => {
    assert.equal(serializeClub(parseClub(doc('rostermeister-club/1'))).format, 'rostermeister-club/2');
    assert.equal(CLUB_FORMAT, 'rostermeister-club/2');
  });

  it('imports format 1, exports format 2, imports that again: the same club, blackouts kept as never dates', () => {
    const first = parseClub(doc('rostermeister-club/1'));
    const text = JSON.stringify(serializeClub(first));
    assert.match(text, /"format":"rostermeister-club\/2"/);
    const again = parseClubFile(text);
    assert.deepEqual(again, first);
    assert.deepEqual(again.members[0].blackouts, ['2026-06-06', '2026-06-07']);
    assert.equal(JSON.stringify(serializeClub(again)), text);
  });

  it('reads the example rules of the spec, defaults the level to never, and round-trips them', () => {
    const club = parseClub(doc('rostermeister-club/2', EXAMPLES));
    assert.deepEqual(club.members[1].unavailable, [
      { date: '2026-06-06', level: 'never' },
      { from: '2026-07-01', to: '2026-07-21', level: 'never' },
      { weekday: 'sun', level: 'never' },
      { weekday: 'sat', months: [8], level: 'never' },
      { months: [8], roles: ['towpilot'], level: 'preferNot', note: 'harvest' },
    ]);
    assert.equal(club.members[0].unavailable, undefined, 'a member without rules has none');
    const written = serializeClub(club);
    assert.equal(written.members[0].unavailable, undefined, 'and writes none');
    const text = JSON.stringify(written);
    assert.deepEqual(parseClubFile(text), club);
    assert.equal(JSON.stringify(serializeClub(parseClubFile(text))), text, 'byte-stable');
  });

  it('keeps the demo club the same through format 2', () => {
    const demo = parseClubFile(readFileSync(new URL('../../assets/demo-club.json', import.meta.url), 'utf8'));
    assert.deepEqual(parseClubFile(JSON.stringify(serializeClub(demo))), demo);
  });

  it('refuses availability rules in a format 1 file, naming the field and format 2', () => {
    const problems = problemsOf(doc('rostermeister-club/1', [{ weekday: 'sun' }]));
    assert.equal(problems.length, 1);
    assert.equal(problems[0].path, 'members[1].unavailable');
    assert.match(problems[0].expected, /rostermeister-club\/2/);
  });

  const BAD: [string, unknown, string, RegExp][] = [
    ['an unknown field', { weekday: 'sun', when: 'always' }, 'members[1].unavailable[0].when', /no field "when"/],
    ['nothing saying when', { level: 'never' }, 'members[1].unavailable[0]', /saying when/],
    ['a date and a weekday', { date: '2026-06-06', weekday: 'sun' }, 'members[1].unavailable[0].weekday', /exactly one/],
    ['months beside a date', { date: '2026-06-06', months: [6] }, 'members[1].unavailable[0].months', /exactly one/],
    ['from without to', { from: '2026-07-01' }, 'members[1].unavailable[0].to', /together/],
    ['to before from', { from: '2026-07-21', to: '2026-07-01' }, 'members[1].unavailable[0].to', /on or after "from" \(2026-07-21\)/],
    ['a bad to', { from: '2026-07-01', to: '2026-07-32' }, 'members[1].unavailable[0].to', /YYYY-MM-DD/],
    ['a bad weekday', { weekday: 'sunday' }, 'members[1].unavailable[0].weekday', /one of sun/],
    ['month 13', { months: [8, 13] }, 'members[1].unavailable[0].months[1]', /1 \(January\) to 12/],
    ['a month twice', { months: [8, 8] }, 'members[1].unavailable[0].months[1]', /only once/],
    ['no months', { months: [] }, 'members[1].unavailable[0].months', /list of months/],
    ['a bad role key', { weekday: 'sun', roles: ['Tow Pilot'] }, 'members[1].unavailable[0].roles[0]', /qualification key/],
    ['a bad level', { weekday: 'sun', level: 'maybe' }, 'members[1].unavailable[0].level', /"never" or "preferNot"/],
    ['a note on two lines', { weekday: 'sun', note: 'a\nb' }, 'members[1].unavailable[0].note', /one line/],
    ['a rule that is a string', 'sundays', 'members[1].unavailable[0]', /availability rule/],
  ];
  for (const [name, rule, path, expected] of BAD) {
    it(`refuses ${name} at ${path}`, () => {
      const problems = problemsOf(doc('rostermeister-club/2', [{ weekday: 'sat' }, rule].reverse()));
      assert.deepEqual(
        problems.map((p) => p.path),
        [path],
      );
      assert.match(problems[0].expected, expected);
    });
  }

  it('names the member in the message and reports every bad rule', () => {
    try {
      parseClub(doc('rostermeister-club/2', [{ weekday: 'sun' }, { from: '2026-07-01' }, { months: [0] }]));
      assert.fail('expected a ClubFileError');
    } catch (error) {
      assert.ok(error instanceof ClubFileError);
      assert.deepEqual(
        error.problems.map((p) => p.path),
        ['members[1].unavailable[1].to', 'members[1].unavailable[2].months[0]'],
      );
      assert.match(error.message, /members\[1\] \(m002\)\.unavailable\[1\]\.to: missing/);
    }
  });

  it('names a rule field as the member form does', () => {
    assert.equal(memberFieldLabel('unavailable[0].to'), 'Availability (rule 1, to)');
    assert.equal(
      memberProblemMessage('unavailable[2].weekday', 'x', 'a weekday'),
      'Availability (rule 3, weekday) must be a weekday, not "x".',
    );
  });
});
