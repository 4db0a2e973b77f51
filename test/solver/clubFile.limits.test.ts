import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ClubFileError, parseClub, parseClubFile } from '../../solver/clubFile.ts';
import { monthRange } from '../../solver/dates.ts';
import { percentWeight } from '../../solver/rules/percent.ts';
import { runLegacy } from '../../solver/legacy.ts';
import { CLUB_LIMITS } from '../../solver/limits.ts';
import { MEMBER_LIMITS } from '../../solver/memberSchema.ts';
import { rosterMetrics } from '../../solver/metrics.ts';
import { solveOptimizer } from '../../solver/optimizer/index.ts';
import { buildProblem } from '../../solver/problem.ts';

/** Club files beyond the size limits, nested too deeply, or using keys that name Object.prototype's members. */

interface MemberDoc {
  id: string;
  name: string;
  qualifications: string[];
  blackouts?: string[];
  avoid?: string[];
  rolePercent?: Record<string, number>;
}
interface Doc {
  format: string;
  club: { name: string };
  season?: { start: string };
  extraDutyDays?: string[];
  removedDates?: string[];
  roles: { key: string; title: string }[];
  members: MemberDoc[];
  published?: { date: string; slots: Record<string, string> }[];
}

function smallDoc(): Doc {
  return {
    format: 'rostermeister-club/1',
    club: { name: 'Ridge Soaring Club' },
    roles: [{ key: 'duty_officer', title: 'Duty Officer' }],
    members: [
      { id: 'm1', name: 'Alex Rivera', qualifications: ['duty_officer'] },
      { id: 'm2', name: 'Zoë Müller', qualifications: ['duty_officer'] },
    ],
  };
}

function problemsOf(run: () => unknown): ClubFileError['problems'] {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof ClubFileError, String(error));
    return error.problems;
  }
  return assert.fail('expected a ClubFileError');
}

const member = (i: number) => ({ id: `m${i}`, name: `Member ${i}`, qualifications: ['duty_officer'] });
const dates = (n: number) => Array.from({ length: n }, (_, i) => new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10));

describe('club file size limits', () => {
  const cases: [string, (doc: Doc) => void, string, RegExp][] = [
    ['club name', (d) => (d.club.name = 'x'.repeat(CLUB_LIMITS.nameLength + 1)), 'club.name', /at most 200 characters/],
    ['member name', (d) => (d.members[0].name = 'x'.repeat(MEMBER_LIMITS.nameLength + 1)), 'members[0].name', /at most 200 characters/],
    ['member id', (d) => (d.members[1].id = 'x'.repeat(MEMBER_LIMITS.idLength + 1)), 'members[1].id', /at most 100 characters/],
    ['role title', (d) => (d.roles[0].title = 'x'.repeat(CLUB_LIMITS.roleTitleLength + 1)), 'roles[0].title', /at most 100 characters/],
    ['role key', (d) => (d.roles[0].key = 'x'.repeat(CLUB_LIMITS.keyLength + 1)), 'roles[0].key', /at most 64 characters/],
    ['season phrase', (d) => (d.season = { start: `First weekend of May${' '.repeat(200)}` }), 'season.start', /season phrase/],
    [
      'roles',
      (d) => (d.roles = Array.from({ length: CLUB_LIMITS.roles + 1 }, (_, i) => ({ key: `r${i}`, title: `R${i}` }))),
      'roles',
      /at most 50 entries/,
    ],
    [
      'members',
      (d) => (d.members = Array.from({ length: CLUB_LIMITS.members + 1 }, (_, i) => member(i))),
      'members',
      /at most 10000 entries/,
    ],
    [
      'qualifications',
      (d) => (d.members[0].qualifications = Array.from({ length: MEMBER_LIMITS.qualifications + 1 }, (_, i) => `q${i}`)),
      'members[0].qualifications',
      /at most 50 qualification keys/,
    ],
    ['blackouts', (d) => (d.members[0].blackouts = dates(MEMBER_LIMITS.blackouts + 1)), 'members[0].blackouts', /at most 1000 dates/],
    ['extra duty days', (d) => (d.extraDutyDays = dates(CLUB_LIMITS.dates + 1)), 'extraDutyDays', /at most 1000 entries/],
    ['removed dates', (d) => (d.removedDates = dates(CLUB_LIMITS.dates + 1)), 'removedDates', /at most 1000 entries/],
    [
      'partners',
      (d) => (d.members[0].avoid = Array.from({ length: MEMBER_LIMITS.people + 1 }, (_, i) => `m${i + 10}`)),
      'members[0].avoid',
      /at most 200 member ids/,
    ],
    [
      'published days',
      (d) => (d.published = dates(CLUB_LIMITS.publishedDays + 1).map((date) => ({ date, slots: {} }))),
      'published',
      /at most 20000 entries/,
    ],
  ];
  for (const [what, spoil, path, expected] of cases) {
    it(`refuses too many or too long: ${what}, naming ${path}`, () => {
      const doc = smallDoc();
      spoil(doc);
      const problems = problemsOf(() => parseClubFile(JSON.stringify(doc)));
      assert.deepEqual(
        problems.map((p) => p.path),
        [path],
      );
      assert.match(problems[0].expected, expected);
      const message = new ClubFileError(problems).message;
      assert.ok(message.length < 500, `the message stays short (${message.length} characters)`);
    });
  }

  it('accepts every field at its limit', () => {
    const doc = smallDoc();
    doc.club.name = 'C'.repeat(CLUB_LIMITS.nameLength);
    doc.members[0].name = 'N'.repeat(MEMBER_LIMITS.nameLength);
    doc.members[0].blackouts = dates(MEMBER_LIMITS.blackouts);
    doc.roles[0].title = 'T'.repeat(CLUB_LIMITS.roleTitleLength);
    const club = parseClubFile(JSON.stringify(doc));
    assert.equal(club.members[0].name.length, MEMBER_LIMITS.nameLength);
    assert.equal(club.members[0].blackouts.length, MEMBER_LIMITS.blackouts);
  });

  it('refuses a file above the size limit before parsing it', () => {
    const problems = problemsOf(() => parseClubFile(' '.repeat(CLUB_LIMITS.fileChars + 1)));
    assert.equal(problems[0].path, '');
    assert.match(problems[0].expected, /at most 20 MB/);
  });
});

describe('nesting depth', () => {
  it('a deeply nested file is bad input naming the depth, not an internal error', () => {
    for (const depth of [CLUB_LIMITS.depth + 1, 1_000, 1_000_000]) {
      const text = `{"format":"rostermeister-club/1","club":${'['.repeat(depth)}${']'.repeat(depth)}}`;
      const problems = problemsOf(() => parseClubFile(text));
      assert.match(problems[0].expected, /nested at most 12 levels deep/);
    }
  });

  it('brackets inside strings do not count', () => {
    const doc = smallDoc();
    doc.members[0].name = `[{${'['.repeat(100)}`;
    assert.equal(parseClubFile(JSON.stringify(doc)).members[0].name.length, 102);
  });

  it('an already parsed document nested too deeply is refused too', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const problems = problemsOf(() => parseClub({ ...smallDoc(), club: deep }));
    assert.match(problems[0].expected, /nested at most 12 levels deep/);
  });
});

describe('keys that name Object.prototype members are only keys', () => {
  const doc = (): Doc => ({
    format: 'rostermeister-club/1',
    club: { name: 'Prototype Gliding Club' },
    roles: [
      { key: 'constructor', title: 'Constructor' },
      { key: 'instructor', title: 'Instructor' },
    ],
    members: [
      // States a percent for instructor only: the percent rule gives "constructor" 0.
      { id: 'constructor', name: 'Con', qualifications: ['constructor', 'instructor'], rolePercent: { instructor: 100 } },
      { id: '__proto__', name: 'Proto', qualifications: ['constructor'] },
      { id: 'toString', name: 'Tess', qualifications: ['constructor', 'instructor'] },
      { id: 'hasOwnProperty', name: 'Hal', qualifications: ['instructor'] },
    ],
  });

  it('the percent rule still holds for a qualification called "constructor"', () => {
    const club = parseClubFile(JSON.stringify(doc()));
    assert.equal(percentWeight(club.members[0], 'constructor'), 0);
    assert.equal(percentWeight(club.members[0], 'instructor'), 100);
    assert.equal(percentWeight(club.members[2], 'constructor'), 100);
  });

  it('a rolePercent key "__proto__" is refused, and changes no prototype', () => {
    const text = JSON.stringify(doc()).replace('"rolePercent":{"instructor":100}', '"rolePercent":{"__proto__":{"polluted":1}}');
    const problems = problemsOf(() => parseClubFile(text));
    assert.deepEqual(
      problems.map((p) => p.path),
      ['members[0].rolePercent.__proto__'],
    );
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  it('both schedulers and the metrics treat such ids and keys as plain text', async () => {
    const club = parseClubFile(JSON.stringify(doc()));
    const problem = buildProblem(club, monthRange(2026, 6));
    const legacy = runLegacy(problem, 1);
    assert.ok(!legacy.some((a) => a.role === 'constructor' && a.memberId === 'constructor'), 'the percent rule blocks it');
    const metrics = rosterMetrics(problem, legacy, 0);
    assert.ok(Number.isFinite(metrics.fairness_variance) && Number.isFinite(metrics.fairness_variance_all), JSON.stringify(metrics));
    const optimized = await solveOptimizer(problem, { timeLimitMs: 5000 });
    assert.ok(Number.isFinite(optimized.objective), `objective ${optimized.objective}`);
    assert.ok(!optimized.assignments.some((a) => a.role === 'constructor' && a.memberId === 'constructor'));
  });
});
