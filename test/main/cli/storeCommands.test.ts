import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { cliOn } from './captured.ts';
import { CURRENT_VERSION } from '../../../main/db/migrations.ts';

const dir = mkdtempSync(join(tmpdir(), 'rm-cli-store-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const cli = cliOn(dir);

describe('CLI on the store (--data-dir)', () => {
  it('db status lists the migrations before and after the database exists', async () => {
    assert.match((await cli('db', 'status')).stdout, /1 +club, members.*pending/);
    await cli('settings', 'get');
    assert.match((await cli('db', 'status')).stdout, new RegExp(`Schema version ${CURRENT_VERSION} of ${CURRENT_VERSION}\\b`));
  });

  it('propose saves the month draft, publish publishes it, compare records a comparison', async () => {
    const proposed = await cli('propose', '--year', '2026', '--month', '6', '--json');
    assert.equal(proposed.code, 0, proposed.stderr);
    const draft = JSON.parse(proposed.stdout) as { run: { requestedScheduler: string } };
    assert.equal(draft.run.requestedScheduler, 'legacy');
    const published = await cli('publish', '--year', '2026', '--month', '6');
    assert.equal(published.code, 0, published.stderr);
    assert.match(published.stdout, /Published 2026-06-01 to 2026-06-30/);
    const again = await cli('publish', '--year', '2026', '--month', '6');
    assert.equal(again.code, 2, 'publishing again finds no draft: a user error');
    assert.equal(again.stderr, 'There is no draft for 2026-06. Make one with propose first.\n');
    assert.match((await cli('propose', '--year', '2026', '--month', '6', '--seed', '3')).stderr, /only apply with --club/);
  });

  it('settings set/get, export-club, import and backups', async () => {
    assert.equal((await cli('settings', 'set', 'shadowMode', 'true')).code, 0);
    assert.equal((await cli('settings', 'get', 'shadowMode')).stdout.trim(), 'true');
    assert.equal((await cli('settings', 'set', 'scheduler', 'fastest')).code, 2);
    const out = join(dir, 'club.json');
    assert.equal((await cli('export-club', '--out', out)).code, 0);
    assert.match((await cli('import', '--club', out)).stdout, /Imported \d+ members/);
    assert.equal((await cli('backup', 'create')).code, 0);
    const name = /backup-\S+\.sqlite/.exec((await cli('backup', 'list')).stdout)![0];
    assert.equal((await cli('backup', 'restore', name)).code, 0);
    assert.ok(readFileSync(out, 'utf8').includes('"format": "rostermeister-club/2"'));
  });
});
