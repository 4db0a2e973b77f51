import type { Member } from '../types.ts';
import { mayNotBe, type StaticRule } from './rule.ts';

/** Hard rule 1: the member is active, not opted out (dontSchedule) and not suspended. */

export function isAvailable(member: Member): boolean {
  return member.active && !member.dontSchedule && !member.suspended;
}

export const available: StaticRule<'not_available'> = {
  kind: 'static',
  code: 'not_available',
  reason: 'inactive, opted out or suspended',
  optimizer: 'none of its own: the member gets no candidate (optimizer/instance.ts runs every static check)',
  prepare: () => ({
    allows: isAvailable,
    // The sentence names the one that applies: a published duty shows it as its conflict.
    sentence: (member, role) => mayNotBe(member, role, !member.active ? 'inactive' : member.suspended ? 'suspended' : 'opted out'),
  }),
};
