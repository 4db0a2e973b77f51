import { solveOptimizer } from '../solver/optimizer/index.ts';
import { buildProblem } from '../solver/problem.ts';
import { monthRange } from '../solver/dates.ts';
import { spacingBreaks, validateRoster } from '../solver/validate.ts';
import { syntheticClub } from './syntheticClub.ts';
import type { DateRange } from '../solver/types.ts';

/**
 * Quick optimizer timings on synthetic clubs: `node --import tsx bench/optimizerProbe.ts [case|all] [seeds] [--bench-club]`.
 * Wall time and the process's CPU time (less disturbed by a busy machine); the first run includes warm-up.
 */

const cases: Record<string, { members: number; roles: 4 | 6; range: DateRange; season?: [string, string]; limit: number }> = {
  m20: { members: 20, roles: 4, range: monthRange(2026, 5), limit: 10_000 },
  m50: { members: 50, roles: 4, range: monthRange(2026, 5), limit: 10_000 },
  m100: { members: 100, roles: 4, range: monthRange(2026, 5), limit: 10_000 },
  m150: { members: 150, roles: 4, range: monthRange(2026, 5), limit: 10_000 },
  season: { members: 150, roles: 6, range: monthRange(2026, 4, 7), limit: 10_000 },
  year: { members: 300, roles: 6, range: monthRange(2026, 1, 12), limit: 10_000 },
  scale: { members: 1000, roles: 6, range: monthRange(2026, 1, 12), limit: 10_000 },
};

const only = process.argv[2];
const runs = Number(process.argv[3] ?? 3);
/** `--bench-club`: every run uses the club `npm run bench` uses for that size (June for the months). */
const benchClub = process.argv.includes('--bench-club');
for (const [name, c] of Object.entries(cases)) {
  if (only && only !== 'all' && only !== name) continue;
  const times: number[] = [];
  let line = '';
  for (let seed = 1; seed <= runs; seed++) {
    const range = benchClub && name.startsWith('m') ? monthRange(2026, 6) : c.range;
    const club = syntheticClub({ members: c.members, roles: c.roles, seed: benchClub ? 1000 + c.members : seed, range });
    const problem = buildProblem(club, range);
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const result = await solveOptimizer(problem, { timeLimitMs: c.limit }).catch((error: Error) => error);
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    if (result instanceof Error) {
      times.push(ms);
      line += `\n  seed ${seed}: ${ms.toFixed(0)} ms (cpu ${cpuMs.toFixed(0)}) ${result.message}`;
      continue;
    }
    times.push(ms);
    const filled = result.assignments.filter((a) => a.memberId).length;
    const violations = validateRoster(problem, result.assignments).length;
    const breaks = spacingBreaks(problem, result.assignments).length;
    line += `\n  seed ${seed}: ${ms.toFixed(0)} ms (cpu ${cpuMs.toFixed(0)}) ${result.status} gap=${result.gap.toExponential(2)} fill=${filled}/${result.assignments.length} breaks=${breaks} violations=${violations} vars=${result.stats.variables} rows=${result.stats.constraints} build=${result.stats.buildMs.toFixed(0)}`;
  }
  times.sort((a, b) => a - b);
  process.stdout.write(`${name}: median ${times[Math.floor(times.length / 2)].toFixed(0)} ms${line}\n`);
}
