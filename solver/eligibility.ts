import { monthsTouched } from './dates.ts';
import type { Club, DateRange, IsoDate, Member, Role } from './types.ts';

/**
 * The hard rules of DOMAIN.md ("Who may fill a slot"), shared by both schedulers, the validator,
 * the manual slot editor and the empty-slot diagnosis.
 * Rules 1-4 and the cap depend only on the member, role and date ("static");
 * rules 5-7 depend on what else the roster holds and are checked with a RosterState.
 */

/** Why a member may not fill a slot; the codes double as diagnosis categories. */
export type BlockReason =
  | 'not_available' // rule 1: inactive, opted out or suspended
  | 'not_qualified' // rule 2
  | 'blackout' // rule 3
  | 'percent_zero' // rule 4
  | 'cap_zero' // cap of 0 blocks the member
  | 'on_duty_that_day' // rule 5
  | 'avoids_someone_on_duty' // rule 6
  | 'at_cap'; // rule 7

export const BLOCK_REASON_TEXT: Record<BlockReason, string> = {
  not_available: 'inactive, opted out or suspended',
  not_qualified: 'not qualified',
  blackout: 'blacked out',
  percent_zero: 'role set to 0%',
  cap_zero: 'monthly limit 0',
  on_duty_that_day: 'already on duty that day',
  avoids_someone_on_duty: 'avoids someone on duty',
  at_cap: 'at monthly limit',
};

export function isAvailable(member: Member): boolean {
  return member.active && !member.dontSchedule && !member.suspended;
}

/**
 * The percent rule: the member's weight (0..100) for roles needing `qualification`;
 * 0 means the rule blocks it. A qualification the member does not hold weighs 0.
 */
export function percentWeight(member: Member, qualification: string): number {
  if (!member.qualifications.includes(qualification)) return 0;
  const held = member.qualifications;
  const stated = held.map((q) => statedPercent(member, q));
  if (held.length === 1 || stated.every((p) => p === 0)) return 100;
  return statedPercent(member, qualification);
}

/** Own entries only: qualification keys are the club's text, and "constructor" must not find Object.prototype's. */
function statedPercent(member: Member, qualification: string): number {
  return Object.hasOwn(member.rolePercent, qualification) ? member.rolePercent[qualification] : 0;
}

/** The cap: ceil(maxPerMonth x months the range touches). */
export function capFor(member: Member, club: Club, range: DateRange): number {
  const rate = member.maxPerMonth ?? club.defaultMaxPerMonth;
  // The epsilon keeps 0.1 x 30 = 3.0000000000000004 from becoming 4.
  return Math.max(0, Math.ceil(rate * monthsTouched(range) - 1e-9));
}

/**
 * Precomputed static eligibility of one problem: who passes rules 1-4 (and has a cap above 0)
 * for each role and date, with weights and caps. Built once per generation.
 */
export class Eligibility {
  readonly caps = new Map<string, number>();
  readonly members = new Map<string, Member>();
  private readonly blackouts = new Map<string, Set<IsoDate>>();
  private readonly avoidPairs = new Map<string, Set<string>>();

  constructor(
    readonly club: Club,
    readonly range: DateRange,
  ) {
    for (const m of club.members) {
      this.members.set(m.id, m);
      this.caps.set(m.id, capFor(m, club, range));
      this.blackouts.set(m.id, new Set(m.blackouts));
      this.avoidPairs.set(m.id, new Set());
    }
    for (const m of club.members) {
      for (const other of m.avoid) {
        this.avoidPairs.get(m.id)?.add(other);
        this.avoidPairs.get(other)?.add(m.id);
      }
    }
  }

  cap(memberId: string): number {
    return this.caps.get(memberId) ?? 0;
  }

  /** Rule 1-4 + cap 0 check; null when the member may be considered for the slot. */
  staticBlock(memberId: string, role: Role, date: IsoDate): BlockReason | null {
    const member = this.members.get(memberId);
    if (!member) return 'not_available';
    if (!isAvailable(member)) return 'not_available';
    if (!member.qualifications.includes(role.qualification)) return 'not_qualified';
    if (this.blackouts.get(memberId)?.has(date)) return 'blackout';
    if (percentWeight(member, role.qualification) === 0) return 'percent_zero';
    if (this.cap(memberId) <= 0) return 'cap_zero';
    return null;
  }

  passesStatic(memberId: string, role: Role, date: IsoDate): boolean {
    return this.staticBlock(memberId, role, date) === null;
  }

  /** Members passing the static rules for role on date, in club order. */
  candidates(role: Role, date: IsoDate): Member[] {
    return this.club.members.filter((m) => this.passesStatic(m.id, role, date));
  }

  weight(memberId: string, role: Role): number {
    const member = this.members.get(memberId);
    return member ? percentWeight(member, role.qualification) : 0;
  }

  /** True when a and b avoid each other (either direction). */
  avoids(a: string, b: string): boolean {
    return this.avoidPairs.get(a)?.has(b) ?? false;
  }

  avoidedBy(memberId: string): ReadonlySet<string> {
    return this.avoidPairs.get(memberId) ?? new Set();
  }
}

/**
 * A roster under construction or inspection: who is on duty each day, and each member's load.
 * Answers the dynamic rules 5-7 for a candidate.
 */
export class RosterState {
  private readonly onDuty = new Map<IsoDate, Map<string, string>>(); // date -> memberId -> role
  private readonly loads = new Map<string, number>();

  constructor(readonly eligibility: Eligibility) {}

  assign(date: IsoDate, role: string, memberId: string): void {
    let day = this.onDuty.get(date);
    if (!day) this.onDuty.set(date, (day = new Map()));
    day.set(memberId, role);
    this.loads.set(memberId, (this.loads.get(memberId) ?? 0) + 1);
  }

  unassign(date: IsoDate, memberId: string): void {
    const day = this.onDuty.get(date);
    if (day?.delete(memberId)) this.loads.set(memberId, (this.loads.get(memberId) ?? 1) - 1);
  }

  load(memberId: string): number {
    return this.loads.get(memberId) ?? 0;
  }

  /** Members on duty on date (any role). */
  membersOn(date: IsoDate): ReadonlyMap<string, string> {
    return this.onDuty.get(date) ?? new Map();
  }

  /** First dynamic rule (5-7) that blocks the member from another slot on date, or null. */
  dynamicBlock(memberId: string, date: IsoDate): BlockReason | null {
    const day = this.membersOn(date);
    if (day.has(memberId)) return 'on_duty_that_day';
    for (const other of day.keys()) if (this.eligibility.avoids(memberId, other)) return 'avoids_someone_on_duty';
    if (this.load(memberId) >= this.eligibility.cap(memberId)) return 'at_cap';
    return null;
  }

  /** All hard rules for one more slot: static first, then dynamic. */
  block(memberId: string, role: Role, date: IsoDate): BlockReason | null {
    return this.eligibility.staticBlock(memberId, role, date) ?? this.dynamicBlock(memberId, date);
  }
}
