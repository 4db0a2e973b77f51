/**
 * Checks every API call's arguments against the contract before the backend sees them. A failure is an
 * ApiError('bad_input') whose `field` names the part at fault, e.g. `member.maxPerMonth` or `month.year`.
 */
import { isIsoDate } from '../../solver/dates.ts';
import type { ApiMethod } from './contract.ts';
import { API_METHODS } from './contract.ts';
import { ApiError } from './errors.ts';

type Check = (value: unknown, field: string) => void;

const fail = (field: string, expected: string): never => {
  throw new ApiError('bad_input', `${field} must be ${expected}.`, field);
};

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) &&
  (Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null);

// Control characters have no place in names, ids or keys typed by a person.
const CONTROL = /[\u0000-\u001f\u007f]/;

function text(maxLength: number, opts: { allowEmpty?: boolean; multiline?: boolean } = {}): Check {
  const expected = opts.allowEmpty ? `text of at most ${maxLength} characters` : `non-empty text of at most ${maxLength} characters`;
  return (value, field) => {
    if (typeof value !== 'string' || value.length > maxLength) fail(field, expected);
    const s = value as string;
    if (!opts.allowEmpty && s.trim() === '') fail(field, expected);
    if (!opts.multiline && CONTROL.test(s)) fail(field, `${expected} without control characters`);
  };
}

function matching(pattern: RegExp, expected: string, maxLength = 100): Check {
  return (value, field) => {
    if (typeof value !== 'string' || value.length > maxLength || !pattern.test(value)) fail(field, expected);
  };
}

function integer(min: number, max: number): Check {
  return (value, field) => {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      fail(field, `a whole number from ${min} to ${max}`);
    }
  };
}

function decimal(min: number, max: number): Check {
  return (value, field) => {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
      fail(field, `a number from ${min} to ${max}`);
    }
  };
}

const boolean: Check = (value, field) => {
  if (typeof value !== 'boolean') fail(field, 'true or false');
};

function oneOf(...options: readonly string[]): Check {
  return (value, field) => {
    if (typeof value !== 'string' || !options.includes(value)) fail(field, `one of ${options.map((o) => `"${o}"`).join(', ')}`);
  };
}

const isoDate: Check = (value, field) => {
  if (!isIsoDate(value)) fail(field, 'a date written YYYY-MM-DD');
  const year = Number((value as string).slice(0, 4));
  if (year < 2000 || year > 2100) fail(field, 'a date between 2000 and 2100');
};

function nullable(check: Check): Check {
  return (value, field) => {
    if (value !== null) check(value, field);
  };
}

function list(item: Check, maxItems: number, opts: { unique?: boolean } = {}): Check {
  return (value, field) => {
    if (!Array.isArray(value) || value.length > maxItems) fail(field, `a list of at most ${maxItems} entries`);
    const items = value as unknown[];
    items.forEach((entry, index) => item(entry, `${field}[${index}]`));
    if (opts.unique) {
      const seen = new Set<unknown>();
      items.forEach((entry, index) => {
        if (seen.has(entry)) throw new ApiError('bad_input', `${field}[${index}] appears twice in the list.`, `${field}[${index}]`);
        seen.add(entry);
      });
    }
  };
}

/** A map with checked keys; `__proto__`-like keys never pass a key pattern. */
function record(key: RegExp, keyExpected: string, item: Check, maxEntries: number): Check {
  return (value, field) => {
    if (!isPlainObject(value)) fail(field, 'an object');
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length > maxEntries) fail(field, `an object with at most ${maxEntries} entries`);
    for (const [k, v] of entries) {
      if (!key.test(k)) throw new ApiError('bad_input', `${field} has the key "${k.slice(0, 40)}", but keys must be ${keyExpected}.`, `${field}.${k.slice(0, 40)}`);
      item(v, `${field}.${k}`);
    }
  };
}

/** An object with exactly these fields (those in `optional` may be left out); any other field is refused. */
function object(fields: Record<string, Check>, optional: readonly string[] = []): Check {
  return (value, field) => {
    if (!isPlainObject(value)) fail(field, 'an object');
    const obj = value as Record<string, unknown>;
    for (const key of Object.keys(obj)) {
      if (!Object.hasOwn(fields, key)) {
        const name = `${field}.${key.slice(0, 40)}`;
        throw new ApiError('bad_input', `${name} is not a known field.`, name);
      }
    }
    for (const [key, check] of Object.entries(fields)) {
      if (!Object.hasOwn(obj, key) || obj[key] === undefined) {
        if (optional.includes(key)) continue;
        throw new ApiError('bad_input', `${field}.${key} is missing.`, `${field}.${key}`);
      }
      check(obj[key], `${field}.${key}`);
    }
  };
}

const ROLE_KEY = /^[a-z][a-z0-9_]*$/;
const roleKey = matching(ROLE_KEY, 'a role key: lower-case letters, digits and _ starting with a letter', 64);
const qualification = text(64);
const memberId = text(100);
const positiveId = integer(1, Number.MAX_SAFE_INTEGER);
const scheduler = oneOf('legacy', 'optimizer');
const seasonPhrase = nullable(text(100));

const monthRef = object({ year: integer(2000, 2100), month: integer(1, 12), months: integer(1, 12) }, ['months']);

const roleSetting = object({ key: roleKey, title: text(100), qualification, scheduled: boolean });

const clubSettings: Check = (value, field) => {
  object({
    name: text(200),
    defaultMaxPerMonth: decimal(0, 12),
    seasonStart: seasonPhrase,
    seasonEnd: seasonPhrase,
    roles: list(roleSetting, 50),
  })(value, field);
  const keys = (value as { roles: { key: string }[] }).roles.map((r) => r.key);
  keys.forEach((key, index) => {
    if (keys.indexOf(key) !== index) {
      throw new ApiError('bad_input', `${field}.roles[${index}].key "${key}" is used by another role.`, `${field}.roles[${index}].key`);
    }
  });
};

const member = object({
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

const settings = object({
  scheduler,
  monthOverrides: record(MONTH_KEY, 'months written YYYY-MM between 2000-01 and 2100-12', scheduler, 1300),
  shadowMode: boolean,
  timeLimitSeconds: decimal(1, 600),
});

const exportRequest = object(
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
const backupName = matching(/^[A-Za-z0-9_-][A-Za-z0-9._-]{0,199}$/, 'the name of a backup from the list', 200);

const CLUB_FILE_MAX = 20 * 1024 * 1024;
const limit = integer(1, 10_000);

type Param = readonly [name: string, check: Check];

/** Each method's parameters in order, named as in the contract. */
const PARAMS: Record<ApiMethod, readonly Param[]> = {
  getClubSettings: [],
  updateClubSettings: [['settings', clubSettings]],
  listMembers: [],
  saveMember: [['member', member]],
  deleteMember: [['memberId', memberId]],
  importClub: [['clubFileText', text(CLUB_FILE_MAX, { allowEmpty: true, multiline: true })]],
  importClubFile: [['clubFileText', text(CLUB_FILE_MAX, { allowEmpty: true, multiline: true })], ['fileName', text(255)]],
  previewClubImport: [['clubFileText', text(CLUB_FILE_MAX, { allowEmpty: true, multiline: true })]],
  exportClub: [],
  getDraft: [['month', monthRef]],
  generateDraft: [['month', monthRef]],
  rollDraft: [['draftId', positiveId]],
  rollDraftWith: [['draftId', positiveId], ['scheduler', scheduler]],
  cancelGeneration: [],
  setDateRemoved: [['draftId', positiveId], ['date', isoDate], ['removed', boolean]],
  slotCandidates: [['draftId', positiveId], ['date', isoDate], ['role', roleKey]],
  setSlot: [['draftId', positiveId], ['date', isoDate], ['role', roleKey], ['memberId', nullable(memberId)]],
  setSlotLocked: [['draftId', positiveId], ['date', isoDate], ['role', roleKey], ['locked', boolean]],
  publishDraft: [['draftId', positiveId]],
  publishDraftAnyway: [['draftId', positiveId]],
  publishCheck: [['draftId', positiveId]],
  monthStatus: [['month', monthRef]],
  restoreReplacedDraft: [],
  discardDraft: [['draftId', positiveId]],
  compare: [['month', monthRef]],
  latestComparison: [['month', monthRef]],
  adoptComparison: [['comparisonId', positiveId], ['side', scheduler]],
  listPublishedMonths: [],
  getPublished: [['month', monthRef]],
  publishedConflicts: [['memberId', nullable(memberId)]],
  exportPublished: [['request', exportRequest]],
  getSettings: [],
  updateSettings: [['settings', settings]],
  listBackups: [],
  createBackup: [],
  restoreBackup: [['name', backupName]],
  listRuns: [['limit', limit]],
  recentLog: [['limit', limit]],
};

const METHODS = new Set<string>(API_METHODS);

export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && METHODS.has(name);
}

/** Throws ApiError('bad_input') naming the field unless `args` are exactly what `method` takes. */
export function validateArgs(method: ApiMethod, args: unknown): unknown[] {
  const params = PARAMS[method];
  if (!Array.isArray(args)) throw new ApiError('bad_input', `The arguments for ${method} must be a list.`, 'args');
  if (args.length !== params.length) {
    const names = params.map(([name]) => name).join(', ') || 'nothing';
    throw new ApiError('bad_input', `${method} takes ${params.length} argument(s) (${names}) but got ${args.length}.`, 'args');
  }
  params.forEach(([name, check], index) => {
    if (args[index] === undefined) throw new ApiError('bad_input', `${name} is missing.`, name);
    check(args[index], name);
  });
  return args;
}
