import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, it } from 'node:test';
import { syntheticClub } from '../../../bench/syntheticClub.ts';
import { serializeClub } from '../../../solver/clubFile.ts';
import type { RosterDocument } from '../../../solver/types.ts';
import type { ComparisonReport } from '../../../main/cli/compare.ts';
import { registeredCommands } from '../../../main/cli/command.ts';
import { runCli } from '../../../main/cli/main.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'rostermeister-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const clubPath = join(dir, 'club.json');
writeFileSync(clubPath, JSON.stringify(serializeClub(syntheticClub({ members: 20, roles: 4, seed: 3 })), null, 2));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Spawns the real CLI the way `npm run rostermeister -- ...` does. */
function cli(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(root, 'bin', 'rostermeister.mjs'), ...args], { cwd: root }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

function assertRosterDocument(doc: RosterDocument) {
  for (const key of ['scheduler', 'status', 'range', 'dutyDays', 'roles', 'assignments', 'metrics', 'diagnostics', 'fallback']) {
    assert.ok(key in doc, `roster document has "${key}"`);
  }
  assert.deepEqual(Object.keys(doc.range).sort(), ['end', 'start']);
  assert.deepEqual(Object.keys(doc.metrics).sort(), [
    'fairness_variance',
    'fairness_variance_all',
    'fill_rate_percent',
    'filled_slots',
    'solve_time_ms',
    'total_slots',
    'window_fairness_variance',
    'window_quota_distance',
    'window_sum_of_squares',
  ]);
  assert.equal(doc.assignments.length, doc.dutyDays.length * doc.roles.length);
  for (const a of doc.assignments) assert.deepEqual(Object.keys(a).sort(), ['date', 'memberId', 'role']);
  for (const d of doc.diagnostics) assert.deepEqual(Object.keys(d).sort(), ['date', 'role', 'summary']);
  assert.equal(doc.diagnostics.length, doc.metrics.total_slots - doc.metrics.filled_slots);
}

describe('rostermeister CLI', () => {
  it('prints top-level help listing the commands', async () => {
    const run = await cli('--help');
    assert.equal(run.code, 0);
    for (const name of ['propose', 'compare', 'validate']) assert.match(run.stdout, new RegExp(`^  ${name} `, 'm'));
    assert.match(run.stdout, /--data-dir DIR/);
  });

  it('prints help for every registered command (in-process)', async () => {
    const names = registeredCommands().map((c) => c.name);
    assert.ok(['propose', 'compare', 'validate'].every((n) => names.includes(n)));
    for (const name of names) {
      const out: string[] = [];
      const code = await runCli([...name.split(' '), '--help'], { out: (t) => out.push(t), err: (t) => out.push(t) });
      assert.equal(code, 0, `${name} --help`);
      assert.match(out.join('\n'), new RegExp(`Usage: rostermeister ${name}\\b`));
      assert.match(out.join('\n'), /--data-dir DIR/, 'the global --data-dir is accepted by every command');
    }
  });

  it('propose --json prints the roster document (demo club by default)', async () => {
    const run = await cli('propose', '--year', '2026', '--month', '6', '--seed', '5', '--json');
    assert.equal(run.code, 0, run.stderr);
    const doc = JSON.parse(run.stdout) as RosterDocument;
    assertRosterDocument(doc);
    assert.equal(doc.scheduler, 'legacy');
    assert.equal(doc.seed, 5);
    assert.deepEqual(doc.range, { start: '2026-06-01', end: '2026-06-30' });
    assert.equal(doc.fallback, null);

    const again = await cli('propose', '--year', '2026', '--month', '6', '--seed', '5', '--json');
    assert.deepEqual((JSON.parse(again.stdout) as RosterDocument).assignments, doc.assignments, 'the same seed gives the same roster');
  });

  it('propose prints a readable grid with the optimizer', async () => {
    const run = await cli(
      'propose',
      '--club',
      clubPath,
      '--year',
      '2026',
      '--month',
      '5',
      '--scheduler',
      'optimizer',
      '--time-limit',
      '3',
      '--verbose',
    );
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^Date\s+Instructor\s+Tow Pilot\s+Duty Officer\s+Assistant Duty Officer$/m);
    assert.match(run.stdout, /^Sat 2026-05-02 /m);
    if (!/^Scheduler: +optimizer \((optimal|feasible), gap /m.test(run.stdout)) {
      assert.match(run.stdout, /^Fallback: +the optimizer was replaced by legacy: /m, 'an optimizer roster or a reported fallback');
    }
    assert.match(run.stdout, /^Filled: +\d+ of \d+ slots/m);
    const events = run.stderr
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { message: string });
    assert.equal(events[0].message, 'Generating roster');
    assert.equal(events.at(-1)?.message, 'Roster generation complete');
  });

  it('compare --json has the documented shape, with legacy runs', async () => {
    const run = await cli(
      'compare',
      '--club',
      clubPath,
      '--year',
      '2026',
      '--month',
      '5',
      '--seed',
      '9',
      '--legacy-runs',
      '3',
      '--time-limit',
      '3',
      '--json',
    );
    assert.equal(run.code, 0, run.stderr);
    const report = JSON.parse(run.stdout) as ComparisonReport;
    assert.deepEqual(Object.keys(report.metadata).sort(), [
      'comparison_time',
      'duty_days',
      'fairness_window',
      'members',
      'month',
      'months',
      'roles',
      'total_slots',
      'year',
    ]);
    assert.equal(report.metadata.year, 2026);
    assert.equal(report.metadata.month, 5);
    assert.equal(report.metadata.months, 1);
    assert.equal(report.metadata.members, 20);
    assert.equal(report.metadata.total_slots, report.metadata.duty_days * report.metadata.roles);
    assertRosterDocument(report.legacy);
    assertRosterDocument(report.optimizer);
    assert.equal(report.legacy.scheduler, 'legacy');
    assert.equal(report.legacy.seed, 9);
    // The optimizer side is the optimizer's roster, or legacy with the fallback recorded (the machine may be slow).
    if (report.optimizer.scheduler !== 'optimizer') assert.equal(typeof report.optimizer.fallback?.reason, 'string');
    assert.deepEqual(Object.keys(report.differences).sort(), ['changed_dates', 'changed_slots', 'slot_differences']);
    assert.equal(report.differences.slot_differences.length, report.differences.changed_slots);
    for (const d of report.differences.slot_differences) {
      assert.deepEqual(Object.keys(d).sort(), ['date', 'legacy_member_id', 'optimizer_member_id', 'role']);
    }
    assert.deepEqual(Object.keys(report.acceptance).sort(), ['fairness', 'fill_rate', 'passed', 'solve_time']);
    const legacyRuns = report.legacy_runs;
    assert.ok(legacyRuns, 'legacy_runs with --legacy-runs');
    assert.equal(legacyRuns.runs, 3);
    assert.deepEqual(legacyRuns.seeds, [9, 10, 11]);
    const fill = legacyRuns.fill_rate_percent;
    assert.ok(fill.min <= fill.mean && fill.mean <= fill.max);
    assert.ok(fill.min <= report.legacy.metrics.fill_rate_percent && report.legacy.metrics.fill_rate_percent <= fill.max);
  });

  it('compare reports the strict spacing breaks of both rosters, each one real', async () => {
    const run = await cli('compare', '--year', '2027', '--month', '6', '--seed', '3', '--time-limit', '5', '--json');
    assert.equal(run.code, 0, run.stderr);
    const report = JSON.parse(run.stdout) as ComparisonReport;
    for (const side of ['legacy', 'optimizer'] as const) {
      const holders = new Set(report[side].assignments.map((a) => `${a.date}|${a.role}|${a.memberId}`));
      for (const b of report.spacing_breaks[side]) {
        assert.ok(holders.has(`${b.date}|${b.role}|${b.memberId}`), `${side} holds ${b.date} ${b.role}`);
        assert.ok(
          b.rule === 'carry_over' || holders.has(`${b.otherDate}|${b.role}|${b.memberId}`),
          `${side} also holds ${b.otherDate} ${b.role}`,
        );
      }
    }
    // Seed 3 of the demo club's June 2027: legacy puts members in the same role a week apart.
    assert.ok(report.spacing_breaks.legacy.length > 0);

    const text = await cli('compare', '--year', '2027', '--month', '6', '--seed', '3', '--time-limit', '5', '--verbose');
    assert.equal(text.code, 0, text.stderr);
    assert.match(
      text.stdout,
      new RegExp(`^Spacing breaks +${report.spacing_breaks.legacy.length} +${report.spacing_breaks.optimizer.length}\\b`, 'm'),
    );
    assert.match(text.stdout, /^Spacing breaks \(legacy\):$/m);
    assert.match(text.stdout, /7 days apart/);
  });

  it('compare --verbose lists every difference and every empty slot', async () => {
    const run = await cli('compare', '--club', clubPath, '--year', '2026', '--month', '5', '--seed', '9', '--time-limit', '3', '--verbose');
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^Differences: \d+ slots on \d+ dates\.$/m);
    assert.match(run.stdout, /^Acceptance: /m);
    assert.match(run.stdout, /^Empty slots \(legacy\)/m);
    assert.match(run.stdout, /^Empty slots \(optimizer\)/m);
  });

  it('validate accepts a good club file', async () => {
    const run = await cli('validate', '--club', clubPath);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /is a valid club file/);
  });

  it('validate on a bad club file exits 2 and names the field', async () => {
    const bad = join(dir, 'bad.json');
    const doc = serializeClub(syntheticClub({ members: 5, roles: 4, seed: 1 })) as unknown as { members: { rolePercent: object }[] };
    doc.members[2].rolePercent = { instructor: 140 };
    writeFileSync(bad, JSON.stringify(doc));
    const run = await cli('validate', '--club', bad);
    assert.equal(run.code, 2);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /members\[2\].*rolePercent\.instructor/);
  });

  it('exits 2 on bad input: unknown flag, month out of range, missing file, bad season phrase', async () => {
    const seasonFile = join(dir, 'season.json');
    const doc = {
      ...serializeClub(syntheticClub({ members: 5, roles: 4, seed: 1 })),
      season: { start: 'Fifth weekend of May', end: null },
    };
    writeFileSync(seasonFile, JSON.stringify(doc));

    const [unknownFlag, month, missing, season, command] = await Promise.all([
      cli('propose', '--year', '2026', '--month', '5', '--bogus'),
      cli('propose', '--year', '2026', '--month', '13'),
      cli('propose', '--year', '2026', '--month', '5', '--club', join(dir, 'nope.json')),
      cli('propose', '--year', '2026', '--month', '5', '--club', seasonFile),
      cli('frobnicate'),
    ]);
    assert.equal(unknownFlag.code, 2);
    assert.match(unknownFlag.stderr, /Unknown option --bogus/);
    assert.equal(month.code, 2);
    assert.match(month.stderr, /--month must be a whole number from 1 to 12/);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /Cannot read the club file .*nope\.json/);
    assert.equal(season.code, 2);
    assert.match(season.stderr, /season\.start/);
    assert.equal(command.code, 2);
    assert.match(command.stderr, /Unknown command "frobnicate"/);
  });

  it('answers a user error with one sentence on stderr and exit 2, never a stack trace', async () => {
    const store = join(dir, 'store');
    const [noDraft, badMonth, oldYear, unknownMember, badSetting] = await Promise.all([
      cli('publish', '--year', '2026', '--month', '6', '--data-dir', join(store, 'a')),
      cli('publish', '--year', '2026', '--month', '13', '--data-dir', join(store, 'b')),
      cli('publish', '--year', '1999', '--month', '6', '--data-dir', join(store, 'c')),
      cli('export', '--year', '2026', '--month', '11', '--format', 'ics', '--member', 'm999', '--out', dir, '--data-dir', join(store, 'd')),
      cli('settings', 'set', 'timeLimitSeconds', '9000', '--data-dir', join(store, 'e')),
    ]);
    const cases: [string, Run, RegExp][] = [
      ['publish with no draft', noDraft, /^There is no draft for 2026-06\. Make one with propose first\.$/],
      ['a month that does not exist', badMonth, /^Option --month must be a whole number from 1 to 12, not "13"\.$/],
      ['a year outside the plan', oldYear, /^Option --year must be a whole number from 2000 to 2100, not "1999"\.$/],
      ['an unknown member', unknownMember, /m999/],
      ['a setting out of range', badSetting, /^Optimizer time limit \(seconds\) must be a number from 1 to 600\.$/],
    ];
    for (const [name, run, message] of cases) {
      assert.equal(run.code, 2, `${name}: ${run.stderr}`);
      const lines = run.stderr.trim().split('\n');
      assert.equal(lines.length, 1, `${name}: one line, got ${run.stderr}`);
      assert.match(lines[0], message, name);
      assert.doesNotMatch(run.stderr, /ApiError|\n\s+at |\(file:|node:internal/, `${name}: no stack trace`);
    }
  });

  it('answers its own failure with exit 1, one line, and the stack only with --verbose', async () => {
    const notAFolder = join(dir, 'plain-file');
    writeFileSync(notAFolder, 'not a data folder');
    const [quiet, verbose] = await Promise.all([
      cli('backup', 'list', '--data-dir', notAFolder),
      cli('backup', 'list', '--data-dir', notAFolder, '--verbose'),
    ]);
    assert.equal(quiet.code, 1, quiet.stderr);
    assert.match(quiet.stderr, /^rostermeister backup list failed: .+\n$/);
    assert.doesNotMatch(quiet.stderr, /\n\s+at /);
    assert.equal(verbose.code, 1);
    assert.match(verbose.stderr, /\n\s+at /);
  });
});
