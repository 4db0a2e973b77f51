import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseClubFile } from '../../solver/clubFile.ts';
import { monthRange } from '../../solver/dates.ts';
import { buildProblem } from '../../solver/problem.ts';
import type { Club, SchedulingProblem } from '../../solver/types.ts';
import { requiredInteger, stringOption, UsageError, type OptionSpec, type ParsedArgs } from './args.ts';
import type { CliContext } from './command.ts';
import { FIRST_YEAR, LAST_YEAR } from '../../solver/limits.ts';

/** Club file and month options shared by the roster commands. */

export const CLUB_OPTION: OptionSpec = {
  type: 'string',
  valueName: 'FILE',
  description: 'club file (rostermeister-club/1); default: the demo club',
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

export function monthFromArgs(args: ParsedArgs): { year: number; month: number } {
  return {
    year: requiredInteger(args, 'year', { min: FIRST_YEAR, max: LAST_YEAR }),
    month: requiredInteger(args, 'month', { min: 1, max: 12 }),
  };
}

export function monthProblem(club: Club, year: number, month: number): SchedulingProblem {
  return buildProblem(club, monthRange(year, month));
}
