import { mayNotBe, type StaticRule } from './rule.ts';

/** Hard rule 2: the member holds the role's qualification. */
export const qualified: StaticRule<'not_qualified'> = {
  kind: 'static',
  code: 'not_qualified',
  reason: 'not qualified',
  optimizer: 'none of its own: the member gets no candidate in the role (optimizer/instance.ts runs every static check)',
  prepare: () => ({
    allows: (member, role) => member.qualifications.includes(role.qualification),
    sentence: (member, role) => mayNotBe(member, role, qualified.reason),
  }),
};
