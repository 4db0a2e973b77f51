import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HARD_RULES } from '../../solver/rules/index.ts';
import type { Assignment, PublishedDay, SchedulerKind, SchedulingProblem } from '../../solver/types.ts';
import { whyMember, type WhyInput } from '../../solver/whyNot.ts';
import { club, member, problem, slot, TOW } from './rosterFixtures.ts';
import { HARD_RULE_CASES } from './rules/cases.ts';

const SAT = '2026-06-06';
const SUN = '2026-06-07';

function why(p: SchedulingProblem, assignments: Assignment[], memberId: string, opts: Partial<WhyInput> = {}) {
  return whyMember({ problem: p, assignments, memberId, days: p.dutyDays, scheduler: 'optimizer', expected: new Map(), ...opts });
}

describe('why not: a hard rule', () => {
  it('has a case for every rule of the catalogue', () => {
    assert.deepEqual(new Set(HARD_RULE_CASES.map((c) => c.rule)), new Set(HARD_RULES.map((r) => r.code)));
  });

  for (const c of HARD_RULE_CASES) {
    it(`names ${c.rule} when it keeps the member out`, () => {
      // The case's roster with the member taken out of the slot the rule forbids them.
      const roster = c.breaking.map((a) => (a.date === c.at.date && a.role === c.at.role ? { ...a, memberId: null } : a));
      const answer = why(c.problem, roster, c.at.memberId, { slot: { date: c.at.date, role: c.at.role } });
      assert.equal(answer.slot?.kind, 'hard');
      assert.equal(answer.slot?.rule, c.rule);
      assert.ok((answer.slot?.text ?? '').length > 0);
      const day = answer.days.find((d) => d.date === c.at.date)!;
      if (day.onDuty === null) assert.equal(day.slots.find((s) => s.role === c.at.role)?.rule, c.rule, 'the day lists the same rule');
    });
  }

  it('uses the validator sentence of a static rule', () => {
    const p = problem(club([member('a', ['towpilot'], { blackouts: [SUN] }), member('b', ['towpilot'])], [TOW]), [SAT, SUN]);
    const answer = why(p, [slot(SAT, 'towpilot', 'b'), slot(SUN, 'towpilot', 'b')], 'a');
    assert.equal(answer.days[1].summary, 'Member A may not be Tow Pilot: blacked out.');
    assert.equal(answer.duties, 0);
  });
});

/** a and b tow; b did two published duties in May (same season), a none. */
function twoTugs(overrides: { a?: object; b?: object } = {}, published: PublishedDay[] = []) {
  return problem(
    club(
      [member('a', ['towpilot'], overrides.a ?? {}), member('b', ['towpilot'], overrides.b ?? {})],
      [TOW],
      [...published, { date: '2026-05-02', slots: { towpilot: 'b' } }, { date: '2026-05-09', slots: { towpilot: 'b' } }],
    ),
    [SAT, SUN],
  );
}

describe('why not: nothing keeps the member out', () => {
  it('says others were further behind, by the season loads, for the optimizer', () => {
    const answer = why(twoTugs(), [slot(SAT, 'towpilot', 'a'), slot(SUN, 'towpilot', null)], 'b', {
      expected: new Map([
        ['a', { value: 1, from: 'average' as const }],
        ['b', { value: 1, from: 'average' as const }],
      ]),
    });
    const sat = answer.days[0].slots[0];
    assert.equal(sat.kind, 'fairness');
    assert.equal(sat.holderId, 'a');
    assert.match(sat.text, /^Member A was further behind: .*Member A 0 \(club average 1\), Member B 2 \(club average 1\)/);
    assert.equal(answer.days[1].slots[0].kind, 'open');
  });

  it('says "their quota" when the holder has one', () => {
    const answer = why(twoTugs(), [slot(SAT, 'towpilot', 'a'), slot(SUN, 'towpilot', null)], 'b', {
      expected: new Map([['a', { value: 4, from: 'quota' as const }]]),
    });
    assert.match(answer.days[0].slots[0].text, /further behind their quota/);
  });

  it('says the legacy scheduler draws at random, and when the member was the fairer choice', () => {
    const answer = why(twoTugs(), [slot(SAT, 'towpilot', 'b'), slot(SUN, 'towpilot', null)], 'a', { scheduler: 'legacy' });
    const sat = answer.days[0].slots[0];
    assert.equal(sat.kind, 'random');
    assert.ok(
      sat.details.some((d) => /fairness window.s balance Member A was the fairer choice/.test(d)),
      sat.details.join(' | '),
    );
  });

  it('on equal loads, names the preference that decided: the preferred day', () => {
    const p = problem(club([member('a', ['towpilot'], { preferredDay: 'sun' }), member('b', ['towpilot'])], [TOW]), [SAT, SUN]);
    const answer = why(p, [slot(SAT, 'towpilot', 'b'), slot(SUN, 'towpilot', 'a')], 'a');
    const sat = answer.days[0].slots[0];
    assert.equal(sat.kind, 'spacing', 'a on Sunday makes Saturday a neighbouring day');
    const alone = why(p, [slot(SAT, 'towpilot', 'b'), slot(SUN, 'towpilot', null)], 'a');
    assert.equal(alone.days[0].slots[0].kind, 'preference');
    assert.match(alone.days[0].slots[0].text, /Member A prefers Sundays\./);
  });

  it('on equal loads, names the role share', () => {
    const p = problem(
      club([member('a', ['towpilot', 'instructor'], { rolePercent: { towpilot: 20, instructor: 80 } }), member('b', ['towpilot'])], [TOW]),
      [SAT],
    );
    const answer = why(p, [slot(SAT, 'towpilot', 'b')], 'a');
    assert.equal(answer.days[0].slots[0].kind, 'preference');
    assert.match(answer.days[0].slots[0].text, /Member B's share for Tow Pilot is 100%, Member A's 20%/);
  });

  it('says nothing favoured the holder when both are equal, by who made the roster', () => {
    const p = problem(club([member('a', ['towpilot']), member('b', ['towpilot'])], [TOW]), [SAT]);
    const byKind = (scheduler: SchedulerKind | null) => why(p, [slot(SAT, 'towpilot', 'b')], 'a', { scheduler }).days[0].slots[0];
    assert.equal(byKind('optimizer').kind, 'tie');
    assert.match(byKind('optimizer').text, /several equally good rosters/);
    assert.match(byKind(null).text, /published roster/);
    assert.equal(byKind('legacy').kind, 'random');
  });

  it('names a lock', () => {
    const p = problem(club([member('a', ['towpilot']), member('b', ['towpilot'])], [TOW]), [SAT], { locked: [slot(SAT, 'towpilot', 'b')] });
    assert.equal(why(p, [slot(SAT, 'towpilot', 'b')], 'a').days[0].slots[0].kind, 'locked');
  });

  it('lists the member own duties and explains only the roles they hold', () => {
    const p = problem(
      club(
        [member('a', ['towpilot']), member('b', ['towpilot', 'instructor'])],
        [TOW, { key: 'instructor', title: 'Instructor', qualification: 'instructor' }],
      ),
      [SAT, SUN],
    );
    const answer = why(
      p,
      [slot(SAT, 'towpilot', 'a'), slot(SAT, 'instructor', 'b'), slot(SUN, 'towpilot', 'b'), slot(SUN, 'instructor', null)],
      'a',
    );
    assert.deepEqual(answer.days[0].onDuty, { role: 'towpilot', roleTitle: 'Tow Pilot' });
    assert.equal(answer.days[0].summary, 'On duty as Tow Pilot.');
    assert.deepEqual(
      answer.days[1].slots.map((s) => s.role),
      ['towpilot'],
    );
    assert.equal(answer.duties, 1);
  });
});
