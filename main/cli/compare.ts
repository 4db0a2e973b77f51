import { acceptance, compareRosters, type Acceptance, type RosterComparison } from '../../solver/metrics.ts';
import { newSeed } from '../../solver/random.ts';
import { fairnessWindow } from '../../solver/fairnessWindow.ts';
import type { Club, FairnessWindow, IsoDate, RosterDocument, SchedulingProblem } from '../../solver/types.ts';
import { spacingBreaks, type SpacingBreak } from '../../solver/validate.ts';
import type { Logger } from '../log.ts';
import { generateRoster } from '../scheduler/generate.ts';
import { prewarmOptimizerWorker } from '../scheduler/workerClient.ts';
import { flag, integerOption, type OptionSpecs } from './args.ts';
import { clubFromArgs, CLUB_OPTION } from './club.ts';
import { monthRange } from '../../solver/dates.ts';
import { buildProblem } from '../../solver/problem.ts';
import { monthRangeFromArgs, rangeLabel, RANGE_OPTIONS, RANGE_USAGE } from './monthRange.ts';
import { registerCommand } from './command.ts';
import { MAX_SEED, SEED_OPTION, TIME_LIMIT_OPTION, timeLimitMsFromArgs } from './propose.ts';
import { compareInStore, usesStore } from './storeCommands.ts';
import {
  dayLabel,
  differenceLines,
  fairnessWindowLabel,
  formatGap,
  roleTitler,
  schedulerLine,
  spreadOf,
  table,
  windowFigure,
  type Spread,
} from './rosterText.ts';

export interface LegacyRuns {
  runs: number;
  seeds: number[];
  fill_rate_percent: Spread;
  fairness_variance: Spread;
  fairness_variance_all: Spread;
  solve_time_ms: Spread;
}

export interface ComparisonReport {
  metadata: {
    year: number;
    month: number;
    /** How many months from year/month the comparison covers. */
    months: number;
    comparison_time: string;
    members: number;
    duty_days: number;
    roles: number;
    total_slots: number;
    /** Which published duties the window figures count (club.fairnessWindow) and the dates it spans. */
    fairness_window: { kind: FairnessWindow; start: IsoDate; end: IsoDate };
  };
  legacy: RosterDocument;
  optimizer: RosterDocument;
  differences: RosterComparison;
  acceptance: Acceptance;
  /** The strict spacing rules each roster breaks (DOMAIN.md "Spacing rules"). */
  spacing_breaks: { legacy: SpacingBreak[]; optimizer: SpacingBreak[] };
  /** Present with --legacy-runs K: legacy figures over K seeds (the first is the legacy roster's seed). */
  legacy_runs?: LegacyRuns;
}

const options: OptionSpecs = {
  ...RANGE_OPTIONS,
  club: CLUB_OPTION,
  seed: SEED_OPTION,
  'legacy-runs': { type: 'string', valueName: 'K', description: 'also run legacy with K seeds and give mean/min/max' },
  'time-limit': TIME_LIMIT_OPTION,
  json: { type: 'boolean', description: 'print the comparison as JSON' },
};

registerCommand({
  name: 'compare',
  summary: 'Run both schedulers on a month or a run of up to 12 months and compare them.',
  usage: `compare ${RANGE_USAGE} [--club FILE] [--seed N] [--legacy-runs K] [--time-limit S] [--json] [--verbose]`,
  options,
  async run(args, ctx) {
    if (usesStore(args, ctx)) return compareInStore(args, ctx);
    const { year, month, months } = monthRangeFromArgs(args);
    const seed = integerOption(args, 'seed', { min: 0, max: MAX_SEED }) ?? newSeed();
    const legacyRuns = integerOption(args, 'legacy-runs', { min: 1, max: 1000 });
    const timeLimitMs = timeLimitMsFromArgs(args);
    // The optimizer's worker starts while the club file is read.
    prewarmOptimizerWorker();
    const club = clubFromArgs(args, ctx);
    const problem = buildProblem(club, monthRange(year, month, months));

    const legacy = await generateRoster(problem, { scheduler: 'legacy', seed, log: ctx.log });
    const optimizer = await generateRoster(problem, { scheduler: 'optimizer', seed, timeLimitMs, log: ctx.log });
    const report: ComparisonReport = {
      metadata: {
        year,
        month,
        months,
        comparison_time: new Date().toISOString(),
        members: club.members.length,
        duty_days: problem.dutyDays.length,
        roles: problem.roles.length,
        total_slots: problem.dutyDays.length * problem.roles.length,
        fairness_window: windowOf(club, problem),
      },
      legacy,
      optimizer,
      differences: compareRosters(legacy.assignments, optimizer.assignments),
      acceptance: acceptanceOf(legacy, optimizer),
      spacing_breaks: { legacy: spacingBreaks(problem, legacy.assignments), optimizer: spacingBreaks(problem, optimizer.assignments) },
    };
    if (legacyRuns !== undefined) report.legacy_runs = await runLegacyMany(problem, seed, legacyRuns, ctx.log);

    ctx.out(flag(args, 'json') ? JSON.stringify(report, null, 2) : comparisonText(report, club, ctx.verbose));
  },
});

function windowOf(club: Club, problem: SchedulingProblem): ComparisonReport['metadata']['fairness_window'] {
  const { kind, span } = fairnessWindow(club, problem.range);
  return { kind, ...span };
}

/** A roster the optimizer did not make (it fell back to legacy) cannot pass, whatever its figures. */
function acceptanceOf(legacy: RosterDocument, optimizer: RosterDocument): Acceptance {
  const result = acceptance(legacy.metrics, optimizer.metrics);
  return optimizer.fallback ? { ...result, passed: false } : result;
}

async function runLegacyMany(problem: SchedulingProblem, firstSeed: number, runs: number, log: Logger): Promise<LegacyRuns> {
  const seeds = Array.from({ length: runs }, (_, i) => (firstSeed + i) % (MAX_SEED + 1));
  const docs: RosterDocument[] = [];
  for (const seed of seeds) docs.push(await generateRoster(problem, { scheduler: 'legacy', seed, log }));
  return {
    runs,
    seeds,
    fill_rate_percent: spreadOf(docs.map((d) => d.metrics.fill_rate_percent)),
    fairness_variance: spreadOf(docs.map((d) => d.metrics.fairness_variance)),
    fairness_variance_all: spreadOf(docs.map((d) => d.metrics.fairness_variance_all)),
    solve_time_ms: spreadOf(docs.map((d) => d.metrics.solve_time_ms)),
  };
}

const SPACING_RULE_TEXT: Record<SpacingBreak['rule'], string> = {
  neighbouring_day: 'neighbouring duty day',
  carry_over: 'last published day',
  seven_days: '7 days apart',
};

function comparisonText(report: ComparisonReport, club: Club, verbose: boolean): string {
  const { metadata: meta, legacy, optimizer, differences, acceptance: acc, spacing_breaks: breaks } = report;
  const mark = (ok: boolean) => (ok ? 'yes' : 'NO');
  const row = (label: string, pick: (doc: RosterDocument) => string | number) => [label, String(pick(legacy)), String(pick(optimizer))];
  const lines = [
    `${club.name}: ${rangeLabel(meta)}, ${meta.duty_days} duty days x ${meta.roles} roles = ${meta.total_slots} slots, ${meta.members} members`,
    `Fairness window: ${fairnessWindowLabel(club, legacy.range)}`,
    '',
    table([
      ['', 'legacy', 'optimizer'],
      row('Scheduler', schedulerLine),
      row('Filled slots', (d) => `${d.metrics.filled_slots}/${d.metrics.total_slots}`),
      row('Fill rate', (d) => `${d.metrics.fill_rate_percent}%`),
      row('Fairness variance', (d) => d.metrics.fairness_variance),
      row('Fairness (all eligible)', (d) => d.metrics.fairness_variance_all),
      row('Window variance', (d) => windowFigure(d.metrics, 'window_fairness_variance')),
      row('Window sum of squares', (d) => windowFigure(d.metrics, 'window_sum_of_squares')),
      ...(legacy.metrics.window_quota_distance == null
        ? []
        : [row('Window distance to quota', (d) => windowFigure(d.metrics, 'window_quota_distance'))]),
      ['Spacing breaks', String(breaks.legacy.length), String(breaks.optimizer.length)],
      row('Solve time', (d) => `${d.metrics.solve_time_ms} ms`),
      row('Gap', (d) => formatGap(d.gap)),
    ]),
  ];
  if (optimizer.fallback) {
    lines.push(
      '',
      `The optimizer FAILED: ${optimizer.fallback.reason}`,
      'Its column shows the legacy roster made instead; it is not accepted.',
    );
  }
  const runs = report.legacy_runs;
  if (runs) {
    const spread = (s: Spread, unit = '') => `mean ${s.mean}${unit}, min ${s.min}${unit}, max ${s.max}${unit}`;
    lines.push(
      '',
      `Legacy over ${runs.runs} seeds (${runs.seeds[0]}..):`,
      `  fill rate          ${spread(runs.fill_rate_percent, '%')}`,
      `  fairness variance  ${spread(runs.fairness_variance)}`,
      `  solve time         ${spread(runs.solve_time_ms, ' ms')}`,
    );
  }
  lines.push(
    '',
    `Differences: ${differences.changed_slots} slots on ${differences.changed_dates} dates.`,
    optimizer.fallback
      ? 'Acceptance: none, the optimizer failed -> NOT passed'
      : `Acceptance: fill rate ${mark(acc.fill_rate)}, fairness ${mark(acc.fairness)}, solve time ${mark(acc.solve_time)} -> ${acc.passed ? 'passed' : 'NOT passed'}`,
  );
  if (verbose) {
    if (differences.slot_differences.length > 0) lines.push('', 'Every difference:', ...differenceLines(differences, legacy, club));
    for (const doc of [legacy, optimizer]) {
      const title = roleTitler(doc);
      const side = doc === legacy ? 'legacy' : 'optimizer';
      lines.push('', doc.diagnostics.length > 0 ? `Empty slots (${side}):` : `Empty slots (${side}): none`);
      for (const d of doc.diagnostics) lines.push(`  ${dayLabel(d.date)}  ${title(d.role)}: ${d.summary}`);
    }
    for (const side of ['legacy', 'optimizer'] as const) {
      const title = roleTitler(report[side]);
      const names = new Map(club.members.map((m) => [m.id, m.name]));
      lines.push('', breaks[side].length > 0 ? `Spacing breaks (${side}):` : `Spacing breaks (${side}): none`);
      for (const b of breaks[side]) {
        lines.push(
          `  ${dayLabel(b.date)}  ${title(b.role)}: ${names.get(b.memberId) ?? b.memberId}, also on ${dayLabel(b.otherDate)} (${SPACING_RULE_TEXT[b.rule]})`,
        );
      }
    }
  }
  return lines.join('\n');
}
