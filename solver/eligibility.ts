import { avoidancePairs } from './rules/avoidance.ts';
import { capsOf } from './rules/cap.ts';
import { ROSTER_RULES, STATIC_RULES, type BlockReason } from './rules/index.ts';
import type { RosterCheck, RosterView, StaticCheck } from './rules/rule.ts';
import { percentWeight } from './rules/percent.ts';
import type { Club, DateRange, IsoDate, Member, Role } from './types.ts';

/**
 * The rule catalogue (rules/) prepared for one generation, as both schedulers, the validator, the
 * slot editor and the empty-slot diagnosis run it: static rules through Eligibility, rules that
 * depend on the rest of the roster through a RosterState.
 */

export type { BlockReason } from './rules/index.ts';
export { isAvailable } from './rules/available.ts';

/** The static rules of one problem, with each member's weights and cap. Built once per generation. */
export class Eligibility {
  readonly caps: ReadonlyMap<string, number>;
  readonly members = new Map<string, Member>();
  readonly staticChecks: readonly { code: BlockReason; check: StaticCheck }[];
  readonly rosterChecks: readonly { code: BlockReason; check: RosterCheck }[];
  private readonly avoidPairs: Map<string, Set<string>>;

  constructor(
    readonly club: Club,
    readonly range: DateRange,
  ) {
    for (const m of club.members) this.members.set(m.id, m);
    this.caps = capsOf(club, range);
    this.avoidPairs = avoidancePairs(club);
    this.staticChecks = STATIC_RULES.map((rule) => ({ code: rule.code, check: rule.prepare({ club, range }) }));
    this.rosterChecks = ROSTER_RULES.map((rule) => ({ code: rule.code, check: rule.prepare({ club, range }) }));
  }

  cap(memberId: string): number {
    return this.caps.get(memberId) ?? 0;
  }

  /** The first static rule refusing the member the slot; null when the member may be considered. */
  staticBlock(memberId: string, role: Role, date: IsoDate): BlockReason | null {
    const member = this.members.get(memberId);
    if (!member) return 'not_available';
    for (const { code, check } of this.staticChecks) if (!check.allows(member, role, date)) return code;
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

  avoidedBy(memberId: string): ReadonlySet<string> {
    return this.avoidPairs.get(memberId) ?? new Set();
  }
}

const NOBODY: ReadonlyMap<string, string> = new Map<string, string>();

/** A roster under construction or inspection: who is on duty each day, and each member's load. */
export class RosterState implements RosterView {
  private readonly onDuty = new Map<IsoDate, Map<string, string>>(); // date -> memberId -> role
  private readonly loads = new Map<string, number>();

  constructor(readonly eligibility: Eligibility) {}

  assign(date: IsoDate, role: string, memberId: string): void {
    let day = this.onDuty.get(date);
    if (!day) this.onDuty.set(date, (day = new Map<string, string>()));
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
    return this.onDuty.get(date) ?? NOBODY;
  }

  /** The first roster rule the member would break by taking role on date, or null. */
  rosterBlock(memberId: string, role: Role, date: IsoDate): BlockReason | null {
    const member = this.eligibility.members.get(memberId);
    if (!member) return 'not_available';
    for (const { code, check } of this.eligibility.rosterChecks) if (check.blocks(this, member, role, date)) return code;
    return null;
  }

  /** Every hard rule for one more slot: static first, then the roster rules. */
  block(memberId: string, role: Role, date: IsoDate): BlockReason | null {
    return this.eligibility.staticBlock(memberId, role, date) ?? this.rosterBlock(memberId, role, date);
  }
}
