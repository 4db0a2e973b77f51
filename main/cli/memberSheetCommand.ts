import { existsSync, readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { ColumnMapping, MemberSheetPreview } from '../api/contract.ts';
import { createBackend } from '../backend/index.ts';
import { resolveDataDir } from '../dataDir.ts';
import { flag, listOption, requiredString, UsageError, type ParsedArgs } from './args.ts';
import { registerCommand } from './command.ts';
import { table } from './rosterText.ts';

/** `--map "Column=field"`: the field by its key or its form label; `-` or nothing ignores the column. */
function mappingFrom(args: ParsedArgs, preview: MemberSheetPreview): ColumnMapping {
  const mapping: ColumnMapping = { ...preview.mapping };
  for (const entry of listOption(args, 'map')) {
    const eq = entry.lastIndexOf('=');
    if (eq <= 0) throw new UsageError(`--map takes COLUMN=FIELD, e.g. --map "Monthly limit=maxPerMonth", not "${entry}".`);
    const column = entry.slice(0, eq).trim();
    const wanted = entry
      .slice(eq + 1)
      .trim()
      .toLowerCase();
    if (!preview.headers.includes(column))
      throw new UsageError(
        `--map names the column "${column}", but the sheet's columns are ${preview.headers.map((h) => `"${h}"`).join(', ')}.`,
      );
    if (wanted === '' || wanted === '-') {
      mapping[column] = null;
      continue;
    }
    const field = preview.fields.find((f) => f.key.toLowerCase() === wanted || f.label.toLowerCase() === wanted);
    if (!field)
      throw new UsageError(
        `--map: "${entry.slice(eq + 1)}" is not a member field (one of ${preview.fields.map((f) => f.key).join(', ')}).`,
      );
    mapping[column] = field.key;
  }
  return mapping;
}

function previewText(preview: MemberSheetPreview): string {
  const labels = new Map(preview.fields.map((f) => [f.key, f.label]));
  const lines = [
    table([
      ['Column', 'Fills'],
      ...preview.headers.map((h) => {
        const field = preview.mapping[h];
        return [h, field ? `${labels.get(field)} (${field})` : '(ignored)'];
      }),
    ]),
  ];
  if (preview.mappingProblem !== null) return lines.join('\n');
  lines.push(
    '',
    table([
      ['Row', 'Member', 'Action', 'Problems'],
      ...preview.rows.map((r) => [String(r.row), `${r.name} (${r.id})`, r.action, r.errors.join(' ') || '—']),
    ]),
    '',
    `${preview.adds} to add, ${preview.updates} to change, ${preview.rowsWithErrors} row(s) with problems.`,
  );
  return lines.join('\n');
}

registerCommand({
  name: 'import-members',
  summary: 'Add and change members from a spreadsheet (CSV or XLSX), all or nothing.',
  usage: 'import-members --file F [--map "COLUMN=FIELD" ...] [--preview] [--data-dir DIR]',
  options: {
    file: { type: 'string', valueName: 'F', description: 'the spreadsheet: .csv (UTF-8) or .xlsx' },
    map: {
      type: 'string',
      valueName: 'COLUMN=FIELD',
      repeatable: true,
      description: 'which member field a column fills (key or form label; - ignores it); others are guessed from the headers',
    },
    preview: { type: 'boolean', description: 'only show what would be imported' },
  },
  async run(args, ctx) {
    const path = resolve(requiredString(args, 'file'));
    if (!existsSync(path)) throw new UsageError(`Cannot read the spreadsheet ${path}: there is no such file.`);
    const data = readFileSync(path).toString('base64');
    const name = basename(path);
    const backend = await createBackend({
      dataDir: resolveDataDir(ctx.dataDir),
      logger: ctx.log,
      access: flag(args, 'preview') ? 'read' : 'write',
    });
    try {
      const guessed = await backend.previewMemberSheet(name, data, null);
      const preview = await backend.previewMemberSheet(name, data, mappingFrom(args, guessed));
      ctx.out(previewText(preview));
      if (preview.mappingProblem !== null) throw new UsageError(preview.mappingProblem);
      if (flag(args, 'preview')) return;
      if (preview.rowsWithErrors > 0)
        throw new UsageError(`Nothing was imported: ${preview.rowsWithErrors} row(s) have problems (see above). Fix them and run again.`);
      const result = await backend.importMemberSheet(name, data, preview.mapping);
      ctx.out(`Imported: ${result.added} added, ${result.updated} changed. Backup: ${result.backup}`);
    } finally {
      await backend.close();
    }
  },
});
