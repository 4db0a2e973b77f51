import {
  hasControlCharacters,
  isPlannedDate,
  isSeasonQuota,
  KEY_EXPECTED,
  KEY_PATTERN,
  MAX_DUTIES_PER_MONTH,
  PLANNED_DATE_EXPECTED,
  SEASON_QUOTA_EXPECTED,
} from './limits.ts';
import type { Member, UnavailableRule, Weekday } from './types.ts';
import { WEEKDAYS } from './types.ts';

/**
 * The one description of a member: each field's label (as the member form shows it), its default and
 * the rule its value follows. The club file loader, the API's checks and the member form all read it.
 */

type Rule =
  | 'id'
  | 'name'
  | 'flag'
  | 'qualifications'
  | 'percents'
  | 'monthlyLimit'
  | 'weekendDay'
  | 'dates'
  | 'memberIds'
  | 'date'
  | 'expiry'
  | 'availability'
  | 'quota';

interface FieldSpec<T> {
  /** How the member form labels the field; error messages name the field by it. */
  readonly label: string;
  readonly rule: Rule;
  readonly default: T;
  /** Must be given even in a club file (the API always needs every field). */
  readonly required?: true;
  /** May be left out even by the API: absent means none (the default is undefined). */
  readonly optional?: true;
}

/** In the club file's field order; `rolePercent` comes after `qualifications`, which it is checked against. */
export const MEMBER_SCHEMA: { readonly [K in keyof Member]-?: FieldSpec<Member[K]> } = {
  id: { label: 'Member id', rule: 'id', default: '', required: true },
  name: { label: 'Name', rule: 'name', default: '', required: true },
  active: { label: 'Active', rule: 'flag', default: true },
  qualifications: { label: 'Qualifications', rule: 'qualifications', default: [], required: true },
  rolePercent: { label: 'Share of duties', rule: 'percents', default: {} },
  maxPerMonth: { label: 'Monthly limit', rule: 'monthlyLimit', default: null },
  preferredDay: { label: 'Preferred day', rule: 'weekendDay', default: null },
  allowWeekendDouble: { label: 'Same role a week apart is fine', rule: 'flag', default: false },
  dontSchedule: { label: 'Do not schedule', rule: 'flag', default: false },
  suspended: { label: 'Suspended', rule: 'flag', default: false },
  blackouts: { label: 'Blackout days', rule: 'dates', default: [] },
  pairWith: { label: 'Likes to work with', rule: 'memberIds', default: [] },
  avoid: { label: 'Avoids', rule: 'memberIds', default: [] },
  lastDutyDate: { label: 'Last duty', rule: 'date', default: null },
  qualificationExpiry: { label: 'Qualifications valid until', rule: 'expiry', default: undefined, optional: true },
  seasonQuota: { label: 'Season quota', rule: 'quota', default: undefined, optional: true },
  exempt: { label: 'Exempt from duties', rule: 'flag', default: undefined, optional: true },
  unavailable: { label: 'Availability', rule: 'availability', default: undefined, optional: true },
};

export const MEMBER_FIELDS = Object.keys(MEMBER_SCHEMA) as (keyof Member)[];
const REQUIRED = MEMBER_FIELDS.filter((key) => MEMBER_SCHEMA[key].required);
const COMPLETE = MEMBER_FIELDS.filter((key) => !MEMBER_SCHEMA[key].optional);

export const MEMBER_LIMITS = {
  idLength: 100,
  nameLength: 200,
  qualifications: 50,
  blackouts: 1000,
  people: 200,
  unavailable: 500,
  noteLength: 200,
} as const;

/** A member with every optional field at its default (the club file's and the form's). */
export function blankMember(id: string, name: string, qualifications: string[]): Member {
  const member = Object.fromEntries(
    MEMBER_FIELDS.filter((key) => !MEMBER_SCHEMA[key].optional).map((key) => [key, structuredClone(MEMBER_SCHEMA[key].default)]),
  ) as unknown as Member;
  return { ...member, id, name, qualifications: [...qualifications] };
}

/**
 * What the form calls a member field path (`maxPerMonth`, `blackouts[2]`, `rolePercent.towpilot`):
 * "Monthly limit", "Blackout days (entry 3)", "Percent for towpilot".
 */
export function memberFieldLabel(path: string): string {
  const match = /^([A-Za-z]+)(.*)$/.exec(path);
  const spec = match && Object.hasOwn(MEMBER_SCHEMA, match[1]) ? MEMBER_SCHEMA[match[1] as keyof Member] : null;
  if (spec === null || match === null) return path === '' ? 'The member' : path;
  const rest = match[2];
  const entry = /^\[(\d+)\]$/.exec(rest);
  if (entry) return `${spec.label} (entry ${Number(entry[1]) + 1})`;
  const ruleField = /^\[(\d+)\]\.(\w+)/.exec(rest);
  if (match[1] === 'unavailable' && ruleField) return `${spec.label} (rule ${Number(ruleField[1]) + 1}, ${ruleField[2]})`;
  if (match[1] === 'rolePercent' && rest.startsWith('.')) return `Percent for ${rest.slice(1)}`;
  if (match[1] === 'qualificationExpiry' && rest.startsWith('.')) return `Last valid date of ${rest.slice(1)}`;
  return spec.label;
}

/** "Monthly limit must be ..., not 20.": a member problem as the form names it. */
export function memberProblemMessage(path: string, value: unknown, expected: string): string {
  const key = /^[A-Za-z_$]*/.exec(path)![0];
  if (path !== '' && !Object.hasOwn(MEMBER_SCHEMA, key)) return `There is no member field "${path.slice(0, 40)}".`;
  const label = memberFieldLabel(path);
  if (value === undefined) return `${label} is missing.`;
  const text = JSON.stringify(value) ?? typeof value;
  return `${label} must be ${expected}, not ${text.length > 60 ? `${text.slice(0, 57)}...` : text}.`;
}

/**
 * An id nobody in `taken` has, following the club's pattern: the most common prefix before a number
 * (m001, m002 -> m003, same width); "m001" onwards when no id ends in a number.
 */
export function freeMemberId(taken: readonly string[]): string {
  const ids = new Set(taken);
  const byPrefix = new Map<string, { count: number; width: number; max: number }>();
  for (const id of taken) {
    const match = /^(.*?)(\d+)$/.exec(id);
    if (!match || match[2].length > 9) continue;
    const entry = byPrefix.get(match[1]) ?? { count: 0, width: 0, max: 0 };
    byPrefix.set(match[1], {
      count: entry.count + 1,
      width: Math.max(entry.width, match[2].length),
      max: Math.max(entry.max, Number(match[2])),
    });
  }
  const [prefix, { width, max }] = [...byPrefix].sort((a, b) => b[1].count - a[1].count)[0] ?? ['m', { width: 3, max: 0 }];
  for (let n = max + 1; ; n++) {
    const id = `${prefix}${String(n).padStart(width, '0')}`;
    if (!ids.has(id)) return id;
  }
}

/** A problem with a member: `path` is relative to the member ('' for the member itself). */
export type MemberReport = (path: string, value: unknown, expected: string) => void;

const TEXT_EXPECTED = {
  id: `a member id: text of at most ${MEMBER_LIMITS.idLength} characters, e.g. "m001"`,
  name: `the member's name: text of at most ${MEMBER_LIMITS.nameLength} characters`,
};

function isText(value: unknown, maxLength: number): value is string {
  return typeof value === 'string' && value.trim() !== '' && value.length <= maxLength && !hasControlCharacters(value);
}

/**
 * Reads one member, reporting every problem through `report`; fields left out get their defaults
 * unless `complete` (the API sends whole members). Cross-member rules are in checkMemberRelations.
 */
export function readMember(value: unknown, report: MemberReport, opts: { complete?: boolean } = {}): Member {
  const member = blankMember('', '', []);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    report('', value, 'a member: an object with "id", "name" and "qualifications"');
    return member;
  }
  const fields = value as Record<string, unknown>;
  for (const key of Object.keys(fields)) {
    if (!Object.hasOwn(MEMBER_SCHEMA, key)) report(key, fields[key], `no field "${key}" here (known fields: ${MEMBER_FIELDS.join(', ')})`);
  }
  for (const key of opts.complete ? COMPLETE : REQUIRED) {
    if (fields[key] === undefined) report(key, undefined, `a value for the required field "${key}"`);
  }
  const target = member as unknown as Record<string, unknown>;
  for (const key of MEMBER_FIELDS) {
    const given = fields[key];
    if (given === undefined) continue;
    const read = readField(MEMBER_SCHEMA[key].rule, given, key, member, report);
    if (read !== undefined) target[key] = read;
  }
  // Left out when at their defaults, so a member reads the same from a file, the API and the store.
  if (member.seasonQuota === null) delete member.seasonQuota;
  if (member.exempt === false) delete member.exempt;
  return member;
}

/** The field's value, or undefined (after reporting) when it breaks the rule. */
function readField(rule: Rule, value: unknown, key: string, member: Member, report: MemberReport): unknown {
  switch (rule) {
    case 'id':
    case 'name':
      if (isText(value, rule === 'id' ? MEMBER_LIMITS.idLength : MEMBER_LIMITS.nameLength)) return value;
      report(key, value, TEXT_EXPECTED[rule]);
      return undefined;
    case 'flag':
      if (typeof value === 'boolean') return value;
      report(key, value, 'true or false');
      return undefined;
    case 'monthlyLimit':
      if (value === null) return null;
      if (typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= MAX_DUTIES_PER_MONTH) return value;
      report(
        key,
        value,
        `a number of duties per month from 0 to ${MAX_DUTIES_PER_MONTH} (0.5 = every other month), or empty for the club default`,
      );
      return undefined;
    case 'weekendDay':
      if (value === null || value === 'sat' || value === 'sun') return value;
      report(key, value, '"sat", "sun" or null');
      return undefined;
    case 'date':
      if (value === null || isPlannedDate(value)) return value;
      report(key, value, PLANNED_DATE_EXPECTED);
      return undefined;
    case 'qualifications':
      return readList(value, key, MEMBER_LIMITS.qualifications, 'qualification keys', report, (item, at) => {
        if (typeof item === 'string' && KEY_PATTERN.test(item) && item.length <= 64) return item;
        report(at, item, `a qualification key: ${KEY_EXPECTED}`);
        return undefined;
      });
    case 'dates':
      return readList(value, key, MEMBER_LIMITS.blackouts, 'dates', report, (item, at) => {
        if (isPlannedDate(item)) return item;
        report(at, item, PLANNED_DATE_EXPECTED);
        return undefined;
      });
    case 'memberIds':
      return readList(value, key, MEMBER_LIMITS.people, 'member ids', report, (item, at) => {
        if (isText(item, MEMBER_LIMITS.idLength)) return item;
        report(at, item, 'a member id as text');
        return undefined;
      });
    case 'percents':
      return readPercents(value, key, member, report);
    case 'expiry':
      return readExpiry(value, key, member, report);
    case 'quota':
      if (value === null || isSeasonQuota(value)) return value;
      report(key, value, `${SEASON_QUOTA_EXPECTED}, or empty for the club default`);
      return undefined;
    case 'availability':
      return readAvailability(value, key, report);
  }
}

/** A list of distinct items, each read by `item`. */
function readList(
  value: unknown,
  key: string,
  maxItems: number,
  what: string,
  report: MemberReport,
  item: (value: unknown, path: string) => string | undefined,
): string[] | undefined {
  if (!Array.isArray(value) || value.length > maxItems) {
    report(key, value, `a list of at most ${maxItems} ${what}`);
    return undefined;
  }
  const out: string[] = [];
  value.forEach((entry, i) => {
    const read = item(entry, `${key}[${i}]`);
    if (read === undefined) return;
    if (out.includes(read)) report(`${key}[${i}]`, entry, 'listed only once (it appears twice)');
    else out.push(read);
  });
  return out;
}

function readPercents(value: unknown, key: string, member: Member, report: MemberReport): Record<string, number> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    report(key, value, 'an object of qualification key -> percent (0 to 100)');
    return undefined;
  }
  const out: Record<string, number> = {};
  for (const [q, percent] of Object.entries(value)) {
    const at = `${key}.${q}`;
    if (!member.qualifications.includes(q)) {
      const held = member.qualifications.length > 0 ? member.qualifications.join(', ') : 'none';
      report(at, percent, `a percent only for a qualification this member holds (holds: ${held})`);
    } else if (typeof percent === 'number' && Number.isFinite(percent) && percent >= 0 && percent <= 100) {
      out[q] = percent;
    } else {
      report(at, percent, 'a percent from 0 to 100');
    }
  }
  return out;
}

/**
 * Qualification key -> last valid date, for held qualifications only (rules/qualificationExpiry.ts);
 * a null-prototype object, or undefined (left out) when it holds none.
 */
function readExpiry(value: unknown, key: string, member: Member, report: MemberReport): Record<string, string> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    report(key, value, 'an object of qualification key -> last valid date (YYYY-MM-DD)');
    return undefined;
  }
  const out = Object.create(null) as Record<string, string>;
  for (const [q, date] of Object.entries(value)) {
    const at = `${key}.${q}`;
    if (!member.qualifications.includes(q)) {
      const held = member.qualifications.length > 0 ? member.qualifications.join(', ') : 'none';
      report(at, date, `a last valid date only for a qualification this member holds (holds: ${held})`);
    } else if (isPlannedDate(date)) {
      out[q] = date;
    } else {
      report(at, date, PLANNED_DATE_EXPECTED);
    }
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

const RULE_FIELDS = ['date', 'from', 'to', 'weekday', 'months', 'roles', 'level', 'note'];
const WHEN_EXPECTED = 'exactly one of "date", "from" and "to", "weekday" (optionally with "months") or "months" alone';

/** Availability rules (solver/availability.ts); undefined (left out) when there are none. */
function readAvailability(value: unknown, key: string, report: MemberReport): UnavailableRule[] | undefined {
  if (!Array.isArray(value) || value.length > MEMBER_LIMITS.unavailable) {
    report(key, value, `a list of at most ${MEMBER_LIMITS.unavailable} availability rules`);
    return undefined;
  }
  const out: UnavailableRule[] = [];
  value.forEach((item, i) => {
    const rule = readRule(item, `${key}[${i}]`, report);
    if (rule) out.push(rule);
  });
  return out.length > 0 ? out : undefined;
}

function readRule(value: unknown, path: string, report: MemberReport): UnavailableRule | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    report(path, value, `an availability rule: an object with ${WHEN_EXPECTED}`);
    return null;
  }
  const fields = value as Record<string, unknown>;
  let problems = 0;
  const bad: MemberReport = (at, v, expected) => {
    problems++;
    report(at, v, expected);
  };
  for (const field of Object.keys(fields)) {
    if (!RULE_FIELDS.includes(field))
      bad(`${path}.${field}`, fields[field], `no field "${field}" here (known fields: ${RULE_FIELDS.join(', ')})`);
  }
  const rule: UnavailableRule = { level: 'never' };
  const given = (field: string) => fields[field] !== undefined;
  const date = (field: 'date' | 'from' | 'to') => {
    if (!given(field)) return;
    if (isPlannedDate(fields[field])) rule[field] = fields[field];
    else bad(`${path}.${field}`, fields[field], PLANNED_DATE_EXPECTED);
  };
  const kinds = ['date', given('from') ? 'from' : 'to', 'weekday', 'months'].filter((field) =>
    field === 'months' ? given('months') && !given('weekday') : given(field),
  );
  if (kinds.length === 0) bad(path, undefined, `a rule saying when: ${WHEN_EXPECTED}`);
  else if (kinds.length > 1)
    bad(`${path}.${kinds[1]}`, fields[kinds[1]], `nothing more saying when beside "${kinds[0]}": ${WHEN_EXPECTED}`);
  date('date');
  date('from');
  date('to');
  if (given('from') !== given('to')) {
    const missing = given('from') ? 'to' : 'from';
    bad(`${path}.${missing}`, undefined, `"from" and "to" together: the first and last day of the range`);
  } else if (rule.from !== undefined && rule.to !== undefined && rule.to < rule.from) {
    bad(`${path}.to`, rule.to, `a date on or after "from" (${rule.from})`);
  }
  if (given('weekday')) {
    if (WEEKDAYS.includes(fields.weekday as Weekday)) rule.weekday = fields.weekday as Weekday;
    else bad(`${path}.weekday`, fields.weekday, `a weekday: one of ${WEEKDAYS.join(', ')}`);
  }
  if (given('months')) {
    const months = fields.months;
    if (!Array.isArray(months) || months.length === 0 || months.length > 12)
      bad(`${path}.months`, months, 'a list of months, 1 (January) to 12');
    else {
      const read: number[] = [];
      months.forEach((m: unknown, j) => {
        if (typeof m !== 'number' || !Number.isInteger(m) || m < 1 || m > 12)
          bad(`${path}.months[${j}]`, m, 'a month from 1 (January) to 12');
        else if (read.includes(m)) bad(`${path}.months[${j}]`, m, 'each month only once');
        else read.push(m);
      });
      rule.months = read;
    }
  }
  if (given('roles')) {
    const roles = readList(fields.roles, `${path}.roles`, MEMBER_LIMITS.qualifications, 'qualification keys', bad, (item, at) => {
      if (typeof item === 'string' && KEY_PATTERN.test(item) && item.length <= 64) return item;
      bad(at, item, `a qualification key: ${KEY_EXPECTED}`);
      return undefined;
    });
    if (roles && roles.length > 0) rule.roles = roles;
  }
  if (given('level')) {
    if (fields.level === 'never' || fields.level === 'preferNot') rule.level = fields.level;
    else bad(`${path}.level`, fields.level, '"never" or "preferNot"');
  }
  if (given('note')) {
    if (typeof fields.note === 'string' && fields.note.length <= MEMBER_LIMITS.noteLength && !hasControlCharacters(fields.note)) {
      if (fields.note.trim() !== '') rule.note = fields.note;
    } else bad(`${path}.note`, fields.note, `a note: text of at most ${MEMBER_LIMITS.noteLength} characters on one line`);
  }
  return problems === 0 ? rule : null;
}

/**
 * The rules between members: pairWith and avoid name other members of the club, and nobody avoids a
 * member they are paired with (in either direction). `report` gets the index of the member at fault.
 */
export function checkMemberRelations(
  members: readonly Member[],
  report: (index: number, path: string, value: unknown, expected: string) => void,
): void {
  const ids = new Set(members.map((m) => m.id));
  members.forEach((m, i) => {
    for (const list of ['pairWith', 'avoid'] as const) {
      m[list].forEach((id, j) => {
        const at = `${list}[${j}]`;
        if (id === m.id) report(i, at, id, 'the id of another member (not the member itself)');
        else if (!ids.has(id)) report(i, at, id, 'the id of a member of the club');
      });
    }
  });
  const paired = new Set(members.flatMap((m) => m.pairWith.flatMap((id) => [`${m.id}|${id}`, `${id}|${m.id}`])));
  members.forEach((m, i) => {
    m.avoid.forEach((id, j) => {
      if (paired.has(`${m.id}|${id}`))
        report(i, `avoid[${j}]`, id, 'a member this member is not also paired with (pairWith, "Likes to work with")');
    });
  });
}
