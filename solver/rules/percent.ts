import type { Member } from '../types.ts';
import { mayNotBe, type StaticRule } from './rule.ts';

/**
 * Hard rule 4, the percent rule: a member may split duty across held qualifications (0-100 each).
 * Nothing stated, one qualification held, or 0 for all held ones: every held one weighs 100.
 * Otherwise 0 blocks the qualification and a positive value is the member's weight for its roles.
 */

/** The member's weight (0..100) for roles needing `qualification`; a qualification not held weighs 0. */
export function percentWeight(member: Member, qualification: string): number {
  if (!member.qualifications.includes(qualification)) return 0;
  const held = member.qualifications;
  const stated = held.map((q) => member.rolePercent[q] ?? 0);
  if (held.length === 1 || stated.every((p) => p === 0)) return 100;
  return member.rolePercent[qualification] ?? 0;
}

export const percent: StaticRule<'percent_zero'> = {
  kind: 'static',
  code: 'percent_zero',
  reason: 'role set to 0%',
  optimizer:
    'no candidate in a role at 0% (optimizer/instance.ts runs every static check); a positive weight is a preference cost (percentWeight in optimizer/preferences.ts assignmentPoints)',
  prepare: () => ({
    allows: (member, role) => percentWeight(member, role.qualification) > 0,
    sentence: (member, role) => mayNotBe(member, role, percent.reason),
  }),
};
