import type { IsoDate, Member } from '../types.ts';
import { mayNotBe, type StaticRule } from './rule.ts';

/**
 * Qualification validity (DOMAIN.md): a qualification with an expiry date does not count for duty
 * days after it. `qualificationExpiry` maps a qualification key to its last valid date.
 */

/** The last date the member's qualification is valid, or null when it does not expire. */
export function lastValidDate(member: Member, qualification: string): IsoDate | null {
  const expiry = member.qualificationExpiry;
  // Own keys only: the map is keyed by user-chosen qualification keys ("constructor" is one).
  return expiry !== undefined && Object.hasOwn(expiry, qualification) ? (expiry[qualification] ?? null) : null;
}

export const qualificationExpiry: StaticRule<'qualification_expired'> = {
  kind: 'static',
  code: 'qualification_expired',
  reason: 'qualification expired',
  optimizer:
    'none of its own: the member gets no candidate in the role on duty days after the last valid date (optimizer/instance.ts runs every static check)',
  prepare: () => ({
    allows: (member, role, date) => {
      const last = lastValidDate(member, role.qualification);
      return last === null || date <= last;
    },
    sentence: (member, role) => mayNotBe(member, role, `qualification valid only until ${lastValidDate(member, role.qualification)}`),
  }),
};
