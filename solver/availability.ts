import { addDays, parseIso, weekdayOf } from './dates.ts';
import type { IsoDate, Member, Role, UnavailableRule, Weekday } from './types.ts';

/**
 * A member's availability rules (club format 2, `unavailable[]`): which duties a rule covers, how
 * unavailable the member is for one, and the rules in the club's words. Blackout days are the
 * short form of `never` dates for every role (rules/blackout.ts keeps them).
 */

export type AvailabilityLevel = UnavailableRule['level'];

/** Whether the rule covers a duty needing `qualification` on `date`. */
export function ruleCovers(rule: UnavailableRule, qualification: string, date: IsoDate): boolean {
  if (rule.roles !== undefined && rule.roles.length > 0 && !rule.roles.includes(qualification)) return false;
  if (rule.date !== undefined) return date === rule.date;
  if (rule.from !== undefined && rule.to !== undefined) return date >= rule.from && date <= rule.to;
  if (rule.months !== undefined && !rule.months.includes(parseIso(date).month)) return false;
  if (rule.weekday !== undefined) return weekdayOf(date) === rule.weekday;
  return rule.months !== undefined;
}

/** The strongest rule of the member's covering the duty: `never`, `preferNot`, or null when none does. */
export function availabilityOn(member: Member, qualification: string, date: IsoDate): AvailabilityLevel | null {
  let found: AvailabilityLevel | null = null;
  for (const rule of member.unavailable ?? []) {
    if (!ruleCovers(rule, qualification, date)) continue;
    if (rule.level === 'never') return 'never';
    found = 'preferNot';
  }
  return found;
}

/** The first `never` rule covering the duty, for the validator's sentence. */
export function neverRuleOn(member: Member, qualification: string, date: IsoDate): UnavailableRule | undefined {
  return (member.unavailable ?? []).find((rule) => rule.level === 'never' && ruleCovers(rule, qualification, date));
}

const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAY_PLURAL: Record<Weekday, string> = {
  sun: 'Sundays',
  mon: 'Mondays',
  tue: 'Tuesdays',
  wed: 'Wednesdays',
  thu: 'Thursdays',
  fri: 'Fridays',
  sat: 'Saturdays',
};

export interface WordsOptions {
  /** The club's roles: a qualification key is named by the titles of the roles needing it. */
  roles: readonly Role[];
  /** Dates in this year are written without it ("1-21 Jul"); other years with it. */
  year?: number;
  /** More blackout days than this are counted ("21 blackout days") instead of listed. */
  maxBlackoutDates?: number;
}

function dayMonth(date: IsoDate, year: number | undefined, withYear = true): string {
  const d = parseIso(date);
  const yearPart = withYear && d.year !== year ? ` ${d.year}` : '';
  return `${d.day} ${SHORT_MONTHS[d.month - 1]}${yearPart}`;
}

/** "6 Jun", "1-21 Jul", "28 Jun-5 Jul", "28 Dec 2026-3 Jan 2027". */
function rangeWords(from: IsoDate, to: IsoDate, year: number | undefined): string {
  if (from === to) return dayMonth(from, year);
  const a = parseIso(from);
  const b = parseIso(to);
  if (a.year === b.year && a.month === b.month) return `${a.day}-${dayMonth(to, year)}`;
  if (a.year === b.year) return `${dayMonth(from, year, false)}-${dayMonth(to, year)}`;
  return `${dayMonth(from, undefined)}-${dayMonth(to, undefined)}`;
}

/** When the rule applies: "1-21 Jul", "on Sundays", "on Saturdays in Aug", "in Jul and Aug". */
function whenWords(rule: UnavailableRule, year: number | undefined): string {
  const months = rule.months?.length ? ` in ${listWords([...rule.months].sort((a, b) => a - b).map((m) => SHORT_MONTHS[m - 1]))}` : '';
  if (rule.date !== undefined) return rangeWords(rule.date, rule.date, year);
  if (rule.from !== undefined && rule.to !== undefined) return rangeWords(rule.from, rule.to, year);
  if (rule.weekday !== undefined) return `on ${WEEKDAY_PLURAL[rule.weekday]}${months}`;
  return months.trim();
}

function listWords(items: readonly string[], last = 'and'): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${last} ${items[items.length - 1]}`;
}

/** "Tow Pilot" for towpilot; the key itself when no role needs it. */
function qualificationWords(keys: readonly string[], roles: readonly Role[]): string {
  const titles = keys.flatMap((key) => {
    const named = roles.filter((role) => role.qualification === key).map((role) => role.title);
    return named.length > 0 ? named : [key];
  });
  return listWords([...new Set(titles)], 'or');
}

/** One rule in words, starting in lower case: "never on Sundays", "prefers not to be Tow Pilot in Aug (harvest)". */
export function ruleInWords(rule: UnavailableRule, options: WordsOptions): string {
  const when = whenWords(rule, options.year);
  const roles = rule.roles?.length ? qualificationWords(rule.roles, options.roles) : null;
  let text: string;
  if (rule.level === 'preferNot') text = roles ? `prefers not to be ${roles} ${when}` : `prefers not to serve ${when}`;
  else if (rule.weekday !== undefined) text = roles ? `never as ${roles} ${when}` : `never ${when}`;
  else text = roles ? `not as ${roles} ${when}` : `not ${when}`;
  return rule.note ? `${text} (${rule.note})` : text;
}

/** Blackout days in words, consecutive days joined: "not 6 Jun, 13-14 Jun". */
function blackoutWords(blackouts: readonly IsoDate[], year: number | undefined, most = Infinity): string | null {
  if (blackouts.length === 0) return null;
  if (blackouts.length > most) return `${blackouts.length} blackout days`;
  const sorted = [...blackouts].sort();
  const runs: [IsoDate, IsoDate][] = [];
  for (const date of sorted) {
    const last = runs[runs.length - 1];
    if (last && addDays(last[1], 1) === date) last[1] = date;
    else runs.push([date, date]);
  }
  return `not ${runs.map(([from, to]) => rangeWords(from, to, year)).join(', ')}`;
}

/**
 * A member's rules in words, weekday rules first, then blackout days, then the other rules in their
 * order: "Never on Sundays; not 1-21 Jul; prefers not to be Tow Pilot in Aug (harvest)". Empty
 * when the member has none.
 */
export function availabilityInWords(member: Pick<Member, 'blackouts' | 'unavailable'>, options: WordsOptions): string {
  const rules = member.unavailable ?? [];
  const weekdays = rules.filter((rule) => rule.weekday !== undefined);
  const others = rules.filter((rule) => rule.weekday === undefined);
  const parts = [
    ...weekdays.map((rule) => ruleInWords(rule, options)),
    blackoutWords(member.blackouts, options.year, options.maxBlackoutDates),
    ...others.map((rule) => ruleInWords(rule, options)),
  ].filter((part): part is string => part !== null);
  const text = parts.join('; ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
