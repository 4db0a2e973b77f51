import { ruleCovers } from '../solver/availability.ts';
import type { IsoDate, Member, UnavailableRule, Weekday } from '../solver/types.ts';

/**
 * The availability editor's edits, as pure functions on a member's blackout days and rules. A day
 * clicked with the plain settings (never, every role, no note) is a blackout day, the short form of
 * a never date; anything else becomes a rule.
 */

export type Availability = Pick<Member, 'blackouts'> & { unavailable: UnavailableRule[] };

/** What a new rule gets: its level, the qualifications it narrows to (none = every role), a note. */
export interface RuleSettings {
  level: UnavailableRule['level'];
  roles: string[];
  note: string;
}

export const PLAIN: RuleSettings = { level: 'never', roles: [], note: '' };

export function availabilityOf(member: Member): Availability {
  return { blackouts: [...member.blackouts], unavailable: [...(member.unavailable ?? [])] };
}

/** The member with these rules; no rules at all is the field left out. */
export function withAvailability(member: Member, value: Availability): Member {
  const rest: Member = { ...member };
  delete rest.unavailable;
  return { ...rest, blackouts: [...value.blackouts].sort(), ...(value.unavailable.length > 0 ? { unavailable: value.unavailable } : {}) };
}

/** The rules with `added` last; a rule already there is not added twice. */
function plus(value: Availability, added: UnavailableRule): Availability {
  const same = JSON.stringify(added);
  return value.unavailable.some((r) => JSON.stringify(r) === same) ? value : { ...value, unavailable: [...value.unavailable, added] };
}

function rule(when: Partial<UnavailableRule>, settings: RuleSettings): UnavailableRule {
  const note = settings.note.trim();
  return {
    ...when,
    ...(settings.roles.length > 0 ? { roles: [...settings.roles] } : {}),
    level: settings.level,
    ...(note !== '' ? { note } : {}),
  };
}

const isPlain = (settings: RuleSettings) => settings.level === 'never' && settings.roles.length === 0 && settings.note.trim() === '';

/** A click on a day: takes away its blackout or its single-day rules if it has any, else adds one. */
export function toggleDay(value: Availability, date: IsoDate, settings: RuleSettings): Availability {
  if (value.blackouts.includes(date)) return { ...value, blackouts: value.blackouts.filter((d) => d !== date) };
  const rest = value.unavailable.filter((r) => r.date !== date);
  if (rest.length < value.unavailable.length) return { ...value, unavailable: rest };
  if (isPlain(settings)) return { ...value, blackouts: [...value.blackouts, date].sort() };
  return plus(value, rule({ date }, settings));
}

/** A drag from one day to another, either way round. */
export function addRange(value: Availability, a: IsoDate, b: IsoDate, settings: RuleSettings): Availability {
  if (a === b) return toggleDay(value, a, settings);
  const [from, to] = a < b ? [a, b] : [b, a];
  return plus(value, rule({ from, to }, settings));
}

/** Every such weekday, in the chosen months only when some are chosen. */
export function addWeekday(value: Availability, weekday: Weekday, months: number[], settings: RuleSettings): Availability {
  const narrowed = months.length > 0 ? { weekday, months: [...months].sort((x, y) => x - y) } : { weekday };
  return plus(value, rule(narrowed, settings));
}

export function addMonths(value: Availability, months: number[], settings: RuleSettings): Availability {
  if (months.length === 0) return value;
  return plus(value, rule({ months: [...months].sort((x, y) => x - y) }, settings));
}

export function removeRule(value: Availability, index: number): Availability {
  return { ...value, unavailable: value.unavailable.filter((_, i) => i !== index) };
}

export type DayMark = 'never' | 'preferNot' | 'someRoles' | null;

/**
 * How the calendar marks a day: never for every role the member holds, preferNot (for some role
 * and never for none of them), never for some roles only, or nothing.
 */
export function dayMark(value: Availability, date: IsoDate, qualifications: readonly string[]): DayMark {
  if (value.blackouts.includes(date)) return 'never';
  const held = qualifications.length > 0 ? qualifications : ['*'];
  const levels = held.map((q) => {
    const covering = value.unavailable.filter(
      (r) => ruleCovers(r, q, date) || (q === '*' && ruleCovers({ ...r, roles: undefined }, q, date)),
    );
    return covering.some((r) => r.level === 'never') ? 'never' : covering.length > 0 ? 'preferNot' : null;
  });
  if (levels.every((l) => l === 'never')) return 'never';
  if (levels.includes('never')) return 'someRoles';
  return levels.includes('preferNot') ? 'preferNot' : null;
}
