import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rankCandidates, seasonLoads } from '../../solver/slotRanking.ts';
import { candidatesForSlot } from '../../solver/validate.ts';
import type { Assignment, PublishedDay } from '../../solver/types.ts';
import { club, member, problem, slot, TOW } from './rosterFixtures.ts';

const SLOT = { date: '2026-06-06', role: 'towpilot' };

/** a: 3 published duties in May; b: one in 2025 only (another season); c holds the slot and 14 June; f holds 7 June. */
function setting(holder: string | null) {
  const published: PublishedDay[] = [
    { date: '2026-05-02', slots: { towpilot: 'a' } },
    { date: '2026-05-09', slots: { towpilot: 'a' } },
    { date: '2026-05-16', slots: { towpilot: 'a' } },
    { date: '2026-05-23', slots: { towpilot: null } },
    { date: '2025-08-02', slots: { towpilot: 'b' } },
  ];
  const members = [
    member('a', ['towpilot']),
    member('b', ['towpilot']),
    member('c', ['towpilot']),
    member('d', ['towpilot'], { blackouts: ['2026-06-06'] }),
    member('e', ['instructor']),
    member('f', ['towpilot']),
    member('g', ['towpilot'], { suspended: true }),
    member('h', ['instructor']),
  ];
  const p = problem(club(members, [TOW], published), ['2026-06-06', '2026-06-07', '2026-06-14']);
  const assignments: Assignment[] = [
    slot('2026-06-06', 'towpilot', holder),
    slot('2026-06-07', 'towpilot', 'f'),
    slot('2026-06-14', 'towpilot', 'c'),
  ];
  return { p, assignments };
}

const sumOfSquares = (loads: Map<string, number>) => [...loads.values()].reduce((s, l) => s + l * l, 0);

test('candidates are ranked by the change in the season sum of squared loads, warnings after, the holder at +0', () => {
  const { p, assignments } = setting('c');
  const ranked = rankCandidates(p, assignments, SLOT, candidatesForSlot(p, assignments, SLOT.date, SLOT.role));
  const eligible = ranked.filter((c) => c.eligible);
  assert.deepEqual(
    eligible.map((c) => [c.memberId, c.fairnessDelta, c.warnings.length > 0]),
    [
      ['b', -2, false],
      ['c', 0, false],
      ['a', 4, false],
      ['f', 0, true],
    ],
  );
  assert.deepEqual(
    eligible.map((c) => c.seasonLoad),
    [0, 1, 3, 1],
  );

  // The delta is the real change of the season's sum of squared loads.
  const base = seasonLoads(p, assignments, SLOT);
  const withHolder = new Map(base).set('c', (base.get('c') ?? 0) + 1);
  for (const c of eligible) {
    const withCandidate = new Map(base).set(c.memberId, (base.get(c.memberId) ?? 0) + 1);
    assert.equal(c.fairnessDelta, sumOfSquares(withCandidate) - sumOfSquares(withHolder), c.memberId);
  }
});

test('members not allowed come last, grouped by reason', () => {
  const { p, assignments } = setting('c');
  const ranked = rankCandidates(p, assignments, SLOT, candidatesForSlot(p, assignments, SLOT.date, SLOT.role));
  assert.deepEqual(
    ranked.filter((c) => !c.eligible).map((c) => [c.memberId, c.reason]),
    [
      ['d', 'blacked out'],
      ['g', 'inactive, opted out or suspended'],
      ['e', 'not qualified'],
      ['h', 'not qualified'],
    ],
  );
  assert.equal(
    ranked.findIndex((c) => !c.eligible),
    ranked.filter((c) => c.eligible).length,
  );
});

test('for an empty slot the change is against leaving it empty', () => {
  const { p, assignments } = setting(null);
  const ranked = rankCandidates(p, assignments, SLOT, candidatesForSlot(p, assignments, SLOT.date, SLOT.role));
  assert.deepEqual(
    ranked.filter((c) => c.eligible && c.warnings.length === 0).map((c) => [c.memberId, c.fairnessDelta]),
    [
      ['b', 1],
      ['c', 3],
      ['a', 7],
    ],
  );
});

test('the loads follow the club`s fairness window: 12 months reach into 2025, the range window counts the roster alone', () => {
  const { p, assignments } = setting('c');
  const twelve = seasonLoads({ ...p, club: { ...p.club, fairnessWindow: '12months' } }, assignments, SLOT);
  assert.equal(twelve.get('a'), 3);
  assert.equal(twelve.get('b'), 1);
  const range = seasonLoads({ ...p, club: { ...p.club, fairnessWindow: 'range' } }, assignments, SLOT);
  assert.deepEqual(Object.fromEntries(range), { f: 1, c: 1 });
});
