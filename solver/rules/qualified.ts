import { mayNotBe, type StaticRule } from './rule.ts';

/** Hard rule 2: the member holds the role's qualification. */
export const qualified: StaticRule<'not_qualified'> = {
  kind: 'static',
  code: 'not_qualified',
  reason: 'not qualified',
  optimizer: 'no candidate is created for the member in the role (static check, optimizer/instance.ts)',
  prepare: () => ({
    allows: (member, role) => member.qualifications.includes(role.qualification),
    sentence: (member, role) => mayNotBe(member, role, qualified.reason),
  }),
};
