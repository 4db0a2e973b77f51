import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApiError } from '../../main/api/errors.ts';
import { restoringPath } from '../../main/backend/backups.ts';
import { createBackend } from '../../main/backend/index.ts';
import { RecoveryNeededError } from '../../main/backend/recovery.ts';
import { backupsDir, databasePath, lockPath, setAsideDir } from '../../main/dataDir.ts';
import { FolderInUseError } from '../../main/db/folderLock.ts';
import { APPLICATION_ID, CURRENT_VERSION } from '../../main/db/migrations.ts';
import { FUZZ_SEED } from '../fuzzSeed.ts';
import { dumpTables, hashOf, STRESS, tempDataDir } from './fixtures/database.ts';

/**
 * Data safety on real files: damaged and foreign backups are refused with the live database unchanged;
 * a damaged, empty, foreign or newer live database puts the app in recovery, where the backups are
 * listed and a restore brings back a good state; a second writer on a data folder is refused.
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(ROOT, 'bin', 'rostermeister.mjs');
const HOLDER = fileURLToPath(new URL('./fixtures/holdFolder.ts', import.meta.url));
const RANDOM_CASES = STRESS ? 60 : 12;

const work = tempDataDir('safety');
after(() => work.remove());

/** mulberry32: the attack bytes repeat for a seed. */
function randomSource(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rng = randomSource(FUZZ_SEED);
const randomInt = (below: number) => Math.floor(rng() * below);
const randomBytes = (n: number) => Buffer.from(Array.from({ length: n }, () => randomInt(256)));

let template = '';
let goodBackup = '';
let goodState = '';
/** The good backup without free pages, so every garbled page is one the database uses. */
let compact: Buffer = Buffer.alloc(0);
let pageSize = 4096;

/** Every table of a database file, opened read-only, as a hash. */
function stateOf(file: string): string {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return hashOf(dumpTables(db));
  } finally {
    db.close();
  }
}

let copies = 0;
function copyOf(dir: string): string {
  const target = join(work.dir, `copy-${++copies}`);
  cpSync(dir, target, { recursive: true });
  return target;
}

before(async () => {
  template = join(work.dir, 'template');
  const backend = await createBackend({ dataDir: template });
  const draft = await backend.generateDraft({ year: 2027, month: 6 });
  await backend.publishDraft(draft.id);
  goodBackup = (await backend.createBackup()).name;
  // Changed after the backup, so a restore visibly goes back to it.
  await backend.updateSettings({ ...(await backend.getSettings()), timeLimitSeconds: 7 });
  await backend.close();
  const backupFile = join(backupsDir(template), goodBackup);
  goodState = stateOf(backupFile);
  const compactFile = join(work.dir, 'compact.sqlite');
  const db = new Database(backupFile, { readonly: true });
  db.exec(`VACUUM INTO '${compactFile}'`);
  pageSize = db.pragma('page_size', { simple: true }) as number;
  db.close();
  compact = readFileSync(compactFile);
  assert.notEqual(stateOf(databasePath(template)), goodState);
});

// ---- the attack files ----------------------------------------------------------------------------

interface Attack {
  kind: string;
  bytes: Buffer;
  /** What the check must call it. */
  problem: 'empty' | 'damaged' | 'foreign' | 'newer';
}

/** `pages` distinct pages overwritten with random bytes (the 100-byte file header of page 1 kept). */
function garbled(pages: number): Buffer {
  const bytes = Buffer.from(compact);
  const count = bytes.length / pageSize;
  const chosen = new Set<number>();
  while (chosen.size < Math.min(pages, count)) chosen.add(randomInt(count));
  for (const page of chosen) {
    const start = page * pageSize + (page === 0 ? 100 : 0);
    randomBytes(pageSize * (page + 1) - start).copy(bytes, start);
  }
  return bytes;
}

function truncated(): Buffer {
  return Buffer.from(compact.subarray(0, 100 + randomInt(compact.length - 101)));
}

/** A database built by `build` in a scratch file, as bytes. */
function sqliteFile(build: (db: Database.Database) => void): Buffer {
  const file = join(work.dir, `scratch-${++copies}.sqlite`);
  const db = new Database(file);
  build(db);
  db.close();
  return readFileSync(file);
}

/** The good backup with its schema raised past this version (as a newer Rostermeister would leave it). */
function newer(): Buffer {
  const file = join(work.dir, `newer-${++copies}.sqlite`);
  writeFileSync(file, compact);
  const db = new Database(file);
  db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
    CURRENT_VERSION + 1,
    'from the future',
    '2030-01-01T00:00:00Z',
  );
  db.pragma(`user_version = ${CURRENT_VERSION + 1}`);
  db.close();
  return readFileSync(file);
}

function fixedAttacks(): Attack[] {
  return [
    { kind: 'zero bytes', bytes: Buffer.alloc(0), problem: 'empty' },
    { kind: 'text file', bytes: Buffer.from('This is not a database.\n'), problem: 'foreign' },
    { kind: 'club file (JSON)', bytes: readFileSync(join(ROOT, 'assets', 'demo-club.json')), problem: 'foreign' },
    { kind: 'random bytes', bytes: randomBytes(3 * pageSize), problem: 'foreign' },
    {
      kind: "another application's SQLite database",
      bytes: sqliteFile((db) =>
        db.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices VALUES (1, 9.5);'),
      ),
      problem: 'foreign',
    },
    { kind: 'SQLite database with no tables', bytes: sqliteFile((db) => db.pragma('user_version = 1')), problem: 'empty' },
    {
      kind: 'our tables under another application id',
      bytes: sqliteFile((db) => {
        db.exec(
          'CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT, applied_at TEXT); CREATE TABLE club (id INTEGER PRIMARY KEY);',
        );
        db.pragma(`application_id = ${APPLICATION_ID + 1}`);
      }),
      problem: 'foreign',
    },
    { kind: 'newer schema', bytes: newer(), problem: 'newer' },
    {
      kind: 'schema version in the header disagrees with the migrations',
      bytes: (() => {
        const file = join(work.dir, `mismatch-${++copies}.sqlite`);
        writeFileSync(file, compact);
        const db = new Database(file);
        db.pragma(`user_version = ${CURRENT_VERSION + 5}`);
        db.close();
        return readFileSync(file);
      })(),
      problem: 'damaged',
    },
    {
      kind: 'first page garbled',
      bytes: (() => {
        const b = Buffer.from(compact);
        randomBytes(pageSize - 100).copy(b, 100);
        return b;
      })(),
      problem: 'damaged',
    },
  ];
}

function randomAttacks(): Attack[] {
  const attacks: Attack[] = [];
  for (let i = 0; i < RANDOM_CASES; i++) {
    const pages = 1 + randomInt(3);
    attacks.push({ kind: `${pages} random page(s) garbled`, bytes: garbled(pages), problem: 'damaged' });
    attacks.push({ kind: 'truncated', bytes: truncated(), problem: 'damaged' });
  }
  return attacks;
}

// ---- running the command line as a separate process ---------------------------------------------

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(dataDir: string, ...argv: string[]): CliRun {
  const run = spawnSync(process.execPath, [CLI, ...argv, '--data-dir', dataDir], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const noStack = (run: CliRun) => assert.doesNotMatch(run.stderr, /^\s+at /m, `a stack trace on stderr:\n${run.stderr}`);

describe('data safety', () => {
  it('refuses every damaged or foreign backup, and the live database stays exactly as it was', async (t) => {
    const dir = copyOf(template);
    const live = databasePath(dir);
    const backend = await createBackend({ dataDir: dir });
    const before = stateOf(live);
    const backupsBefore = readdirSync(backupsDir(dir)).sort();
    const attacks = [...fixedAttacks(), ...randomAttacks()];
    let refused = 0;
    let kept = 0;
    try {
      for (const [i, attack] of attacks.entries()) {
        const name = `attack-${i}.sqlite`;
        writeFileSync(join(backupsDir(dir), name), attack.bytes);
        await assert.rejects(
          backend.restoreBackup(name),
          (error: unknown) =>
            error instanceof ApiError &&
            error.code === 'bad_input' &&
            /was not restored/.test(error.message) &&
            /database is unchanged/.test(error.message),
          attack.kind,
        );
        refused++;
        assert.equal(stateOf(live), before, `${attack.kind}: the live database changed`);
        assert.ok(!existsSync(restoringPath(dir)), `${attack.kind}: a .restoring file was left`);
        kept++;
        rmSync(join(backupsDir(dir), name));
      }
      // No before-restore backup was written for a refused restore, and the app still works.
      assert.deepEqual(readdirSync(backupsDir(dir)).sort(), backupsBefore);
      assert.equal((await backend.getSettings()).timeLimitSeconds, 7);
      await backend.restoreBackup(goodBackup);
      assert.equal(stateOf(live), goodState);
    } finally {
      await backend.close();
    }
    const line = `backups: ${attacks.length} damaged or foreign files tried, ${refused} refused, live database unchanged after ${kept}; the good backup then restored`;
    t.diagnostic(line);
    console.log(`Data safety: ${line}`);
  });

  it('a backup whose content changed inside a value (integrity check still ok) is refused by its checksum', async () => {
    const dir = copyOf(template);
    const live = databasePath(dir);
    const file = join(backupsDir(dir), goodBackup);
    const bytes = readFileSync(file);
    const at = bytes.indexOf(Buffer.from('Kestrel Ridge'));
    assert.ok(at > 0, 'the club name is in the backup');
    bytes[at] = 'Q'.charCodeAt(0);
    writeFileSync(file, bytes);
    const check = new Database(file, { readonly: true });
    assert.equal(check.pragma('integrity_check', { simple: true }), 'ok', 'SQLite alone would not notice');
    check.close();
    const backend = await createBackend({ dataDir: dir });
    try {
      const before = stateOf(live);
      await assert.rejects(
        backend.restoreBackup(goodBackup),
        /has changed since it was made \(its checksum does not match\)\. The database is unchanged\./,
      );
      assert.equal(stateOf(live), before);
    } finally {
      await backend.close();
    }
  });

  it('a file in backups/ that is not a backup (link, folder, garbage) is listed as a problem or left out, and the app starts', async () => {
    const dir = copyOf(template);
    const folder = backupsDir(dir);
    writeFileSync(join(folder, 'garbage.sqlite'), randomBytes(500));
    writeFileSync(join(folder, 'tiny.sqlite'), 'x');
    cpSync(join(folder, goodBackup), join(folder, 'a-folder.sqlite', 'inside.sqlite'), { recursive: true });
    symlinkSync('/nonexistent/target.sqlite', join(folder, 'dangling.sqlite'));
    symlinkSync(databasePath(dir), join(folder, 'live-link.sqlite'));
    writeFileSync(join(folder, 'newer.sqlite'), newer());
    const backend = await createBackend({ dataDir: dir });
    try {
      assert.equal((await backend.databaseStatus()).state, 'ready');
      const list = await backend.listBackups();
      assert.deepEqual(list.map((b) => b.name).sort(), [goodBackup, 'garbage.sqlite', 'newer.sqlite', 'tiny.sqlite'].sort());
      assert.equal(list.find((b) => b.name === goodBackup)!.problem, null);
      assert.equal(list.find((b) => b.name === goodBackup)!.schemaVersion, CURRENT_VERSION);
      assert.match(list.find((b) => b.name === 'garbage.sqlite')!.problem ?? '', /Not a database/);
      assert.match(list.find((b) => b.name === 'newer.sqlite')!.problem ?? '', /newer Rostermeister/);
      await assert.rejects(backend.restoreBackup('live-link.sqlite'), (e: unknown) => e instanceof ApiError && e.code === 'bad_input');
      await assert.rejects(backend.restoreBackup('a-folder.sqlite'), (e: unknown) => e instanceof ApiError && e.code === 'bad_input');
    } finally {
      await backend.close();
    }
    // The command line lists them too.
    const listed = cli(dir, 'backup', 'list');
    assert.equal(listed.code, 0, listed.stderr);
    assert.match(listed.stdout, /garbage\.sqlite .*Not a database file/);
  });

  it('a damaged, empty, foreign or newer live database opens in recovery, lists the backups and a restore brings back the good state', async (t) => {
    const attacks: Attack[] = [
      { kind: 'zero bytes', bytes: Buffer.alloc(0), problem: 'empty' },
      { kind: '2 random pages garbled', bytes: garbled(2), problem: 'damaged' },
      { kind: 'truncated', bytes: truncated(), problem: 'damaged' },
      { kind: 'text file', bytes: Buffer.from('not a database'), problem: 'foreign' },
      { kind: "another application's database", bytes: fixedAttacks()[4].bytes, problem: 'foreign' },
      { kind: 'newer schema', bytes: newer(), problem: 'newer' },
    ];
    let recovered = 0;
    for (const attack of attacks) {
      const dir = copyOf(template);
      const live = databasePath(dir);
      for (const suffix of ['-wal', '-shm']) rmSync(live + suffix, { force: true });
      writeFileSync(live, attack.bytes);
      const backend = await createBackend({ dataDir: dir });
      try {
        const status = await backend.databaseStatus();
        assert.equal(status.state, 'recovery', attack.kind);
        assert.equal(status.problem, attack.problem, attack.kind);
        assert.deepEqual(
          (await backend.listBackups()).map((b) => b.name),
          [goodBackup],
          attack.kind,
        );
        await assert.rejects(backend.getSettings(), RecoveryNeededError, attack.kind);
        await assert.rejects(backend.generateDraft({ year: 2027, month: 7 }), RecoveryNeededError, attack.kind);
        await assert.rejects(backend.createBackup(), (e: unknown) => e instanceof ApiError && e.code === 'conflict', attack.kind);
        assert.deepEqual(
          readdirSync(backupsDir(dir)).sort(),
          [goodBackup, `${goodBackup}.sha256`],
          `${attack.kind}: a backup of the unusable file was written`,
        );
        assert.ok(
          readFileSync(live).equals(attack.bytes),
          `${attack.kind}: the unusable file was changed (a zero-byte file must not become the demo club)`,
        );

        await backend.restoreBackup(goodBackup);
        assert.equal((await backend.databaseStatus()).state, 'ready');
        assert.equal((await backend.getSettings()).timeLimitSeconds, 10, `${attack.kind}: not the backup's settings`);
      } finally {
        await backend.close();
      }
      assert.equal(stateOf(live), goodState, attack.kind);
      const aside = readdirSync(setAsideDir(dir)).filter((n) => n.endsWith('.db'));
      assert.equal(aside.length, 1, attack.kind);
      assert.ok(
        readFileSync(join(setAsideDir(dir), aside[0])).equals(attack.bytes),
        `${attack.kind}: the set-aside copy differs from the file`,
      );
      const reopened = await createBackend({ dataDir: dir });
      assert.equal((await reopened.databaseStatus()).state, 'ready');
      await reopened.close();
      recovered++;
    }
    const line = `live database: ${attacks.length} unusable files tried (${attacks.map((a) => a.kind).join(', ')}), ${attacks.length} opened in recovery with the file untouched, ${recovered} restored to the good state, the unusable file kept in set-aside/ in every case`;
    t.diagnostic(line);
    console.log(`Data safety: ${line}`);
  });

  it('without backups, recovery can start afresh; the unusable file is kept', async () => {
    const dir = join(work.dir, 'no-backups');
    const first = await createBackend({ dataDir: dir });
    await first.close();
    const live = databasePath(dir);
    writeFileSync(live, '');
    const backend = await createBackend({ dataDir: dir });
    try {
      assert.equal((await backend.databaseStatus()).problem, 'empty');
      assert.deepEqual(await backend.listBackups(), []);
      await backend.startAfresh();
      assert.equal((await backend.databaseStatus()).state, 'ready');
      assert.ok((await backend.listMembers()).length > 0);
      await assert.rejects(backend.startAfresh(), (e: unknown) => e instanceof ApiError && e.code === 'conflict');
    } finally {
      await backend.close();
    }
    assert.equal(readdirSync(setAsideDir(dir)).filter((n) => n.endsWith('.db')).length, 1);
  });

  it('the command line says so and exits 2 on a damaged database; backup list and restore still work', () => {
    const dir = copyOf(template);
    const live = databasePath(dir);
    for (const suffix of ['-wal', '-shm']) rmSync(live + suffix, { force: true });
    writeFileSync(live, garbled(2));
    for (const argv of [
      ['settings', 'get'],
      ['propose', '--year', '2027', '--month', '7'],
      ['backup', 'create'],
    ]) {
      const run = cli(dir, ...argv);
      assert.equal(run.code, 2, `${argv.join(' ')}: ${run.stderr}`);
      assert.match(run.stderr, /cannot be used: it is damaged|no backup was made/, argv.join(' '));
      noStack(run);
    }
    const status = cli(dir, 'db', 'status');
    assert.equal(status.code, 2);
    assert.match(status.stdout, /It cannot be used: it is damaged/);
    const list = cli(dir, 'backup', 'list');
    assert.equal(list.code, 0, list.stderr);
    assert.ok(list.stdout.includes(goodBackup));
    const restore = cli(dir, 'backup', 'restore', goodBackup);
    assert.equal(restore.code, 0, restore.stderr);
    assert.match(restore.stdout, /set-aside/);
    const get = cli(dir, 'settings', 'get', 'timeLimitSeconds');
    assert.equal(get.code, 0, get.stderr);
    assert.equal(get.stdout.trim(), '10');
  });

  it('db status tells a newer file from a current one', () => {
    const dir = copyOf(template);
    const live = databasePath(dir);
    for (const suffix of ['-wal', '-shm']) rmSync(live + suffix, { force: true });
    writeFileSync(live, newer());
    const run = cli(dir, 'db', 'status');
    assert.equal(run.code, 2);
    assert.doesNotMatch(run.stdout, new RegExp(`version ${CURRENT_VERSION} of ${CURRENT_VERSION}`));
    assert.match(
      run.stdout,
      new RegExp(`Schema version ${CURRENT_VERSION + 1}; this version of Rostermeister knows up to ${CURRENT_VERSION}`),
    );
  });

  it('one writer per data folder: a second one is refused with the pid, readers run beside it, a dead owner is taken over', async (t) => {
    const dir = copyOf(template);
    const live = databasePath(dir);
    const holder = spawn(process.execPath, ['--import', 'tsx', HOLDER, dir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let pid = 0;
    try {
      pid = await new Promise<number>((resolve, reject) => {
        let out = '';
        holder.stdout.setEncoding('utf8').on('data', (chunk: string) => {
          out += chunk;
          const match = /ready (\d+)/.exec(out);
          if (match) resolve(Number(match[1]));
        });
        holder.once('exit', (code) => reject(new Error(`the holder exited with ${code}`)));
      });
      const before = stateOf(live);
      const clubFile = join(work.dir, 'club-for-import.json');
      writeFileSync(clubFile, readFileSync(join(ROOT, 'assets', 'demo-club.json')));
      const writers = [
        ['backup', 'restore', goodBackup],
        ['publish', '--year', '2027', '--month', '6'],
        ['propose', '--year', '2027', '--month', '8'],
        ['settings', 'set', 'scheduler', 'optimizer'],
        ['import', '--club', clubFile],
        ['backup', 'create'],
      ];
      let refused = 0;
      for (const argv of writers) {
        const run = cli(dir, ...argv);
        assert.equal(run.code, 2, `${argv.join(' ')}: ${run.stdout}${run.stderr}`);
        assert.match(run.stderr, new RegExp(`Rostermeister is open on this folder \\(pid ${pid}\\)`), argv.join(' '));
        noStack(run);
        refused++;
      }
      // Another window or host in this process is refused the same way.
      await assert.rejects(createBackend({ dataDir: dir }), (e: unknown) => e instanceof FolderInUseError && e.pid === pid);
      assert.equal(stateOf(live), before, 'a refused writer changed the database');

      const readers = [
        ['backup', 'list'],
        ['db', 'status'],
        ['settings', 'get'],
        ['export-club', '--out', join(work.dir, 'exported.json')],
        ['export', '--year', '2027', '--month', '6', '--format', 'csv', '--out', join(work.dir, 'june.csv')],
      ];
      for (const argv of readers) {
        const run = cli(dir, ...argv);
        assert.equal(run.code, 0, `${argv.join(' ')}: ${run.stderr}`);
      }
      assert.equal(stateOf(live), before, 'a reader changed the database');

      holder.kill('SIGKILL');
      await new Promise((resolve) => holder.once('exit', resolve));
      assert.ok(existsSync(lockPath(dir)), 'the killed owner should have left its lock');
      const takeover = cli(dir, 'settings', 'set', 'shadowMode', 'true');
      assert.equal(takeover.code, 0, takeover.stderr);
      assert.ok(!existsSync(lockPath(dir)), 'the lock is given up when the command ends');
      const line = `two writers: ${writers.length} writing commands tried beside a running owner (pid ${pid}), ${refused} refused with exit 2, database unchanged; ${readers.length} reading commands ran beside it; a SIGKILLed owner's lock was taken over`;
      t.diagnostic(line);
      console.log(`Data safety: ${line}`);
    } finally {
      if (holder.exitCode === null && holder.signalCode === null) holder.kill('SIGKILL');
    }
  });

  it('a refused restore from the command line loses nothing the running app saves afterwards', async () => {
    const dir = copyOf(template);
    const host = await createBackend({ dataDir: dir });
    let july;
    try {
      const restore = cli(dir, 'backup', 'restore', goodBackup);
      assert.equal(restore.code, 2);
      const draft = await host.generateDraft({ year: 2027, month: 7 });
      july = await host.publishDraft(draft.id);
    } finally {
      await host.close();
    }
    const reopened = await createBackend({ dataDir: dir });
    try {
      assert.deepEqual(await reopened.getPublished({ year: 2027, month: 7 }), july);
    } finally {
      await reopened.close();
    }
  });
});
