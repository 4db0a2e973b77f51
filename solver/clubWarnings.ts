import type { Club, Member, Role } from './types.ts';

/**
 * Likely typos in club data that the rules accept: a qualification no role asks for (the member can
 * never be scheduled for it) and role percentages adding up to more than 100. They are shown as
 * warnings; nothing is refused.
 */

export function memberWarnings(
  member: Pick<Member, 'qualifications' | 'rolePercent'>,
  roles: readonly Pick<Role, 'qualification'>[],
): string[] {
  const needed = [...new Set(roles.map((role) => role.qualification))];
  const warnings = member.qualifications
    .filter((q) => !needed.includes(q))
    .map((q) => `No role uses the qualification "${q}" (roles use ${needed.map((n) => `"${n}"`).join(', ') || 'none'}); is it a typo?`);
  const total = member.qualifications.reduce((sum, q) => sum + (member.rolePercent[q] ?? 0), 0);
  if (total > 100) warnings.push(`The role percentages add up to ${total} %, more than 100 %.`);
  return warnings;
}

/** Every member's likely typos, each naming the member. */
export function clubWarnings(club: Pick<Club, 'members' | 'roles'>): string[] {
  return club.members.flatMap((member) => memberWarnings(member, club.roles).map((warning) => `${member.name} (${member.id}): ${warning}`));
}
