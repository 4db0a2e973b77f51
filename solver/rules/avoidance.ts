import type { Club } from '../types.ts';
import type { AtMost, OptimizerCandidates, RosterRule } from './rule.ts';

/** Hard rule 6: no member the member avoids (either direction) is on duty that day, in any role. */

/** Member id -> the members they avoid or who avoid them. */
export function avoidancePairs(club: Club): Map<string, Set<string>> {
  const pairs = new Map<string, Set<string>>(club.members.map((m) => [m.id, new Set<string>()]));
  for (const m of club.members) {
    for (const other of m.avoid) {
      pairs.get(m.id)?.add(other);
      pairs.get(other)?.add(m.id);
    }
  }
  return pairs;
}

export const avoidance: RosterRule<'avoids_someone_on_duty'> = {
  kind: 'roster',
  code: 'avoids_someone_on_duty',
  reason: 'avoids someone on duty',
  optimizer:
    'avoidanceRows below, in every stage (optimizer/ruleRows.ts), over the pairs instance.ts finds; no candidate on a day an avoided member is locked on duty (optimizer/instance.ts runs the roster check against the locked slots); the flow roster drops one of a clashing pair (optimizer/flow.ts)',
  prepare: ({ club }) => {
    const pairs = avoidancePairs(club);
    const avoided = (memberId: string, onDuty: Iterable<string>) => [...onDuty].filter((other) => pairs.get(memberId)?.has(other));
    return {
      blocks: (roster, member, _role, date) => {
        const avoids = pairs.get(member.id);
        if (avoids === undefined || avoids.size === 0) return false;
        for (const other of roster.membersOn(date).keys()) if (avoids.has(other)) return true;
        return false;
      },
      sentences: (roster, member, _role, date, words) =>
        avoided(member.id, roster.membersOn(date).keys()).map(
          (other) => `${member.name} and ${words.name(other)} avoid each other but are both on duty on ${date}.`,
        ),
    };
  },
};

/** The optimizer's rows: of two members who avoid each other, at most one on duty that day (every stage). */
export function avoidanceRows(view: OptimizerCandidates): AtMost[] {
  const onDuty = (m: number, day: number) => [...(view.byMemberDay[m][day]?.values() ?? [])];
  return view.avoidances.map(({ a, b, day }) => ({ candidates: [...onDuty(a, day), ...onDuty(b, day)], most: 1 }));
}
