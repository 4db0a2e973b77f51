import { daysBetween, weekdayOf } from './dates.ts';
import { Eligibility, RosterState } from './eligibility.ts';
import { assignmentTerms, PAIRING_REWARD, SOFT_SPACING, staleDays } from './optimizer/preferences.ts';
import { BLOCK_REASON_TEXT } from './rules/index.ts';
import { mayNotBe, type Words } from './rules/rule.ts';
import { SPACING_REASON, SPACING_RULE, spacingContext, spacingFor } from './rules/spacing.ts';
import type { ExpectedFrom } from './seasonStats.ts';
import { fairnessWindow } from './fairnessWindow.ts';
import { windowCosts, type WindowCosts } from './optimizer/windowCost.ts';
import type { Assignment, IsoDate, Member, Role, SchedulerKind, SchedulingProblem } from './types.ts';

/**
 * "Why me / why not me": for one member and the duty days of a roster, their duties and, for each day
 * they are not on duty, why not, per role they hold: the first hard rule of the catalogue that keeps
 * them out (the validator's sentences), a strict spacing rule, or, when nothing keeps them out, what
 * made the holder the better choice by the optimizer's own terms, in its order: the load cost over the
 * fairness window (optimizer/windowCost.ts: its step for the member's next duty against the holder's
 * last), then the preference points (role share, staleness, preferred day), then pairing and soft
 * spacing. A legacy roster is a weighted random draw and says so.
 */

export interface WhyInput {
  problem: SchedulingProblem;
  /** The roster: a draft, or a published range. */
  assignments: Assignment[];
  memberId: string;
  /** The duty days to explain (of problem.dutyDays). */
  days: IsoDate[];
  /** One slot to explain as well, whether or not the member is on duty that day (the slot editor's "why not"). */
  slot?: { date: IsoDate; role: string } | null;
  /** The scheduler that made the roster; null for a published roster. */
  scheduler: SchedulerKind | null;
  /** Member id -> duties expected in the season (seasonStats), where something is expected. */
  expected: ReadonlyMap<string, { value: number; from: ExpectedFrom }>;
}

export type WhyKind = 'hard' | 'spacing' | 'fairness' | 'preference' | 'random' | 'locked' | 'tie' | 'open';

export interface WhySlot {
  role: string;
  roleTitle: string;
  holderId: string | null;
  holderName: string | null;
  kind: WhyKind;
  /** The hard rule's or spacing rule's code, when one decides. */
  rule: string | null;
  text: string;
  /** Facts behind it, in club words (season loads, preference terms). */
  details: string[];
}

export interface WhyDay {
  date: IsoDate;
  /** The role the member fills that day, or null. */
  onDuty: { role: string; roleTitle: string } | null;
  /** One line for the day: the duty, or the reason that matters most. */
  summary: string;
  /** Per role the member holds (every role when they hold none): why another member has it. */
  slots: WhySlot[];
}

export interface WhyMember {
  memberId: string;
  name: string;
  duties: number;
  days: WhyDay[];
  /** The reason for WhyInput.slot (null without one, or when the member holds that slot). */
  slot: WhySlot | null;
}

const DAY_NAMES = { sat: 'Saturdays', sun: 'Sundays' } as const;
const key = (date: IsoDate, role: string) => `${date}|${role}`;

export function whyMember(input: WhyInput): WhyMember {
  const { problem, memberId } = input;
  const eligibility = new Eligibility(problem.club, problem.range);
  const member = eligibility.members.get(memberId);
  if (!member) throw new Error(`No member has the id "${memberId}".`);
  const holders = new Map<string, string | null>();
  const state = new RosterState(eligibility);
  for (const a of input.assignments) {
    const k = key(a.date, a.role);
    if (holders.has(k)) continue;
    holders.set(k, a.memberId);
    if (a.memberId !== null && eligibility.members.has(a.memberId)) state.assign(a.date, a.role, a.memberId);
  }
  const titles = new Map(problem.roles.map((r) => [r.key, r.title]));
  const words: Words = {
    name: (id) => eligibility.members.get(id)?.name ?? id,
    roleTitle: (role) => titles.get(role) ?? role,
  };
  const spacing = spacingContext(problem, (date, role) => holders.get(key(date, role)));
  const explain: SlotExplainer = { input, member, eligibility, state, holders, words, spacing, window: windowLoads(problem, holders) };
  const held = problem.roles.filter((r) => member.qualifications.includes(r.qualification));
  const considered = held.length > 0 ? held : problem.roles;

  const days = input.days.map((date): WhyDay => {
    const role = state.membersOn(date).get(memberId);
    if (role !== undefined) {
      const roleTitle = words.roleTitle(role);
      return { date, onDuty: { role, roleTitle }, summary: `On duty as ${roleTitle}.`, slots: [] };
    }
    const slots = considered.map((r) => explainSlot(explain, date, r));
    const open = slots.find((s) => s.kind !== 'hard' && s.kind !== 'spacing');
    return { date, onDuty: null, summary: (open ?? slots[0])?.text ?? 'No slot this day.', slots };
  });
  const asked = input.slot ?? null;
  const askedRole = asked === null ? undefined : problem.roles.find((r) => r.key === asked.role);
  const slot =
    asked === null ||
    askedRole === undefined ||
    holders.get(key(asked.date, asked.role)) === memberId ||
    !problem.dutyDays.includes(asked.date)
      ? null
      : explainSlot(explain, asked.date, askedRole);
  return { memberId, name: member.name, duties: days.filter((d) => d.onDuty !== null).length, days, slot };
}

interface SlotExplainer {
  input: WhyInput;
  member: Member;
  eligibility: Eligibility;
  state: RosterState;
  holders: Map<string, string | null>;
  words: Words;
  spacing: ReturnType<typeof spacingContext>;
  window: WindowLoads;
}

/** The fairness window's loads of the roster, as the optimizer's fairness tier costs them. */
interface WindowLoads {
  costs: WindowCosts;
  index: ReadonlyMap<string, number>;
  /** Member id -> window duties with the whole roster (published in the window, locked and free slots). */
  load: ReadonlyMap<string, number>;
  kind: string;
}

function windowLoads(problem: SchedulingProblem, holders: ReadonlyMap<string, string | null>): WindowLoads {
  const members = problem.club.members;
  const index = new Map(members.map((m, i) => [m.id, i]));
  const lockedLoad = members.map(() => 0);
  const locked = new Set<string>();
  for (const l of problem.locked) {
    locked.add(key(l.date, l.role));
    const i = l.memberId === null ? undefined : index.get(l.memberId);
    if (i !== undefined) lockedLoad[i]++;
  }
  const costs = windowCosts(problem, lockedLoad);
  const load = new Map(members.map((m, i) => [m.id, costs.base[i]]));
  for (const date of problem.dutyDays) {
    for (const role of problem.roles) {
      const holder = holders.get(key(date, role.key));
      if (holder && !locked.has(key(date, role.key)) && load.has(holder)) load.set(holder, load.get(holder)! + 1);
    }
  }
  return { costs, index, load, kind: fairnessWindow(problem.club, problem.range).kind };
}

const WINDOW_WORDS: Record<string, string> = { season: 'this season', '12months': 'in the last 12 months', range: 'in this roster' };

function explainSlot(x: SlotExplainer, date: IsoDate, role: Role): WhySlot {
  const { member, eligibility, state, words } = x;
  const holderId = x.holders.get(key(date, role.key)) ?? null;
  const base = { role: role.key, roleTitle: role.title, holderId, holderName: holderId === null ? null : words.name(holderId) };
  const hard = hardRule(x, date, role, holderId);
  if (hard !== null) return { ...base, kind: 'hard', ...hard, details: [] };

  const dayIndex = x.input.problem.dutyDays.indexOf(date);
  // Legacy keeps only some spacing rules; the optimizer (and a published roster, by the club's rules) all strict ones.
  const breaks = spacingFor(x.spacing, member.id, role.key, date, dayIndex).filter(
    (b) => x.input.scheduler !== 'legacy' || SPACING_RULE[b.rule].legacyKeeps,
  );
  if (breaks.length > 0) {
    const sentence = SPACING_RULE[breaks[0].rule].sentence(member.name, role.title, breaks[0].otherDate);
    const text = `${SPACING_REASON.charAt(0).toUpperCase()}${SPACING_REASON.slice(1)}: ${sentence}`;
    return { ...base, kind: 'spacing', rule: breaks[0].rule, text, details: [] };
  }
  if (holderId === null)
    return { ...base, kind: 'open', rule: null, text: `The slot is empty; nothing keeps ${member.name} out of it.`, details: [] };
  return { ...base, ...softReason(x, date, role, holderId, eligibility, state) };
}

/** The first hard rule keeping the member out of (date, role), the slot's holder set aside. */
function hardRule(x: SlotExplainer, date: IsoDate, role: Role, holderId: string | null): { rule: string; text: string } | null {
  const { member, eligibility, state, words } = x;
  for (const { code, check } of eligibility.staticChecks) {
    if (!check.allows(member, role, date)) return { rule: code, text: check.sentence(member, role, date) };
  }
  if (holderId !== null) state.unassign(date, holderId);
  try {
    for (const { code, check } of eligibility.rosterChecks) {
      if (!check.blocks(state, member, role, date)) continue;
      const taking = check.sentences(state, member, role, date, words);
      return { rule: code, text: [mayNotBe(member, role, BLOCK_REASON_TEXT[code]), ...taking.map((s) => `Taking it: ${s}`)].join(' ') };
    }
    return null;
  } finally {
    if (holderId !== null) state.assign(date, role.key, holderId);
  }
}

function softReason(
  x: SlotExplainer,
  date: IsoDate,
  role: Role,
  holderId: string,
  eligibility: Eligibility,
  state: RosterState,
): Pick<WhySlot, 'kind' | 'rule' | 'text' | 'details'> {
  const { input, member, words } = x;
  const { problem } = input;
  const holder = eligibility.members.get(holderId);
  const holderName = words.name(holderId);
  const { costs, index, load } = x.window;
  const m = index.get(member.id)!;
  const h = index.get(holderId);
  const mine = load.get(member.id) ?? 0;
  const theirs = (load.get(holderId) ?? 1) - 1;
  // The optimizer's fairness tier: the member's next duty against the holder's duty in this slot.
  const delta = h === undefined ? 0 : costs.cost(m, mine + 1) - costs.cost(m, mine) - (costs.cost(h, theirs + 1) - costs.cost(h, theirs));
  const expectation = (id: string) => {
    const e = input.expected.get(id);
    if (e === undefined) return '';
    return e.from === 'quota' ? ` (quota ${e.value})` : e.from === 'exempt' ? ' (exempt)' : ` (club average ${e.value})`;
  };
  const fairnessFact =
    `Duties ${WINDOW_WORDS[x.window.kind] ?? 'in the fairness window'}, this slot not counted: ${holderName} ${theirs}${expectation(holderId)}, ` +
    `${member.name} ${mine}${expectation(member.id)}.`;
  const details = [fairnessFact];
  const locked = problem.locked.some((l) => l.date === date && l.role === role.key && l.memberId === holderId);
  if (locked) return { kind: 'locked', rule: null, text: `The rostermeister locked ${holderName} in this slot.`, details };
  if (input.scheduler === 'legacy') {
    if (delta < 0) details.push(`By the fairness window's balance ${member.name} was the fairer choice.`);
    return {
      kind: 'random',
      rule: null,
      text:
        `The legacy scheduler drew ${holderName} at random among the members free to take the slot, ` +
        `weighted by role share, partners on duty and how far behind each was in the fairness window before the month.`,
      details,
    };
  }
  if (delta > 0) {
    const quota = input.expected.get(holderId)?.from === 'quota';
    return {
      kind: 'fairness',
      rule: null,
      text: `${holderName} was further behind${quota ? ' their quota' : ''}: ${fairnessFact}`,
      details: [],
    };
  }
  if (holder !== undefined && delta === 0) {
    const favours = preferenceFactors(x, date, role, holder, state);
    if (favours.length > 0) {
      return {
        kind: 'preference',
        rule: null,
        text: `Equal on the fairness window's balance; ${holderName} suited the preferences better: ${favours.join(' ')}`,
        details,
      };
    }
  }
  const how =
    input.scheduler === 'optimizer'
      ? delta < 0
        ? 'The slot was changed by hand after the optimizer made the roster, or the optimizer stopped at its time limit.'
        : 'The optimizer found several equally good rosters and took one of them.'
      : 'The published roster was made or edited this way.';
  if (delta < 0) details.push(`By the fairness window's balance ${member.name} was the fairer choice.`);
  return { kind: 'tie', rule: null, text: `Nothing in the club's rules favoured ${holderName} over ${member.name}. ${how}`, details };
}

/**
 * What favours the holder over the member in this slot by the optimizer's preference points (role
 * share, staleness, preferred day); when those are equal, its last tier (pairing, soft spacing).
 */
function preferenceFactors(x: SlotExplainer, date: IsoDate, role: Role, holder: Member, state: RosterState): string[] {
  const { input, member, eligibility } = x;
  const { problem } = input;
  const history = x.spacing.history;
  const terms = (m: Member) =>
    assignmentTerms(m, eligibility.weight(m.id, role), staleDays(history.lastDuty.get(m.id), problem.range.start), weekdayOf(date));
  const mine = terms(member);
  const theirs = terms(holder);
  const sum = (t: typeof mine) => t.roleWeight + t.staleness + t.preferredDay;
  if (sum(theirs) < sum(mine)) {
    const out: string[] = [];
    if (theirs.roleWeight < mine.roleWeight) {
      out.push(
        `${holder.name}'s share for ${role.title} is ${eligibility.weight(holder.id, role)}%, ${member.name}'s ${eligibility.weight(member.id, role)}%.`,
      );
    }
    if (theirs.staleness < mine.staleness) {
      const last = (m: Member) => history.lastDuty.get(m.id) ?? 'none on record';
      out.push(`${holder.name}'s last duty before the roster was longer ago (${last(holder)}) than ${member.name}'s (${last(member)}).`);
    }
    if (theirs.preferredDay < mine.preferredDay && member.preferredDay !== null)
      out.push(`${member.name} prefers ${DAY_NAMES[member.preferredDay]}.`);
    return out;
  }
  if (sum(theirs) > sum(mine)) return [];
  const tieBreak = (m: Member) => softSpacing(x, m.id, date, role) - PAIRING_REWARD * partnersOnDuty(x, m, date, state, holder.id);
  if (tieBreak(holder) >= tieBreak(member)) return [];
  const out: string[] = [];
  if (partnersOnDuty(x, holder, date, state, holder.id) > partnersOnDuty(x, member, date, state, holder.id))
    out.push(`${holder.name} likes to work with someone on duty that day.`);
  if (softSpacing(x, member.id, date, role) > softSpacing(x, holder.id, date, role))
    out.push(`${member.name} is ${role.title} within three weeks of that day already.`);
  return out;
}

/** Soft spacing points of the member in the role on date against the roster's other days and published history. */
function softSpacing(x: SlotExplainer, memberId: string, date: IsoDate, role: Role): number {
  let points = 0;
  for (const day of x.input.problem.dutyDays) {
    if (day !== date && x.holders.get(key(day, role.key)) === memberId) points += SOFT_SPACING.get(Math.abs(daysBetween(day, date))) ?? 0;
  }
  for (const [day, byMember] of x.spacing.history.publishedByDate) {
    if (byMember.get(memberId) === role.key) points += SOFT_SPACING.get(daysBetween(day, date)) ?? 0;
  }
  return points;
}

/** Partners ("likes to work with", either direction) of the member on duty that day, besides the slot's holder. */
function partnersOnDuty(x: SlotExplainer, m: Member, date: IsoDate, state: RosterState, holderId: string): number {
  let count = 0;
  for (const other of state.membersOn(date).keys()) {
    if (other === m.id || other === holderId) continue;
    const partner = x.eligibility.members.get(other);
    if (m.pairWith.includes(other) || partner?.pairWith.includes(m.id)) count++;
  }
  return count;
}
