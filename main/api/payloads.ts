/**
 * The checks for every payload the API takes, typed by the contract's own interfaces (a field added to
 * an interface without a check here does not compile), with the labels the forms show. Used by the
 * API table (methods.ts). Members follow the one member schema (solver/memberSchema.ts).
 */
import {
  CLUB_LIMITS,
  FAIRNESS_WINDOWS,
  FIRST_YEAR,
  hasControlCharacters,
  isPlannedDate,
  PLANNED_DATE_EXPECTED,
  isMonthKey,
  KEY_EXPECTED,
  KEY_PATTERN,
  LAST_YEAR,
  MAX_DUTIES_PER_MONTH,
  MAX_SEASON_QUOTA,
  MAX_TIME_LIMIT_SECONDS,
  MONTH_KEY_EXPECTED,
} from '../../solver/limits.ts';
import { MEMBER_LIMITS, memberProblemMessage, readMember } from '../../solver/memberSchema.ts';
import { MAX_RANGE_MONTHS } from '../../solver/problem.ts';
import { SHEET_FIELDS } from '../../solver/memberSheet.ts';
import { WEEKDAYS, type IsoDate } from '../../solver/types.ts';
import type {
  Assignment,
  CalendarRequest,
  ClubCalendar,
  ClubRemovedDate,
  ClubSettings,
  ExportRequest,
  ExtraDutyDays,
  Member,
  MonthRef,
  RoleSetting,
  ScenarioChanges,
  Settings,
} from './contract.ts';
import {
  boolean,
  decimal,
  fail,
  integer,
  isPlainObject,
  list,
  matching,
  nullable,
  object,
  oneOf,
  plannedDate,
  record,
  refine,
  text,
  type Check,
} from './checks.ts';
import { ApiError } from './errors.ts';

export const isoDate = plannedDate;
export const roleKey = matching(KEY_PATTERN, `a role key: ${KEY_EXPECTED}`, CLUB_LIMITS.keyLength);
export const memberId = text(MEMBER_LIMITS.idLength);
export const positiveId = integer(1, Number.MAX_SAFE_INTEGER);
export const scheduler = oneOf('legacy', 'optimizer');
const year = integer(FIRST_YEAR, LAST_YEAR);
const month = integer(1, 12);

export const monthRef = object<MonthRef>({ year, month, months: integer(1, MAX_RANGE_MONTHS) }, { optional: ['months'] });

const roleSetting = object<RoleSetting>(
  {
    key: roleKey,
    title: text(CLUB_LIMITS.roleTitleLength),
    qualification: matching(KEY_PATTERN, `a qualification key: ${KEY_EXPECTED}`, CLUB_LIMITS.keyLength),
    scheduled: boolean,
    retired: boolean,
  },
  {
    optional: ['retired'],
    labels: { key: 'Role', title: 'Title', qualification: 'Qualification', scheduled: 'Scheduled', retired: 'Retired' },
  },
);

/** Two roles with one key: the second is named. */
function uniqueRoleKeys(roles: readonly RoleSetting[], field: string): void {
  const keys = roles.map((r) => r.key);
  keys.forEach((key, index) => {
    if (keys.indexOf(key) !== index)
      throw new ApiError('bad_input', `The role key "${key}" is used by another role.`, `${field}[${index}].key`);
  });
}

/** Every role of the club in display order (Settings, Roles): active and retired ones; a role left out is deleted. */
export const roleSettings = refine(list(roleSetting, CLUB_LIMITS.roles), (value, at) => uniqueRoleKeys(value, at.field));

const seasonPhrase = nullable(text(CLUB_LIMITS.seasonPhraseLength));

/** Labelled as on the Settings page. */
export const CLUB_SETTINGS_LABELS = {
  name: 'Club name',
  defaultMaxPerMonth: 'Default monthly limit',
  fairnessWindow: 'Fairness counts',
  defaultSeasonQuota: 'Default season quota',
  seasonStart: 'Season starts',
  seasonEnd: 'Season ends',
  roles: 'Roles',
} as const satisfies Record<keyof ClubSettings, string>;

export const clubSettings = refine(
  object<ClubSettings>(
    {
      name: text(CLUB_LIMITS.nameLength),
      defaultMaxPerMonth: decimal(0, MAX_DUTIES_PER_MONTH),
      fairnessWindow: oneOf(...FAIRNESS_WINDOWS),
      defaultSeasonQuota: nullable(integer(1, MAX_SEASON_QUOTA)),
      seasonStart: seasonPhrase,
      seasonEnd: seasonPhrase,
      roles: list(roleSetting, CLUB_LIMITS.roles),
    },
    { labels: CLUB_SETTINGS_LABELS, optional: ['fairnessWindow', 'defaultSeasonQuota'] },
  ),
  (value, at) => uniqueRoleKeys(value.roles, `${at.field}.roles`),
);

/** A date of the calendar form, named as the form shows it ("Extra duty day: 2026-02-30 is not a date"). */
function calendarDate(what: string): Check<IsoDate> {
  return (value, at) => {
    if (!isPlannedDate(value)) {
      const shown = typeof value === 'string' ? value.slice(0, 40) : (JSON.stringify(value) ?? typeof value);
      const problem = shown === '' ? 'the date is missing' : `${shown} is not a date`;
      throw new ApiError('bad_input', `${what}: ${problem} (${PLANNED_DATE_EXPECTED}).`, at.field);
    }
  };
}

function calendarNote(what: string, maxLength: number): Check<string | null> {
  return (value, at) => {
    if (value === null) return;
    if (typeof value !== 'string' || value.length > maxLength || hasControlCharacters(value)) {
      throw new ApiError('bad_input', `${what} must be text of at most ${maxLength} characters on one line.`, at.field);
    }
  };
}

const extraDutyDays = refine(
  object<ExtraDutyDays>({
    from: calendarDate('Extra duty day'),
    to: calendarDate('Extra duty day'),
    label: calendarNote('Extra duty day: the label', CLUB_LIMITS.dateNoteLength),
  }),
  (value, at) => {
    if (value.to < value.from) {
      throw new ApiError('bad_input', `Extra duty days: the run ${value.from} to ${value.to} ends before it starts.`, `${at.field}.to`);
    }
  },
);

const clubRemovedDate = object<ClubRemovedDate>({
  date: calendarDate('Removed date'),
  reason: calendarNote('Removed date: the reason', CLUB_LIMITS.dateNoteLength),
});

/** Labelled as in the Settings page's calendar. */
export const CALENDAR_LABELS = {
  operatingWeekdays: 'Operating weekdays',
  seasonStart: 'Season starts',
  seasonEnd: 'Season ends',
  extraDutyDays: 'Extra duty days',
  removedDates: 'Removed dates',
} as const satisfies Record<keyof ClubCalendar, string>;

export const clubCalendar = object<ClubCalendar>(
  {
    operatingWeekdays: list(oneOf(...WEEKDAYS), WEEKDAYS.length, { unique: true }),
    seasonStart: seasonPhrase,
    seasonEnd: seasonPhrase,
    extraDutyDays: list(extraDutyDays, CLUB_LIMITS.dates),
    removedDates: list(clubRemovedDate, CLUB_LIMITS.dates),
  },
  { labels: CALENDAR_LABELS },
);

/** A whole member (every field given), checked by the member schema; the message names the form's field. */
export const member: Check<Member> = (value, at) => {
  // Anything but a plain object is the schema's to refuse; a class instance never comes from JSON.
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && !isPlainObject(value)) fail(at, 'a member');
  readMember(
    value,
    (path, given, expected) => {
      const field = path === '' ? at.field : `${at.field}.${path}`;
      throw new ApiError('bad_input', memberProblemMessage(path, given, expected), field);
    },
    { complete: true },
  );
};

/** Labelled as on the Settings page (scheduler settings). */
const SETTINGS_LABELS = {
  scheduler: 'Scheduler',
  monthOverrides: 'Override for the month',
  shadowMode: 'Shadow mode',
  timeLimitSeconds: 'Optimizer time limit (seconds)',
} as const satisfies Record<keyof Settings, string>;

export const settings = object<Settings>(
  {
    scheduler,
    monthOverrides: record(isMonthKey, MONTH_KEY_EXPECTED, scheduler, 1300),
    shadowMode: boolean,
    timeLimitSeconds: decimal(1, MAX_TIME_LIMIT_SECONDS),
  },
  { labels: SETTINGS_LABELS },
);

export const exportRequest = object<ExportRequest>(
  {
    year,
    month,
    months: integer(1, MAX_RANGE_MONTHS),
    format: oneOf('csv', 'csv-long', 'ics', 'pdf', 'dutyman', 'xlsx'),
    memberId,
    bom: boolean,
    paper: oneOf('A4', 'Letter'),
  },
  { optional: ['months', 'memberId', 'bom', 'paper'] },
);

export const calendarRequest = object<CalendarRequest>({ year, memberId }, { optional: ['memberId'] });

// A backup is named by the backend; a name with a path separator or a leading dot is never one of them.
export const backupName = matching(/^[A-Za-z0-9_-][A-Za-z0-9._-]{0,199}$/, 'the name of a backup from the list', 200);

export const clubFileText = text(CLUB_LIMITS.fileChars, { allowEmpty: true, multiline: true });
export const limit = integer(1, 10_000);

/** A re-plan proposal's token (backend/replan.ts): the version and a digest of the published month. */
export const replanToken = matching(/^v[0-9]{1,9}-[0-9a-f]{16}$/, 'the token of a re-plan proposal', 40);
/** The slots a re-plan changes: date, role and the new member (null: left empty). */
export const replanChanges = list(
  object<Assignment>(
    { date: isoDate, role: roleKey, memberId: nullable(memberId) },
    { labels: { date: 'Date', role: 'Role', memberId: 'Member' } },
  ),
  2000,
);

export const scenarioName = text(80);

export const scenarioChanges = object<ScenarioChanges>(
  {
    away: list(
      object<ScenarioChanges['away'][number]>(
        { memberId, from: plannedDate, to: plannedDate },
        { labels: { memberId: 'Member', from: 'From', to: 'To' } },
      ),
      CLUB_LIMITS.members,
    ),
    rolesOff: list(roleKey, CLUB_LIMITS.roles, { unique: true }),
    limits: list(
      object<ScenarioChanges['limits'][number]>(
        { memberId, maxPerMonth: decimal(0, MAX_DUTIES_PER_MONTH) },
        { labels: { memberId: 'Member', maxPerMonth: 'Monthly limit' } },
      ),
      CLUB_LIMITS.members,
    ),
    defaultMaxPerMonth: nullable(decimal(0, MAX_DUTIES_PER_MONTH)),
    scheduler: nullable(scheduler),
  },
  {
    labels: {
      away: 'Away',
      rolesOff: 'Roles off',
      limits: 'Monthly limits',
      defaultMaxPerMonth: 'Club monthly limit',
      scheduler: 'Scheduler',
    },
  },
);

/** A spreadsheet's bytes as base64 (5 MB at most). */
export const sheetBase64 = matching(/^[A-Za-z0-9+/]*={0,2}$/, 'a spreadsheet file (base64) of at most 5 MB', 7_000_000);

export const columnMapping = record(
  (header) => header.length > 0 && header.length <= 200 && header !== '__proto__',
  'a column header of the sheet',
  nullable(oneOf(...SHEET_FIELDS)),
  500,
);
