import type { BlockReason } from '../../../solver/rules/index.ts';
import type { SpacingRule } from '../../../solver/rules/spacing.ts';
import type { Assignment, Member, SchedulingProblem } from '../../../solver/types.ts';
import { club, INSTRUCTOR, member, problem, slot, TOW } from '../rosterFixtures.ts';

/**
 * At least one row per rule of the catalogue (solver/rules/): a small problem that tempts the rule (ignoring
 * it would fill more slots or suit a preference better, while keeping it is possible), and a
 * hand-made roster of that problem breaking it at one slot, with the member-facing sentence.
 */
export interface RuleCase<Rule extends string> {
  rule: Rule;
  problem: SchedulingProblem;
  /** Breaks the rule at `at` and nothing else of the catalogue. */
  breaking: Assignment[];
  at: Assignment & { memberId: string };
  sentence: string;
}

/** A member's qualification expiry map: null prototype, as the loaders make it. */
export function validUntil(entries: Record<string, string>): Record<string, string> {
  return Object.assign(Object.create(null) as Record<string, string>, entries);
}

const SAT = '2026-06-06';
const SUN = '2026-06-07';
const SAT2 = '2026-06-13';
const SUN2 = '2026-06-14';

/** Two tow pilots for one weekend: only with `a` can both days be filled without a spacing break; `a` prefers Sunday. */
function weekendWithA(a: Partial<Member>, qualifications = ['towpilot']): SchedulingProblem {
  return problem(club([member('a', qualifications, { preferredDay: 'sun', ...a }), member('b', ['towpilot'])], [TOW]), [SAT, SUN]);
}

/** b on Saturday, a on Sunday: breaks only what keeps `a` off Sunday. */
const aOnSunday = [slot(SAT, 'towpilot', 'b'), slot(SUN, 'towpilot', 'a')];
const aSunday = { date: SUN, role: 'towpilot', memberId: 'a' };

export const HARD_RULE_CASES: RuleCase<BlockReason>[] = [
  {
    rule: 'not_available',
    problem: weekendWithA({ suspended: true }),
    breaking: aOnSunday,
    at: aSunday,
    sentence: 'Member A may not be Tow Pilot: suspended.',
  },
  {
    rule: 'exempt',
    problem: weekendWithA({ exempt: true }),
    breaking: aOnSunday,
    at: aSunday,
    sentence: 'Member A may not be Tow Pilot: exempt from duties.',
  },
  {
    rule: 'not_qualified',
    problem: weekendWithA({}, ['instructor']),
    breaking: aOnSunday,
    at: aSunday,
    sentence: 'Member A may not be Tow Pilot: not qualified.',
  },
  {
    rule: 'qualification_expired',
    problem: weekendWithA({ qualificationExpiry: validUntil({ towpilot: SAT }) }),
    breaking: aOnSunday,
    at: aSunday,
    sentence: `Member A may not be Tow Pilot: qualification valid only until ${SAT}.`,
  },
  {
    rule: 'blackout',
    problem: weekendWithA({ blackouts: [SUN] }),
    breaking: aOnSunday,
    at: aSunday,
    sentence: 'Member A may not be Tow Pilot: blacked out.',
  },
  {
    rule: 'unavailable',
    problem: weekendWithA({ unavailable: [{ weekday: 'sun', level: 'never' }] }),
    breaking: aOnSunday,
    at: aSunday,
    sentence: 'Member A may not be Tow Pilot: unavailable (never on Sundays).',
  },
  {
    // A range, narrowed to the tow pilot's qualification (a also instructs).
    rule: 'unavailable',
    problem: weekendWithA({ unavailable: [{ from: SUN, to: SUN2, roles: ['towpilot'], level: 'never', note: 'harvest' }] }, [
      'towpilot',
      'instructor',
    ]),
    breaking: aOnSunday,
    at: aSunday,
    sentence: `Member A may not be Tow Pilot: unavailable (not as Tow Pilot 7-14 Jun 2026 (harvest)).`,
  },
  {
    // Months alone, for every role.
    rule: 'unavailable',
    problem: weekendWithA({ unavailable: [{ months: [6], level: 'never' }] }),
    breaking: aOnSunday,
    at: aSunday,
    sentence: 'Member A may not be Tow Pilot: unavailable (not in Jun).',
  },
  {
    rule: 'percent_zero',
    problem: weekendWithA({ rolePercent: { towpilot: 0, instructor: 100 } }, ['towpilot', 'instructor']),
    breaking: aOnSunday,
    at: aSunday,
    sentence: 'Member A may not be Tow Pilot: role set to 0%.',
  },
  {
    rule: 'cap_zero',
    problem: weekendWithA({ maxPerMonth: 0 }),
    breaking: aOnSunday,
    at: aSunday,
    sentence: 'Member A may not be Tow Pilot: monthly limit 0.',
  },
  {
    // Two members for two roles on two days: each does one role a day. a prefers Saturday, so
    // doing both of Saturday's roles would suit a better.
    rule: 'on_duty_that_day',
    problem: problem(
      club([member('a', ['towpilot', 'instructor'], { preferredDay: 'sat' }), member('b', ['towpilot', 'instructor'])], [TOW, INSTRUCTOR]),
      [SAT, SUN],
    ),
    breaking: [slot(SAT, 'towpilot', 'a'), slot(SAT, 'instructor', 'a'), slot(SUN, 'towpilot', 'b'), slot(SUN, 'instructor', null)],
    at: { date: SAT, role: 'instructor', memberId: 'a' },
    sentence: `Member A is already Tow Pilot on ${SAT}.`,
  },
  {
    // The only tow pilot avoids the only instructor.
    rule: 'avoids_someone_on_duty',
    problem: problem(club([member('a', ['towpilot'], { avoid: ['b'] }), member('b', ['instructor'])], [TOW, INSTRUCTOR]), [SAT]),
    breaking: [slot(SAT, 'towpilot', 'a'), slot(SAT, 'instructor', 'b')],
    at: { date: SAT, role: 'instructor', memberId: 'b' },
    sentence: `Member B and Member A avoid each other but are both on duty on ${SAT}.`,
  },
  {
    // The only member, one duty allowed, two roles on two days.
    rule: 'at_cap',
    problem: problem(club([member('a', ['towpilot', 'instructor'], { maxPerMonth: 1 })], [TOW, INSTRUCTOR]), [SAT, SUN]),
    breaking: [slot(SAT, 'towpilot', 'a'), slot(SAT, 'instructor', null), slot(SUN, 'towpilot', null), slot(SUN, 'instructor', 'a')],
    at: { date: SUN, role: 'instructor', memberId: 'a' },
    sentence: 'Member A is on duty more than the limit of 1 in this range.',
  },
  {
    // Two tow pilots for two weekends, a allowed one duty: b's three duties must break spacing, which
    // a second duty for a would halve, so the optimizer's fill stage (run only when spacing cannot be
    // kept) is tempted too.
    rule: 'at_cap',
    problem: problem(club([member('a', ['towpilot'], { maxPerMonth: 1 }), member('b', ['towpilot'])], [TOW]), [SAT, SUN, SAT2, SUN2]),
    breaking: [slot(SAT, 'towpilot', 'a'), slot(SUN, 'towpilot', 'b'), slot(SAT2, 'towpilot', 'b'), slot(SUN2, 'towpilot', 'a')],
    at: { date: SUN2, role: 'towpilot', memberId: 'a' },
    sentence: 'Member A is on duty more than the limit of 1 in this range.',
  },
];

/** A member with a weak tow share: legacy draws them rarely. */
const reluctantTug = (id: string) => member(id, ['towpilot', 'instructor'], { rolePercent: { towpilot: 10, instructor: 90 } });

export const SPACING_RULE_CASES: RuleCase<SpacingRule>[] = [
  {
    // Three tow pilots for two weekends: one does two days. `a` likes to work with x and y, the
    // instructors locked on the first two days; keeping the rule, a cannot take both.
    rule: 'neighbouring_day',
    problem: problem(
      club(
        [
          member('a', ['towpilot'], { pairWith: ['x', 'y'] }),
          member('b', ['towpilot']),
          member('c', ['towpilot']),
          member('x', ['instructor']),
          member('y', ['instructor']),
        ],
        [TOW, INSTRUCTOR],
      ),
      [SAT, SUN, SAT2, SUN2],
      {
        locked: [
          slot(SAT, 'instructor', 'x'),
          slot(SUN, 'instructor', 'y'),
          slot(SAT2, 'instructor', null),
          slot(SUN2, 'instructor', null),
        ],
      },
    ),
    breaking: [
      slot(SAT, 'towpilot', 'a'),
      slot(SAT, 'instructor', 'x'),
      slot(SUN, 'towpilot', 'a'),
      slot(SUN, 'instructor', 'y'),
      slot(SAT2, 'towpilot', 'b'),
      slot(SAT2, 'instructor', null),
      slot(SUN2, 'towpilot', 'c'),
      slot(SUN2, 'instructor', null),
    ],
    at: { date: SUN, role: 'towpilot', memberId: 'a' },
    sentence: `Member A is also Tow Pilot on ${SAT}, the neighbouring duty day.`,
  },
  {
    // a towed on the last published day and prefers Saturday (a may double weekends, so 7 days do not count).
    rule: 'carry_over',
    problem: problem(
      club(
        [member('a', ['towpilot'], { preferredDay: 'sat', allowWeekendDouble: true }), reluctantTug('b')],
        [TOW],
        [{ date: '2026-05-31', slots: { towpilot: 'a' } }],
      ),
      [SAT, SUN],
    ),
    breaking: [slot(SAT, 'towpilot', 'a'), slot(SUN, 'towpilot', 'b')],
    at: { date: SAT, role: 'towpilot', memberId: 'a' },
    sentence: 'Member A was Tow Pilot on the last published day (2026-05-31).',
  },
  {
    // Three tow pilots for two weekends: one does two days. a prefers Saturdays, b and c Sundays;
    // the only double without a break, Saturday and the Sunday 8 days later, misses a preference.
    rule: 'seven_days',
    problem: problem(
      club(
        [
          member('a', ['towpilot'], { preferredDay: 'sat' }),
          member('b', ['towpilot'], { preferredDay: 'sun' }),
          member('c', ['towpilot'], { preferredDay: 'sun' }),
        ],
        [TOW],
      ),
      [SAT, SUN, SAT2, SUN2],
    ),
    breaking: [slot(SAT, 'towpilot', 'a'), slot(SUN, 'towpilot', 'b'), slot(SAT2, 'towpilot', 'a'), slot(SUN2, 'towpilot', 'c')],
    at: { date: SAT2, role: 'towpilot', memberId: 'a' },
    sentence: `Member A is also Tow Pilot on ${SAT}, 7 days apart.`,
  },
];
