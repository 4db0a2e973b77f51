import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { cliOn } from './captured.ts';

const dir = mkdtempSync(join(tmpdir(), 'rm-cli-members-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const cli = cliOn(dir);

describe('CLI import-members', () => {
  it('refuses a sheet with a bad row (exit 2, nothing changed), maps columns with --map, imports a good one', async () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'Full name,Ratings,Away\nIvo Quist,instructor,2026-02-30\nUma Rees,towpilot,\n');
    const refused = await cli('import-members', '--file', bad, '--map', 'Away=blackouts');
    assert.equal(refused.code, 2);
    assert.match(refused.stdout, /Away +Blackout days \(blackouts\)/);
    assert.match(refused.stdout, /2 +Ivo Quist \(m\d+\) +add +Away: Blackout days \(entry 1\) must be/);
    assert.equal(refused.stderr, 'Nothing was imported: 1 row(s) have problems (see above). Fix them and run again.\n');

    const preview = await cli('import-members', '--file', bad, '--map', 'Away=-', '--preview');
    assert.equal(preview.code, 0, preview.stderr);
    assert.match(preview.stdout, /2 to add, 0 to change, 0 row\(s\) with problems/);

    const imported = await cli('import-members', '--file', bad, '--map', 'Away=-');
    assert.equal(imported.code, 0, imported.stderr);
    assert.match(imported.stdout, /Imported: 2 added, 0 changed\. Backup: before-members-import/);
    const list = await cli('import-members', '--file', bad, '--map', 'Away=-', '--preview');
    assert.match(list.stdout, /0 to add, 2 to change/, 'the same sheet again changes the members it added');
  });

  it('names a bad --map or a missing file in one sentence', async () => {
    const file = join(dir, 'm.csv');
    writeFileSync(file, 'Name\nAnn\n');
    const unknown = await cli('import-members', '--file', file, '--map', 'Name=shoe size');
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /^--map: "shoe size" is not a member field/);
    const column = await cli('import-members', '--file', file, '--map', 'Email=name');
    assert.match(column.stderr, /^--map names the column "Email", but the sheet's columns are "Name"\.\n$/);
    const missing = await cli('import-members', '--file', join(dir, 'nope.csv'));
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /there is no such file/);
  });
});
