import { avoidance } from './avoidance.ts';
import { blackout } from './blackout.ts';
import { atCap, capZero } from './cap.ts';
import { available } from './available.ts';
import { exempt } from './exempt.ts';
import { oneRolePerDay } from './oneRolePerDay.ts';
import { percent } from './percent.ts';
import { qualificationExpiry } from './qualificationExpiry.ts';
import { qualified } from './qualified.ts';
import { unavailable } from './unavailable.ts';

/**
 * The rule catalogue: every hard rule of DOMAIN.md ("Who may fill a slot"), in the order a member's
 * first blocking rule is reported. Static rules come first; roster rules see the rest of the roster.
 * The spacing rules are in spacing.ts. Adding a rule: a module here, an entry below, a row in
 * test/solver/rules/cases.ts.
 */
export const STATIC_RULES = [available, exempt, qualified, qualificationExpiry, blackout, unavailable, percent, capZero] as const;
export const ROSTER_RULES = [oneRolePerDay, avoidance, atCap] as const;
export const HARD_RULES = [...STATIC_RULES, ...ROSTER_RULES] as const;

/** Why a member may not fill a slot: a hard rule's code. */
export type BlockReason = (typeof HARD_RULES)[number]['code'];

/** Each hard rule's reason: the slot editor's and the diagnosis's words. */
export const BLOCK_REASON_TEXT = Object.fromEntries(HARD_RULES.map((rule) => [rule.code, rule.reason])) as Record<BlockReason, string>;
