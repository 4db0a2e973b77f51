import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseClubFile } from '../solver/clubFile.ts';
import { monthRange } from '../solver/dates.ts';
import { buildProblem } from '../solver/problem.ts';
import { solveReference, startGlpk } from './referenceSolve.ts';

/**
 * `npm run bench:cli`: the command line as a user runs it, whole process (`node bin/rostermeister.mjs ...`),
 * compiled (dist/cli, rebuilt first) and from the TypeScript sources (ROSTERMEISTER_FROM_SOURCE=1), on one month
 * of the demo club (45 members, 4 roles). Beside each: the reference, a plain GLPK model of the month's fill +
 * sum of squared loads built by bench/referenceSolve.ts, solved in this process. Prints a markdown table and
 * writes bench/cli-results.md. CPU time is user + system of the whole process (worker included), which a
 * loaded machine inflates less than wall time. Nothing here asserts on time.
 */

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = join(ROOT, 'bin', 'rostermeister.mjs');
const CLUB = join(ROOT, 'assets', 'demo-club.json');
const YEAR = 2026;
const MONTH = 6;

function runsOption(argv: string[]): number {
  const at = argv.indexOf('--runs');
  if (at === -1) return 5;
  const runs = Number(argv[at + 1]);
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs needs a whole number of at least 1.');
  return runs;
}
const RUNS = runsOption(process.argv.slice(2));

interface Case {
  name: string;
  args: string[];
  goalMs: number | null;
}

const work = mkdtempSync(join(tmpdir(), 'rostermeister-bench-cli-'));
const dataDir = join(work, 'data');
const month = ['--year', String(YEAR), '--month', String(MONTH)];
const exportCsv = ['export', '--year', '2026', '--month', '11', '--format', 'csv', '--out', join(work, 'nov.csv'), '--data-dir', dataDir];
const CASES: Case[] = [
  { name: 'empty Node process (`node -e 0`, the floor)', args: [], goalMs: null },
  { name: 'propose, legacy', args: ['propose', ...month, '--club', CLUB, '--seed', '1'], goalMs: 400 },
  { name: 'propose, optimizer', args: ['propose', ...month, '--club', CLUB, '--scheduler', 'optimizer'], goalMs: 600 },
  { name: 'compare (legacy + optimizer)', args: ['compare', ...month, '--club', CLUB, '--seed', '1'], goalMs: 600 },
  { name: 'validate', args: ['validate', '--club', CLUB], goalMs: 400 },
  { name: 'export csv (published November)', args: exportCsv, goalMs: 400 },
  {
    name: 'export pdf (published November)',
    args: ['export', '--year', '2026', '--month', '11', '--format', 'pdf', '--out', join(work, 'nov.pdf'), '--data-dir', dataDir],
    goalMs: 400,
  },
];

const cpuFile = join(work, 'cpu-ms');
/** Loaded before the CLI: writes the process's own CPU time (all threads) when it exits. */
const CPU_PROBE =
  'data:text/javascript,' +
  encodeURIComponent(
    "import { writeFileSync } from 'node:fs'; process.on('exit', () => { const u = process.resourceUsage(); " +
      'writeFileSync(process.env.ROSTERMEISTER_BENCH_CPU_FILE, String((u.userCPUTime + u.systemCPUTime) / 1000)); });',
  );

interface Timing {
  wallMs: number;
  cpuMs: number;
}

function runOnce(args: string[], fromSource: boolean): Timing {
  const argv = args.length === 0 ? ['--import', CPU_PROBE, '-e', '0'] : ['--import', CPU_PROBE, BIN, ...args];
  const env = { ...process.env, ROSTERMEISTER_BENCH_CPU_FILE: cpuFile, ROSTERMEISTER_FROM_SOURCE: fromSource ? '1' : '0' };
  const started = performance.now();
  const child = spawnSync(process.execPath, argv, { cwd: ROOT, env, encoding: 'utf8' });
  const wallMs = performance.now() - started;
  if (child.status !== 0) throw new Error(`rostermeister ${args.join(' ')} failed (exit ${child.status}): ${child.stderr}`);
  return { wallMs, cpuMs: Number(readFileSync(cpuFile, 'utf8')) };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function measure(args: string[], fromSource: boolean): Timing {
  runOnce(args, fromSource); // warm the file cache
  const timings = Array.from({ length: RUNS }, () => runOnce(args, fromSource));
  return { wallMs: median(timings.map((t) => t.wallMs)), cpuMs: median(timings.map((t) => t.cpuMs)) };
}

const build = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), 'cli'], { cwd: ROOT, encoding: 'utf8' });
if (build.status !== 0) throw new Error(`Building the CLI failed: ${build.stderr}`);
// The export cases read a published month from a data folder made once, outside the timing.
runOnce(exportCsv, false);

const problem = buildProblem(parseClubFile(readFileSync(CLUB, 'utf8')), monthRange(YEAR, MONTH));
const glpk = await startGlpk();
const references = Array.from({ length: RUNS + 1 }, () => solveReference(glpk, problem)).slice(1);
const reference = references[0];
const referenceMs = median(references.map((r) => r.ms));

const loadBefore = loadavg()[0];
const rows = CASES.map((c) => {
  const source = measure(c.args, true);
  const compiled = measure(c.args, false);
  const goal = c.goalMs === null ? '' : `${c.goalMs} (${compiled.wallMs <= c.goalMs ? 'met' : 'not met'})`;
  return [
    c.name,
    `${Math.round(source.wallMs)} / ${Math.round(source.cpuMs)}`,
    `${Math.round(compiled.wallMs)} / ${Math.round(compiled.cpuMs)}`,
    goal,
    String(Math.round(referenceMs)),
    `${(compiled.wallMs / referenceMs).toFixed(1)} / ${(compiled.cpuMs / referenceMs).toFixed(1)}`,
  ];
});
const loadAfter = loadavg()[0];
rmSync(work, { recursive: true, force: true });

const header = [
  'command (June 2026, demo club: 45 members, 4 roles)',
  'from source ms, wall / CPU (median)',
  'compiled ms, wall / CPU (median)',
  'goal ms (wall)',
  'reference GLPK solve ms (median)',
  'compiled / reference, wall / CPU',
];
const table = [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join(
  '\n',
);

const markdown = `# CLI benchmark results

Run ${new Date().toISOString()} on Node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model.trim() ?? 'unknown'}), ${platform()} ${release()};
1-minute load average ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after. ${RUNS} runs per cell after one warm-up run.

Whole process, as a user runs it: \`node bin/rostermeister.mjs ...\`. "compiled" runs dist/cli (built by \`npm install\`
through the prepare step, rebuilt by this bench first); "from source" compiles the TypeScript with tsx at every start
(ROSTERMEISTER_FROM_SOURCE=1), as every run did before. CPU is user + system time of the whole process, worker
thread included; on a loaded machine wall time grows with the load, CPU time much less.

The reference is a plain GLPK model of the same month built by bench/referenceSolve.ts (not the optimizer's code):
fill first, then the sum of squared loads (unit load steps of cost 2k-1), x binary, on the shared eligibility rules;
model build + solve in this process with a warm GLPK runtime. It fills ${reference.filled} of ${reference.slots} slots,
sum of squared loads ${reference.sumOfSquares}${reference.optimal ? ', proven optimal' : ', NOT proven optimal'}.

${table}
`;

console.log(markdown);
writeFileSync(join(ROOT, 'bench', 'cli-results.md'), markdown);
