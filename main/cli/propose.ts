import type { SchedulerKind } from '../../solver/types.ts';
import { DEFAULT_TIME_LIMIT_MS, generateRoster } from '../scheduler/generate.ts';
import { prewarmOptimizerWorker } from '../scheduler/workerClient.ts';
import { flag, integerOption, oneOf, positiveNumberOption, type OptionSpecs, type ParsedArgs } from './args.ts';
import { clubFromArgs, CLUB_OPTION } from './club.ts';
import { buildProblem } from '../../solver/problem.ts';
import { monthRange } from '../../solver/dates.ts';
import { registerCommand } from './command.ts';
import { rosterReport } from './rosterText.ts';
import { monthRangeFromArgs, RANGE_OPTIONS, RANGE_USAGE } from './monthRange.ts';
import { proposeInStore, usesStore } from './storeCommands.ts';

const SCHEDULERS: readonly SchedulerKind[] = ['legacy', 'optimizer'];
export const MAX_SEED = 2 ** 32 - 1;

export const SEED_OPTION = { type: 'string', valueName: 'N', description: 'seed for the legacy scheduler (default: a new one)' } as const;
export const TIME_LIMIT_OPTION = {
  type: 'string',
  valueName: 'S',
  description: `optimizer time limit in seconds (default ${DEFAULT_TIME_LIMIT_MS / 1000})`,
} as const;

const options: OptionSpecs = {
  ...RANGE_OPTIONS,
  club: CLUB_OPTION,
  scheduler: { type: 'string', valueName: 'legacy|optimizer', description: 'which scheduler (default legacy)' },
  seed: SEED_OPTION,
  'time-limit': TIME_LIMIT_OPTION,
  json: { type: 'boolean', description: 'print the roster document (the whole range) as JSON' },
};

export function timeLimitMsFromArgs(args: ParsedArgs): number | undefined {
  const seconds = positiveNumberOption(args, 'time-limit');
  return seconds === undefined ? undefined : Math.round(seconds * 1000);
}

registerCommand({
  name: 'propose',
  summary: 'Propose a roster for a month or a run of up to 12 months and print it.',
  usage: `propose ${RANGE_USAGE} [--club FILE] [--scheduler legacy|optimizer] [--seed N] [--time-limit S] [--json]`,
  options,
  async run(args, ctx) {
    if (usesStore(args, ctx)) return proposeInStore(args, ctx);
    const { year, month, months } = monthRangeFromArgs(args);
    const scheduler = oneOf(args, 'scheduler', SCHEDULERS, 'legacy');
    // The worker starts while the club file is read.
    if (scheduler === 'optimizer') prewarmOptimizerWorker();
    const seed = integerOption(args, 'seed', { min: 0, max: MAX_SEED });
    const timeLimitMs = timeLimitMsFromArgs(args);
    const club = clubFromArgs(args, ctx);
    const problem = buildProblem(club, monthRange(year, month, months));

    const roster = await generateRoster(problem, { scheduler, seed, timeLimitMs, log: ctx.log });
    ctx.out(flag(args, 'json') ? JSON.stringify(roster, null, 2) : rosterReport(roster, club));
  },
});
