import { mayNotBe, type StaticRule } from './rule.ts';

/**
 * Exempt members (club-format.md `members[].exempt`, e.g. a long-serving treasurer) are never
 * scheduled and not expected to do duties, so fairness leaves them out too (solver/metrics.ts,
 * solver/fairnessWindow.ts). Kept apart from `not_available`: a suspension is temporary, an exemption
 * is what the club agreed.
 */
export const exempt: StaticRule<'exempt'> = {
  kind: 'static',
  code: 'exempt',
  reason: 'exempt from duties',
  optimizer: 'none of its own: the member gets no candidate (optimizer/instance.ts runs every static check)',
  prepare: () => ({
    allows: (member) => member.exempt !== true,
    sentence: (member, role) => mayNotBe(member, role, exempt.reason),
  }),
};
