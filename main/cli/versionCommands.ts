import type { PublishedChange, PublishedHistory, VersionSlotChange } from '../api/contract.ts';
import {
  CLUB_LIMITS,
  FIRST_YEAR,
  isPlannedDate,
  KEY_EXPECTED,
  KEY_PATTERN,
  LAST_YEAR,
  PLANNED_DATE_EXPECTED,
} from '../../solver/limits.ts';
import { MONTH_NAMES } from '../../solver/dates.ts';
import { flag, requiredInteger, requiredString, stringOption, UsageError, type OptionSpecs, type ParsedArgs } from './args.ts';
import { MONTH_OPTION, YEAR_OPTION } from './club.ts';
import { registerCommand, type CliContext } from './command.ts';
import { dayLabel } from './rosterText.ts';
import { withBackend } from './storeCommands.ts';

/** The version history of published months and the changes made to them: history, restore-version, swap, cover. */

const MAX_NOTE = 500;

function dateOption(args: ParsedArgs, name: string): string {
  const value = requiredString(args, name);
  const planned: boolean = isPlannedDate(value);
  if (!planned) throw new UsageError(`Option --${name} must be ${PLANNED_DATE_EXPECTED}, not "${value}".`);
  return value;
}

function roleOption(args: ParsedArgs, name: string): string {
  const value = requiredString(args, name);
  if (!KEY_PATTERN.test(value) || value.length > CLUB_LIMITS.keyLength)
    throw new UsageError(`Option --${name} must be a role key (${KEY_EXPECTED}), not "${value}".`);
  return value;
}

function noteOption(args: ParsedArgs): string | null {
  const note = stringOption(args, 'note');
  if (note !== undefined && note.length > MAX_NOTE) throw new UsageError(`Option --note holds at most ${MAX_NOTE} characters.`);
  return note ?? null;
}

const monthOf = (args: ParsedArgs) => ({
  year: requiredInteger(args, 'year', { min: FIRST_YEAR, max: LAST_YEAR }),
  month: requiredInteger(args, 'month', { min: 1, max: 12 }),
});

const NOTE_OPTION = { type: 'string', valueName: 'TEXT', description: 'why, kept with the version (e.g. "Ann is ill")' } as const;
const JSON_OPTION = { type: 'boolean', description: 'print JSON' } as const;
const monthOptions: OptionSpecs = { year: YEAR_OPTION, month: MONTH_OPTION };

function changeLine(c: VersionSlotChange): string {
  const from = c.kind === 'added' ? '(new slot)' : (c.fromName ?? '(empty)');
  const to = c.kind === 'removed' ? '(slot removed)' : (c.toName ?? '(empty)');
  return `${c.roleTitle} ${dayLabel(c.date)}: ${from} -> ${to}`;
}

function historyText(history: PublishedHistory): string {
  const lines = [`${MONTH_NAMES[history.month - 1]} ${history.year}: ${history.versions.length} version(s), newest first.`];
  for (const v of history.versions) {
    lines.push(
      '',
      `v${v.version}  ${v.createdAt}  ${v.reason}${v.current ? '  (current)' : ''}${v.note === null ? '' : `  "${v.note}"`}  ${v.filledSlots}/${v.totalSlots} filled`,
    );
    if (v.previous === null) lines.push('    first version');
    else if (v.changes.length === 0) lines.push(`    same slots as v${v.previous}`);
    else for (const c of v.changes) lines.push(`    ${changeLine(c)}`);
  }
  return lines.join('\n');
}

function printChange(args: ParsedArgs, ctx: CliContext, change: PublishedChange): void {
  if (flag(args, 'json')) {
    ctx.out(JSON.stringify(change, null, 2));
    return;
  }
  ctx.out(change.message);
  for (const warning of change.warnings) ctx.out(`Warning: ${warning}`);
}

registerCommand({
  name: 'history',
  summary: 'List the versions of a published month with what each changed.',
  usage: 'history --year Y --month M [--json] [--data-dir DIR]',
  options: { ...monthOptions, json: JSON_OPTION },
  async run(args, ctx) {
    const month = monthOf(args);
    const history = await withBackend(ctx, (backend) => backend.publishedHistory(month), 'read');
    ctx.out(flag(args, 'json') ? JSON.stringify(history, null, 2) : historyText(history));
  },
});

registerCommand({
  name: 'restore-version',
  summary: 'Make an earlier version of a published month current again (as its next version).',
  usage: 'restore-version --year Y --month M --version N [--note TEXT] [--json] [--data-dir DIR]',
  options: {
    ...monthOptions,
    version: { type: 'string', valueName: 'N', description: 'the version to restore (see history)' },
    note: NOTE_OPTION,
    json: JSON_OPTION,
  },
  async run(args, ctx) {
    const month = monthOf(args);
    const version = requiredInteger(args, 'version', { min: 1, max: Number.MAX_SAFE_INTEGER });
    const note = noteOption(args);
    printChange(args, ctx, await withBackend(ctx, (backend) => backend.restorePublishedVersion(month, version, note)));
  },
});

registerCommand({
  name: 'swap',
  summary: 'Two members exchange published duties (checked against every hard rule).',
  usage: 'swap --date D1 --role R1 --with-date D2 --with-role R2 [--note TEXT] [--json] [--data-dir DIR]',
  options: {
    date: { type: 'string', valueName: 'D1', description: 'date of the first duty (YYYY-MM-DD)' },
    role: { type: 'string', valueName: 'R1', description: 'role key of the first duty, e.g. duty_officer' },
    'with-date': { type: 'string', valueName: 'D2', description: 'date of the other duty' },
    'with-role': { type: 'string', valueName: 'R2', description: 'role key of the other duty' },
    note: NOTE_OPTION,
    json: JSON_OPTION,
  },
  async run(args, ctx) {
    const [date, role] = [dateOption(args, 'date'), roleOption(args, 'role')];
    const [withDate, withRole] = [dateOption(args, 'with-date'), roleOption(args, 'with-role')];
    const note = noteOption(args);
    printChange(args, ctx, await withBackend(ctx, (backend) => backend.swapDuties(date, role, withDate, withRole, note)));
  },
});

registerCommand({
  name: 'cover',
  summary: 'Another member takes a published duty, or fills an empty one (checked against every hard rule).',
  usage: 'cover --date D --role R --member ID [--replace] [--note TEXT] [--json] [--data-dir DIR]',
  options: {
    date: { type: 'string', valueName: 'D', description: 'date of the duty (YYYY-MM-DD)' },
    role: { type: 'string', valueName: 'R', description: 'role key, e.g. duty_officer' },
    member: { type: 'string', valueName: 'ID', description: 'id of the member who takes the duty' },
    replace: { type: 'boolean', description: "record it as the rostermeister's replacement rather than a cover" },
    note: NOTE_OPTION,
    json: JSON_OPTION,
  },
  async run(args, ctx) {
    const [date, role, memberId] = [dateOption(args, 'date'), roleOption(args, 'role'), requiredString(args, 'member')];
    const note = noteOption(args);
    const change = await withBackend(ctx, (backend) =>
      flag(args, 'replace') ? backend.replaceDuty(date, role, memberId, note) : backend.coverDuty(date, role, memberId, note),
    );
    printChange(args, ctx, change);
  },
});
