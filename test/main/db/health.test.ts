import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { lockPath } from '../../../main/dataDir.ts';
import { createDatabaseFile, openDatabase } from '../../../main/db/connection.ts';
import { acquireFolderLock, FolderInUseError } from '../../../main/db/folderLock.ts';
import { checkDatabaseFile, readHeader } from '../../../main/db/health.ts';
import { APPLICATION_ID, CURRENT_VERSION } from '../../../main/db/migrations.ts';

const root = mkdtempSync(join(tmpdir(), 'rm-health-'));
after(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const freshFile = () => join(root, `db-${n++}.sqlite`);

describe('database health', () => {
  it('migrate stamps the schema version and the application id into the header', () => {
    const file = freshFile();
    openDatabase(file, { migrateTo: 1 }).close();
    assert.deepEqual(readHeader(file), { sqlite: true, userVersion: 1, applicationId: APPLICATION_ID });
    openDatabase(file).close();
    assert.equal(readHeader(file)!.userVersion, CURRENT_VERSION);
    assert.deepEqual(checkDatabaseFile(file), { usable: true, version: CURRENT_VERSION });
  });

  it('accepts a database made before the header was stamped (user_version and application_id 0)', () => {
    const file = freshFile();
    const db = openDatabase(file);
    db.pragma('user_version = 0');
    db.pragma('application_id = 0');
    db.close();
    assert.deepEqual(checkDatabaseFile(file), { usable: true, version: CURRENT_VERSION });
  });

  it('names the problem: empty, foreign, newer', () => {
    const empty = freshFile();
    writeFileSync(empty, '');
    assert.equal((checkDatabaseFile(empty) as { problem: string }).problem, 'empty');
    const text = freshFile();
    writeFileSync(text, 'x'.repeat(200));
    assert.equal((checkDatabaseFile(text) as { problem: string }).problem, 'foreign');
    const newer = freshFile();
    const db = openDatabase(newer);
    db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(CURRENT_VERSION + 1, 'next', 'x');
    db.pragma(`user_version = ${CURRENT_VERSION + 1}`);
    db.close();
    assert.deepEqual(checkDatabaseFile(newer), {
      usable: false,
      problem: 'newer',
      detail: `schema version ${CURRENT_VERSION + 1}; this version of Rostermeister knows up to ${CURRENT_VERSION}`,
      version: CURRENT_VERSION + 1,
    });
  });

  it('a new database appears only complete (built beside it, renamed into place)', () => {
    const file = freshFile();
    assert.throws(
      () =>
        createDatabaseFile(file, () => {
          throw new Error('stopped half-way');
        }),
      /stopped half-way/,
    );
    assert.throws(() => checkDatabaseFile(file), /ENOENT/);
    createDatabaseFile(file, (db) => db.prepare(`INSERT INTO setting (key, value) VALUES ('k', '1')`).run());
    assert.equal(checkDatabaseFile(file).usable, true);
  });
});

describe('the data folder lock', () => {
  it('is held once; released, it can be taken again', () => {
    const dir = join(root, 'locked');
    mkdirSync(dir, { recursive: true });
    const lock = acquireFolderLock(dir);
    assert.throws(
      () => acquireFolderLock(dir),
      (e: unknown) => e instanceof FolderInUseError && e.pid === process.pid,
    );
    lock.release();
    acquireFolderLock(dir).release();
  });

  it('a lock file cut short (no pid) is taken over once it is old, refused while it is fresh', () => {
    const dir = join(root, 'cut-short');
    mkdirSync(dir, { recursive: true });
    writeFileSync(lockPath(dir), '');
    assert.throws(() => acquireFolderLock(dir), FolderInUseError);
    const old = new Date(Date.now() - 60_000);
    utimesSync(lockPath(dir), old, old);
    acquireFolderLock(dir).release();
  });
});
