import { writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, release } from 'node:os';
import { generateRoster } from '../main/scheduler/generate.ts';
import { monthRange } from '../solver/dates.ts';
import { solveOptimizer } from '../solver/optimizer/index.ts';
import { buildProblem } from '../solver/problem.ts';
import { spacingBreaks } from '../solver/validate.ts';
import { solveReference, startGlpk } from './referenceSolve.ts';
import type { DateRange, RosterDocument, SchedulingProblem } from '../solver/types.ts';
import { syntheticClub } from './syntheticClub.ts';

/**
 * `npm run bench`: both schedulers on synthetic clubs of the reference sizes. Legacy and the optimizer
 * (through generateRoster, so worker start, validation and metrics are included) run several times;
 * the optimizer also runs in-process for its solver-only time. Prints a markdown table and writes
 * bench/results.md. Nothing here asserts on time.
 */

/** `npm run bench -- --runs N` runs every case N times instead of its default (5 per month, 3 otherwise). */
function runsOverride(argv: string[]): number | null {
  const at = argv.indexOf('--runs');
  if (at === -1) return null;
  const runs = Number(argv[at + 1]);
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs needs a whole number of at least 1.');
  return runs;
}
const RUNS = runsOverride(process.argv.slice(2));
/** `npm run bench -- --only month` runs only the cases whose name contains the word. */
const ONLY = process.argv.includes('--only') ? (process.argv[process.argv.indexOf('--only') + 1] ?? '') : '';

interface BenchCase {
  name: string;
  members: number;
  roles: 4 | 6;
  range: DateRange;
  season: { start: string | null; end: string | null };
  runs: number;
}

const ALL_YEAR = { start: null, end: null };
const CASES: BenchCase[] = [
  ...[20, 50, 100, 150].map((members) => ({
    name: `month, ${members} members`,
    members,
    roles: 4 as const,
    range: monthRange(2026, 6),
    season: ALL_YEAR,
    runs: 5,
  })),
  ...[20, 80, 150, 300].map((members) => ({
    name: `season Apr-Oct, ${members} members`,
    members,
    roles: 6 as const,
    range: monthRange(2026, 4, 7),
    season: { start: 'First weekend of April', end: 'Last weekend of October' },
    runs: 3,
  })),
  { name: 'year of weekends, 300 members', members: 300, roles: 6, range: monthRange(2026, 1, 12), season: ALL_YEAR, runs: 3 },
  { name: 'year of weekends, 1000 members', members: 1000, roles: 6, range: monthRange(2026, 1, 12), season: ALL_YEAR, runs: 1 },
];

/** The reference GLPK solve stops here: on the largest clubs it does not finish in any useful time. */
const REFERENCE_LIMIT_MS = 120_000;
const glpk = await startGlpk();

interface CaseResult {
  bench: BenchCase;
  problem: SchedulingProblem;
  legacy: RosterDocument[];
  optimizer: RosterDocument[];
  solverOnlyMs: number[];
  /** Which tiers the in-process runs proved (fill and fairness), as 'fill+fairness' counts. */
  proven: string[];
  reference: ReturnType<typeof solveReference>;
  /** In-process optimizer runs that threw (the worker runs fall back and are counted in the status). */
  solverOnlyFailures: string[];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function runCase(bench: BenchCase): Promise<CaseResult> {
  const club = syntheticClub({
    members: bench.members,
    roles: bench.roles,
    seed: 1000 + bench.members,
    seasonStart: bench.season.start,
    seasonEnd: bench.season.end,
    range: bench.range,
  });
  const problem = buildProblem(club, bench.range);
  const reference = solveReference(glpk, problem, REFERENCE_LIMIT_MS);
  const result: CaseResult = { bench, problem, legacy: [], optimizer: [], solverOnlyMs: [], proven: [], reference, solverOnlyFailures: [] };
  for (let run = 1; run <= (RUNS ?? bench.runs); run++) {
    result.legacy.push(await generateRoster(problem, { scheduler: 'legacy', seed: run }));
    result.optimizer.push(await generateRoster(problem, { scheduler: 'optimizer' }));
    try {
      const solved = await solveOptimizer(problem, {});
      result.solverOnlyMs.push(solved.stats.buildMs + solved.stats.solveMs);
      const tiers = Object.entries(solved.proven).flatMap(([tier, proven]) => (proven ? [tier] : []));
      result.proven.push(tiers.length > 0 ? tiers.join('+') : 'none');
    } catch (error) {
      result.solverOnlyFailures.push(error instanceof Error ? error.message : String(error));
    }
  }
  return result;
}

function statusText(docs: RosterDocument[]): string {
  const fallbacks = docs.filter((d) => d.fallback).length;
  const solved = docs.filter((d) => !d.fallback);
  const counts = new Map<string, number>();
  for (const d of solved) counts.set(d.status, (counts.get(d.status) ?? 0) + 1);
  const parts = [...counts].map(([status, n]) => `${status} ${n}/${docs.length}`);
  if (fallbacks > 0) parts.push(`fallback ${fallbacks}/${docs.length}`);
  return parts.join(', ');
}

function gapText(docs: RosterDocument[]): string {
  const gaps = docs.filter((d) => !d.fallback && d.gap !== null).map((d) => d.gap!);
  if (gaps.length === 0) return '-';
  const percent = Math.max(...gaps) * 100;
  // Two significant digits: a tiny gap of a `feasible` run must not read as 0%.
  return `${percent === 0 ? 0 : Number(percent.toPrecision(2))}%`;
}

/** How often each set of proven tiers came out, e.g. 'fill+fairness 3/3'. */
function provenText(proven: string[]): string {
  const counts = new Map<string, number>();
  for (const p of proven) counts.set(p, (counts.get(p) ?? 0) + 1);
  return [...counts].map(([tiers, n]) => `${tiers} ${n}/${proven.length}`).join(', ') || '-';
}

function referenceText(reference: CaseResult['reference']): string {
  const fill = `${reference.filled}/${reference.slots} filled, squares ${reference.sumOfSquares}`;
  return `${Math.round(reference.ms)} (${reference.optimal ? 'optimal' : 'NOT optimal, stopped'}; ${fill})`;
}

function row(r: CaseResult): string[] {
  const pick = (docs: RosterDocument[], f: (d: RosterDocument) => number) => median(docs.map(f));
  const breaks = (d: RosterDocument) => spacingBreaks(r.problem, d.assignments).length;
  const legacyFill = pick(r.legacy, (d) => d.metrics.fill_rate_percent);
  const optimizerFill = pick(r.optimizer, (d) => d.metrics.fill_rate_percent);
  const legacyFairness = pick(r.legacy, (d) => d.metrics.fairness_variance);
  const optimizerFairness = pick(r.optimizer, (d) => d.metrics.fairness_variance);
  return [
    r.bench.name,
    `${r.problem.dutyDays.length} x ${r.problem.roles.length} = ${r.problem.dutyDays.length * r.problem.roles.length}`,
    String(r.legacy.length),
    String(Math.round(pick(r.legacy, (d) => d.metrics.solve_time_ms))),
    String(Math.round(pick(r.optimizer, (d) => d.metrics.solve_time_ms))),
    String(Math.round(r.optimizer[0].metrics.solve_time_ms)),
    r.solverOnlyMs.length > 0 ? String(Math.round(median(r.solverOnlyMs))) : '-',
    statusText(r.optimizer),
    gapText(r.optimizer),
    provenText(r.proven),
    referenceText(r.reference),
    `${(median(r.optimizer.map((d) => d.metrics.solve_time_ms)) / r.reference.ms).toFixed(2)}`,
    `${legacyFill}% / ${optimizerFill}%`,
    `${legacyFairness} / ${optimizerFairness}`,
    `${pick(r.legacy, breaks)} / ${pick(r.optimizer, breaks)}`,
    optimizerFill >= legacyFill && optimizerFairness <= legacyFairness ? 'yes' : 'no',
  ];
}

function markdownTable(rows: string[][]): string {
  const header = [
    'case',
    'duty days x roles = slots',
    'runs',
    'legacy ms (median)',
    'optimizer ms (median, whole call)',
    'optimizer first call of the case ms',
    'optimizer solver-only ms (median)',
    'optimizer status',
    'max gap',
    'tiers proven (solver-only runs)',
    'reference GLPK ms (fill + squares)',
    'optimizer whole call / reference',
    'fill legacy / optimizer',
    'fairness variance legacy / optimizer',
    'strict spacing breaks legacy / optimizer',
    'optimizer fills >= and fairer or equal',
  ];
  return [header, header.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

/** The machine is shared: its 1-minute load average says how much else ran alongside. */
const loadAtStart = loadavg()[0];
const rows: string[][] = [];
const fallbacks: string[] = [];
for (const bench of CASES.filter((c) => c.name.includes(ONLY))) {
  process.stderr.write(`${bench.name} ...\n`);
  const result = await runCase(bench);
  rows.push(row(result));
  for (const doc of result.optimizer) if (doc.fallback) fallbacks.push(`- ${bench.name}: ${doc.fallback.reason}`);
  for (const failure of result.solverOnlyFailures) fallbacks.push(`- ${bench.name} (solver-only run): ${failure}`);
}

const table =
  markdownTable(rows) +
  (fallbacks.length > 0 ? `\n\nOptimizer failures (fallbacks to legacy in the whole call):\n${fallbacks.join('\n')}` : '');
const cpuList = cpus();
const machine = `Node ${process.version}, ${cpuList.length} CPUs (${cpuList[0]?.model.trim() ?? 'unknown'}), ${platform()} ${release()}, load average ${loadAtStart.toFixed(1)} at the start and ${loadavg()[0].toFixed(1)} at the end`;
const report = [
  '# Benchmark results',
  '',
  `Run ${new Date().toISOString()} on ${machine}.`,
  '',
  'Synthetic clubs (bench/syntheticClub.ts). Month cases: June 2026, 4 roles; the season cases: April-October 2026,',
  '6 roles (AM/PM instructor and tow shifts); the year cases: every weekend of 2026, 6 roles, no season.',
  'Legacy runs with seeds 1..runs (fill and fairness: median over those seeds). "whole call" is generateRoster',
  '(model build, solve, validation, metrics, and worker start where no warm worker is ready): the optimizer worker',
  'stays warm between runs as in the app, so only the first call of the benchmark starts a worker (from source',
  "through tsx here; the app's bundled worker starts faster); a case's first call still meets a colder JIT. Solver-only is the",
  "optimizer's own build + solve time in-process. Time limit 10 s. The fairness variance is over members with at",
  'least one duty. "tiers proven" lists the tiers (fill = fill and strict spacing, fairness, tieBreak) each',
  'solver-only run proved. The reference is a plain GLPK model built by bench/referenceSolve.ts, not by the',
  "optimizer's code: fill, then the sum of squared loads, x binary, on the shared eligibility rules, solved once in",
  `this process (warm GLPK runtime), stopped after ${REFERENCE_LIMIT_MS / 1000} s; the ratio is the optimizer's median whole call over it.`,
  '',
  table,
  '',
].join('\n');

process.stdout.write(`${table}\n\n${machine}\n`);
writeFileSync(new URL('./results.md', import.meta.url), report);
