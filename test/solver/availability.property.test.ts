import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { weekdayOf } from '../../solver/dates.ts';
import { Eligibility, RosterState } from '../../solver/eligibility.ts';
import { PREFER_NOT_DRAW_FACTOR, runLegacy } from '../../solver/legacy.ts';
import { solveOptimizer } from '../../solver/optimizer/index.ts';
import { seededRandom, type Random } from '../../solver/random.ts';
import type { Assignment, Member, Role, SchedulingProblem, UnavailableRule } from '../../solver/types.ts';
import { WEEKDAYS } from '../../solver/types.ts';
import { spacingBreaks, validateRoster } from '../../solver/validate.ts';
import { club, member as memberWith, problem as problemOf } from './rosterFixtures.ts';

/**
 * Availability rules on small random clubs, both schedulers (the optimizer with real GLPK):
 * no roster ever gives a member a duty a `never` rule covers (checked by a plain reading of the
 * rule written here, not by the rule module), and the optimizer gives a member a duty their
 * `preferNot` rule covers only when every roster with fewer such duties fills fewer slots, breaks
 * more strict spacing rules or is less fair (exhaustive search).
 */

const ROLES: Role[] = [
  { key: 'instructor', title: 'Instructor', qualification: 'instructor' },
  { key: 'am_tow', title: 'Tow Pilot (AM)', qualification: 'towpilot' },
];
// May 2026: Sat 2, Sun 3, Sat 9, Sun 10, Sat 16, Sun 23 (neighbours and a week apart both come up).
const POOL = ['2026-05-02', '2026-05-03', '2026-05-09', '2026-05-10', '2026-05-16', '2026-05-24'];
const RANGE = { start: '2026-05-01', end: '2026-05-31' };

/** The rule as the spec words it, read independently of solver/availability.ts. */
function covers(rule: UnavailableRule, qualification: string, date: string): boolean {
  if (rule.roles && rule.roles.length > 0 && !rule.roles.includes(qualification)) return false;
  const month = Number(date.slice(5, 7));
  if ('date' in rule && rule.date) return rule.date === date;
  if (rule.from && rule.to) return rule.from <= date && date <= rule.to;
  if (rule.weekday)
    return WEEKDAYS[new Date(`${date}T12:00:00Z`).getUTCDay()] === rule.weekday && (!rule.months || rule.months.includes(month));
  return (rule.months ?? []).includes(month);
}

function levelOf(m: Member, role: Role, date: string): 'never' | 'preferNot' | null {
  const found = (m.unavailable ?? []).filter((rule) => covers(rule, role.qualification, date));
  return found.some((r) => r.level === 'never') ? 'never' : found.length > 0 ? 'preferNot' : null;
}

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];

function randomRule(random: Random, days: string[]): UnavailableRule {
  const level = random() < 0.5 ? 'never' : 'preferNot';
  const roles = random() < 0.3 ? { roles: [pick(random, ['instructor', 'towpilot'])] } : {};
  switch (Math.floor(random() * 5)) {
    case 0:
      return { date: pick(random, days), level, ...roles };
    case 1: {
      const [a, b] = [pick(random, POOL), pick(random, POOL)].sort();
      return { from: a, to: b, level, ...roles };
    }
    case 2:
      return { weekday: pick(random, ['sat', 'sun'] as const), level, ...roles };
    case 3:
      return { weekday: pick(random, ['sat', 'sun'] as const), months: [pick(random, [5, 6])], level, ...roles };
    default:
      return { months: [pick(random, [5, 6])], level, ...roles };
  }
}

function randomProblem(seed: number): SchedulingProblem {
  const random = seededRandom(seed);
  const days = POOL.filter(() => random() < 0.55).slice(0, 3);
  if (days.length < 2) days.splice(0, days.length, POOL[0], POOL[1]);
  const count = 3 + Math.floor(random() * 2);
  const members = Array.from({ length: count }, (_, i) => {
    const qualifications = ['instructor', 'towpilot'].filter(() => random() < 0.75);
    const rules = Array.from({ length: Math.floor(random() * 3) }, () => randomRule(random, days));
    return memberWith(`m${i + 1}`, qualifications.length > 0 ? qualifications : ['towpilot'], {
      maxPerMonth: pick(random, [1, 2, 2, 8]),
      preferredDay: random() < 0.3 ? 'sun' : null,
      lastDutyDate: random() < 0.5 ? '2026-03-01' : null,
      rolePercent: {},
      ...(rules.length > 0 ? { unavailable: rules } : {}),
    });
  });
  return problemOf(club(members, ROLES), days, { range: RANGE });
}

interface Score {
  filled: number;
  breaks: number;
  sumSquares: number;
  preferNot: number;
}

function scoreOf(problem: SchedulingProblem, roster: Assignment[]): Score {
  const byId = new Map(problem.club.members.map((m) => [m.id, m]));
  const loads = new Map<string, number>();
  let preferNot = 0;
  for (const a of roster) {
    if (a.memberId === null) continue;
    loads.set(a.memberId, (loads.get(a.memberId) ?? 0) + 1);
    if (
      levelOf(
        byId.get(a.memberId)!,
        ROLES.find((r) => r.key === a.role)!,
        a.date,
      ) === 'preferNot'
    )
      preferNot++;
  }
  return {
    filled: [...loads.values()].reduce((s, l) => s + l, 0),
    breaks: spacingBreaks(problem, roster).length,
    sumSquares: [...loads.values()].reduce((s, l) => s + l * l, 0),
    preferNot,
  };
}

/** Fill (more), strict breaks, sum of squared loads (fewer): the priorities above preferences. */
function compareClub(a: Score, b: Score): number {
  return b.filled - a.filled || a.breaks - b.breaks || a.sumSquares - b.sumSquares;
}

/** The best fill, breaks and fairness of any roster keeping every hard rule, and the fewest preferNot duties at that. */
function bruteForce(problem: SchedulingProblem): Score {
  const state = new RosterState(new Eligibility(problem.club, problem.range));
  const slots = problem.dutyDays.flatMap((date) => problem.roles.map((role) => ({ date, role })));
  const chosen: Assignment[] = [];
  let best: Score | null = null;
  const visit = (i: number): void => {
    if (i === slots.length) {
      const score = scoreOf(problem, chosen);
      if (!best || compareClub(score, best) < 0 || (compareClub(score, best) === 0 && score.preferNot < best.preferNot)) best = score;
      return;
    }
    const { date, role } = slots[i];
    for (const m of [null, ...problem.club.members]) {
      if (m !== null && (state.block(m.id, role, date) !== null || levelOf(m, role, date) === 'never')) continue;
      chosen.push({ date, role: role.key, memberId: m?.id ?? null });
      if (m !== null) state.assign(date, role.key, m.id);
      visit(i + 1);
      if (m !== null) state.unassign(date, m.id);
      chosen.pop();
    }
  };
  visit(0);
  return best!;
}

function neverBroken(problem: SchedulingProblem, roster: Assignment[]): string[] {
  const byId = new Map(problem.club.members.map((m) => [m.id, m]));
  return roster
    .filter(
      (a) =>
        a.memberId !== null &&
        levelOf(
          byId.get(a.memberId)!,
          ROLES.find((r) => r.key === a.role)!,
          a.date,
        ) === 'never',
    )
    .map((a) => `${a.date} ${a.role} ${a.memberId}`);
}

const CASES = 60;

describe('availability rules, property tests on small clubs', () => {
  it('the generated cases use every kind of rule, both levels, on duty days they cover', () => {
    const kinds = new Set<string>();
    let coveringNever = 0;
    let coveringPreferNot = 0;
    for (let seed = 1; seed <= CASES; seed++) {
      const p = randomProblem(seed);
      for (const m of p.club.members) {
        for (const rule of m.unavailable ?? []) kinds.add(Object.keys(rule).sort().join('+'));
        for (const date of p.dutyDays)
          for (const role of ROLES) {
            const level = m.qualifications.includes(role.qualification) ? levelOf(m, role, date) : null;
            if (level === 'never') coveringNever++;
            if (level === 'preferNot') coveringPreferNot++;
          }
      }
    }
    for (const kind of ['date+level', 'from+level+to', 'level+weekday', 'level+months+weekday', 'level+months', 'level+roles+weekday'])
      assert.ok(kinds.has(kind), `${kind} in ${[...kinds].join(', ')}`);
    assert.ok(coveringNever > 50 && coveringPreferNot > 50, `${coveringNever} never, ${coveringPreferNot} preferNot`);
  });

  it('legacy never gives a duty a never rule covers, over many seeds', () => {
    for (let seed = 1; seed <= CASES; seed++) {
      const p = randomProblem(seed);
      for (let roll = 1; roll <= 5; roll++) {
        const roster = runLegacy(p, roll);
        assert.deepEqual(neverBroken(p, roster), [], `case ${seed}, roll ${roll}`);
        assert.deepEqual(
          validateRoster(p, roster).filter((v) => v.rule === 'unavailable'),
          [],
        );
      }
    }
  });

  it('the optimizer never gives a duty a never rule covers, and uses preferNot only when avoiding it costs fill, spacing or fairness (exhaustive search)', async () => {
    let preferNotNeeded = 0;
    for (let seed = 1; seed <= CASES; seed++) {
      const p = randomProblem(seed);
      const result = await solveOptimizer(p, { timeLimitMs: 10_000 });
      assert.equal(result.status, 'optimal', `case ${seed}`);
      assert.deepEqual(neverBroken(p, result.assignments), [], `case ${seed}`);
      assert.deepEqual(validateRoster(p, result.assignments), [], `case ${seed}`);
      const best = bruteForce(p);
      assert.deepEqual(scoreOf(p, result.assignments), best, `case ${seed}`);
      if (best.preferNot > 0) preferNotNeeded++;
    }
    // Some cases need a preferNot duty (else "only when" would be tested on nothing).

    assert.ok(preferNotNeeded >= 3, `${preferNotNeeded} cases need a preferNot duty`);
  });
});

describe('preferNot in the legacy scheduler', () => {
  const SAT = '2026-05-02';
  const towOnly = [ROLES[1]];
  it('draws a member who prefers not to far less often, and still when nobody else can', () => {
    const reluctant = memberWith('a', ['towpilot'], { unavailable: [{ weekday: 'sat', level: 'preferNot' }] });
    const willing = memberWith('b', ['towpilot']);
    const both = problemOf(club([reluctant, willing], towOnly), [SAT], { range: RANGE });
    let drawn = 0;
    for (let seed = 1; seed <= 300; seed++) if (runLegacy(both, seed)[0].memberId === 'a') drawn++;
    // A tenth of the weight: about 27 of 300 (without the rule about 150).
    const expected = (300 * PREFER_NOT_DRAW_FACTOR) / (1 + PREFER_NOT_DRAW_FACTOR);
    assert.ok(drawn > expected / 3 && drawn < expected * 2, `drawn ${drawn} of 300, expected about ${Math.round(expected)}`);
    const alone = problemOf(club([reluctant], towOnly), [SAT], { range: RANGE });
    for (let seed = 1; seed <= 20; seed++) assert.equal(runLegacy(alone, seed)[0].memberId, 'a');
  });

  it('keeps weekday rules apart: a Sunday rule does not touch a Saturday', () => {
    const sundays = memberWith('a', ['towpilot'], { unavailable: [{ weekday: 'sun', level: 'never' }] });
    const p = problemOf(club([sundays], towOnly), [SAT, '2026-05-03'], { range: RANGE });
    assert.equal(weekdayOf(SAT), 'sat');
    assert.deepEqual(
      runLegacy(p, 1).map((a) => a.memberId),
      ['a', null],
    );
  });
});
