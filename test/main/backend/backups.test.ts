import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { callApi } from '../../../main/api/dispatch.ts';
import { ApiError } from '../../../main/api/errors.ts';
import { pruneBackups, restoringPath } from '../../../main/backend/backups.ts';
import { createBackend } from '../../../main/backend/index.ts';
import { runCli } from '../../../main/cli/main.ts';
import { backupsDir, databasePath, lockPath, logPath } from '../../../main/dataDir.ts';
import { CURRENT_VERSION } from '../../../main/db/migrations.ts';
import { silentLogger } from '../../../main/log.ts';
import { syntheticClub } from '../../../bench/syntheticClub.ts';
import { serializeClub } from '../../../solver/clubFile.ts';
import { apiError, tempBackend } from './helpers.ts';

const root = mkdtempSync(join(tmpdir(), 'rm-backups-'));
after(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const freshDir = () => join(root, `data-${++n}`);
const mode = (path: string) => statSync(path).mode & 0o777;

describe('backups and the data folder', () => {
  it('keeps the data folder private: folders 0700, files 0600, also when they were open before', async () => {
    const dir = freshDir();
    const backend = await createBackend({ dataDir: dir });
    const backup = await backend.createBackup();
    await backend.close();
    assert.equal(mode(dir), 0o700);
    assert.equal(mode(databasePath(dir)), 0o600);
    assert.equal(mode(backupsDir(dir)), 0o700);
    assert.equal(mode(join(backupsDir(dir), backup.name)), 0o600);
    assert.equal(mode(logPath(dir)), 0o600);

    chmodSync(dir, 0o755);
    chmodSync(databasePath(dir), 0o644);
    chmodSync(join(backupsDir(dir), backup.name), 0o644);
    const again = await createBackend({ dataDir: dir });
    await again.close();
    assert.equal(mode(dir), 0o700);
    assert.equal(mode(databasePath(dir)), 0o600);
    assert.equal(mode(join(backupsDir(dir), backup.name)), 0o600);
  });

  it('records the schema version in each backup and removes the oldest beyond the number kept', async () => {
    const { backend, dataDir, cleanup } = await tempBackend();
    try {
      assert.equal(await backend.getBackupsKept(), 20);
      await backend.setBackupsKept(3);
      const made = [];
      for (let i = 0; i < 5; i++) made.push((await backend.createBackup()).name);
      const list = await backend.listBackups();
      assert.deepEqual(list.map((b) => b.name).sort(), made.slice(2).sort());
      assert.ok(list.every((b) => b.schemaVersion === CURRENT_VERSION && b.problem === null));
      await apiError(backend.setBackupsKept(0), 'bad_input', 'backupsKept');
      assert.deepEqual(
        readdirSync(backupsDir(dataDir)).sort(),
        made
          .slice(2)
          .flatMap((name) => [name, `${name}.sha256`])
          .sort(),
      );
    } finally {
      await cleanup();
    }
  });

  it('never prunes the newest good backup, even when the newer ones kept are damaged', async () => {
    const { backend, dataDir, cleanup } = await tempBackend();
    try {
      const good = (await backend.createBackup()).name;
      const newerOne = (await backend.createBackup()).name;
      // Damage the newer one behind the app's back, past its header.
      const file = join(backupsDir(dataDir), newerOne);
      const bytes = readFileSync(file);
      bytes.fill(0x41, 4096, bytes.length);
      writeFileSync(file, bytes);
      const removed = pruneBackups({ dataDir, log: silentLogger, now: () => new Date() }, 1);
      assert.deepEqual(removed, []);
      assert.deepEqual(
        readdirSync(backupsDir(dataDir))
          .filter((f) => f.endsWith('.sqlite'))
          .sort(),
        [good, newerOne].sort(),
      );
    } finally {
      await cleanup();
    }
  });

  it('removes what a killed restore, start or backup left behind when it starts', async () => {
    const dir = freshDir();
    const first = await createBackend({ dataDir: dir });
    await first.close();
    const leftovers = [
      restoringPath(dir),
      `${restoringPath(dir)}-wal`,
      `${databasePath(dir)}.creating`,
      join(backupsDir(dir), 'backup-x.sqlite.partial'),
      `${lockPath(dir)}.stale-1-ab`,
    ];
    mkdirSync(backupsDir(dir), { recursive: true });
    for (const file of leftovers) writeFileSync(file, 'left over');
    const backend = await createBackend({ dataDir: dir });
    try {
      assert.equal((await backend.databaseStatus()).state, 'ready');
      for (const file of leftovers) assert.ok(!existsSync(file), `${file} is still there`);
    } finally {
      await backend.close();
    }
  });

  it('a stale lock of a process that is gone is taken over; a live one is not', async () => {
    const dir = freshDir();
    const first = await createBackend({ dataDir: dir });
    await first.close();
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const { hostname } = await import('node:os');
    writeFileSync(
      lockPath(dir),
      JSON.stringify({ pid: Number(gone.stdout), host: hostname(), since: '2026-01-01T00:00:00Z', token: 'old' }),
    );
    const backend = await createBackend({ dataDir: dir });
    assert.equal((JSON.parse(readFileSync(lockPath(dir), 'utf8')) as { pid: number }).pid, process.pid);
    await assert.rejects(createBackend({ dataDir: dir }), /Rostermeister is open on this folder \(pid \d+\)/);
    // A reader may run beside it, read-only.
    const reader = await createBackend({ dataDir: dir, access: 'read' });
    assert.ok((await reader.listMembers()).length > 0);
    await assert.rejects(reader.createBackup(), /open on this folder/);
    await reader.close();
    assert.ok(existsSync(lockPath(dir)), "a reader must not remove the owner's lock");
    await backend.close();
    assert.ok(!existsSync(lockPath(dir)));
  });

  it('refuses to import a club while a roster is being generated (409, not a 500), and imports once it is done', async () => {
    const { backend, cleanup } = await tempBackend({ fault: 'hang' });
    try {
      await backend.updateSettings({ ...(await backend.getSettings()), scheduler: 'optimizer', timeLimitSeconds: 2 });
      const text = await backend.exportClub();
      const generating = backend.generateDraft({ year: 2027, month: 6 });
      const envelope = await callApi(backend, 'importClub', [text]);
      assert.equal(envelope.ok ? null : envelope.error.code, 'conflict');
      assert.match(envelope.ok ? '' : envelope.error.message, /being generated/);
      await generating.catch(() => null);
      assert.equal((await callApi(backend, 'importClub', [text])).ok, true);
    } finally {
      await cleanup();
    }
  });
});

/** A small tmpfs, so a full disk and a read-only folder are real; mounting needs root. */
function mountSmallDisk(kilobytes: number): string | null {
  const dir = mkdtempSync(join(tmpdir(), 'rm-disk-'));
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${kilobytes}k`, 'tmpfs', dir]);
  if (mounted.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
  return dir;
}

function unmount(dir: string): void {
  // Lazy: a failed assertion may leave a handle open; the mount still goes.
  spawnSync('umount', ['-l', dir]);
  try {
    rmSync(dir, { recursive: true, force: true });
  } catch {
    // Removed by the system once the last handle closes.
  }
}

async function cli(dataDir: string, ...argv: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const code = await runCli([...argv, '--data-dir', dataDir], { out: () => {}, err: (t) => void (stderr += `${t}\n`) });
  return { code, stderr };
}

describe('a full disk and a read-only folder', () => {
  it('say what happened and that nothing was lost, and the data is as it was', async (t) => {
    const disk = mountSmallDisk(2048);
    if (disk === null) {
      t.skip('needs root to mount a small tmpfs (the full-disk and read-only cases use a real one)');
      return;
    }
    try {
      const dir = join(disk, 'data');
      const backend = await createBackend({ dataDir: dir });
      t.after(() => backend.close());
      const members = await backend.listMembers();
      // Fill the disk to the last byte.
      const filler = join(disk, 'filler');
      const chunk = Buffer.alloc(64 * 1024);
      writeFileSync(filler, '');
      for (let size = chunk.length; size >= 1;) {
        try {
          writeFileSync(filler, chunk.subarray(0, size), { flag: 'a' });
        } catch {
          size = Math.floor(size / 2);
        }
      }
      const bigClub = JSON.stringify(serializeClub(syntheticClub({ members: 600, roles: 6, seed: 3 })));
      const full = await callApi(backend, 'importClub', [bigClub]);
      assert.equal(full.ok, false);
      const message = full.ok ? '' : full.error.message;
      assert.match(message, /is full, so this was not saved\. Nothing that was saved before was lost\./);
      const backup = await callApi(backend, 'createBackup', []);
      assert.equal(backup.ok, false);
      assert.match(backup.ok ? '' : backup.error.message, /is full|not saved/);
      assert.deepEqual(await backend.listMembers(), members);
      await backend.close();

      const cliFull = await cli(dir, 'settings', 'set', 'shadowMode', 'true');
      assert.notEqual(cliFull.code, 0);
      assert.match(cliFull.stderr, /full/);
      assert.doesNotMatch(cliFull.stderr, /^\s+at /m);
      rmSync(filler);

      // Read-only: a writer is told so; so is a reader (SQLite cannot read a WAL database where it may not create its index file).
      assert.equal(spawnSync('mount', ['-o', 'remount,ro', disk]).status, 0);
      const writer = await cli(dir, 'settings', 'set', 'shadowMode', 'true');
      assert.equal(writer.code, 1);
      assert.match(writer.stderr, /may not write to its data folder .*Nothing that was saved before was lost/);
      assert.doesNotMatch(writer.stderr, /^\s+at /m);
      const reader = await cli(dir, 'settings', 'get');
      assert.equal(reader.code, 1);
      assert.match(reader.stderr, /cannot open the database in .*Nothing that was saved before was lost/);
      assert.doesNotMatch(reader.stderr, /^\s+at /m);
      await assert.rejects(createBackend({ dataDir: dir }), (e: unknown) => e instanceof ApiError && /may not write/.test(e.message));
    } finally {
      unmount(disk);
    }
  });
});
