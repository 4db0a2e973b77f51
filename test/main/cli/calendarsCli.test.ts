import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliOn } from './captured.ts';
import { databasePath } from '../../../main/dataDir.ts';
import { openDatabase } from '../../../main/db/connection.ts';
import { publishedSlots, replacePublished } from '../../../main/db/rosterRepo.ts';
import { readCalendar } from '../export/calendarReaders.ts';
import { readMail } from '../export/mailReader.ts';

/** `export --season` and `notify` on a data folder with the demo club (October and November 2026 published). */

const root = mkdtempSync(join(tmpdir(), 'rostermeister-calendars-cli-'));
const dataDir = join(root, 'data');
after(() => rmSync(root, { recursive: true, force: true }));

const cli = cliOn(dataDir);

const wrote = (out: string) => /Wrote (.*\.ics) /.exec(out)?.[1] ?? '';

test("export --season writes the club's feed and a member's season file", async () => {
  const feed = await cli('export', '--format', 'ics', '--season', '2026', '--out', root);
  assert.equal(feed.code, 0, feed.stderr);
  assert.equal(wrote(feed.stdout), join(root, 'kestrel-ridge-gliding-club-season-2026.ics'));
  const events = readCalendar(readFileSync(wrote(feed.stdout), 'utf8'));
  assert.deepEqual([...new Set(events.map((e) => e.start.slice(0, 7)))].sort(), ['2026-10', '2026-11']);

  const mine = await cli('export', '--format', 'ics', '--member', 'm001', '--season', '2026', '--out', root);
  assert.equal(mine.code, 0, mine.stderr);
  assert.match(wrote(mine.stdout), /kestrel-ridge-gliding-club-season-2026-[a-z-]+\.ics$/);
  const duties = readCalendar(readFileSync(wrote(mine.stdout), 'utf8'));
  assert.ok(duties.length > 0);
  assert.ok(
    duties.every((d) => events.some((e) => e.uid === d.uid)),
    'the same UIDs as the club feed',
  );
});

test('export --season refuses in one sentence what it cannot do', async () => {
  const cases: [string[], RegExp][] = [
    [['--format', 'csv', '--season', '2026'], /^Option --season works with --format ics only, not csv\.\n$/],
    [
      ['--format', 'ics', '--season', '2026', '--year', '2026', '--month', '11'],
      /^Give either --season or a month range, not both \(--year, --month with --season\)\.\n$/,
    ],
    [['--format', 'ics', '--season', 'next'], /^Option --season must be a whole number from \d+ to \d+, not "next"\.\n$/],
    [['--format', 'ics', '--season', '2031'], /^Nothing is published for 2031 yet — publish a month first\./],
    [['--format', 'ics', '--season', '2026', '--member', 'nobody'], /^There is no member with id "nobody"\./],
  ];
  for (const [argv, message] of cases) {
    const out = join(root, 'refused.ics');
    const result = await cli('export', ...argv, '--out', out);
    assert.equal(result.code, 2, argv.join(' '));
    assert.match(result.stderr, message);
    assert.equal(existsSync(out), false, 'no file written');
  }
});

test('notify writes an .eml draft per affected member and the mailing-list text, after a cover', async () => {
  const first = await cli('notify', '--year', '2026', '--month', '11', '--out', join(root, 'first'));
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stdout, /Version 1 \(first publication\): \d+ members affected\./);

  const db = openDatabase(databasePath(dataDir));
  const range = { start: '2026-11-01', end: '2026-11-30' };
  const slots = publishedSlots(db, range).map((s) => ({
    date: s.date,
    role: s.role,
    memberId: s.date === '2026-11-01' && s.role === 'towpilot' ? 'm045' : s.memberId,
  }));
  db.transaction(() => replacePublished(db, range, slots, '2026-11-05T10:00:00.000Z', { reason: 'cover' })).immediate();
  db.close();

  const dir = join(root, 'after-cover');
  const result = await cli('notify', '--year', '2026', '--month', '11', '--out', dir);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /Version 2 \(against version 1\): 2 members affected\./);
  const files = readdirSync(dir).sort();
  assert.equal(files.filter((f) => f.endsWith('.eml')).length, 2);
  assert.ok(files.includes('mailing-list-2026-11.txt'));
  assert.match(readFileSync(join(dir, 'mailing-list-2026-11.txt'), 'utf8'), /No longer: Tow Pilot on Sun 1 Nov \(.+ takes it over\)/);
  for (const file of files.filter((f) => f.endsWith('.eml'))) {
    const mail = readMail(readFileSync(join(dir, file)));
    assert.deepEqual(mail.defects, []);
    assert.equal(mail.unsent, '1');
    const events = readCalendar(mail.attachments[0].text);
    const event = events.find((e) => e.start === '2026-11-01' && /Tow Pilot/.test(e.summary));
    assert.ok(event, file);
    assert.equal(event.sequence, 1);
  }
});

test('notify refuses a month never published, a version that does not exist and an --out that is a file', async () => {
  const none = await cli('notify', '--year', '2027', '--month', '5', '--out', join(root, 'none'));
  assert.deepEqual([none.code, none.stderr], [2, 'No published roster for May 2027 — publish a draft first.\n']);
  assert.equal(existsSync(join(root, 'none')), false);
  const since = await cli('notify', '--year', '2026', '--month', '11', '--since', '7', '--out', join(root, 'since'));
  assert.deepEqual([since.code, since.stderr], [2, 'Compare with a version from 1 to 1, not 7.\n']);
  const file = join(root, 'a-file');
  writeFileSync(file, 'x');
  const notDir = await cli('notify', '--year', '2026', '--month', '11', '--out', file);
  assert.equal(notDir.code, 2);
  assert.equal(notDir.stderr, `Option --out must be a folder; ${file} is a file.\n`);
});
