import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { acceptance, compareRosters, memberLoads, roleFill, rosterMetrics, round } from '../../solver/metrics.ts';
import type { PublishedDay, RosterMetrics } from '../../solver/types.ts';
import { club, DUTY, member, problem, slot, TOW } from './rosterFixtures.ts';

const DAYS = ['2026-06-06', '2026-06-07', '2026-06-13'];
const c = club(
  [
    member('a', ['towpilot', 'duty_officer']),
    member('b', ['duty_officer']),
    member('c', ['towpilot']),
    member('d', ['duty_officer'], { blackouts: ['2026-06-06'] }), // eligible on other days, never rostered
    member('e', ['duty_officer'], { active: false }), // never eligible
    member('f', ['towpilot'], { maxPerMonth: 0 }), // cap 0: never eligible
    member('g', ['instructor']), // holds no scheduled role
  ],
  [TOW, DUTY],
);
const p = problem(c, DAYS);
const roster = [
  slot('2026-06-06', 'towpilot', 'a'),
  slot('2026-06-06', 'duty_officer', 'b'),
  slot('2026-06-07', 'towpilot', 'c'),
  slot('2026-06-07', 'duty_officer', null),
  slot('2026-06-13', 'towpilot', 'a'),
  slot('2026-06-13', 'duty_officer', null),
];

describe('rosterMetrics', () => {
  it('computes fill rate and both fairness variances by hand', () => {
    // loads a 2, b 1, c 1: mean 4/3, variance (4/9 + 1/9 + 1/9) / 3 = 2/9
    // all eligible a, b, c, d: loads 2, 1, 1, 0, mean 1, variance (1 + 0 + 0 + 1) / 4 = 0.5
    assert.deepEqual(rosterMetrics(p, roster, 123), {
      solve_time_ms: 123,
      fill_rate_percent: 66.67,
      fairness_variance: 0.2222,
      fairness_variance_all: 0.5,
      // Nothing published: the window holds this roster only.
      window_fairness_variance: 0.2222,
      window_sum_of_squares: 6,
      window_quota_distance: null,
      filled_slots: 4,
      total_slots: 6,
    });
  });

  it('adds the published duties of the fairness window, leaves exempt members out and measures the distance to quota', () => {
    // May published: a twice, c once, e (exempt) once; June's roster as above, plus e locked in.
    const published: PublishedDay[] = [
      { date: '2026-05-02', slots: { towpilot: 'a', duty_officer: 'e' } },
      { date: '2026-05-03', slots: { towpilot: 'c', duty_officer: null } },
      { date: '2026-05-09', slots: { towpilot: 'a' } },
    ];
    const members = c.members.map((m) => (m.id === 'e' ? { ...m, active: true, exempt: true } : m));
    const withMay = { ...c, members, published };
    const june = [...roster.slice(0, 5), slot('2026-06-13', 'duty_officer', 'e')];
    const m = rosterMetrics(problem(withMay, DAYS), june, 0);
    // The reference over June only, e left out: a 2, b 1, c 1.
    assert.equal(m.fairness_variance, 0.2222);
    // Window loads a 4, b 1, c 2 (d, f, g 0): mean 7/3, variance (25/9 + 16/9 + 1/9) / 3 = 42/27.
    assert.equal(m.window_fairness_variance, 1.5556);
    assert.equal(m.window_sum_of_squares, 21);
    assert.equal(m.window_quota_distance, null);
    // Quotas: a 4, the others the club default 2: (0 + 1/2 + 0 + 4/2 x 3 (d, f, g)) = 6.5.
    const quotas = { ...withMay, defaultSeasonQuota: 2, members: members.map((x) => (x.id === 'a' ? { ...x, seasonQuota: 4 } : x)) };
    assert.equal(rosterMetrics(problem(quotas, DAYS), june, 0).window_quota_distance, 6.5);
    // The range window is the roster alone.
    assert.equal(rosterMetrics(problem({ ...withMay, fairnessWindow: 'range' }, DAYS), june, 0).window_sum_of_squares, 6);
  });

  it('counts missing slots as empty and ignores slots outside the problem and repeated listings', () => {
    const odd = [
      ...roster.slice(0, 3),
      slot('2026-06-08', 'towpilot', 'c'),
      slot('2026-06-06', 'winch', 'c'),
      slot('2026-06-06', 'towpilot', 'c'),
    ];
    const m = rosterMetrics(p, odd, 0);
    assert.equal(m.filled_slots, 3);
    assert.equal(m.total_slots, 6);
    assert.equal(m.fill_rate_percent, 50);
    assert.equal(m.fairness_variance, 0); // a, b, c once each
  });

  it('gives zeros for an empty roster and a problem without duty days', () => {
    const empty = rosterMetrics(p, [], 5);
    assert.equal(empty.fill_rate_percent, 0);
    assert.equal(empty.fairness_variance, 0);
    assert.equal(empty.fairness_variance_all, 0);
    assert.deepEqual(rosterMetrics(problem(c, []), [], 0), {
      solve_time_ms: 0,
      fill_rate_percent: 0,
      fairness_variance: 0,
      fairness_variance_all: 0,
      window_fairness_variance: 0,
      window_sum_of_squares: 0,
      window_quota_distance: null,
      filled_slots: 0,
      total_slots: 0,
    });
  });

  it('rounds half up to 4 decimals for variance', () => {
    // 8 members, loads 1 x7 and 2 x1: variance p(1-p) with p = 1/8 is 0.109375
    const many = club(
      ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((id) => member(id, ['duty_officer'])),
      [DUTY],
    );
    const days = [
      '2026-06-06',
      '2026-06-07',
      '2026-06-13',
      '2026-06-14',
      '2026-06-20',
      '2026-06-21',
      '2026-06-27',
      '2026-06-28',
      '2026-06-30',
    ];
    const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'a'];
    const m = rosterMetrics(
      problem(many, days),
      days.map((d, i) => slot(d, 'duty_officer', ids[i])),
      1,
    );
    assert.equal(m.fairness_variance, 0.1094);
    assert.equal(m.fairness_variance_all, 0.1094);
  });
});

describe('round', () => {
  it('rounds half up even where binary floats store the value just below', () => {
    assert.equal(round(1.005, 2), 1.01);
    assert.equal(round(0.125, 2), 0.13);
    assert.equal(round(2 / 3, 4), 0.6667);
    assert.equal(round(0.00004, 4), 0);
    assert.equal(round(1e-7, 4), 0);
  });
});

describe('memberLoads and roleFill', () => {
  it('counts slots per member and fill per role', () => {
    assert.deepEqual(memberLoads(roster), { a: 2, b: 1, c: 1 });
    assert.deepEqual(roleFill(p, roster), [
      { role: 'towpilot', filled: 3, total: 3, percent: 100 },
      { role: 'duty_officer', filled: 1, total: 3, percent: 33.33 },
    ]);
  });
});

describe('compareRosters', () => {
  it('matches slots by date and role; empty equals empty; a missing slot is empty', () => {
    const other = [
      slot('2026-06-13', 'towpilot', 'c'), // order does not matter
      slot('2026-06-06', 'towpilot', 'a'),
      slot('2026-06-06', 'duty_officer', 'd'),
      slot('2026-06-07', 'towpilot', 'c'),
      slot('2026-06-07', 'duty_officer', null),
      // 2026-06-13 duty_officer missing: empty, same as null
    ];
    assert.deepEqual(compareRosters(roster, other), {
      changed_slots: 2,
      changed_dates: 2,
      slot_differences: [
        { date: '2026-06-06', role: 'duty_officer', legacy_member_id: 'b', optimizer_member_id: 'd' },
        { date: '2026-06-13', role: 'towpilot', legacy_member_id: 'a', optimizer_member_id: 'c' },
      ],
    });
    assert.deepEqual(compareRosters(roster, roster), { changed_slots: 0, changed_dates: 0, slot_differences: [] });
    const filledOnlyInB = compareRosters(roster, [...roster.slice(0, 3), slot('2026-06-07', 'duty_officer', 'b'), ...roster.slice(4)]);
    assert.deepEqual(filledOnlyInB.slot_differences, [
      { date: '2026-06-07', role: 'duty_officer', legacy_member_id: null, optimizer_member_id: 'b' },
    ]);
  });

  it('counts distinct dates', () => {
    const swapped = roster.map((s) => (s.date === '2026-06-06' ? { ...s, memberId: s.role === 'towpilot' ? 'b' : 'a' } : s));
    const diff = compareRosters(roster, swapped);
    assert.equal(diff.changed_slots, 2);
    assert.equal(diff.changed_dates, 1);
  });
});

describe('acceptance', () => {
  const metrics = (fill: number, variance: number, ms: number): RosterMetrics => ({
    solve_time_ms: ms,
    fill_rate_percent: fill,
    fairness_variance: variance,
    fairness_variance_all: 9,
    filled_slots: 0,
    total_slots: 0,
  });
  const legacy = metrics(90, 1.5, 3);

  it('passes when the optimizer fills as much, is as fair and answers within 10 s', () => {
    assert.deepEqual(acceptance(legacy, metrics(90, 1.5, 9999)), { fill_rate: true, fairness: true, solve_time: true, passed: true });
  });

  it('fails on each criterion on its own', () => {
    assert.deepEqual(acceptance(legacy, metrics(89.99, 1, 10)), { fill_rate: false, fairness: true, solve_time: true, passed: false });
    assert.deepEqual(acceptance(legacy, metrics(100, 1.5001, 10)), { fill_rate: true, fairness: false, solve_time: true, passed: false });
    assert.deepEqual(acceptance(legacy, metrics(100, 0, 10000)), { fill_rate: true, fairness: true, solve_time: false, passed: false });
  });
});
