import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { syntheticClub } from '../../bench/syntheticClub.ts';
import { dutyDaysFor } from '../../solver/calendar.ts';
import { ClubFileError, parseClub, parseClubFile, serializeClub } from '../../solver/clubFile.ts';
import { monthRange } from '../../solver/dates.ts';

/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return --
   A Doc is a club file bent out of shape on purpose, one field at a time: any is the point here. */
type Doc = Record<string, any>;

function validDoc(): Doc {
  return {
    format: 'rostermeister-club/1',
    club: { name: 'Ridge Soaring Club', defaultMaxPerMonth: 6 },
    season: { start: 'First weekend of May', end: 'Last weekend of October' },
    operatingWeekdays: ['sat', 'sun'],
    extraDutyDays: ['2026-05-25'],
    removedDates: ['2026-06-13'],
    roles: [
      { key: 'instructor', title: 'Instructor' },
      { key: 'towpilot', title: 'Tow Pilot' },
      { key: 'am_tow', title: 'Tow Pilot (AM)', qualification: 'towpilot' },
    ],
    members: [
      {
        id: 'm001',
        name: 'Alex Rivera',
        active: true,
        qualifications: ['instructor', 'towpilot'],
        rolePercent: { instructor: 50, towpilot: 50 },
        maxPerMonth: 2,
        preferredDay: 'sat',
        allowWeekendDouble: false,
        dontSchedule: false,
        suspended: false,
        blackouts: ['2026-06-06'],
        pairWith: ['m002'],
        avoid: ['m003'],
        lastDutyDate: '2026-04-26',
      },
      { id: 'm002', name: 'Zoë Müller', qualifications: ['towpilot'] },
      { id: 'm003', name: 'José Núñez', qualifications: ['instructor'], maxPerMonth: 0.5 },
    ],
    published: [{ date: '2026-05-31', slots: { instructor: 'm001', towpilot: null } }],
  };
}

function problemsOf(doc: unknown): ClubFileError['problems'] {
  try {
    parseClub(doc);
  } catch (error) {
    assert.ok(error instanceof ClubFileError, String(error));
    return error.problems;
  }
  assert.fail('expected a ClubFileError');
}

describe('parseClub', () => {
  it('reads a valid document and applies defaults', () => {
    const club = parseClub(validDoc());
    assert.equal(club.name, 'Ridge Soaring Club');
    assert.equal(club.defaultMaxPerMonth, 6);
    assert.deepEqual(club.roles[0], { key: 'instructor', title: 'Instructor', qualification: 'instructor' });
    assert.deepEqual(club.roles[2], { key: 'am_tow', title: 'Tow Pilot (AM)', qualification: 'towpilot' });
    assert.deepEqual(club.members[1], {
      id: 'm002',
      name: 'Zoë Müller',
      active: true,
      qualifications: ['towpilot'],
      rolePercent: {},
      maxPerMonth: null,
      preferredDay: null,
      allowWeekendDouble: false,
      dontSchedule: false,
      suspended: false,
      blackouts: [],
      pairWith: [],
      avoid: [],
      lastDutyDate: null,
    });
    assert.deepEqual(club.published, [{ date: '2026-05-31', slots: { instructor: 'm001', towpilot: null } }]);
  });

  it('uses the format defaults for optional top-level fields', () => {
    const doc = validDoc();
    for (const key of ['season', 'operatingWeekdays', 'extraDutyDays', 'removedDates', 'published']) delete doc[key];
    delete doc.club.defaultMaxPerMonth;
    const club = parseClub(doc);
    assert.deepEqual(club.season, { start: null, end: null });
    assert.deepEqual(club.operatingWeekdays, ['sat', 'sun']);
    assert.equal(club.defaultMaxPerMonth, 8);
    assert.deepEqual([club.extraDutyDays, club.removedDates, club.published], [[], [], []]);
  });

  it('accepts a role qualification no member holds', () => {
    const doc = validDoc();
    doc.roles.push({ key: 'winch', title: 'Winch Driver', qualification: 'winch_driver' });
    assert.equal(parseClub(doc).roles.length, 4);
  });

  const cases: [string, (d: Doc) => void, string, RegExp][] = [
    ['wrong format', (d) => (d.format = 'rostermeister-club/3'), 'format', /rostermeister-club\/2/],
    ['missing format', (d) => delete d.format, 'format', /required/],
    ['missing club name', (d) => delete d.club.name, 'club.name', /required/],
    ['blank club name', (d) => (d.club.name = '  '), 'club.name', /name/],
    ['unknown top-level field', (d) => (d.colour = 'red'), 'colour', /no field "colour"/],
    ['unknown club field', (d) => (d.club.city = 'Ridge'), 'club.city', /no field/],
    ['unknown role field', (d) => (d.roles[0].colour = 'red'), 'roles[0].colour', /no field/],
    ['unknown member field', (d) => (d.members[1].email = 'z@x'), 'members[1].email', /no field/],
    ['unknown published field', (d) => (d.published[0].note = 'x'), 'published[0].note', /no field/],
    ['unknown season field', (d) => (d.season.middle = 'x'), 'season.middle', /no field/],
    ['defaultMaxPerMonth out of range', (d) => (d.club.defaultMaxPerMonth = 13), 'club.defaultMaxPerMonth', /0 to 12/],
    ['bad season phrase', (d) => (d.season.start = 'early May'), 'season.start', /season phrase/],
    ['season phrase not text', (d) => (d.season.end = 10), 'season.end', /season phrase/],
    ['bad weekday', (d) => (d.operatingWeekdays = ['sat', 'sunday']), 'operatingWeekdays[1]', /one of sun, mon/],
    ['duplicate weekday', (d) => (d.operatingWeekdays = ['sat', 'sat']), 'operatingWeekdays[1]', /only once/],
    ['bad extra day', (d) => (d.extraDutyDays = ['2026-02-30']), 'extraDutyDays[0]', /YYYY-MM-DD/],
    ['extra days not a list', (d) => (d.extraDutyDays = '2026-05-25'), 'extraDutyDays', /list of dates/],
    ['bad removed date', (d) => (d.removedDates = ['13/06/2026']), 'removedDates[0]', /YYYY-MM-DD/],
    ['duplicate removed date', (d) => (d.removedDates = ['2026-06-13', '2026-06-13']), 'removedDates[1]', /only once/],
    ['no roles', (d) => ((d.roles = []), (d.published = [])), 'roles', /at least one role/],
    ['bad role key', (d) => (d.roles[2].key = 'AM Tow'), 'roles[2].key', /lowercase/],
    ['duplicate role key', (d) => (d.roles[2].key = 'towpilot'), 'roles[2].key', /not used by another role/],
    ['bad role qualification', (d) => (d.roles[2].qualification = 'tow-pilot'), 'roles[2].qualification', /lowercase/],
    ['missing role title', (d) => delete d.roles[0].title, 'roles[0].title', /required/],
    ['member not an object', (d) => d.members.push('m004'), 'members[3]', /a member/],
    ['missing member id', (d) => d.members.push({ name: 'Kim Lee', qualifications: [] }), 'members[3].id', /required/],
    ['missing qualifications', (d) => delete d.members[1].qualifications, 'members[1].qualifications', /required/],
    [
      'duplicate member id',
      (d) => d.members.push({ id: 'm002', name: 'Kim Lee', qualifications: [] }),
      'members[3].id',
      /members\[1\] has it too/,
    ],
    ['bad qualification', (d) => (d.members[1].qualifications = ['Tow']), 'members[1].qualifications[0]', /lowercase/],
    [
      'duplicate qualification',
      (d) => (d.members[1].qualifications = ['towpilot', 'towpilot']),
      'members[1].qualifications[1]',
      /only once/,
    ],
    ['active not boolean', (d) => (d.members[1].active = 'yes'), 'members[1].active', /true or false/],
    ['suspended not boolean', (d) => (d.members[1].suspended = 1), 'members[1].suspended', /true or false/],
    ['percent above 100', (d) => (d.members[0].rolePercent.instructor = 120), 'members[0].rolePercent.instructor', /0 to 100/],
    ['negative percent', (d) => (d.members[0].rolePercent.towpilot = -5), 'members[0].rolePercent.towpilot', /0 to 100/],
    [
      'percent for a qualification not held',
      (d) => (d.members[0].rolePercent.duty_officer = 10),
      'members[0].rolePercent.duty_officer',
      /holds: instructor, towpilot/,
    ],
    ['rolePercent not an object', (d) => (d.members[0].rolePercent = [50, 50]), 'members[0].rolePercent', /percent/],
    ['maxPerMonth above 12', (d) => (d.members[1].maxPerMonth = 12.5), 'members[1].maxPerMonth', /0 to 12/],
    ['maxPerMonth as text', (d) => (d.members[1].maxPerMonth = '2'), 'members[1].maxPerMonth', /0 to 12/],
    ['bad preferred day', (d) => (d.members[1].preferredDay = 'mon'), 'members[1].preferredDay', /"sat", "sun"/],
    ['bad blackout', (d) => (d.members[0].blackouts = ['2026-6-6']), 'members[0].blackouts[0]', /YYYY-MM-DD/],
    ['bad last duty date', (d) => (d.members[0].lastDutyDate = '2026-04-31'), 'members[0].lastDutyDate', /YYYY-MM-DD/],
    ['unknown pairWith id', (d) => (d.members[1].pairWith = ['m999']), 'members[1].pairWith[0]', /member of the club/],
    ['unknown avoid id', (d) => (d.members[0].avoid = ['m003', 'm999']), 'members[0].avoid[1]', /member of the club/],
    ['avoiding oneself', (d) => (d.members[2].avoid = ['m003']), 'members[2].avoid[0]', /not the member itself/],
    ['pairing with oneself', (d) => (d.members[1].pairWith = ['m002']), 'members[1].pairWith[0]', /not the member itself/],
    ['avoiding a paired member', (d) => (d.members[1].avoid = ['m001']), 'members[1].avoid[0]', /pairWith/],
    ['avoid id not text', (d) => (d.members[1].avoid = [3]), 'members[1].avoid[0]', /member id/],
    ['bad published date', (d) => (d.published[0].date = '2026-05-32'), 'published[0].date', /YYYY-MM-DD/],
    ['duplicate published date', (d) => d.published.push({ date: '2026-05-31', slots: {} }), 'published[1].date', /not published twice/],
    [
      'published slot for an unknown role',
      (d) => (d.published[0].slots.winch = 'm001'),
      'published[0].slots.winch',
      /instructor, towpilot, am_tow/,
    ],
    [
      'published slot for an unknown member',
      (d) => (d.published[0].slots.towpilot = 'm999'),
      'published[0].slots.towpilot',
      /member in this file/,
    ],
    ['published slots not an object', (d) => (d.published[0].slots = []), 'published[0].slots', /role key/],
  ];

  for (const [name, mutate, path, expected] of cases) {
    it(`reports ${name} at ${path}`, () => {
      const doc = validDoc();
      mutate(doc);
      const problems = problemsOf(doc);
      assert.equal(problems.length, 1, JSON.stringify(problems));
      assert.equal(problems[0].path, path);
      assert.match(problems[0].expected, expected);
    });
  }

  it('rejects a document that is not an object', () => {
    assert.deepEqual(
      problemsOf([1, 2]).map((p) => p.path),
      [''],
    );
    assert.deepEqual(
      problemsOf(null).map((p) => p.path),
      [''],
    );
  });

  it('collects every problem and names members by id in the message', () => {
    const doc = validDoc();
    doc.format = 'v1';
    doc.members[1].avoid = ['m999'];
    doc.members[2].rolePercent = { instructor: 200 };
    doc.extraDutyDays = ['2026-13-01'];
    let caught: unknown;
    try {
      parseClub(doc);
    } catch (error) {
      caught = error;
    }
    assert.ok(caught instanceof ClubFileError);
    assert.deepEqual(caught.problems.map((p) => p.path).sort(), [
      'extraDutyDays[0]',
      'format',
      'members[1].avoid[0]',
      'members[2].rolePercent.instructor',
    ]);
    assert.match(caught.message, /^The club file has 4 problems:/);
    assert.ok(caught.message.includes('- members[1] (m002).avoid[0]: "m999" — expected the id of a member of the club'), caught.message);
    assert.ok(
      caught.message.includes('- members[2] (m003).rolePercent.instructor: 200 — expected a percent from 0 to 100'),
      caught.message,
    );
  });

  it('says "missing" for a missing required field', () => {
    const doc = validDoc();
    delete doc.club;
    assert.throws(() => parseClub(doc), /- club: missing — expected a value for the required field "club"/);
  });
});

describe('parseClubFile', () => {
  it('reports text that is not JSON', () => {
    assert.throws(
      () => parseClubFile('{"format": "rostermeister-club/1",'),
      (error: unknown) =>
        error instanceof ClubFileError &&
        error.problems.length === 1 &&
        /^The club file has 1 problem:\n- \(file\): missing — expected a JSON document/.test(error.message),
    );
  });

  it('reads text with a byte order mark', () => {
    assert.equal(parseClubFile(`\uFEFF${JSON.stringify(validDoc())}`).members.length, 3);
  });
});

describe('serializeClub', () => {
  it('writes every field explicitly and round-trips', () => {
    const club = parseClub(validDoc());
    const doc = serializeClub(club);
    assert.deepEqual(Object.keys(doc), [
      'format',
      'club',
      'season',
      'operatingWeekdays',
      'extraDutyDays',
      'removedDates',
      'roles',
      'members',
      'published',
    ]);
    assert.equal(doc.members[1].maxPerMonth, null);
    assert.equal(doc.roles[0].qualification, 'instructor');
    assert.deepEqual(parseClub(doc), club);
    assert.deepEqual(parseClub(JSON.parse(JSON.stringify(doc))), club);
  });

  it('is byte-stable: serialize, parse, serialize gives the same text', () => {
    for (const club of [
      parseClub(validDoc()),
      syntheticClub({ members: 60, roles: 6, seed: 3, seasonStart: 'First weekend of April', seasonEnd: null }),
    ]) {
      const first = JSON.stringify(serializeClub(club));
      const again = JSON.stringify(serializeClub(parseClub(JSON.parse(first))));
      assert.equal(again, first);
      assert.deepEqual(parseClub(serializeClub(club)), club);
    }
  });

  it('does not share arrays with the club', () => {
    const club = parseClub(validDoc());
    serializeClub(club).members[0].blackouts.push('2026-07-04');
    assert.deepEqual(club.members[0].blackouts, ['2026-06-06']);
  });
});

describe('the demo club', () => {
  const club = parseClubFile(readFileSync(new URL('../../assets/demo-club.json', import.meta.url), 'utf8'));

  it('loads, with about 45 members, the four default roles and a season', () => {
    assert.equal(club.members.length, 45);
    assert.deepEqual(
      club.roles.map((r) => r.key),
      ['instructor', 'towpilot', 'duty_officer', 'assistant_duty_officer'],
    );
    assert.ok(club.season.start && club.season.end);
    assert.ok(club.members.some((m) => /[^\p{ASCII}]/u.test(m.name)));
  });

  it('has blackouts, preferences, pairs, avoidances and published history before December 2026', () => {
    assert.ok(club.members.some((m) => m.blackouts.length > 0));
    assert.ok(club.members.some((m) => Object.keys(m.rolePercent).length > 0));
    assert.ok(club.members.some((m) => m.preferredDay !== null));
    assert.ok(club.members.some((m) => m.pairWith.length > 0));
    assert.ok(club.members.some((m) => m.avoid.length > 0));
    assert.ok(club.published.some((d) => d.date.startsWith('2026-11')));
    assert.ok(club.published.some((d) => d.date.startsWith('2026-10')));
  });

  it('has duty days in December 2026 and in the 2027 season', () => {
    assert.ok(dutyDaysFor(club, monthRange(2026, 12)).length >= 4);
    assert.ok(dutyDaysFor(club, monthRange(2027, 6)).length >= 8);
  });
});
