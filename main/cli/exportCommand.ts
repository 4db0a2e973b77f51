import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { ExportFormat } from '../api/contract.ts';
import { ApiError } from '../api/errors.ts';
import { createBackend } from '../backend/index.ts';
import { resolveDataDir } from '../dataDir.ts';
import { MONTH_NAMES } from '../export/common.ts';
import { flag, oneOf, requiredInteger, requiredString, stringOption, type OptionSpecs } from './args.ts';
import { MONTH_OPTION, YEAR_OPTION } from './club.ts';
import { registerCommand } from './command.ts';
import { FIRST_YEAR, LAST_YEAR } from '../../solver/limits.ts';

const FORMATS: readonly ExportFormat[] = ['csv', 'csv-long', 'ics', 'pdf'];
const PAPERS = ['A4', 'Letter'] as const;

const options: OptionSpecs = {
  year: YEAR_OPTION,
  month: MONTH_OPTION,
  format: { type: 'string', valueName: 'FORMAT', description: 'csv (a row per duty day), csv-long (a row per slot), ics or pdf' },
  member: { type: 'string', valueName: 'ID', description: "only this member's duties (csv, csv-long, ics, pdf)" },
  bom: { type: 'boolean', description: 'start CSV with a UTF-8 byte order mark (for spreadsheet programs)' },
  paper: { type: 'string', valueName: 'A4|Letter', description: 'PDF paper size (default A4)' },
  out: { type: 'string', valueName: 'PATH', description: 'file to write, or a folder to write the file into' },
};

registerCommand({
  name: 'export',
  summary: 'Export a published month as CSV, calendar (ICS) or a printable PDF sheet.',
  usage: 'export --year Y --month M --format csv|csv-long|ics|pdf [--member ID] [--bom] [--paper A4|Letter] --out PATH',
  options,
  async run(args, ctx) {
    const year = requiredInteger(args, 'year', { min: FIRST_YEAR, max: LAST_YEAR });
    const month = requiredInteger(args, 'month', { min: 1, max: 12 });
    requiredString(args, 'format');
    const format = oneOf(args, 'format', FORMATS, 'csv');
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
      if ((await backend.getPublished({ year, month })) === null) {
        ctx.err(`No published roster for ${MONTH_NAMES[month - 1]} ${year} — publish a draft first. No file was written.`);
        return 2;
      }
      const file = await backend.exportPublished({
        year,
        month,
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
