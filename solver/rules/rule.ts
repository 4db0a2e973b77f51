import type { Club, DateRange, IsoDate, Member, Role } from '../types.ts';

/**
 * The shape of one hard rule in the catalogue (index.ts). Every scheduler, the validator, the
 * empty-slot diagnosis and the slot editor's candidate list run the rules through the catalogue,
 * so a rule is written once, in its own module.
 */

/** What one generation's rules are prepared for. */
export interface RuleProblem {
  club: Club;
  range: DateRange;
}

/** The slots a roster holds so far, as a rule sees them. */
export interface RosterView {
  /** Member id -> role key of everyone on duty on date. */
  membersOn(date: IsoDate): ReadonlyMap<string, string>;
  /** Slots the member fills so far. */
  load(memberId: string): number;
}

/** The club's own words for ids, for member-facing sentences. */
export interface Words {
  name(memberId: string): string;
  roleTitle(roleKey: string): string;
}

interface RuleText<Code extends string> {
  /** The rule's key; doubles as the violation rule and the diagnosis bucket. */
  readonly code: Code;
  /**
   * A few words on why a member is kept out: the slot editor's reason for a member it greys out
   * and the empty-slot diagnosis ("2 blacked out").
   */
  readonly reason: string;
  /** How the optimizer model holds the rule, in plain words (its code reads the same module). */
  readonly optimizer: string;
}

/** A rule that depends only on the member, role and date: may this member ever take this slot? */
export interface StaticRule<Code extends string = string> extends RuleText<Code> {
  readonly kind: 'static';
  prepare(problem: RuleProblem): StaticCheck;
}

export interface StaticCheck {
  allows(member: Member, role: Role, date: IsoDate): boolean;
  /** The validator's sentence for a roster slot the rule refuses. */
  sentence(member: Member, role: Role, date: IsoDate): string;
}

/** A rule that depends on what else the roster holds. */
export interface RosterRule<Code extends string = string> extends RuleText<Code> {
  readonly kind: 'roster';
  prepare(problem: RuleProblem): RosterCheck;
}

export interface RosterCheck {
  /** Would the member break the rule by taking (date, role) on top of `roster`? */
  blocks(roster: RosterView, member: Member, role: Role, date: IsoDate): boolean;
  /**
   * The validator's sentences for a slot the roster holds, one per breach, `roster` holding the
   * slots checked before it (the slot itself not yet counted).
   */
  sentences(roster: RosterView, member: Member, role: Role, date: IsoDate, words: Words): string[];
}

/** The validator's sentence for a slot a static rule refuses: "Alex Rivera may not be Tow Pilot: blacked out." */
export function mayNotBe(member: Member, role: Role, why: string): string {
  return `${member.name} may not be ${role.title}: ${why}.`;
}

/**
 * The optimizer's free candidates as a rule sees them (solver/optimizer/instance.ts builds them;
 * indices are the instance's members, duty days and candidates).
 */
export interface OptimizerCandidates {
  /** Member -> day -> role -> candidate index; no entry for a day without candidates. */
  byMemberDay: readonly (ReadonlyMap<number, number> | undefined)[][];
  /** Two members who avoid each other, both with candidates on `day`. */
  avoidances: readonly { a: number; b: number; day: number }[];
  /** Most free duties each member may take: the cap minus locked duties, one a day. */
  maxLoad: readonly number[];
}

/** A row of the optimizer's model: at most `most` of these candidates are chosen. */
export interface AtMost {
  candidates: number[];
  most: number;
}
