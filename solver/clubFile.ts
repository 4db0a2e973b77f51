import {
  CLUB_LIMITS,
  FAIRNESS_WINDOWS,
  isPlannedDate,
  isSeasonQuota,
  KEY_EXPECTED,
  KEY_PATTERN,
  MAX_DUTIES_PER_MONTH,
  PLANNED_DATE_EXPECTED,
  SEASON_QUOTA_EXPECTED,
} from './limits.ts';
import { checkMemberRelations, readMember } from './memberSchema.ts';
import { parseSeasonPhrase, SeasonPhraseError } from './season.ts';
import type { Club, FairnessWindow, IsoDate, PublishedDay, Role, Season, UnavailableRule, Weekday } from './types.ts';
import { WEEKDAYS } from './types.ts';

/**
 * Reading and writing the club file (club-format.md): `rostermeister-club/2` is written, `/1` and
 * `/2` are read. Format 1 has no availability rules; its blackouts are `never` dates, kept as blackouts.
 */

export const CLUB_FORMAT = 'rostermeister-club/2';
const FORMAT_1 = 'rostermeister-club/1';
/** Member fields format 2 added: a format 1 file naming one is told to say format 2. */
const FORMAT_2_MEMBER_FIELDS = ['unavailable'];
const DEFAULT_MAX_PER_MONTH = 8;
const DEFAULT_WEEKDAYS: Weekday[] = ['sat', 'sun'];

export interface ClubFileProblem {
  /** Where in the document, e.g. `members[3].avoid[0]` (empty for the document itself). */
  path: string;
  /** The offending value; undefined when the field is missing. */
  value: unknown;
  expected: string;
}

export class ClubFileError extends Error {
  constructor(
    readonly problems: ClubFileProblem[],
    memberLabels: ReadonlyMap<number, string> = new Map(),
  ) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    const lines = problems.map((p) => `- ${labelPath(p.path, memberLabels)}: ${describeValue(p.value)} — expected ${p.expected}`);
    super(`The club file has ${count}:\n${lines.join('\n')}`);
    this.name = 'ClubFileError';
  }
}

/** The club file document exactly as written to disk, every field explicit. */
export interface ClubDocument {
  format: typeof CLUB_FORMAT;
  club: {
    name: string;
    defaultMaxPerMonth: number;
    /** Written only when not the default 'season'. */
    fairnessWindow?: FairnessWindow;
    /** Written only when set. */
    defaultSeasonQuota?: number;
  };
  season: { start: string | null; end: string | null };
  operatingWeekdays: Weekday[];
  extraDutyDays: IsoDate[];
  removedDates: IsoDate[];
  /** Written only when an extra duty day has a label / a removed date has a reason. */
  extraDutyDayLabels?: Record<IsoDate, string>;
  removedDateReasons?: Record<IsoDate, string>;
  roles: { key: string; title: string; qualification: string }[];
  members: {
    id: string;
    name: string;
    active: boolean;
    qualifications: string[];
    rolePercent: Record<string, number>;
    maxPerMonth: number | null;
    preferredDay: 'sat' | 'sun' | null;
    allowWeekendDouble: boolean;
    dontSchedule: boolean;
    suspended: boolean;
    blackouts: IsoDate[];
    pairWith: string[];
    avoid: string[];
    lastDutyDate: IsoDate | null;
    /** Written only when the member has one. */
    qualificationExpiry?: Record<string, IsoDate>;
    /** Written only when the member has some. */
    unavailable?: UnavailableRule[];
    /** Written only when set. */
    seasonQuota?: number;
    /** Written only when true. */
    exempt?: true;
  }[];
  published: { date: IsoDate; slots: Record<string, string | null> }[];
}

function labelPath(path: string, memberLabels: ReadonlyMap<number, string>): string {
  if (path === '') return '(file)';
  return path.replace(/^members\[(\d+)\]/, (whole, index: string) => {
    const id = memberLabels.get(Number(index));
    return id === undefined ? whole : `${whole} (${id})`;
  });
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'missing';
  // Summarise big values instead of writing them out: a problem report must stay cheap for any file.
  if (typeof value === 'string' && value.length > 60) return `${JSON.stringify(value.slice(0, 56))}... (${value.length} characters)`;
  if (Array.isArray(value) && value.length > 20) return `a list of ${value.length} entries`;
  if (typeof value === 'object' && value !== null && Object.keys(value).length > 20)
    return `an object with ${Object.keys(value).length} fields`;
  // Only what JSON cannot hold (a function, a symbol) has no JSON text.
  const text = JSON.stringify(value) ?? typeof value;
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** The deepest nesting of objects and lists in JSON text, counted without parsing it (strings skipped). */
function nestingOf(text: string, limit: number): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      deepest = Math.max(deepest, ++depth);
      if (deepest > limit) return deepest;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return deepest;
}

/** Whether a parsed value nests objects and lists deeper than `limit` (looks no deeper than that). */
function nestedDeeper(value: unknown, limit: number): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (limit === 0) return true;
  return Object.values(value).some((child) => nestedDeeper(child, limit - 1));
}

const tooDeep = (): ClubFileProblem => ({
  path: '',
  value: undefined,
  expected: `a club file with objects and lists nested at most ${CLUB_LIMITS.depth} levels deep`,
});

export function parseClubFile(text: string): Club {
  if (text.length > CLUB_LIMITS.fileChars) {
    const size = (text.length / 1024 / 1024).toFixed(1);
    throw new ClubFileError([
      {
        path: '',
        value: undefined,
        expected: `a club file of at most ${CLUB_LIMITS.fileChars / 1024 / 1024} MB (this one has ${size} MB)`,
      },
    ]);
  }
  if (nestingOf(text, CLUB_LIMITS.depth) > CLUB_LIMITS.depth) throw new ClubFileError([tooDeep()]);
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ClubFileError([{ path: '', value: undefined, expected: `a JSON document (${reason})` }]);
  }
  return parseClub(json);
}

type Fields = Record<string, unknown>;

/** Collects every problem in one pass over the document. */
class Reader {
  readonly problems: ClubFileProblem[] = [];

  report(path: string, value: unknown, expected: string): void {
    this.problems.push({ path, value, expected });
  }

  /** An object with only the known fields and all the required ones; null when not an object. */
  object(value: unknown, path: string, known: readonly string[], required: readonly string[], what: string): Fields | null {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.report(path, value, what);
      return null;
    }
    const fields = value as Fields;
    const at = (key: string) => (path ? `${path}.${key}` : key);
    for (const key of Object.keys(fields)) {
      if (!known.includes(key)) this.report(at(key), fields[key], `no field "${key}" here (known fields: ${known.join(', ')})`);
    }
    for (const key of required) if (fields[key] === undefined) this.report(at(key), undefined, `a value for the required field "${key}"`);
    return fields;
  }

  text(value: unknown, path: string, what: string, maxLength: number): string | null {
    if (typeof value === 'string' && value.trim() !== '' && value.length <= maxLength) return value;
    this.report(path, value, typeof value === 'string' && value.length > maxLength ? `${what} of at most ${maxLength} characters` : what);
    return null;
  }

  key(value: unknown, path: string, what: string): string | null {
    if (typeof value === 'string' && KEY_PATTERN.test(value) && value.length <= CLUB_LIMITS.keyLength) return value;
    this.report(path, value, `${what}: ${KEY_EXPECTED}, at most ${CLUB_LIMITS.keyLength} characters`);
    return null;
  }

  number(value: unknown, path: string, min: number, max: number, what: string): number | null {
    if (typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max) return value;
    this.report(path, value, `${what} from ${min} to ${max}`);
    return null;
  }

  date(value: unknown, path: string): IsoDate | null {
    if (isPlannedDate(value)) return value;
    this.report(path, value, PLANNED_DATE_EXPECTED);
    return null;
  }

  /** A list of at most `maxItems` entries; a longer one is reported and not read further. */
  array(value: unknown, path: string, what: string, maxItems: number): unknown[] | null {
    if (value === undefined) return [];
    if (Array.isArray(value) && value.length <= maxItems) return value as unknown[];
    this.report(path, value, Array.isArray(value) ? `${what} of at most ${maxItems} entries` : what);
    return null;
  }

  /** A list of distinct dates. */
  dates(value: unknown, path: string): IsoDate[] {
    const out: IsoDate[] = [];
    const seen = new Set<IsoDate>();
    (this.array(value, path, 'a list of dates written YYYY-MM-DD', CLUB_LIMITS.dates) ?? []).forEach((item, i) => {
      const date = this.date(item, `${path}[${i}]`);
      if (date === null) return;
      if (seen.has(date)) this.report(`${path}[${i}]`, item, 'each date only once in this list');
      else {
        seen.add(date);
        out.push(date);
      }
    });
    return out;
  }
}

const TOP_FIELDS = [
  'format',
  'club',
  'season',
  'operatingWeekdays',
  'extraDutyDays',
  'removedDates',
  'extraDutyDayLabels',
  'removedDateReasons',
  'roles',
  'members',
  'published',
];

export function parseClub(json: unknown): Club {
  if (nestedDeeper(json, CLUB_LIMITS.depth)) throw new ClubFileError([tooDeep()]);
  const r = new Reader();
  const memberLabels = new Map<number, string>();
  const doc = r.object(
    json,
    '',
    TOP_FIELDS,
    ['format', 'club', 'roles', 'members'],
    'a club file: a JSON object with "format", "club", "roles" and "members"',
  );
  if (doc === null) throw new ClubFileError(r.problems);

  if (doc.format !== undefined && doc.format !== CLUB_FORMAT && doc.format !== FORMAT_1)
    r.report('format', doc.format, `"${CLUB_FORMAT}" (or the older "${FORMAT_1}")`);

  let name = '';
  let defaultMaxPerMonth = DEFAULT_MAX_PER_MONTH;
  const fairness: Pick<Club, 'fairnessWindow' | 'defaultSeasonQuota'> = {};
  if (doc.club !== undefined) {
    const club = r.object(doc.club, 'club', CLUB_FIELDS, ['name'], 'an object with the club "name"');
    if (club) {
      Object.assign(fairness, readFairness(r, club));
      if (club.name !== undefined) name = r.text(club.name, 'club.name', "the club's name as text", CLUB_LIMITS.nameLength) ?? '';
      if (club.defaultMaxPerMonth !== undefined) {
        defaultMaxPerMonth =
          r.number(club.defaultMaxPerMonth, 'club.defaultMaxPerMonth', 0, MAX_DUTIES_PER_MONTH, 'duties per month') ??
          DEFAULT_MAX_PER_MONTH;
      }
    }
  }

  const season = readSeason(r, doc.season);
  const operatingWeekdays = readWeekdays(r, doc.operatingWeekdays);
  const extraDutyDays = r.dates(doc.extraDutyDays, 'extraDutyDays');
  const removedDates = r.dates(doc.removedDates, 'removedDates');
  const extraDutyDayLabels = readDateNotes(r, doc.extraDutyDayLabels, 'extraDutyDayLabels', extraDutyDays, 'extraDutyDays');
  const removedDateReasons = readDateNotes(r, doc.removedDateReasons, 'removedDateReasons', removedDates, 'removedDates');
  const roles = doc.roles === undefined ? [] : readRoles(r, doc.roles);

  const rawMembers = doc.members === undefined ? [] : (r.array(doc.members, 'members', 'a list of members', CLUB_LIMITS.members) ?? []);
  rawMembers.forEach((m, i) => {
    const id = typeof m === 'object' && m !== null ? (m as Fields).id : undefined;
    if (typeof id === 'string') memberLabels.set(i, id);
    if (doc.format !== FORMAT_1 || typeof m !== 'object' || m === null) return;
    for (const field of FORMAT_2_MEMBER_FIELDS) {
      if (Object.hasOwn(m, field))
        r.report(
          `members[${i}].${field}`,
          (m as Fields)[field],
          `no "${field}" in a "${FORMAT_1}" file (it is a field of "${CLUB_FORMAT}")`,
        );
    }
  });
  const members = rawMembers.map((m, i) =>
    readMember(m, (at, value, expected) => r.report(at ? `members[${i}].${at}` : `members[${i}]`, value, expected)),
  );
  checkMemberIds(r, members);

  // Published slots are checked against every role key written in the file, so a role with some
  // other problem (say, a missing title) does not also make its published slots look wrong.
  const declaredRoleKeys = (Array.isArray(doc.roles) ? doc.roles : []).flatMap((role: unknown) => {
    const key = typeof role === 'object' && role !== null ? (role as Fields).key : undefined;
    return typeof key === 'string' ? [key] : [];
  });
  const published = readPublished(r, doc.published, declaredRoleKeys, new Set(members.map((m) => m.id)));

  if (r.problems.length > 0) throw new ClubFileError(r.problems, memberLabels);
  return {
    name,
    defaultMaxPerMonth,
    ...fairness,
    season,
    operatingWeekdays,
    extraDutyDays,
    removedDates,
    ...(extraDutyDayLabels ? { extraDutyDayLabels } : {}),
    ...(removedDateReasons ? { removedDateReasons } : {}),
    roles,
    members,
    published,
  };
}

/** Date -> note for dates of one of the club's lists (optional; undefined when absent or empty). */
function readDateNotes(r: Reader, value: unknown, path: string, dates: IsoDate[], list: string): Record<IsoDate, string> | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    r.report(path, value, `an object of date -> text for dates in "${list}"`);
    return undefined;
  }
  const notes = Object.create(null) as Record<IsoDate, string>;
  for (const [date, note] of Object.entries(value as Fields)) {
    const at = `${path}.${date.slice(0, 12)}`;
    if (!dates.includes(date)) r.report(at, note, `a date listed in "${list}"`);
    else {
      const text = r.text(note, at, 'a note as text', CLUB_LIMITS.dateNoteLength);
      if (text !== null) notes[date] = text;
    }
  }
  return Object.keys(notes).length > 0 ? notes : undefined;
}

const CLUB_FIELDS = ['name', 'defaultMaxPerMonth', 'fairnessWindow', 'defaultSeasonQuota'];

/** `club.fairnessWindow` and `club.defaultSeasonQuota`, kept only when not at their defaults. */
function readFairness(r: Reader, club: Fields): Pick<Club, 'fairnessWindow' | 'defaultSeasonQuota'> {
  const out: Pick<Club, 'fairnessWindow' | 'defaultSeasonQuota'> = {};
  const window = club.fairnessWindow;
  if (window !== undefined && !FAIRNESS_WINDOWS.includes(window as FairnessWindow)) {
    r.report('club.fairnessWindow', window, `one of ${FAIRNESS_WINDOWS.map((w) => `"${w}"`).join(', ')}`);
  } else if (window !== undefined && window !== 'season') out.fairnessWindow = window as FairnessWindow;
  const quota = club.defaultSeasonQuota;
  if (quota !== undefined && quota !== null && !isSeasonQuota(quota)) {
    r.report('club.defaultSeasonQuota', quota, `${SEASON_QUOTA_EXPECTED}, or null for none`);
  } else if (isSeasonQuota(quota)) out.defaultSeasonQuota = quota;
  return out;
}

function readSeason(r: Reader, value: unknown): Season {
  const season: Season = { start: null, end: null };
  if (value === undefined || value === null) return season;
  const fields = r.object(value, 'season', ['start', 'end'], [], 'an object with optional "start" and "end" phrases');
  if (!fields) return season;
  for (const bound of ['start', 'end'] as const) {
    const phrase = fields[bound];
    if (phrase === undefined || phrase === null) continue;
    const path = `season.${bound}`;
    const expected = `a season phrase: an ordinal (first, second, third, fourth, last or 1st-4th), "weekend" and a month, e.g. "${bound === 'start' ? 'First weekend of May' : 'Last weekend of October'}"`;
    if (typeof phrase !== 'string' || phrase.length > CLUB_LIMITS.seasonPhraseLength) {
      r.report(path, phrase, expected);
      continue;
    }
    try {
      parseSeasonPhrase(phrase);
      season[bound] = phrase;
    } catch (error) {
      if (!(error instanceof SeasonPhraseError)) throw error;
      r.report(path, phrase, expected);
    }
  }
  return season;
}

function readWeekdays(r: Reader, value: unknown): Weekday[] {
  if (value === undefined) return [...DEFAULT_WEEKDAYS];
  const out: Weekday[] = [];
  (r.array(value, 'operatingWeekdays', `a list of weekdays (${WEEKDAYS.join(', ')})`, WEEKDAYS.length) ?? []).forEach((day, i) => {
    const path = `operatingWeekdays[${i}]`;
    if (!WEEKDAYS.includes(day as Weekday)) r.report(path, day, `a weekday: one of ${WEEKDAYS.join(', ')}`);
    else if (out.includes(day as Weekday)) r.report(path, day, 'each weekday only once');
    else out.push(day as Weekday);
  });
  return out;
}

function readRoles(r: Reader, value: unknown): Role[] {
  const list = r.array(value, 'roles', 'a list of roles', CLUB_LIMITS.roles);
  if (list === null) return [];
  if (list.length === 0) r.report('roles', value, 'at least one role');
  const roles: Role[] = [];
  list.forEach((item, i) => {
    const path = `roles[${i}]`;
    const fields = r.object(
      item,
      path,
      ['key', 'title', 'qualification'],
      ['key', 'title'],
      'a role: {"key", "title", optional "qualification"}',
    );
    if (!fields) return;
    const key = fields.key === undefined ? null : r.key(fields.key, `${path}.key`, 'a role key');
    const title =
      fields.title === undefined ? null : r.text(fields.title, `${path}.title`, 'the role title as text', CLUB_LIMITS.roleTitleLength);
    const qualification =
      fields.qualification === undefined ? key : r.key(fields.qualification, `${path}.qualification`, 'a qualification key');
    if (key !== null && roles.some((role) => role.key === key)) {
      r.report(`${path}.key`, key, 'a role key not used by another role');
      return;
    }
    if (key !== null && title !== null && qualification !== null) roles.push({ key, title, qualification });
  });
  return roles;
}

/** Duplicate ids, and the rules between members (memberSchema.ts). */
function checkMemberIds(r: Reader, members: Club['members']): void {
  const ids = new Map<string, number>();
  members.forEach((m, i) => {
    if (m.id === '') return;
    const first = ids.get(m.id);
    if (first !== undefined) r.report(`members[${i}].id`, m.id, `an id no other member has (members[${first}] has it too)`);
    else ids.set(m.id, i);
  });
  checkMemberRelations(members, (i, at, value, expected) => r.report(`members[${i}].${at}`, value, expected));
}

function readPublished(r: Reader, value: unknown, roleKeys: string[], memberIds: Set<string>): PublishedDay[] {
  const days: PublishedDay[] = [];
  const seen = new Set<IsoDate>();
  (r.array(value, 'published', 'a list of published days', CLUB_LIMITS.publishedDays) ?? []).forEach((item, i) => {
    const path = `published[${i}]`;
    const fields = r.object(item, path, ['date', 'slots'], ['date', 'slots'], 'a published day: {"date", "slots"}');
    if (!fields) return;
    const date = fields.date === undefined ? null : r.date(fields.date, `${path}.date`);
    if (date !== null && seen.has(date)) r.report(`${path}.date`, date, 'a date not published twice');
    if (date !== null) seen.add(date);
    const slots: Record<string, string | null> = {};
    if (fields.slots !== undefined) {
      const raw = fields.slots;
      if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
        r.report(`${path}.slots`, raw, 'an object of role key -> member id or null');
      } else {
        for (const [role, memberId] of Object.entries(raw as Record<string, unknown>)) {
          const at = `${path}.slots.${role.slice(0, CLUB_LIMITS.keyLength)}`;
          if (!roleKeys.includes(role)) r.report(at, memberId, `a slot for a role of this club (${roleKeys.join(', ')})`);
          else if (memberId !== null && (typeof memberId !== 'string' || !memberIds.has(memberId))) {
            r.report(at, memberId, 'the id of a member in this file, or null for an empty slot');
          } else slots[role] = memberId;
        }
      }
    }
    if (date !== null) days.push({ date, slots });
  });
  return days;
}

/** The full club file document: every field explicit, stable key order. */
export function serializeClub(club: Club): ClubDocument {
  return {
    format: CLUB_FORMAT,
    club: {
      name: club.name,
      defaultMaxPerMonth: club.defaultMaxPerMonth,
      ...(club.fairnessWindow && club.fairnessWindow !== 'season' ? { fairnessWindow: club.fairnessWindow } : {}),
      ...(club.defaultSeasonQuota != null ? { defaultSeasonQuota: club.defaultSeasonQuota } : {}),
    },
    season: { start: club.season.start, end: club.season.end },
    operatingWeekdays: [...club.operatingWeekdays],
    extraDutyDays: [...club.extraDutyDays],
    removedDates: [...club.removedDates],
    ...(club.extraDutyDayLabels && Object.keys(club.extraDutyDayLabels).length > 0
      ? { extraDutyDayLabels: { ...club.extraDutyDayLabels } }
      : {}),
    ...(club.removedDateReasons && Object.keys(club.removedDateReasons).length > 0
      ? { removedDateReasons: { ...club.removedDateReasons } }
      : {}),
    roles: club.roles.map((role) => ({ key: role.key, title: role.title, qualification: role.qualification })),
    members: club.members.map((m) => ({
      id: m.id,
      name: m.name,
      active: m.active,
      qualifications: [...m.qualifications],
      rolePercent: { ...m.rolePercent },
      maxPerMonth: m.maxPerMonth,
      preferredDay: m.preferredDay,
      allowWeekendDouble: m.allowWeekendDouble,
      dontSchedule: m.dontSchedule,
      suspended: m.suspended,
      blackouts: [...m.blackouts],
      pairWith: [...m.pairWith],
      avoid: [...m.avoid],
      lastDutyDate: m.lastDutyDate,
      ...(m.qualificationExpiry && Object.keys(m.qualificationExpiry).length > 0
        ? { qualificationExpiry: { ...m.qualificationExpiry } }
        : {}),
      ...(m.unavailable && m.unavailable.length > 0 ? { unavailable: m.unavailable.map(writeRule) } : {}),
      ...(m.seasonQuota != null ? { seasonQuota: m.seasonQuota } : {}),
      ...(m.exempt === true ? { exempt: true as const } : {}),
    })),
    published: club.published.map((day) => ({ date: day.date, slots: { ...day.slots } })),
  };
}

/** An availability rule as written: when, then roles, level (always) and note, only the fields it has. */
function writeRule(rule: UnavailableRule): UnavailableRule {
  return {
    ...(rule.date !== undefined ? { date: rule.date } : {}),
    ...(rule.from !== undefined ? { from: rule.from } : {}),
    ...(rule.to !== undefined ? { to: rule.to } : {}),
    ...(rule.weekday !== undefined ? { weekday: rule.weekday } : {}),
    ...(rule.months !== undefined ? { months: [...rule.months] } : {}),
    ...(rule.roles !== undefined ? { roles: [...rule.roles] } : {}),
    level: rule.level,
    ...(rule.note !== undefined ? { note: rule.note } : {}),
  };
}
