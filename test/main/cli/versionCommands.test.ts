import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import type { PublishedChange, PublishedHistory } from '../../../main/api/contract.ts';
import { createBackend } from '../../../main/backend/index.ts';
import { cliOn } from './captured.ts';
import { databasePath } from '../../../main/dataDir.ts';
import { JUNE, publishLayout, writeVersionClub } from '../backend/versionClub.ts';

const dir = mkdtempSync(join(tmpdir(), 'rm-cli-versions-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const cli = cliOn(dir);

/** Every version row and published slot, read from the database file. */
function fileState(): unknown {
  const db = new Database(databasePath(dir), { readonly: true });
  try {
    return [
      db.prepare('SELECT * FROM published_version ORDER BY month, version').all(),
      db
        .prepare(
          `SELECT s.date, s.role, s.member_id FROM roster_slot s JOIN roster r ON r.id = s.roster_id WHERE r.kind = 'published' ORDER BY 1, 2`,
        )
        .all(),
    ];
  } finally {
    db.close();
  }
}

describe('CLI: history, restore-version, swap and cover on the store', () => {
  before(async () => {
    const backend = await createBackend({ dataDir: dir, demoClubPath: writeVersionClub(dir) });
    try {
      await publishLayout(backend, { year: 2026, month: 6 }, JUNE);
    } finally {
      await backend.close();
    }
  });

  it('cover records a version with its note; --replace records a replacement', async () => {
    const covered = await cli('cover', '--date', '2026-06-13', '--role', 'duty_officer', '--member', 'bob', '--note', 'Ann is ill');
    assert.equal(covered.code, 0, covered.stderr);
    assert.equal(
      covered.stdout,
      'Bob Ray covers Ann Lee as Duty Officer on 2026-06-13; June 2026 is now version 2.\n' +
        'Warning: Bob Ray is also Duty Officer on 2026-06-14, the neighbouring duty day.\n',
    );
    const replaced = await cli('cover', '--date', '2026-06-28', '--role', 'instructor', '--member', 'ann', '--replace', '--json');
    assert.equal(replaced.code, 0, replaced.stderr);
    assert.deepEqual((JSON.parse(replaced.stdout) as PublishedChange).months, [{ year: 2026, month: 6, version: 3 }]);
  });

  it('swap exchanges two duties; a refused one exits 2 naming the rule and changes nothing', async () => {
    const swapped = await cli(
      'swap',
      '--date',
      '2026-06-07',
      '--role',
      'instructor',
      '--with-date',
      '2026-06-27',
      '--with-role',
      'instructor',
    );
    assert.equal(swapped.code, 0, swapped.stderr);
    assert.match(
      swapped.stdout,
      /^Swapped: Ann Lee is Instructor on 2026-06-07, Bob Ray is Instructor on 2026-06-27; June 2026 is now version 4\./,
    );

    const unchanged = fileState();
    const refused = await cli(
      'swap',
      '--date',
      '2026-06-21',
      '--role',
      'instructor',
      '--with-date',
      '2026-06-20',
      '--with-role',
      'instructor',
    );
    assert.equal(refused.code, 2);
    assert.equal(
      refused.stderr,
      'Refused by the hard rule "avoids someone on duty": Dan Poe and Cat Fox avoid each other but are both on duty on 2026-06-20.\n',
    );
    const blackout = await cli('cover', '--date', '2026-06-20', '--role', 'duty_officer', '--member', 'eve');
    assert.equal(blackout.code, 2);
    assert.match(blackout.stderr, /^Refused by the hard rule "blacked out": /);
    assert.deepEqual(fileState(), unchanged);

    for (const bad of [
      ['swap', '--date', '13 June', '--role', 'instructor', '--with-date', '2026-06-20', '--with-role', 'instructor'],
      ['swap', '--date', '2026-06-13', '--role', 'Instructor', '--with-date', '2026-06-20', '--with-role', 'instructor'],
      ['swap', '--date', '2026-06-13', '--role', 'instructor', '--with-date', '2026-06-20'],
      ['cover', '--date', '2026-06-09', '--role', 'instructor', '--member', 'bob'],
      ['cover', '--date', '2026-06-13', '--role', 'instructor', '--member', 'nobody'],
    ]) {
      const result = await cli(...bad);
      assert.equal(result.code, 2, bad.join(' '));
      assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
      assert.doesNotMatch(result.stderr, /\bat \w+ \(|Error:/, 'no stack trace');
    }
    assert.deepEqual(fileState(), unchanged);
  });

  it('history lists every version with its diff; restore-version makes an old one current again', async () => {
    const text = await cli('history', '--year', '2026', '--month', '6');
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /^June 2026: 4 version\(s\), newest first\./);
    assert.match(text.stdout, /v2 {2}\S+ {2}cover {2}"Ann is ill" {2}16\/16 filled\n {4}Duty Officer Sat 2026-06-13: Ann Lee -> Bob Ray\n/);
    assert.match(text.stdout, /v4 {2}\S+ {2}swap {2}\(current\)/);
    assert.match(text.stdout, /v1 {2}\S+ {2}published {2}16\/16 filled\n {4}first version/);

    const restored = await cli('restore-version', '--year', '2026', '--month', '6', '--version', '1', '--note', 'as planned');
    assert.equal(restored.code, 0, restored.stderr);
    assert.equal(restored.stdout, 'Version 1 of June 2026 is restored as version 5.\n');
    const history = JSON.parse((await cli('history', '--year', '2026', '--month', '6', '--json')).stdout) as PublishedHistory;
    assert.deepEqual([history.versions[0].version, history.versions[0].reason, history.versions[0].note], [5, 'restored v1', 'as planned']);
    assert.equal(history.versions[0].changes.length, 4);

    const again = await cli('restore-version', '--year', '2026', '--month', '6', '--version', '1');
    assert.equal(again.code, 2);
    assert.equal(again.stderr, 'The current version of June 2026 already holds what version 1 holds; there is nothing to restore.\n');
    const none = await cli('history', '--year', '2026', '--month', '8');
    assert.deepEqual([none.code, none.stderr], [2, 'Nothing has been published for August 2026.\n']);
  });
});
