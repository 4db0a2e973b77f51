import Database from 'better-sqlite3';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { ComparisonView, DraftView, PublishedView, Settings } from '../api/contract.ts';
import { badInput, notFound } from '../api/errors.ts';
import { createBackend, type Backend } from '../backend/index.ts';
import { databasePath, resolveDataDir } from '../dataDir.ts';
import { checkDatabaseFile, describeProblem } from '../db/health.ts';
import { CURRENT_VERSION, MIGRATIONS } from '../db/migrations.ts';
import { MAX_BACKUPS_KEPT } from '../db/settingsRepo.ts';
import { flag, requiredInteger, requiredString, stringOption, UsageError, type OptionSpecs, type ParsedArgs } from './args.ts';
import { MONTH_OPTION, YEAR_OPTION } from './club.ts';
import { registerCommand, type CliContext } from './command.ts';
import { monthRangeFromArgs } from './monthRange.ts';
import { dayLabel, table, windowFigure } from './rosterText.ts';
import { FIRST_YEAR, LAST_YEAR } from '../../solver/limits.ts';

/**
 * Commands that work on the app's database in the data folder (--data-dir, ROSTERMEISTER_DATA_DIR or
 * the platform folder). `propose` and `compare` use the store too when a data folder is named and
 * no --club file is given (see usesStore).
 */

/** True when propose/compare should work on the store: no --club, and a data folder named explicitly. */
export function usesStore(args: ParsedArgs, ctx: CliContext, env: NodeJS.ProcessEnv = process.env): boolean {
  return stringOption(args, 'club') === undefined && (ctx.dataDir !== null || Boolean(env.ROSTERMEISTER_DATA_DIR));
}

/**
 * Runs `work` on the data folder's database. A command that changes something owns the folder while it
 * runs (refused while the app or another command has it); one that only reads may run beside them.
 */
export async function withBackend<T>(
  ctx: CliContext,
  work: (backend: Backend) => Promise<T>,
  access: 'write' | 'read' = 'write',
): Promise<T> {
  const backend = await createBackend({ dataDir: resolveDataDir(ctx.dataDir), logger: ctx.log, access });
  try {
    const result = await work(backend);
    // Shadow-mode comparisons finish before the command ends rather than being cut off.
    await backend.settled();
    return result;
  } finally {
    await backend.close();
  }
}

const monthOf = (args: ParsedArgs) => ({
  year: requiredInteger(args, 'year', { min: FIRST_YEAR, max: LAST_YEAR }),
  month: requiredInteger(args, 'month', { min: 1, max: 12 }),
});

function draftText(draft: DraftView): string {
  const names = new Map(draft.slots.map((s) => [s.memberId, s.memberName]));
  const rows = [['', ...draft.roles.map((r) => r.title)]];
  for (const date of draft.dutyDays) {
    rows.push([
      dayLabel(date),
      ...draft.roles.map((r) => {
        const slot = draft.slots.find((s) => s.date === date && s.role === r.key);
        const name = slot?.memberId ? (names.get(slot.memberId) ?? slot.memberId) : '—';
        return slot?.locked ? `${name} (locked)` : name;
      }),
    ]);
  }
  const run = draft.run;
  const m = run.metrics;
  const lines = [
    `Draft ${draft.id}: ${draft.range.start} to ${draft.range.end}, made by ${run.scheduler}${run.seed !== null ? ` (seed ${run.seed})` : ''}, ${run.status}`,
    '',
    table(rows),
  ];
  if (m)
    lines.push(
      '',
      `Filled ${m.filled_slots}/${m.total_slots} (${m.fill_rate_percent}%), fairness variance ${m.fairness_variance}, ${m.solve_time_ms} ms`,
    );
  if (run.fallback) lines.push(`The optimizer fell back to legacy: ${run.fallback.reason}`);
  if (draft.removedDates.length > 0) lines.push(`Removed dates: ${draft.removedDates.join(', ')}`);
  return lines.join('\n');
}

/** On the store the settings decide these; they only apply to a --club file. */
function refuseFileModeOptions(args: ParsedArgs, names: string[]): void {
  const given = names.filter((n) => n in args.values);
  if (given.length > 0) {
    throw new UsageError(
      `${given.map((n) => `--${n}`).join(', ')} only apply with --club FILE. On the database in the data folder the settings decide (see: settings get).`,
    );
  }
}

/** propose without --club: generate with the configured scheduler, save as the month's draft, print it. */
export async function proposeInStore(args: ParsedArgs, ctx: CliContext): Promise<void> {
  refuseFileModeOptions(args, ['scheduler', 'seed', 'time-limit']);
  const month = monthRangeFromArgs(args);
  const draft = await withBackend(ctx, (backend) => backend.generateDraft(month));
  ctx.out(flag(args, 'json') ? JSON.stringify(draft, null, 2) : draftText(draft));
}

/** compare without --club: run both schedulers on the month and record the comparison in the store. */
export async function compareInStore(args: ParsedArgs, ctx: CliContext): Promise<void> {
  refuseFileModeOptions(args, ['seed', 'legacy-runs', 'time-limit']);
  const month = monthRangeFromArgs(args);
  const view: ComparisonView = await withBackend(ctx, (backend) => backend.compare(month));
  if (flag(args, 'json')) {
    ctx.out(JSON.stringify(view, null, 2));
    return;
  }
  const optimizer = view.optimizer;
  const row = (label: string, pick: (s: ComparisonView['legacy']) => string | number) => [
    label,
    String(pick(view.legacy)),
    optimizer === null ? 'failed' : String(pick(optimizer)),
  ];
  const outcome =
    view.optimizerFailure !== null || view.differences === null || view.acceptance === null
      ? [`The optimizer failed: ${view.optimizerFailure?.reason ?? 'no reason recorded'}. Its fallback roster is not compared or accepted.`]
      : [
          `Differences: ${view.differences.changed_slots} slots on ${view.differences.changed_dates} dates.`,
          `Acceptance: ${view.acceptance.passed ? 'passed' : 'NOT passed'}`,
        ];
  ctx.out(
    [
      `Comparison ${view.id} recorded for ${view.range.start} to ${view.range.end}.`,
      '',
      table([
        ['', 'legacy', 'optimizer'],
        row('Scheduler', (s) => `${s.scheduler} (${s.status})`),
        row('Filled slots', (s) => `${s.metrics.filled_slots}/${s.metrics.total_slots}`),
        row('Fairness variance', (s) => s.metrics.fairness_variance),
        row('Window variance', (s) => windowFigure(s.metrics, 'window_fairness_variance')),
        row('Window sum of squares', (s) => windowFigure(s.metrics, 'window_sum_of_squares')),
        row('Spacing breaks', (s) => s.spacingBreaks ?? '–'),
        row('Solve time', (s) => `${s.metrics.solve_time_ms} ms`),
      ]),
      '',
      ...outcome,
    ].join('\n'),
  );
}

function publishedText(view: PublishedView): string {
  const filled = view.days.reduce((n, d) => n + d.slots.filter((s) => s.memberId !== null).length, 0);
  const total = view.days.reduce((n, d) => n + d.slots.length, 0);
  return `Published ${view.range.start} to ${view.range.end}: ${view.days.length} duty days, ${filled}/${total} slots filled.`;
}

const monthOptions: OptionSpecs = { year: YEAR_OPTION, month: MONTH_OPTION };

registerCommand({
  name: 'publish',
  summary: 'Publish the saved draft of a month.',
  usage: 'publish --year Y --month M [--anyway] [--data-dir DIR]',
  options: { ...monthOptions, anyway: { type: 'boolean', description: 'publish even though slots break a hard rule' } },
  async run(args, ctx) {
    const month = monthOf(args);
    const view = await withBackend(ctx, async (backend) => {
      const draft = await backend.getDraft(month);
      if (!draft)
        throw notFound(`There is no draft for ${month.year}-${String(month.month).padStart(2, '0')}. Make one with propose first.`);
      return flag(args, 'anyway') ? backend.publishDraftAnyway(draft.id) : backend.publishDraft(draft.id);
    });
    ctx.out(publishedText(view));
  },
});

registerCommand({
  name: 'import',
  summary: 'Replace the club in the database with a club file (all or nothing).',
  usage: 'import --club FILE [--data-dir DIR]',
  options: { club: { type: 'string', valueName: 'FILE', description: 'club file (rostermeister-club/1 or /2)' } },
  async run(args, ctx) {
    const path = resolve(requiredString(args, 'club'));
    if (!existsSync(path)) throw new UsageError(`Cannot read the club file ${path}: there is no such file.`);
    const text = readFileSync(path, 'utf8');
    const result = await withBackend(ctx, (backend) => backend.importClubFile(text, basename(path)));
    ctx.out(
      `Imported ${result.members} members, ${result.roles} roles and ${result.publishedDays} published days; ` +
        `${result.draftsKept} draft(s) kept (${result.emptiedDraftSlots} slot(s) emptied), ${result.publishedMonthsKept} published month(s) unchanged. Backup: ${result.backup}`,
    );
    for (const warning of result.warnings) ctx.out(`Warning: ${warning}`);
  },
});

registerCommand({
  name: 'export-club',
  summary: 'Write the club in the database to a club file.',
  usage: 'export-club --out FILE [--data-dir DIR]',
  options: { out: { type: 'string', valueName: 'FILE', description: 'file to write' } },
  async run(args, ctx) {
    const path = resolve(requiredString(args, 'out'));
    const text = await withBackend(ctx, (backend) => backend.exportClub(), 'read');
    writeFileSync(path, text);
    ctx.out(`Wrote ${path}.`);
  },
});

registerCommand({
  name: 'backup create',
  summary: 'Make a backup of the database (in the data folder).',
  usage: 'backup create [--data-dir DIR]',
  options: {},
  async run(_args, ctx) {
    const info = await withBackend(ctx, (backend) => backend.createBackup());
    ctx.out(`Backup ${info.name} created (${info.sizeBytes} bytes).`);
  },
});

registerCommand({
  name: 'backup list',
  summary: 'List the database backups, newest first.',
  usage: 'backup list [--data-dir DIR]',
  options: {},
  async run(_args, ctx) {
    const { list, status } = await withBackend(
      ctx,
      async (backend) => ({ list: await backend.listBackups(), status: await backend.databaseStatus() }),
      'read',
    );
    if (status.state === 'recovery') ctx.err(`${status.message}\nRestore one of these with: backup restore NAME`);
    if (list.length === 0) ctx.out('No backups yet.');
    else {
      ctx.out(
        table([
          ['Name', 'Created', 'Bytes', 'Schema', 'Note'],
          ...list.map((b) => [
            b.name,
            b.createdAt,
            String(b.sizeBytes),
            b.schemaVersion === null ? '?' : String(b.schemaVersion),
            b.problem ?? '',
          ]),
        ]),
      );
    }
  },
});

registerCommand({
  name: 'backup restore',
  summary: 'Replace the database with a backup (the current one is backed up first).',
  usage: 'backup restore NAME [--data-dir DIR]',
  options: {},
  async run(args, ctx) {
    const name = args.positionals[0];
    if (!name || args.positionals.length > 1) throw new UsageError('Name one backup: backup restore NAME (see backup list).');
    const wasInRecovery = await withBackend(ctx, async (backend) => {
      const before = await backend.databaseStatus();
      await backend.restoreBackup(name);
      return before.state === 'recovery';
    });
    ctx.out(
      wasInRecovery
        ? `Restored ${name}. The database that could not be used is kept in the set-aside folder.`
        : `Restored ${name}. The database as it was before is kept as a "before-restore" backup.`,
    );
  },
});

const SETTING_KEYS = ['scheduler', 'shadowMode', 'timeLimitSeconds', 'monthOverrides.YYYY-MM', 'backupsKept'];
const BACKUPS_KEPT = 'backupsKept';

function settingValue(settings: Settings, key: string): unknown {
  if (key.startsWith('monthOverrides.')) return settings.monthOverrides[key.slice('monthOverrides.'.length)] ?? null;
  if (key in settings) return settings[key as keyof Settings];
  throw badInput(`Unknown setting "${key}". Settings: ${SETTING_KEYS.join(', ')}.`, 'key');
}

/** The settings with KEY set from its command-line text. */
function withSetting(settings: Settings, key: string, value: string): Settings {
  const next: Settings = { ...settings, monthOverrides: { ...settings.monthOverrides } };
  if (key === 'scheduler') {
    if (value !== 'legacy' && value !== 'optimizer') throw badInput('scheduler is "legacy" or "optimizer".', 'value');
    next.scheduler = value;
  } else if (key === 'shadowMode') {
    if (value !== 'true' && value !== 'false') throw badInput('shadowMode is "true" or "false".', 'value');
    next.shadowMode = value === 'true';
  } else if (key === 'timeLimitSeconds') {
    const seconds = Number(value);
    if (value.trim() === '' || !Number.isFinite(seconds))
      throw badInput(`timeLimitSeconds is a number of seconds, not "${value}".`, 'value');
    next.timeLimitSeconds = seconds;
  } else if (key.startsWith('monthOverrides.')) {
    const month = key.slice('monthOverrides.'.length);
    if (value === 'none') delete next.monthOverrides[month];
    else if (value === 'legacy' || value === 'optimizer') next.monthOverrides[month] = value;
    else throw badInput(`A month override is "legacy", "optimizer" or "none" (to remove it).`, 'value');
  } else {
    throw badInput(`Unknown setting "${key}". Settings: ${SETTING_KEYS.join(', ')}.`, 'key');
  }
  return next;
}

registerCommand({
  name: 'settings get',
  summary: 'Print the settings (or one of them).',
  usage: 'settings get [KEY] [--data-dir DIR]',
  options: {},
  async run(args, ctx) {
    const key = args.positionals[0];
    if (key === BACKUPS_KEPT) {
      ctx.out(String(await withBackend(ctx, (backend) => backend.getBackupsKept(), 'read')));
      return;
    }
    const settings = await withBackend(ctx, (backend) => backend.getSettings(), 'read');
    ctx.out(JSON.stringify(key === undefined ? settings : settingValue(settings, key), null, 2));
  },
});

registerCommand({
  name: 'settings set',
  summary: 'Change a setting; it applies from the next generation on.',
  usage: `settings set KEY VALUE [--data-dir DIR]   (KEY: ${SETTING_KEYS.join(', ')})`,
  options: {},
  async run(args, ctx) {
    const [key, value] = args.positionals;
    if (key === undefined || value === undefined || args.positionals.length > 2)
      throw new UsageError('Give a key and a value: settings set KEY VALUE.');
    if (key === BACKUPS_KEPT) {
      const count = Number(value);
      if (!Number.isInteger(count) || count < 1 || count > MAX_BACKUPS_KEPT) {
        throw badInput(`backupsKept is a whole number of backups from 1 to ${MAX_BACKUPS_KEPT}, not "${value}".`, 'value');
      }
      await withBackend(ctx, (backend) => backend.setBackupsKept(count));
      ctx.out(`Keeping the newest ${count} backups (and always the newest good one).`);
      return;
    }
    const saved = await withBackend(ctx, async (backend) => backend.updateSettings(withSetting(await backend.getSettings(), key, value)));
    ctx.out(JSON.stringify(saved, null, 2));
  },
});

registerCommand({
  name: 'db status',
  summary: 'Show the database file, whether it can be used, and its schema migrations.',
  usage: 'db status [--data-dir DIR]',
  options: {},
  async run(_args, ctx) {
    const dataDir = resolveDataDir(ctx.dataDir);
    const file = databasePath(dataDir);
    const lines = [`Database: ${file}`];
    if (!existsSync(file)) {
      lines.push('(not created yet: it is made, and migrated, the first time the app or a store command runs)');
      lines.push(`Schema version 0 of ${CURRENT_VERSION}`, '', migrationTable(new Map()));
      ctx.out(lines.join('\n'));
      return 0;
    }
    const check = checkDatabaseFile(file);
    if (!check.usable) {
      lines.push(`It cannot be used: ${describeProblem(check)}.`, `Detail: ${check.detail}`);
      if (check.version !== null)
        lines.push(`Schema version ${check.version}; this version of Rostermeister knows up to ${CURRENT_VERSION}.`);
      lines.push('See the backups with: backup list; restore one with: backup restore NAME.');
      ctx.out(lines.join('\n'));
      return 2;
    }
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      const applied = new Map(
        (db.prepare('SELECT version, name, applied_at FROM schema_migrations ORDER BY version').all() as AppliedRow[]).map((r) => [
          r.version,
          r,
        ]),
      );
      lines.push(
        `Schema version ${check.version} of ${CURRENT_VERSION}${check.version < CURRENT_VERSION ? ' (the rest is applied when the app or a store command next opens it)' : ''}`,
        '',
      );
      lines.push(migrationTable(applied));
    } finally {
      db.close();
    }
    ctx.out(lines.join('\n'));
    return 0;
  },
});

interface AppliedRow {
  version: number;
  name: string;
  applied_at: string;
}

function migrationTable(applied: Map<number, AppliedRow>): string {
  return table([
    ['Version', 'Migration', 'Applied'],
    ...MIGRATIONS.map((m) => [String(m.version), m.name, applied.get(m.version)?.applied_at ?? 'pending']),
  ]);
}
