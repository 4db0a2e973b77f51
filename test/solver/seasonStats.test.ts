import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lapsingQualifications, seasonRange, seasonStats, type SeasonInput } from '../../solver/seasonStats.ts';
import type { Club } from '../../solver/types.ts';
import { validUntil } from './rules/cases.ts';
import { club, INSTRUCTOR, member, slot, TOW } from './rosterFixtures.ts';

/** Season May to October 2026 (Sat 2 May to Sun 1 Nov); published May and a Monday holiday. */
function seasonClub(): Club {
  const c = club(
    [
      member('a', ['towpilot', 'instructor'], { qualificationExpiry: validUntil({ instructor: '2026-07-31' }) }),
      member('b', ['towpilot']),
      member('c', ['instructor']),
      member('d', ['towpilot'], { active: false }),
      member('e', ['towpilot'], { maxPerMonth: 0 }),
    ],
    [TOW, INSTRUCTOR],
    [
      { date: '2026-04-25', slots: { towpilot: 'a', instructor: 'c' } }, // before the season
      { date: '2026-05-02', slots: { towpilot: 'a', instructor: 'c' } },
      { date: '2026-05-03', slots: { towpilot: 'b', instructor: null } },
      { date: '2026-05-25', slots: { towpilot: 'd', instructor: 'a' } }, // a Monday, extra day
      { date: '2026-06-06', slots: { towpilot: 'b', instructor: 'c' } }, // replaced by June's draft
    ],
  );
  return { ...c, season: { start: 'First weekend of May', end: 'Last weekend of October' } };
}

function input(overrides: Partial<SeasonInput> = {}): SeasonInput {
  return {
    club: seasonClub(),
    year: 2026,
    roles: [TOW, INSTRUCTOR],
    today: '2026-06-01',
    drafts: [
      {
        range: { start: '2026-06-01', end: '2026-06-30' },
        slots: [slot('2026-06-06', 'towpilot', 'a'), slot('2026-06-06', 'instructor', 'c'), slot('2026-06-07', 'towpilot', 'b')],
      },
    ],
    ...overrides,
  };
}

describe('season stats', () => {
  it('spans the season weekends, or the year without a season', () => {
    assert.deepEqual(seasonRange({ start: 'First weekend of May', end: 'Last weekend of October' }, 2026), {
      start: '2026-05-02',
      end: '2026-11-01',
    });
    assert.deepEqual(seasonRange({ start: null, end: null }, 2027), { start: '2027-01-01', end: '2027-12-31' });
    assert.equal(seasonRange({ start: 'First weekend of November', end: 'Last weekend of March' }, 2026).end, '2027-03-28');
  });

  it('counts published and drafted duties, a draft replacing what is published on its dates', () => {
    const stats = seasonStats(input());
    const a = stats.members.find((m) => m.memberId === 'a')!;
    const b = stats.members.find((m) => m.memberId === 'b')!;
    const c = stats.members.find((m) => m.memberId === 'c')!;
    assert.deepEqual([a.published, a.drafted, a.total], [2, 1, 3]);
    assert.deepEqual([b.published, b.drafted, b.total], [1, 1, 2], "b's published 6 June is replaced by the draft");
    assert.deepEqual([c.published, c.drafted, c.total], [1, 1, 2]);
    assert.deepEqual(a.byRole, { towpilot: 2, instructor: 1 });
    assert.deepEqual([a.byWeekday.sat, a.byWeekday.sun, a.byWeekday.mon], [2, 0, 1]);
    assert.deepEqual([b.byWeekday.sat, b.byWeekday.sun], [0, 2]);
  });

  it('compares with the average of the members who can be scheduled', () => {
    const stats = seasonStats(input());
    // a 3, b 2, c 2 counted; d inactive and e with a limit of 0 are not.
    assert.equal(stats.average, 2.33);
    const d = stats.members.find((m) => m.memberId === 'd')!;
    assert.deepEqual([d.counted, d.total, d.expected, d.difference], [false, 1, null, null]);
    assert.equal(stats.members.find((m) => m.memberId === 'e')!.counted, false);
    const a = stats.members.find((m) => m.memberId === 'a')!;
    assert.deepEqual([a.expected, a.expectedFrom, a.difference], [2.33, 'average', 0.67]);
    assert.equal(stats.furthestAhead, 'a');
    assert.equal(stats.furthestBehind, 'b', 'b and c are equally behind; b comes first by name');
  });

  it('has nobody behind or ahead when all are even', () => {
    const stats = seasonStats(input({ drafts: [], club: { ...seasonClub(), published: [] } }));
    assert.deepEqual([stats.average, stats.furthestBehind, stats.furthestAhead], [0, null, null]);
  });

  it('flags qualifications lapsing from today until before the season ends', () => {
    const a = seasonStats(input()).members.find((m) => m.memberId === 'a')!;
    assert.deepEqual(a.lapsing, [{ qualification: 'instructor', lastValid: '2026-07-31' }]);
    assert.deepEqual(seasonStats(input({ today: '2026-08-01' })).members.find((m) => m.memberId === 'a')!.lapsing, []);
    const season = { start: '2026-05-02', end: '2026-11-01' };
    const m = member('x', ['towpilot', 'instructor'], {
      qualificationExpiry: validUntil({ towpilot: '2026-11-01', instructor: '2026-04-30' }),
    });
    assert.deepEqual(lapsingQualifications(m, '2026-01-10', season), [{ qualification: 'instructor', lastValid: '2026-04-30' }]);
  });

  it('compares with the quota where there is one, the exempt with 0, and leaves both out of the average', () => {
    const base = seasonClub();
    const c: Club = {
      ...base,
      defaultSeasonQuota: 5,
      members: base.members.map((m) => (m.id === 'b' ? { ...m, seasonQuota: 3 } : m.id === 'c' ? { ...m, exempt: true } : m)),
    };
    const stats = seasonStats(input({ club: c }));
    const by = (id: string) => stats.members.find((m) => m.memberId === id)!;
    assert.deepEqual([by('a').expected, by('a').expectedFrom, by('a').difference], [5, 'quota', -2]);
    assert.deepEqual([by('b').expected, by('b').expectedFrom, by('b').difference], [3, 'quota', -1]);
    assert.deepEqual([by('c').expected, by('c').expectedFrom, by('c').counted, by('c').difference], [0, 'exempt', false, 2]);
    // Only a and b are counted now: (3 + 2) / 2.
    assert.equal(stats.average, 2.5);
    assert.equal(stats.furthestBehind, 'a', 'a is 2 behind, b only 1');
    assert.equal(stats.furthestAhead, 'c');
  });
});
