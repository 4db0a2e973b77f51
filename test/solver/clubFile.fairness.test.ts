import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ClubFileError, parseClub, parseClubFile, serializeClub } from '../../solver/clubFile.ts';

/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-member-access --
   A Doc is a club file bent out of shape on purpose: any is the point here. */
type Doc = Record<string, any>;

function doc(): Doc {
  return {
    format: 'rostermeister-club/1',
    club: { name: 'Ridge Soaring Club', defaultMaxPerMonth: 6, fairnessWindow: '12months', defaultSeasonQuota: 8 },
    roles: [{ key: 'towpilot', title: 'Tow Pilot' }],
    members: [
      { id: 'm1', name: 'Ann', qualifications: ['towpilot'], seasonQuota: 3 },
      { id: 'm2', name: 'Ben', qualifications: ['towpilot'], exempt: true },
      { id: 'm3', name: 'Cy', qualifications: ['towpilot'], seasonQuota: null, exempt: false },
    ],
  };
}

function problemsOf(d: Doc): { path: string; expected: string }[] {
  try {
    parseClub(d);
  } catch (error) {
    if (error instanceof ClubFileError) return error.problems;
    throw error;
  }
  return [];
}

describe('club file: fairness window, quotas and exemptions', () => {
  it('reads them, and leaves defaults (season, no quota, not exempt) out of the model', () => {
    const club = parseClub(doc());
    assert.equal(club.fairnessWindow, '12months');
    assert.equal(club.defaultSeasonQuota, 8);
    assert.equal(club.members[0].seasonQuota, 3);
    assert.equal(club.members[1].exempt, true);
    assert.ok(!('seasonQuota' in club.members[2]) && !('exempt' in club.members[2]));
    const plain = parseClub({ ...doc(), club: { name: 'X', fairnessWindow: 'season', defaultSeasonQuota: null } });
    assert.ok(!('fairnessWindow' in plain) && !('defaultSeasonQuota' in plain));
  });

  it('round-trips through the file text, byte-stable', () => {
    const club = parseClub(doc());
    const text = JSON.stringify(serializeClub(club));
    assert.deepEqual(parseClubFile(text), club);
    assert.equal(JSON.stringify(serializeClub(parseClubFile(text))), text);
    const written = JSON.parse(text) as Doc;
    assert.deepEqual(written.club, {
      name: 'Ridge Soaring Club',
      defaultMaxPerMonth: 6,
      fairnessWindow: '12months',
      defaultSeasonQuota: 8,
    });
    assert.equal(written.members[0].seasonQuota, 3);
    assert.equal(written.members[1].exempt, true);
    assert.ok(!('seasonQuota' in written.members[2]) && !('exempt' in written.members[2]));
  });

  const cases: [string, (d: Doc) => void, string, RegExp][] = [
    ['an unknown fairness window', (d) => (d.club.fairnessWindow = 'year'), 'club.fairnessWindow', /"season", "12months", "range"/],
    ['a fractional default quota', (d) => (d.club.defaultSeasonQuota = 2.5), 'club.defaultSeasonQuota', /whole number/],
    ['a zero default quota', (d) => (d.club.defaultSeasonQuota = 0), 'club.defaultSeasonQuota', /from 1 to 150/],
    ['a quota as text', (d) => (d.members[0].seasonQuota = '3'), 'members[0].seasonQuota', /whole number of duties per season/],
    ['a negative quota', (d) => (d.members[0].seasonQuota = -1), 'members[0].seasonQuota', /exempt/],
    ['exempt as text', (d) => (d.members[1].exempt = 'yes'), 'members[1].exempt', /true or false/],
  ];
  for (const [name, mutate, path, expected] of cases) {
    it(`reports ${name} at ${path}`, () => {
      const d = doc();
      mutate(d);
      const problems = problemsOf(d);
      assert.equal(problems.length, 1, JSON.stringify(problems));
      assert.equal(problems[0].path, path);
      assert.match(problems[0].expected, expected);
    });
  }
});
