import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { runCaptured } from './captured.ts';
import type { ComparisonView, DraftView } from '../../../main/api/contract.ts';
import type { ComparisonReport } from '../../../main/cli/compare.ts';
import type { RosterDocument } from '../../../solver/types.ts';

/** Month ranges on the command line: --months N and --from/--to, on a club file and on the store. */

const dir = mkdtempSync(join(tmpdir(), 'rm-cli-ranges-'));
const dataDir = join(dir, 'data');
after(() => rmSync(dir, { recursive: true, force: true }));

const cli = (...argv: string[]) => runCaptured(argv);

const store = (...argv: string[]) => cli(...argv, '--data-dir', dataDir);
const monthsOf = (dates: string[]) => [...new Set(dates.map((d) => d.slice(0, 7)))];

describe('month ranges on the command line', () => {
  it('propose --months 7 --json covers seven months (demo club file)', async () => {
    const run = await cli('propose', '--year', '2026', '--month', '4', '--months', '7', '--json');
    assert.equal(run.code, 0, run.stderr);
    const doc = JSON.parse(run.stdout) as RosterDocument;
    assert.deepEqual(doc.range, { start: '2026-04-01', end: '2026-10-31' });
    assert.deepEqual(monthsOf(doc.dutyDays), ['2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10']);
    assert.deepEqual(monthsOf(doc.assignments.map((a) => a.date)), monthsOf(doc.dutyDays));
  });

  it('--from/--to is the same range as --year/--month/--months, across a year end', async () => {
    const a = JSON.parse((await cli('propose', '--from', '2026-11', '--to', '2027-02', '--seed', '5', '--json')).stdout) as RosterDocument;
    const b = JSON.parse(
      (await cli('propose', '--year', '2026', '--month', '11', '--months', '4', '--seed', '5', '--json')).stdout,
    ) as RosterDocument;
    assert.deepEqual(a.range, { start: '2026-11-01', end: '2027-02-28' });
    assert.deepEqual(a.assignments, b.assignments);
  });

  it('compare --from/--to --json covers the range on both sides', async () => {
    const run = await cli('compare', '--from', '2026-05', '--to', '2026-06', '--time-limit', '5', '--json');
    assert.equal(run.code, 0, run.stderr);
    const report = JSON.parse(run.stdout) as ComparisonReport;
    assert.equal(report.metadata.months, 2);
    for (const side of [report.legacy, report.optimizer]) {
      assert.deepEqual(side.range, { start: '2026-05-01', end: '2026-06-30' });
      assert.deepEqual(monthsOf(side.dutyDays), ['2026-05', '2026-06']);
    }
    const text = await cli('compare', '--from', '2026-05', '--to', '2026-06', '--time-limit', '5');
    assert.match(text.stdout, /: 2026-05 to 2026-06, \d+ duty days/);
  });

  it('a bad or too long range is one sentence naming the option, exit 2, for every command', async () => {
    const cases: [string[], RegExp][] = [
      [['--year', '2026', '--month', '1', '--months', '13'], /^Option --months must be a whole number from 1 to 12, not "13"\.\n$/],
      [['--year', '2026', '--month', '1', '--months', '0'], /^Option --months must be/],
      [
        ['--from', '2026-04', '--to', '2027-04'],
        /^Option --to is 13 months from --from counting both; a range covers at most 12 months\.\n$/,
      ],
      [['--from', '2026-05', '--to', '2026-04'], /^Option --to \(2026-04\) is before --from \(2026-05\)\.\n$/],
      [['--from', 'April', '--to', '2026-05'], /^Option --from must be a month as YYYY-MM/],
      [['--from', '2026-13', '--to', '2027-01'], /^Option --from must be a month as YYYY-MM/],
      [['--from', '2026-04'], /^Option --to is required with --from/],
      [['--to', '2026-04'], /^Option --from is required with --to/],
      [['--from', '2026-04', '--to', '2026-05', '--month', '4'], /^Give either --from\/--to or --year\/--month\/--months, not both/],
      [['--year', '2100', '--month', '12', '--months', '2'], /^Option --months 2 from 2100-12 runs past 2100/],
    ];
    for (const command of [['propose'], ['compare'], ['export', '--format', 'csv', '--out', join(dir, 'never.csv')]]) {
      for (const [range, message] of cases) {
        const run = await store(...command, ...range);
        assert.equal(run.code, 2, `${command[0]} ${range.join(' ')}`);
        assert.match(run.stderr, message, `${command[0]} ${range.join(' ')}`);
        assert.equal(run.stderr.trim().split('\n').length, 1, 'one line, no stack');
      }
    }
    assert.equal(existsSync(join(dir, 'never.csv')), false);
  });

  it('on the store: propose and compare save a range, publish it, export it whole as CSV and DutyMan', async () => {
    const proposed = await store('propose', '--from', '2026-12', '--to', '2027-01', '--json');
    assert.equal(proposed.code, 0, proposed.stderr);
    const draft = JSON.parse(proposed.stdout) as DraftView;
    assert.deepEqual(draft.range, { start: '2026-12-01', end: '2027-01-31' });
    assert.deepEqual(monthsOf(draft.dutyDays), ['2026-12', '2027-01']);

    const compared = await store('compare', '--year', '2026', '--month', '12', '--months', '2', '--json');
    assert.equal(compared.code, 0, compared.stderr);
    assert.deepEqual((JSON.parse(compared.stdout) as ComparisonView).range, draft.range);

    assert.equal((await store('publish', '--year', '2026', '--month', '12')).code, 0);

    const csv = await store('export', '--from', '2026-12', '--to', '2027-01', '--format', 'csv', '--out', dir);
    assert.equal(csv.code, 0, csv.stderr);
    assert.match(csv.stdout, /roster-2026-12-to-2027-01\.csv/);
    const gridPath = /Wrote (.*\.csv) /.exec(csv.stdout)?.[1] ?? '';
    const [, ...grid] = parse(readFileSync(gridPath));
    assert.deepEqual(monthsOf(grid.map((row) => row[0])), ['2026-12', '2027-01']);

    const dutyman = await store('export', '--year', '2026', '--month', '12', '--months', '2', '--format', 'dutyman', '--out', dir);
    assert.equal(dutyman.code, 0, dutyman.stderr);
    const path = /Wrote (.*\.csv) /.exec(dutyman.stdout)?.[1] ?? '';
    assert.match(path, /roster-2026-12-to-2027-01-dutyman\.csv$/);
    const rows = parse<Record<string, string>>(readFileSync(path), { columns: true });
    const slots = draft.slots.length;
    assert.equal(rows.length, slots, 'a row per published slot of both months');
    assert.deepEqual([...new Set(rows.map((r) => r['Duty Date'].slice(3)))], ['12/2026', '01/2027']);

    // One month of the range alone is just that month; a range with nothing published is a clear error.
    const january = await store('export', '--from', '2027-01', '--to', '2027-01', '--format', 'dutyman', '--out', join(dir, 'jan.csv'));
    assert.equal(january.code, 0, january.stderr);
    const janRows = parse<Record<string, string>>(readFileSync(join(dir, 'jan.csv')), { columns: true });
    assert.ok(janRows.length > 0 && janRows.every((r) => r['Duty Date'].endsWith('/01/2027')));
    const none = await store('export', '--from', '2031-01', '--to', '2031-03', '--format', 'dutyman', '--out', join(dir, 'none.csv'));
    assert.equal(none.code, 2);
    assert.equal(none.stderr, 'No published roster for January 2031 – March 2031 — publish a draft first. No file was written.\n');
    assert.equal(existsSync(join(dir, 'none.csv')), false);

    const bom = await store('export', '--year', '2026', '--month', '12', '--format', 'dutyman', '--bom', '--out', dir);
    assert.equal(bom.code, 2);
    assert.equal(bom.stderr, 'Option --bom applies to csv and csv-long only, not dutyman.\n');
  });
});
