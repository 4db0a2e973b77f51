import { monthsTouched } from '../dates.ts';
import type { Club, DateRange, Member } from '../types.ts';
import { mayNotBe, type AtMost, type OptimizerCandidates, type RosterRule, type StaticRule } from './rule.ts';

/**
 * The cap (hard rule 7): ceil(maxPerMonth x months the range touches) duties in the range; a member
 * without maxPerMonth uses the club default. A cap of 0 blocks the member outright (a static check);
 * otherwise the member's assignments stay within it (a roster check).
 */

function capFor(member: Member, club: Club, range: DateRange): number {
  const rate = member.maxPerMonth ?? club.defaultMaxPerMonth;
  // The epsilon keeps 0.1 x 30 = 3.0000000000000004 from becoming 4.
  return Math.max(0, Math.ceil(rate * monthsTouched(range) - 1e-9));
}

export function capsOf(club: Club, range: DateRange): Map<string, number> {
  return new Map(club.members.map((m) => [m.id, capFor(m, club, range)]));
}

const HOW =
  "no candidate once the locked slots reach the cap (optimizer/instance.ts runs the roster check against them); the rest is maxLoad, the cap minus the locked load: capLimitRows below in the fill stage, the fairness stage's load steps (optimizer/model.ts) and the member's arc in the flow (optimizer/flow.ts)";

export const capZero: StaticRule<'cap_zero'> = {
  kind: 'static',
  code: 'cap_zero',
  reason: 'monthly limit 0',
  optimizer: HOW,
  prepare: ({ club, range }) => {
    const caps = capsOf(club, range);
    return {
      allows: (member) => (caps.get(member.id) ?? 0) > 0,
      sentence: (member, role) => mayNotBe(member, role, capZero.reason),
    };
  },
};

export const atCap: RosterRule<'at_cap'> = {
  kind: 'roster',
  code: 'at_cap',
  reason: 'at monthly limit',
  optimizer: HOW,
  prepare: ({ club, range }) => {
    const caps = capsOf(club, range);
    const cap = (member: Member) => caps.get(member.id) ?? 0;
    return {
      blocks: (roster, member) => roster.load(member.id) >= cap(member),
      // A cap of 0 is the static rule's to report.
      sentences: (roster, member) =>
        cap(member) > 0 && roster.load(member.id) >= cap(member)
          ? [`${member.name} is on duty more than the limit of ${cap(member)} in this range.`]
          : [],
    };
  },
};

/** The slot editor's warning for a member this slot would bring to the cap. */
export function reachesCap(member: Member, cap: number): string {
  return `${member.name} reaches the limit of ${cap} duties.`;
}

/**
 * The optimizer's fill-stage rows: a member's candidates at most `maxLoad` (written only where they
 * could exceed it). The fairness stage caps through its load steps, which stop at maxLoad.
 */
export function capLimitRows(view: OptimizerCandidates): AtMost[] {
  const rows: AtMost[] = [];
  view.byMemberDay.forEach((days, m) => {
    const own = days.flatMap((roles) => (roles ? [...roles.values()] : []));
    if (own.length > view.maxLoad[m]) rows.push({ candidates: own, most: view.maxLoad[m] });
  });
  return rows;
}
