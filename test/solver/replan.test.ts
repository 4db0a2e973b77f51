import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Eligibility } from '../../solver/eligibility.ts';
import { runLegacy } from '../../solver/legacy.ts';
import { solveOptimizer } from '../../solver/optimizer/index.ts';
import { seededRandom } from '../../solver/random.ts';
import { conflictsOf, lockUnbroken, publishedRoster, replanDiff, replanProblem, replanSeed } from '../../solver/replan.ts';
import type { Assignment, Club, Member, SchedulingProblem } from '../../solver/types.ts';
import { spacingBreaks, validateRoster } from '../../solver/validate.ts';
import { club, INSTRUCTOR, member, slot, TOW } from './rosterFixtures.ts';

const RANGE = { start: '2026-06-01', end: '2026-06-30' };
const SAT = '2026-06-06';
const SUN = '2026-06-07';
const SAT2 = '2026-06-13';
const SUN2 = '2026-06-14';

function withMember(c: Club, id: string, change: Partial<Member>): Club {
  return { ...c, members: c.members.map((m) => (m.id === id ? { ...m, ...change } : m)) };
}

const changedSlots = (problem: SchedulingProblem, roster: Assignment[]) => replanDiff(problem, roster).slots.length;

describe('conflicts of a published month', () => {
  const base = club(
    [
      member('a', ['towpilot', 'instructor']),
      member('b', ['towpilot']),
      member('c', ['instructor'], { avoid: [] }),
      member('d', ['towpilot', 'instructor']),
    ],
    [INSTRUCTOR, TOW],
  );
  const published = [slot(SAT, 'instructor', 'a'), slot(SAT, 'towpilot', 'b'), slot(SUN, 'instructor', 'c'), slot(SUN, 'towpilot', 'd')];

  it('finds none while the published duties keep every rule', () => {
    assert.deepEqual(conflictsOf(replanProblem(base, RANGE, published)), []);
  });

  it('names each hard rule a published duty breaks now, in its own sentence', () => {
    const cases: { club: Club; rule: string; message: string }[] = [
      { club: withMember(base, 'a', { blackouts: [SAT] }), rule: 'blackout', message: 'Member A may not be Instructor: blacked out.' },
      { club: withMember(base, 'a', { suspended: true }), rule: 'not_available', message: 'Member A may not be Instructor: suspended.' },
      { club: withMember(base, 'a', { dontSchedule: true }), rule: 'not_available', message: 'Member A may not be Instructor: opted out.' },
      { club: withMember(base, 'a', { active: false }), rule: 'not_available', message: 'Member A may not be Instructor: inactive.' },
      {
        club: withMember(base, 'a', { qualifications: ['towpilot'] }),
        rule: 'not_qualified',
        message: 'Member A may not be Instructor: not qualified.',
      },
      {
        club: withMember(base, 'a', {
          qualificationExpiry: Object.assign(Object.create(null) as Record<string, string>, { instructor: '2026-06-01' }),
        }),
        rule: 'qualification_expired',
        message: '',
      },
      {
        club: withMember(base, 'b', { avoid: ['a'] }),
        rule: 'avoids_someone_on_duty',
        message: 'Member B and Member A avoid each other but are both on duty on 2026-06-06.',
      },
    ];
    for (const c of cases) {
      const found = conflictsOf(replanProblem(c.club, RANGE, published));
      assert.equal(found.length, 1, c.rule);
      assert.equal(found[0].rule, c.rule);
      if (c.message !== '') assert.equal(found[0].message, c.message);
      else assert.match(found[0].message, /^Member A may not be Instructor: /);
    }
  });

  it('flags the duty over a lowered limit and a member no longer in the club', () => {
    const twice = [slot(SAT, 'instructor', 'a'), slot(SAT, 'towpilot', 'b'), slot(SUN, 'instructor', 'a'), slot(SUN, 'towpilot', 'b')];
    const capped = conflictsOf(replanProblem(withMember(base, 'a', { maxPerMonth: 1 }), RANGE, twice));
    assert.deepEqual(
      capped.map((c) => [c.date, c.rule, c.message]),
      [[SUN, 'at_cap', 'Member A is on duty more than the limit of 1 in this range.']],
    );
    const gone = conflictsOf(replanProblem({ ...base, members: base.members.filter((m) => m.id !== 'd') }, RANGE, published));
    assert.deepEqual(
      gone.map((c) => [c.date, c.role, c.rule]),
      [[SUN, 'towpilot', 'unknown_member']],
    );
  });

  it('leaves slots published empty empty and keeps roles the club no longer schedules out of the grid', () => {
    const problem = replanProblem(base, RANGE, [...published.slice(0, 3), slot(SUN, 'towpilot', null)]);
    assert.deepEqual(problem.locked, [slot(SUN, 'towpilot', null)]);
    assert.equal(problem.replanFrom?.length, 3);
    assert.deepEqual(problem.dutyDays, [SAT, SUN]);
  });
});

describe('legacy re-plan', () => {
  const c = club(
    [member('a', ['towpilot']), member('b', ['towpilot']), member('c', ['towpilot']), member('d', ['towpilot']), member('e', ['towpilot'])],
    [TOW],
  );
  const published = [slot(SAT, 'towpilot', 'a'), slot(SUN, 'towpilot', 'b'), slot(SAT2, 'towpilot', 'c'), slot(SUN2, 'towpilot', 'd')];

  it('draws only the broken slots again, the same way for the same seed', () => {
    const problem = replanProblem(withMember(c, 'c', { blackouts: [SAT2] }), RANGE, published);
    const seed = replanSeed('2026-06-01', 1);
    const roster = runLegacy(problem, seed);
    const diff = replanDiff(problem, roster);
    assert.deepEqual(
      diff.slots.map((s) => [s.date, s.from]),
      [[SAT2, 'c']],
    );
    assert.notEqual(diff.slots[0].to, 'c');
    assert.deepEqual(runLegacy(problem, seed), roster);
    assert.deepEqual(validateRoster(lockUnbroken(problem), roster), []);
  });

  it('the diff lists who gains and who loses, in club order', () => {
    const problem = replanProblem(withMember(c, 'a', { blackouts: [SAT] }), RANGE, published);
    const proposed = publishedRoster(problem).map((s) => (s.date === SAT ? { ...s, memberId: 'e' } : s));
    assert.deepEqual(replanDiff(problem, proposed), {
      slots: [{ date: SAT, role: 'towpilot', from: 'a', to: 'e' }],
      members: [
        { memberId: 'a', gains: [], loses: [{ date: SAT, role: 'towpilot' }] },
        { memberId: 'e', gains: [{ date: SAT, role: 'towpilot' }], loses: [] },
      ],
    });
  });
});

/**
 * The fewest changes any roster needs, counted by enumerating every roster of the published slots:
 * lexicographically the most filled, then the fewest strict spacing breaks, then the fewest changed
 * slots (the optimizer's tiers above fairness).
 */
function bruteForceBest(problem: SchedulingProblem): { filled: number; breaks: number; changes: number } {
  const eligibility = new Eligibility(problem.club, problem.range);
  const roles = new Map(problem.roles.map((r) => [r.key, r]));
  const free = problem.replanFrom ?? [];
  const options = free.map((s) => [null, ...eligibility.candidates(roles.get(s.role)!, s.date).map((m) => m.id)]);
  let best: { filled: number; breaks: number; changes: number } | null = null;
  const chosen: (string | null)[] = [];
  const onDay = new Map<string, Set<string>>();
  const visit = (i: number) => {
    if (i === free.length) {
      const roster = [...problem.locked, ...free.map((s, k) => ({ ...s, memberId: chosen[k] }))];
      if (validateRoster(problem, roster).length > 0) return;
      const score = {
        filled: chosen.filter((id) => id !== null).length,
        breaks: spacingBreaks(problem, roster).length,
        changes: free.filter((s, k) => s.memberId !== chosen[k]).length,
      };
      if (
        best === null ||
        score.filled > best.filled ||
        (score.filled === best.filled && (score.breaks < best.breaks || (score.breaks === best.breaks && score.changes < best.changes)))
      ) {
        best = score;
      }
      return;
    }
    const day = onDay.get(free[i].date) ?? new Set<string>();
    onDay.set(free[i].date, day);
    for (const id of options[i]) {
      if (id !== null && day.has(id)) continue;
      chosen[i] = id;
      if (id !== null) day.add(id);
      visit(i + 1);
      if (id !== null) day.delete(id);
    }
  };
  visit(0);
  return best!;
}

async function optimizerReplan(
  problem: SchedulingProblem,
): Promise<{ filled: number; breaks: number; changes: number; roster: Assignment[] }> {
  const result = await solveOptimizer(problem, { timeLimitMs: 20_000 });
  assert.deepEqual(validateRoster(problem, result.assignments), []);
  const free = new Set((problem.replanFrom ?? []).map((s) => `${s.date}|${s.role}`));
  return {
    filled: result.assignments.filter((a) => a.memberId !== null && free.has(`${a.date}|${a.role}`)).length,
    breaks: spacingBreaks(problem, result.assignments).length,
    changes: changedSlots(problem, result.assignments),
    roster: result.assignments,
  };
}

describe('optimizer re-plan: the fewest changed slots', () => {
  it('follows a chain when the only qualified substitute is on duty elsewhere that day', async () => {
    // a instructs and b tows on Saturday; a is blacked out. Only b can instruct instead, and only c
    // can then tow: two changes, where leaving the slot empty would be one.
    const c = club([member('a', ['instructor']), member('b', ['instructor', 'towpilot']), member('c', ['towpilot'])], [INSTRUCTOR, TOW]);
    const problem = replanProblem(withMember(c, 'a', { blackouts: [SAT] }), RANGE, [
      slot(SAT, 'instructor', 'a'),
      slot(SAT, 'towpilot', 'b'),
    ]);
    const found = await optimizerReplan(problem);
    assert.deepEqual(found.roster, [slot(SAT, 'instructor', 'b'), slot(SAT, 'towpilot', 'c')]);
    assert.equal(found.changes, 2);
    assert.deepEqual(bruteForceBest(problem), { filled: 2, breaks: 0, changes: 2 });
  });

  it('keeps every published duty it can even where fairness would rather move them', async () => {
    // a has four of eight duties and is blacked out on the 14th. A fair roster would give d two
    // duties; the re-plan changes only the broken slot (d takes it) and leaves a with three.
    const c = club(
      [
        member('a', ['instructor', 'towpilot'], { allowWeekendDouble: true }),
        member('b', ['towpilot'], { allowWeekendDouble: true }),
        member('c', ['instructor'], { allowWeekendDouble: true }),
        member('d', ['towpilot'], { allowWeekendDouble: true }),
      ],
      [INSTRUCTOR, TOW],
    );
    const published = [
      ...[SAT, SAT2].flatMap((date) => [slot(date, 'instructor', 'a'), slot(date, 'towpilot', 'b')]),
      ...[SUN, SUN2].flatMap((date) => [slot(date, 'instructor', 'c'), slot(date, 'towpilot', 'a')]),
    ].sort((p, q) => p.date.localeCompare(q.date));
    const problem = replanProblem(withMember(c, 'a', { blackouts: [SUN2] }), RANGE, published);
    const found = await optimizerReplan(problem);
    assert.deepEqual(replanDiff(problem, found.roster).slots, [{ date: SUN2, role: 'towpilot', from: 'a', to: 'd' }]);
    assert.deepEqual(bruteForceBest(problem), { filled: 8, breaks: 0, changes: 1 });
  });

  it('matches the brute-force minimum on small random clubs after one new blackout', async () => {
    let checked = 0;
    let chains = 0;
    for (let seed = 1; checked < 24 && seed < 200; seed++) {
      const random = seededRandom(seed);
      const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
      const members = ['a', 'b', 'c', 'd', 'e'].slice(0, 3 + Math.floor(random() * 3)).map((id) => {
        const quals = [...new Set([pick(['towpilot', 'instructor']), ...(random() < 0.5 ? [pick(['towpilot', 'instructor'])] : [])])];
        return member(id, quals, { maxPerMonth: pick([1, 2, 3, null]), allowWeekendDouble: random() < 0.5 });
      });
      if (random() < 0.3) members[0] = { ...members[0], avoid: [members[1].id] };
      const days = [SAT, SUN, SAT2, SUN2].slice(0, 2 + Math.floor(random() * 2));
      const c = club(members, [INSTRUCTOR, TOW]);
      // Published as legacy drew it, unfairly at times: the stability tier has something to resist.
      const drawn = runLegacy({ club: c, range: RANGE, dutyDays: days, roles: [INSTRUCTOR, TOW], locked: [] }, seed);
      const filled = drawn.filter((s) => s.memberId !== null);
      if (filled.length < 2) continue;
      const victim = pick(filled);
      const problem = replanProblem(withMember(c, victim.memberId!, { blackouts: [victim.date] }), RANGE, drawn);
      assert.equal(conflictsOf(problem).length, 1);
      const found = await optimizerReplan(problem);
      const best = bruteForceBest(problem);
      assert.deepEqual({ filled: found.filled, breaks: found.breaks, changes: found.changes }, best, `seed ${seed}`);
      checked++;
      if (best.changes > 1) chains++;
    }
    assert.equal(checked, 24);
    // Some of the cases need a chain of changes: the minimum is not always the one broken slot.
    assert.ok(chains > 0, 'no case needed more than one change');
  });
});
