import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseClubFile } from '../../solver/clubFile.ts';
import type { Club } from '../../solver/types.ts';
import { stringOption, UsageError, type OptionSpec, type ParsedArgs } from './args.ts';
import type { CliContext } from './command.ts';

/** Club file and month options shared by the roster commands. */

export const CLUB_OPTION: OptionSpec = {
  type: 'string',
  valueName: 'FILE',
  description: 'club file (rostermeister-club/1 or /2); default: the demo club',
};
export const YEAR_OPTION: OptionSpec = { type: 'string', valueName: 'Y', description: 'year, e.g. 2026' };
export const MONTH_OPTION: OptionSpec = { type: 'string', valueName: 'M', description: 'month, 1-12' };

const DEMO_CLUB_PATH = 'assets/demo-club.json';

/** Reads and checks a club file; a missing or unreadable file is bad input like a malformed one. */
export function readClubFile(path: string): Club {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'there is no such file' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message;
    throw new UsageError(`Cannot read the club file ${path}: ${why}.`);
  }
  return parseClubFile(text);
}

/** The club named by --club, or the demo club shipped with the app. */
export function clubFromArgs(args: ParsedArgs, ctx: CliContext): Club {
  const path = stringOption(args, 'club');
  return readClubFile(path !== undefined ? resolve(path) : join(ctx.packageRoot, DEMO_CLUB_PATH));
}
