import type { MonthRef } from '../api/contract.ts';
import { FIRST_YEAR, LAST_YEAR } from '../../solver/limits.ts';
import { MAX_RANGE_MONTHS } from '../../solver/problem.ts';
import { integerOption, requiredInteger, stringOption, UsageError, type OptionSpecs, type ParsedArgs } from './args.ts';
import { MONTH_OPTION, YEAR_OPTION } from './club.ts';

/**
 * The months a roster command works on: `--year Y --month M [--months N]` (N months from there), or
 * `--from YYYY-MM --to YYYY-MM` (both months included). At most MAX_RANGE_MONTHS either way.
 */

export const RANGE_OPTIONS: OptionSpecs = {
  year: YEAR_OPTION,
  month: MONTH_OPTION,
  months: { type: 'string', valueName: 'N', description: `how many months from --year/--month, 1-${MAX_RANGE_MONTHS} (default 1)` },
  from: { type: 'string', valueName: 'YYYY-MM', description: 'first month of a range (instead of --year/--month)' },
  to: { type: 'string', valueName: 'YYYY-MM', description: `last month of the range, at most ${MAX_RANGE_MONTHS} months from --from` },
};

export const RANGE_USAGE = '(--year Y --month M [--months N] | --from YYYY-MM --to YYYY-MM)';

function monthOption(args: ParsedArgs, name: 'from' | 'to'): { year: number; month: number } {
  const text = stringOption(args, name);
  if (text === undefined || text === '')
    throw new UsageError(`Option --${name} is required with --${name === 'from' ? 'to' : 'from'} (--${name} YYYY-MM).`);
  const match = /^(\d{4})-(\d{2})$/.exec(text);
  const year = match ? Number(match[1]) : NaN;
  const month = match ? Number(match[2]) : NaN;
  if (!(year >= FIRST_YEAR && year <= LAST_YEAR && month >= 1 && month <= 12)) {
    throw new UsageError(
      `Option --${name} must be a month as YYYY-MM from ${FIRST_YEAR}-01 to ${LAST_YEAR}-12, e.g. 2026-04, not "${text}".`,
    );
  }
  return { year, month };
}

/** The range the options name, as the API's MonthRef (months is always set). */
export function monthRangeFromArgs(args: ParsedArgs): Required<MonthRef> {
  if ('from' in args.values || 'to' in args.values) {
    const mixed = ['year', 'month', 'months'].filter((n) => n in args.values);
    if (mixed.length > 0)
      throw new UsageError(
        `Give either --from/--to or --year/--month/--months, not both (${mixed.map((n) => `--${n}`).join(', ')} with --from/--to).`,
      );
    const from = monthOption(args, 'from');
    const to = monthOption(args, 'to');
    const months = (to.year - from.year) * 12 + (to.month - from.month) + 1;
    if (months < 1) throw new UsageError(`Option --to (${stringOption(args, 'to')}) is before --from (${stringOption(args, 'from')}).`);
    if (months > MAX_RANGE_MONTHS) {
      throw new UsageError(`Option --to is ${months} months from --from counting both; a range covers at most ${MAX_RANGE_MONTHS} months.`);
    }
    return { ...from, months };
  }
  const year = requiredInteger(args, 'year', { min: FIRST_YEAR, max: LAST_YEAR });
  const month = requiredInteger(args, 'month', { min: 1, max: 12 });
  const months = integerOption(args, 'months', { min: 1, max: MAX_RANGE_MONTHS }) ?? 1;
  if (year * 12 + month - 1 + months - 1 > LAST_YEAR * 12 + 11) {
    throw new UsageError(
      `Option --months ${months} from ${year}-${String(month).padStart(2, '0')} runs past ${LAST_YEAR}, the last year Rostermeister plans.`,
    );
  }
  return { year, month, months };
}

/** "2026-04", or "2026-04 to 2026-10" for a run of months. */
export function rangeLabel(ref: Required<MonthRef>): string {
  const label = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  const first = ref.year * 12 + ref.month - 1;
  return ref.months === 1 ? label(first) : `${label(first)} to ${label(first + ref.months - 1)}`;
}
