import { blankMember, checkMemberRelations, freeMemberId, MEMBER_SCHEMA, memberProblemMessage, readMember } from './memberSchema.ts';
import { searchKey } from './textFold.ts';
import type { Member, Role } from './types.ts';

/**
 * Members from a spreadsheet: each column is mapped to a member field (or ignored), each row becomes a
 * member to add or a member to change. Cells are text as the sheet shows it; the member schema
 * (memberSchema.ts) judges the values, so the rules are the member form's.
 */

/** The member fields a column can fill. */
export const SHEET_FIELDS = [
  'id',
  'name',
  'qualifications',
  'maxPerMonth',
  'preferredDay',
  'active',
  'allowWeekendDouble',
  'dontSchedule',
  'suspended',
  'blackouts',
  'pairWith',
  'avoid',
  'lastDutyDate',
] as const satisfies readonly (keyof Member)[];
export type SheetField = (typeof SHEET_FIELDS)[number];

/** Column header -> the member field it fills, or null to ignore the column. */
export type ColumnMapping = Record<string, SheetField | null>;

export interface SheetTable {
  headers: string[];
  /** Data rows (without the header row), each cell as text. */
  rows: string[][];
}

export interface SheetRow {
  /** The row number as the spreadsheet shows it (the header is row 1). */
  row: number;
  action: 'add' | 'update';
  id: string;
  name: string;
  /** Each problem as one sentence naming the column; empty when the row can be imported. */
  errors: string[];
}

export interface SheetReading {
  rows: SheetRow[];
  /** The members to save (added or changed), in row order; only meaningful when no row has errors. */
  members: Member[];
}

/** Other words clubs use for the fields in their sheets (compared without case and accents). */
const SYNONYMS: Record<SheetField, string[]> = {
  id: ['id', 'member id', 'member number', 'membership number', 'number'],
  name: ['name', 'full name', 'member', 'member name'],
  qualifications: ['qualifications', 'ratings', 'roles', 'duties'],
  maxPerMonth: ['monthly limit', 'max per month', 'maxpermonth', 'duties per month', 'limit'],
  preferredDay: ['preferred day', 'preferredday', 'day'],
  active: ['active'],
  allowWeekendDouble: ['same role a week apart is fine', 'allowweekenddouble', 'weekend double'],
  dontSchedule: ['do not schedule', 'dontschedule', "don't schedule", 'opted out'],
  suspended: ['suspended'],
  blackouts: ['blackout days', 'blackouts', 'unavailable', 'away'],
  pairWith: ['likes to work with', 'pairwith', 'pair with'],
  avoid: ['avoids', 'avoid'],
  lastDutyDate: ['last duty', 'lastdutydate', 'last duty date'],
};

const fold = (text: string) =>
  searchKey(text)
    .replace(/[_\s]+/g, ' ')
    .trim();

/** The field a column's header most likely means: its form label, its key, or a common other word. */
export function guessMapping(headers: string[]): ColumnMapping {
  const used = new Set<SheetField>();
  // fromEntries defines each header as an own key, so a header such as "__proto__" stays a column.
  return Object.fromEntries(
    headers.map((header) => {
      const words = fold(header);
      const field = SHEET_FIELDS.find(
        (f) => !used.has(f) && (fold(MEMBER_SCHEMA[f].label) === words || fold(f) === words || SYNONYMS[f].includes(words)),
      );
      if (field) used.add(field);
      return [header, field ?? null];
    }),
  );
}

/** Why a mapping cannot be used, or null. */
export function mappingProblem(headers: string[], mapping: ColumnMapping): string | null {
  for (const header of Object.keys(mapping)) if (!headers.includes(header)) return `The sheet has no column "${header}".`;
  const seen = new Map<SheetField, string>();
  for (const [header, field] of Object.entries(mapping)) {
    if (field === null) continue;
    const other = seen.get(field);
    if (other !== undefined)
      return `The columns "${other}" and "${header}" both fill ${MEMBER_SCHEMA[field].label}; map one of them to nothing.`;
    seen.set(field, header);
  }
  if (!seen.has('name') && !seen.has('id')) return 'Map a column to Name (or to Member id), so each row says who it is.';
  return null;
}

const YES = new Set(['yes', 'y', 'true', '1', 'x', 'ja', 'oui']);
const NO = new Set(['no', 'n', 'false', '0', 'nein', 'non']);
const WEEKEND_DAYS: Record<string, 'sat' | 'sun'> = { sat: 'sat', saturday: 'sat', sun: 'sun', sunday: 'sun' };

const listOf = (cell: string) =>
  cell
    .split(/[;,|\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');

/** A cell as the member field's value; `undefined` for a blank cell (the field keeps what it had). */
function cellValue(field: SheetField, cell: string, roles: readonly Role[]): unknown {
  const text = cell.trim();
  if (text === '') return undefined;
  switch (field) {
    case 'id':
    case 'name':
      return text;
    case 'qualifications':
      // A qualification key, or a role's title standing for its qualification ("Tow Pilot").
      return listOf(text).map((item) => roles.find((r) => fold(r.title) === fold(item))?.qualification ?? item);
    case 'maxPerMonth': {
      const number = Number(text.replace(',', '.'));
      return Number.isNaN(number) ? text : number;
    }
    case 'preferredDay':
      return WEEKEND_DAYS[fold(text)] ?? text;
    case 'active':
    case 'allowWeekendDouble':
    case 'dontSchedule':
    case 'suspended': {
      const word = fold(text);
      return YES.has(word) ? true : NO.has(word) ? false : text;
    }
    case 'blackouts':
    case 'pairWith':
    case 'avoid':
      return listOf(text);
    case 'lastDutyDate':
      return text;
  }
}

/**
 * Reads every row against the club's members: a row whose id (or, without an id column, whose name)
 * is a member's changes that member in the mapped fields only; any other row adds a member (with a
 * free id when the sheet has none). Problems are reported per row, naming the column.
 */
export function readMemberSheet(
  table: SheetTable,
  mapping: ColumnMapping,
  club: { members: readonly Member[]; roles: readonly Role[] },
): SheetReading {
  const columns = table.headers
    .map((header, index) => ({ header, index, field: Object.hasOwn(mapping, header) ? mapping[header] : null }))
    .filter((c): c is { header: string; index: number; field: SheetField } => c.field !== null);
  const columnOf = new Map(columns.map((c) => [c.field, c.header]));
  const byId = new Map(club.members.map((m) => [m.id, m]));
  const byName = new Map<string, Member[]>();
  for (const m of club.members) byName.set(fold(m.name), [...(byName.get(fold(m.name)) ?? []), m]);
  const taken = club.members.map((m) => m.id);

  const rows: SheetRow[] = [];
  const members: Member[] = [];
  const rowOfMember: number[] = [];
  table.rows.forEach((cells, i) => {
    if (cells.every((c) => c.trim() === '')) return;
    const row = i + 2;
    const errors: string[] = [];
    const values = new Map<SheetField, unknown>();
    for (const c of columns) {
      const value = cellValue(c.field, cells[c.index] ?? '', club.roles);
      if (value !== undefined) values.set(c.field, value);
    }
    const givenId = values.get('id') as string | undefined;
    const givenName = values.get('name') as string | undefined;
    let existing = givenId === undefined ? undefined : byId.get(givenId);
    if (givenId === undefined && givenName !== undefined) {
      const named = byName.get(fold(givenName)) ?? [];
      if (named.length === 1) existing = named[0];
      else if (named.length > 1) errors.push(`${named.length} members are called ${givenName}; add a Member id column to say which one.`);
    }
    if (!existing && givenName === undefined) errors.push(`${columnOf.get('name') ?? 'Name'} is empty, so this row names nobody new.`);
    const id = existing?.id ?? givenId ?? freeMemberId(taken);
    if (!existing) taken.push(id);
    const start: Member = existing ? structuredClone(existing) : blankMember(id, givenName ?? '', []);
    const raw: Record<string, unknown> = { ...start };
    for (const [field, value] of values) raw[field] = value;
    raw.id = id;
    if (start.qualificationExpiry === undefined) delete raw.qualificationExpiry;
    const member = readMember(
      raw,
      (path, value, expected) => errors.push(inColumn(columnFor(path, columnOf), memberProblemMessage(path, value, expected))),
      { complete: true },
    );
    if (members.some((m) => m.id === id)) errors.push(`Member id ${id} is on another row of this sheet too.`);
    rows.push({ row, action: existing ? 'update' : 'add', id, name: member.name || givenName || id, errors });
    members.push(member);
    rowOfMember.push(rows.length - 1);
  });

  // Partners and avoided members may be anyone in the club after the import.
  const changed = new Set(members.map((m) => m.id));
  const after = [...club.members.filter((m) => !changed.has(m.id)), ...members];
  const offset = after.length - members.length;
  checkMemberRelations(after, (index, path, value, expected) => {
    if (index >= offset) {
      rows[rowOfMember[index - offset]].errors.push(inColumn(columnFor(path, columnOf), memberProblemMessage(path, value, expected)));
      return;
    }
    // A member the sheet leaves alone avoids one the sheet now pairs them with.
    const row = members.findIndex((m) => m.id === value);
    if (row >= 0)
      rows[rowOfMember[row]].errors.push(
        `${columnOf.get('pairWith') ?? MEMBER_SCHEMA.pairWith.label}: ${after[index].name} avoids ${members[row].name}, so they cannot be paired.`,
      );
  });
  return { rows, members };
}

/** The column a member field path came from, as the sheet names it. */
function columnFor(path: string, columnOf: Map<SheetField, string>): string {
  const key = /^[A-Za-z]*/.exec(path)![0] as SheetField;
  return columnOf.get(key) ?? MEMBER_SCHEMA[key]?.label ?? 'The row';
}

/** A problem named by its column, unless the sentence already starts with the column's name. */
const inColumn = (column: string, message: string) => (message.startsWith(column) ? message : `${column}: ${message}`);
