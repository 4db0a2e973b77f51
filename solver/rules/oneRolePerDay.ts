import type { AtMost, OptimizerCandidates, RosterRule } from './rule.ts';

/** Hard rule 5: the member fills no other role on the day. */
export const oneRolePerDay: RosterRule<'on_duty_that_day'> = {
  kind: 'roster',
  code: 'on_duty_that_day',
  reason: 'already on duty that day',
  optimizer:
    'oneRolePerDayRows below, in every stage (optimizer/ruleRows.ts); no candidate on a day the member is locked on duty (optimizer/instance.ts runs the roster check against the locked slots); a unit arc per member and day in the flow (optimizer/flow.ts)',
  prepare: () => ({
    blocks: (roster, member, _role, date) => roster.membersOn(date).has(member.id),
    sentences: (roster, member, _role, date, words) => {
      const other = roster.membersOn(date).get(member.id);
      return other === undefined ? [] : [`${member.name} is already ${words.roleTitle(other)} on ${date}.`];
    },
  }),
};

/** The optimizer's rows: at most one of a member's candidates on a day (every stage). */
export function oneRolePerDayRows(view: OptimizerCandidates): AtMost[] {
  const rows: AtMost[] = [];
  for (const days of view.byMemberDay) {
    for (const roles of days) if (roles && roles.size > 1) rows.push({ candidates: [...roles.values()], most: 1 });
  }
  return rows;
}
