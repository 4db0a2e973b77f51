import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createBackend } from '../backend/index.ts';
import { resolveDataDir } from '../dataDir.ts';
import { FIRST_YEAR, LAST_YEAR } from '../../solver/limits.ts';
import { integerOption, requiredInteger, requiredString, UsageError, type OptionSpecs } from './args.ts';
import { MONTH_OPTION, YEAR_OPTION } from './club.ts';
import { registerCommand } from './command.ts';

const options: OptionSpecs = {
  year: YEAR_OPTION,
  month: MONTH_OPTION,
  since: { type: 'string', valueName: 'N', description: 'compare with version N of the month (default: the version before the latest)' },
  out: { type: 'string', valueName: 'DIR', description: 'folder to write the .eml drafts and the mailing-list text into' },
};

/** A file name not yet used in this run: `name.eml`, then `name-2.eml`, ... (two members may share a name). */
function unique(fileName: string, used: Set<string>): string {
  const dot = fileName.lastIndexOf('.');
  let candidate = fileName;
  for (let n = 2; used.has(candidate); n++) candidate = `${fileName.slice(0, dot)}-${n}${fileName.slice(dot)}`;
  used.add(candidate);
  return candidate;
}

registerCommand({
  name: 'notify',
  summary: "Write the messages that tell members what a month's latest version changed for them (.eml drafts; nothing is sent).",
  usage: 'notify --year Y --month M [--since N] --out DIR',
  options,
  async run(args, ctx) {
    const year = requiredInteger(args, 'year', { min: FIRST_YEAR, max: LAST_YEAR });
    const month = requiredInteger(args, 'month', { min: 1, max: 12 });
    const since = integerOption(args, 'since', { min: 1, max: Number.MAX_SAFE_INTEGER }) ?? null;
    const out = resolve(requiredString(args, 'out'));
    if (existsSync(out) && !statSync(out).isDirectory()) throw new UsageError(`Option --out must be a folder; ${out} is a file.`);

    const backend = await createBackend({ dataDir: resolveDataDir(ctx.dataDir), access: 'read', logger: ctx.log });
    try {
      const view = await backend.tellMembers({ year, month }, since);
      mkdirSync(out, { recursive: true });
      const used = new Set<string>();
      for (const notice of view.members) {
        const path = join(out, unique(notice.eml.fileName, used));
        writeFileSync(path, Buffer.from(notice.eml.base64, 'base64'));
        ctx.out(`${notice.memberName}: ${notice.changes.length === 0 ? notice.duties.join('; ') : notice.changes.join('; ')}`);
      }
      const list = join(out, `mailing-list-${year}-${String(month).padStart(2, '0')}.txt`);
      writeFileSync(list, view.copyAll);
      const against = view.since === null ? 'first publication' : `against version ${view.since}`;
      ctx.out(
        `Version ${view.version} (${against}): ${view.members.length} members affected. Wrote their .eml drafts and ${list} to ${out}.`,
      );
      return 0;
    } finally {
      await backend.close();
    }
  },
});
