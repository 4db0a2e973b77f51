import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { ComparisonReport } from '../../../main/cli/compare.ts';
import { runCli } from '../../../main/cli/main.ts';
import type { RosterDocument } from '../../../solver/types.ts';

/** propose and compare count April's published duties towards May's fairness (club.fairnessWindow), quotas too. */

const dir = mkdtempSync(join(tmpdir(), 'rostermeister-window-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const APRIL = ['2026-04-04', '2026-04-05', '2026-04-11', '2026-04-12', '2026-04-18', '2026-04-19', '2026-04-25', '2026-04-26'];
const IDS = ['a', 'b', 'c', 'd', 'e', 'f'];

function clubFile(extra: Record<string, unknown> = {}, members: Record<string, unknown> = {}): string {
  const path = join(dir, `club-${Math.random().toString(36).slice(2)}.json`);
  const doc = {
    format: 'rostermeister-club/1',
    club: { name: 'Ridge Soaring Club', ...extra },
    roles: [{ key: 'towpilot', title: 'Tow Pilot' }],
    members: IDS.map((id) => ({ id, name: `Member ${id}`, qualifications: ['towpilot'], ...(members[id] as object) })),
    // April: a and b took every duty.
    published: APRIL.map((date, i) => ({ date, slots: { towpilot: i % 2 === 0 ? 'a' : 'b' } })),
  };
  writeFileSync(path, JSON.stringify(doc));
  return path;
}

async function cli(...args: string[]): Promise<string> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  assert.equal(code, 0, err.join('\n'));
  return out.join('\n');
}

const mayLoads = (doc: RosterDocument) => IDS.map((id) => doc.assignments.filter((a) => a.memberId === id).length);

/** April's 4 + 4 and the roster's own duties, squared and summed. */
function windowSquares(doc: RosterDocument): number {
  return mayLoads(doc).reduce((sum, load, i) => sum + (load + (i < 2 ? 4 : 0)) ** 2, 0);
}

describe('CLI: fairness over the window', () => {
  it('compare names the window and both sides` window figures count April', async () => {
    const path = clubFile();
    const report = JSON.parse(
      await cli('compare', '--club', path, '--year', '2026', '--month', '5', '--seed', '4', '--json'),
    ) as ComparisonReport;
    assert.deepEqual(report.metadata.fairness_window, { kind: 'season', start: '2026-01-01', end: '2026-05-31' });
    for (const side of [report.legacy, report.optimizer]) assert.equal(side.metrics.window_sum_of_squares, windowSquares(side));
    assert.equal(report.optimizer.scheduler, 'optimizer');
    // Ten May slots for c to f first: a and b, four April duties each, get none.
    const optimizer = mayLoads(report.optimizer);
    assert.deepEqual(optimizer.slice(0, 2), [0, 0]);
    assert.equal(report.legacy.metrics.window_quota_distance, null);

    const text = await cli('compare', '--club', path, '--year', '2026', '--month', '5', '--seed', '4');
    assert.match(text, /^Fairness window: season, 2026-01-01 to 2026-05-31$/m);
    assert.match(text, new RegExp(`^Window sum of squares +${report.legacy.metrics.window_sum_of_squares} +\\d+$`, 'm'));
  });

  it('propose with the range window is the month alone; with quotas it reports the distance to quota', async () => {
    const range = JSON.parse(
      await cli(
        'propose',
        '--club',
        clubFile({ fairnessWindow: 'range' }),
        '--year',
        '2026',
        '--month',
        '5',
        '--scheduler',
        'optimizer',
        '--json',
      ),
    ) as RosterDocument;
    assert.equal(
      range.metrics.window_sum_of_squares,
      mayLoads(range).reduce((sum, l) => sum + l * l, 0),
    );
    assert.ok(
      mayLoads(range).every((load) => load >= 1),
      'everyone gets a share of May',
    );

    // c has a quota of 12, the rest the club default 3: c takes the most.
    const quotas = clubFile({ defaultSeasonQuota: 3 }, { c: { seasonQuota: 12 } });
    const doc = JSON.parse(
      await cli('propose', '--club', quotas, '--year', '2026', '--month', '5', '--scheduler', 'optimizer', '--json'),
    ) as RosterDocument;
    const loads = mayLoads(doc);
    assert.ok(loads[2] > Math.max(loads[3], loads[4], loads[5]), JSON.stringify(loads));
    assert.equal(typeof doc.metrics.window_quota_distance, 'number');
    const text = await cli('propose', '--club', quotas, '--year', '2026', '--month', '5', '--scheduler', 'optimizer');
    assert.match(text, /^Window: +season, 2026-01-01 to 2026-05-31: variance [\d.]+, sum of squares \d+, distance to quota [\d.]+$/m);
  });
});
