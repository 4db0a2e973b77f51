import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { SeasonDashboard, WhyView } from '../../../main/api/contract.ts';
import { cliOn } from './captured.ts';

const dir = mkdtempSync(join(tmpdir(), 'rm-cli-season-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const cli = cliOn(dir);

describe('season and why on the command line', () => {
  before(async () => {
    const proposed = await cli('propose', '--year', '2026', '--month', '10');
    assert.equal(proposed.code, 0, proposed.stderr);
  });

  it('season prints the dashboard table, and the same figures as JSON', async () => {
    const json = await cli('season', '--year', '2026', '--json');
    assert.equal(json.code, 0, json.stderr);
    const view = JSON.parse(json.stdout) as SeasonDashboard;
    assert.equal(view.year, 2026);
    assert.ok(view.members.reduce((n, m) => n + m.drafted, 0) > 0, 'October is drafted');

    const text = await cli('season', '--year', '2026');
    assert.equal(text.code, 0, text.stderr);
    const lines = text.stdout.split('\n');
    assert.match(lines[0], /^Kestrel Ridge Gliding Club, season 2026: 2026-02-28 to 2026-11-29\. Average [\d.]+ duties/);
    assert.match(
      lines[3],
      /^Member +Instructor +Tow Pilot +Duty Officer +Assistant Duty Officer +Sat +Sun +Published +Drafted +Total +Expected +\+\/- +Lapsing$/,
    );
    const first = [...view.members].sort((a, b) => a.name.localeCompare(b.name))[0];
    const row = lines[4].split(/ {2,}/);
    assert.equal(row[0], first.name);
    assert.equal(row[8], String(first.drafted));
    assert.equal(row[9], String(first.total));
    if (view.furthestBehind !== null) {
      const behind = view.members.find((m) => m.memberId === view.furthestBehind)!;
      assert.ok(lines[1].startsWith(`Furthest behind: ${behind.name} (`), lines[1]);
    }
  });

  it('why prints a member month: duties and the reasons for the other days', async () => {
    const json = await cli('why', '--member', 'm001', '--year', '2026', '--month', '10', '--json');
    assert.equal(json.code, 0, json.stderr);
    const view = JSON.parse(json.stdout) as WhyView;
    assert.equal(view.source, 'draft');
    assert.ok(view.days.length > 0);
    const text = await cli('why', '--member', 'm001', '--year', '2026', '--month', '10');
    assert.equal(text.code, 0, text.stderr);
    assert.ok(text.stdout.startsWith(`${view.name}, October 2026 (the draft made by the legacy scheduler): ${view.duties} `), text.stdout);
    const off = view.days.find((d) => d.onDuty === null);
    if (off) assert.ok(text.stdout.includes(`${off.slots[0].roleTitle} (${off.slots[0].holderName ?? 'empty'}): ${off.slots[0].text}`));
  });

  it('reads beside an owner and changes nothing', async () => {
    const before = await cli('season', '--year', '2026', '--json');
    await cli('why', '--member', 'm002', '--year', '2026', '--month', '10');
    assert.equal((await cli('season', '--year', '2026', '--json')).stdout, before.stdout);
  });

  it('says what is wrong in one sentence, exit code 2', async () => {
    const cases: [string[], RegExp][] = [
      [['why', '--year', '2026', '--month', '10'], /^Option --member is required\.\n$/],
      [['why', '--member', 'm999', '--year', '2026', '--month', '10'], /^There is no member with the id "m999"\.\n$/],
      [
        ['why', '--member', 'm001', '--year', '2026', '--month', '12'],
        /^Nothing is drafted or published for 2026-12 yet: generate a draft first\.\n$/,
      ],
      [
        ['why', '--member', 'm001', '--year', '2026', '--month', '13'],
        /^Option --month must be a whole number from 1 to 12, not "13"\.\n$/,
      ],
      [['season'], /^Option --year is required\.\n$/],
      [['season', '--year', 'next'], /^Option --year must be a whole number from 2000 to 2100, not "next"\.\n$/],
    ];
    for (const [argv, message] of cases) {
      const run = await cli(...argv);
      assert.equal(run.code, 2, argv.join(' '));
      assert.match(run.stderr, message);
      assert.equal(run.stdout, '');
    }
  });
});
