/**
 * The checks for every payload the API takes, typed by the contract's own interfaces (a field added to
 * an interface without a check here does not compile). Used by the API table (methods.ts).
 */
import type { ClubSettings, ExportRequest, Member, MonthRef, RoleSetting, Settings } from './contract.ts';
import {
  boolean,
  decimal,
  integer,
  isoDateBetween,
  list,
  matching,
  nullable,
  object,
  oneOf,
  record,
  refine,
  text,
} from './checks.ts';
import { ApiError } from './errors.ts';

export const isoDate = isoDateBetween(2000, 2100);
export const roleKey = matching(/^[a-z][a-z0-9_]*$/, 'a role key: lower-case letters, digits and _ starting with a letter', 64);
const qualification = text(64);
export const memberId = text(100);
export const positiveId = integer(1, Number.MAX_SAFE_INTEGER);
export const scheduler = oneOf('legacy', 'optimizer');
const seasonPhrase = nullable(text(100));

export const monthRef = object<MonthRef>({ year: integer(2000, 2100), month: integer(1, 12), months: integer(1, 12) }, ['months']);

const roleSetting = object<RoleSetting>({ key: roleKey, title: text(100), qualification, scheduled: boolean });

export const clubSettings = refine(
  object<ClubSettings>({
    name: text(200),
    defaultMaxPerMonth: decimal(0, 12),
    seasonStart: seasonPhrase,
    seasonEnd: seasonPhrase,
    roles: list(roleSetting, 50),
  }),
  (value, field) => {
    const keys = value.roles.map((r) => r.key);
    keys.forEach((key, index) => {
      if (keys.indexOf(key) !== index) {
        throw new ApiError('bad_input', `${field}.roles[${index}].key "${key}" is used by another role.`, `${field}.roles[${index}].key`);
      }
    });
  },
);

export const member = object<Member>({
  id: memberId,
  name: text(200),
  active: boolean,
  qualifications: list(qualification, 50, { unique: true }),
  rolePercent: record(/^[^\u0000-\u001f\u007f]{1,64}$/, 'qualification keys', decimal(0, 100), 50),
  maxPerMonth: nullable(decimal(0, 12)),
  preferredDay: nullable(oneOf('sat', 'sun')),
  allowWeekendDouble: boolean,
  dontSchedule: boolean,
  suspended: boolean,
  blackouts: list(isoDate, 1000, { unique: true }),
  pairWith: list(memberId, 100, { unique: true }),
  avoid: list(memberId, 100, { unique: true }),
  lastDutyDate: nullable(isoDate),
});

const MONTH_KEY = /^(20\d\d|2100)-(0[1-9]|1[0-2])$/;

export const settings = object<Settings>({
  scheduler,
  monthOverrides: record(MONTH_KEY, 'months written YYYY-MM between 2000-01 and 2100-12', scheduler, 1300),
  shadowMode: boolean,
  timeLimitSeconds: decimal(1, 600),
});

export const exportRequest = object<ExportRequest>(
  {
    year: integer(2000, 2100),
    month: integer(1, 12),
    format: oneOf('csv', 'csv-long', 'ics', 'pdf'),
    memberId,
    bom: boolean,
    paper: oneOf('A4', 'Letter'),
  },
  ['memberId', 'bom', 'paper'],
);

// A backup is named by the backend; a name with a path separator or a leading dot is never one of them.
export const backupName = matching(/^[A-Za-z0-9_-][A-Za-z0-9._-]{0,199}$/, 'the name of a backup from the list', 200);

const CLUB_FILE_MAX = 20 * 1024 * 1024;
export const clubFileText = text(CLUB_FILE_MAX, { allowEmpty: true, multiline: true });
export const limit = integer(1, 10_000);
