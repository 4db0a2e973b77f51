import { randomBytes } from 'node:crypto';
import { closeSync, linkSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { lockPath } from '../dataDir.ts';

/**
 * One process owns a data folder at a time: the desktop app, the browser host or a command that writes.
 * The owner holds `rostermeister.lock` (created exclusively, holding its pid); a lock whose process is
 * gone is taken over. Commands that only read may run beside the owner without it.
 */

interface LockRecord {
  pid: number;
  host: string;
  since: string;
  /** Tells this holding from a later one by the same pid. */
  token: string;
}

/** Another process holds the folder. */
export class FolderInUseError extends Error {
  readonly code = 'folder_in_use';
  constructor(
    readonly pid: number,
    readonly host: string,
    dataDir: string,
  ) {
    super(
      pid <= 0
        ? `Another Rostermeister is just opening this folder: ${dataDir}. Try again in a moment.`
        : host === hostname()
          ? `Rostermeister is open on this folder (pid ${pid}): ${dataDir}. Close it first, or use it there.`
          : `Rostermeister is open on this folder on the computer ${host} (pid ${pid}): ${dataDir}. Close it there first.`,
    );
    this.name = 'FolderInUseError';
  }
}

export interface FolderLock {
  release(): void;
}

function readRecord(file: string): LockRecord | null {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockRecord>;
    if (typeof parsed.pid !== 'number' || typeof parsed.host !== 'string' || typeof parsed.token !== 'string') return null;
    return parsed as LockRecord;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw error;
    // Cut short by a crash between create and write, or written by something else: nobody holds it.
    return null;
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether the record's holder is still running (on another computer we cannot tell, so yes). */
function held(record: LockRecord | null): record is LockRecord {
  if (record === null) return false;
  if (record.host !== hostname()) return true;
  return processAlive(record.pid);
}

function youngerThan(file: string, ms: number): boolean {
  try {
    return Date.now() - statSync(file).mtimeMs < ms;
  } catch {
    return false;
  }
}

function tryCreate(file: string, record: LockRecord): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, JSON.stringify(record));
  } finally {
    closeSync(fd);
  }
  return true;
}

/**
 * Moves a stale lock out of the way. The rename is atomic, so of two processes taking over at once only
 * one moves the stale file; the other may move the winner's fresh lock and puts it back.
 */
function clearStale(file: string, stale: LockRecord | null): void {
  const moved = `${file}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    renameSync(file, moved);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  let got: LockRecord | null;
  try {
    got = readRecord(moved);
  } catch {
    got = null;
  }
  const same = got === null ? stale === null : stale !== null && got.token === stale.token;
  if (!same && held(got)) {
    try {
      linkSync(moved, file);
    } catch {
      // A third process created a lock meanwhile; it holds the folder.
    }
  }
  rmSync(moved, { force: true });
}

/** Takes the data folder or throws FolderInUseError naming the holder. */
export function acquireFolderLock(dataDir: string): FolderLock {
  const file = lockPath(dataDir);
  const record: LockRecord = {
    pid: process.pid,
    host: hostname(),
    since: new Date().toISOString(),
    token: randomBytes(12).toString('hex'),
  };
  for (let attempt = 0; attempt < 5; attempt++) {
    if (tryCreate(file, record)) {
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off('exit', release);
        try {
          if (readRecord(file)?.token === record.token) rmSync(file, { force: true });
        } catch {
          // Already gone.
        }
      };
      process.on('exit', release);
      return { release };
    }
    let current: LockRecord | null;
    try {
      current = readRecord(file);
    } catch {
      continue; // Released between our create and our read: try again.
    }
    if (held(current)) throw new FolderInUseError(current.pid, current.host, dataDir);
    if (current === null && youngerThan(file, 2000)) {
      // Probably created this instant by a process that has not written its pid yet.
      throw new FolderInUseError(0, hostname(), dataDir);
    }
    clearStale(file, current);
  }
  const current = (() => {
    try {
      return readRecord(file);
    } catch {
      return null;
    }
  })();
  throw new FolderInUseError(current?.pid ?? 0, current?.host ?? hostname(), dataDir);
}

/** The pid holding the folder, or null when nobody does (a stale lock counts as nobody). */
export function folderHolder(dataDir: string): number | null {
  try {
    const record = readRecord(lockPath(dataDir));
    return held(record) ? record.pid : null;
  } catch {
    return null;
  }
}
