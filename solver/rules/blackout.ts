import { mayNotBe, type StaticRule } from './rule.ts';

/** Hard rule 3: the member has no blackout on the day. */
export const blackout: StaticRule<'blackout'> = {
  kind: 'static',
  code: 'blackout',
  reason: 'blacked out',
  optimizer: 'none of its own: the member gets no candidate on the day (optimizer/instance.ts runs every static check)',
  prepare: ({ club }) => {
    const dates = new Map(club.members.map((m) => [m.id, new Set(m.blackouts)]));
    return {
      allows: (member, _role, date) => !dates.get(member.id)?.has(date),
      sentence: (member, role) => mayNotBe(member, role, blackout.reason),
    };
  },
};
