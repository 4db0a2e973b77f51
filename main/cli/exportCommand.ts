import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { ExportFormat } from '../api/contract.ts';
import { ApiError } from '../api/errors.ts';
import { createBackend } from '../backend/index.ts';
import { resolveDataDir } from '../dataDir.ts';
import { flag, oneOf, requiredString, stringOption, UsageError, type OptionSpecs } from './args.ts';
import { registerCommand } from './command.ts';
import { monthRangeFromArgs, RANGE_OPTIONS, RANGE_USAGE } from './monthRange.ts';

const FORMATS: readonly ExportFormat[] = ['csv', 'csv-long', 'ics', 'pdf', 'dutyman', 'xlsx'];
const PAPERS = ['A4', 'Letter'] as const;

const options: OptionSpecs = {
  ...RANGE_OPTIONS,
  format: {
    type: 'string',
    valueName: 'FORMAT',
    description: "csv (a row per duty day), csv-long (a row per slot), ics, pdf, dutyman (DutyMan's duty upload CSV), or xlsx (a workbook)",
  },
  member: { type: 'string', valueName: 'ID', description: "only this member's duties (csv, csv-long, ics, pdf, dutyman, xlsx)" },
  bom: { type: 'boolean', description: 'start CSV with a UTF-8 byte order mark (for spreadsheet programs)' },
  paper: { type: 'string', valueName: 'A4|Letter', description: 'PDF paper size (default A4)' },
  out: { type: 'string', valueName: 'PATH', description: 'file to write, or a folder to write the file into' },
};

registerCommand({
  name: 'export',
  summary: 'Export a published month or run of months as CSV, calendar (ICS), a printable PDF sheet or a DutyMan upload.',
  usage: `export ${RANGE_USAGE} --format csv|csv-long|ics|pdf|dutyman|xlsx [--member ID] [--bom] [--paper A4|Letter] --out PATH`,
  options,
  async run(args, ctx) {
    const range = monthRangeFromArgs(args);
    requiredString(args, 'format');
    const format = oneOf(args, 'format', FORMATS, 'csv');
    if (flag(args, 'bom') && format !== 'csv' && format !== 'csv-long')
      throw new UsageError(`Option --bom applies to csv and csv-long only, not ${format}.`);
    const paper = oneOf(args, 'paper', PAPERS, 'A4');
    const memberId = stringOption(args, 'member');
    const out = resolve(requiredString(args, 'out'));

    const backend = await createBackend({
      dataDir: resolveDataDir(ctx.dataDir),
      access: 'read',
      logger: ctx.log,
      fontDir: join(ctx.packageRoot, 'assets', 'fonts'),
    });
    try {
      const file = await backend.exportPublished({
        year: range.year,
        month: range.month,
        ...(range.months > 1 ? { months: range.months } : {}),
        format,
        ...(memberId === undefined ? {} : { memberId }),
        ...(flag(args, 'bom') ? { bom: true } : {}),
        ...(format === 'pdf' ? { paper } : {}),
      });
      const path = existsSync(out) && statSync(out).isDirectory() ? join(out, file.fileName) : out;
      mkdirSync(dirname(path), { recursive: true });
      const bytes = Buffer.from(file.base64, 'base64');
      writeFileSync(path, bytes);
      ctx.out(`Wrote ${path} (${bytes.length} bytes).`);
      return 0;
    } catch (error) {
      if (error instanceof ApiError && error.code === 'not_found') {
        ctx.err(`${error.message} No file was written.`);
        return 2;
      }
      throw error;
    } finally {
      await backend.close();
    }
  },
});
