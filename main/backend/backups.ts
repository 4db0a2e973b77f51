import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { copyFileSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { BackupInfo } from '../api/contract.ts';
import { badInput, notFound } from '../api/errors.ts';
import { openDatabase, removeDatabaseFiles, syncFile, type Db } from '../db/connection.ts';
import { checkDatabaseFile, describeProblem, readHeader } from '../db/health.ts';
import { APPLICATION_ID, CURRENT_VERSION } from '../db/migrations.ts';
import { backupsDir, databasePath, lockPath, makePrivate, setAsideDir, SQLITE_SIDE_FILES } from '../dataDir.ts';
import type { Logger } from '../log.ts';

/**
 * Backups of the database, in dataDir/backups/. Each is checked when made (integrity_check on the copy,
 * its schema version stamped in the file's header) and again before it is restored, on the copy that
 * will become the live database; a damaged or foreign one is refused and the live database is untouched.
 */

/** What backups need besides the live database: the folder, the log, the clock. */
export interface BackupFolder {
  readonly dataDir: string;
  readonly log: Logger;
  readonly now: () => Date;
  readonly nativeBinding?: string;
}

const BACKUP_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*\.sqlite$/;
/**
 * Beside each backup, its SHA-256 in `sha256sum` format: SQLite's integrity check finds broken pages but
 * not a changed value inside one, the checksum does. Backups without one (older, or copied in by hand)
 * get the integrity check only.
 */
const CHECKSUM = '.sha256';
/** A backup being written; it gets its name only once it has been checked. */
const PARTIAL = '.partial';

const stamp = (date: Date): string => date.toISOString().replace(/[:.]/g, '-');
const binding = (folder: BackupFolder) => (folder.nativeBinding ? { nativeBinding: folder.nativeBinding } : {});

/** The list entry for a file, from its header only (cheap); null for anything that is not a plain file. */
function info(dir: string, name: string): BackupInfo | null {
  const file = join(dir, name);
  try {
    const stat = lstatSync(file);
    if (!stat.isFile()) return null;
    const header = readHeader(file);
    let problem: string | null = null;
    let schemaVersion: number | null = null;
    if (header === null || !header.sqlite) problem = 'Not a database file.';
    else if (header.applicationId !== 0 && header.applicationId !== APPLICATION_ID) problem = 'Not a Rostermeister backup.';
    else {
      schemaVersion = header.userVersion === 0 ? null : header.userVersion;
      if (header.userVersion > CURRENT_VERSION) problem = `Made by a newer Rostermeister (schema version ${header.userVersion}).`;
    }
    return { name, createdAt: stat.mtime.toISOString(), sizeBytes: stat.size, schemaVersion, problem };
  } catch {
    return null;
  }
}

/** Backups, newest first. Whatever else lies in the folder (links, folders, unreadable files) is left out. */
export function listBackups(dataDir: string): BackupInfo[] {
  const dir = backupsDir(dataDir);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((name) => BACKUP_NAME.test(name))
    .map((name) => info(dir, name))
    .filter((b): b is BackupInfo => b !== null)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name));
}

/** Thrown when the live database cannot be copied into a good backup. */
export class DamagedDatabaseError extends Error {}

/**
 * A consistent copy of the live database (SQLite online backup), checked before it gets its name, then
 * the oldest backups beyond `keep` are removed (never the newest good one).
 */
export async function createBackup(folder: BackupFolder, db: Db, keep: number, prefix = 'backup'): Promise<BackupInfo> {
  const dir = backupsDir(folder.dataDir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  let name = `${prefix}-${stamp(folder.now())}.sqlite`;
  for (let n = 2; lstatExists(join(dir, name)); n++) name = `${prefix}-${stamp(folder.now())}-${n}.sqlite`;
  const partial = join(dir, name + PARTIAL);
  try {
    await db.backup(partial);
    makePrivate(partial);
    const check = checkDatabaseFile(partial, { writable: true, ...binding(folder) });
    if (!check.usable) {
      folder.log.error('Backup refused: the database is not sound', { problem: check.problem, detail: check.detail });
      throw new DamagedDatabaseError(`The database ${describeProblem(check)}, so no backup was made.`);
    }
    singleFile(partial, folder);
    writeFileSync(join(dir, name + CHECKSUM), `${sha256Of(partial)}  ${name}\n`, { mode: 0o600 });
    renameSync(partial, join(dir, name));
  } catch (error) {
    removeDatabaseFiles(partial);
    rmSync(join(dir, name + CHECKSUM), { force: true });
    throw error;
  }
  folder.log.info('Backup created', { name });
  pruneBackups(folder, keep);
  return info(dir, name)!;
}

function sha256Of(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** The checksum recorded when the backup was made, or null when it has none. */
function recordedChecksum(file: string): string | null {
  try {
    return /^([0-9a-f]{64})\b/.exec(readFileSync(file + CHECKSUM, 'utf8'))?.[1] ?? null;
  } catch {
    return null;
  }
}

function lstatExists(file: string): boolean {
  try {
    lstatSync(file);
    return true;
  } catch {
    return false;
  }
}

/** A backup is one self-contained file: no write-ahead log beside it. */
function singleFile(file: string, folder: BackupFolder): void {
  const db = new Database(file, { fileMustExist: true, ...binding(folder) });
  try {
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
  syncFile(file);
}

/** Keeps the newest `keep` backups that look like ours, and always the newest one that passes the full check. */
export function pruneBackups(folder: BackupFolder, keep: number): string[] {
  const ours = listBackups(folder.dataDir).filter((b) => b.problem === null);
  if (ours.length <= keep) return [];
  const dir = backupsDir(folder.dataDir);
  const good = (b: BackupInfo) => {
    const file = join(dir, b.name);
    const recorded = recordedChecksum(file);
    return (recorded === null || recorded === sha256Of(file)) && checkDatabaseFile(file, binding(folder)).usable;
  };
  const kept = ours.slice(0, Math.max(1, keep));
  let extra = ours.slice(kept.length);
  if (!kept.some(good)) {
    const lastGood = extra.find(good);
    extra = extra.filter((b) => b !== lastGood);
  }
  for (const b of extra) {
    rmSync(join(dir, b.name), { force: true });
    rmSync(join(dir, b.name + CHECKSUM), { force: true });
    folder.log.info('Old backup removed', { name: b.name, kept: keep });
  }
  return extra.map((b) => b.name);
}

/** Where a backup is copied, checked and migrated before it replaces the live database. */
export const restoringPath = (dataDir: string): string => `${databasePath(dataDir)}.restoring`;

/**
 * Copies the backup beside the live database and checks the copy (the very file that will become the
 * live one) and migrates it. Refuses with a message naming what is wrong; the live database is untouched.
 */
export function prepareRestore(folder: BackupFolder, name: string): string {
  if (!BACKUP_NAME.test(name)) throw badInput(`"${name}" is not a backup name.`, 'name');
  const source = join(backupsDir(folder.dataDir), name);
  let isFile: boolean;
  try {
    isFile = lstatSync(source).isFile();
  } catch {
    throw notFound(`There is no backup called "${name}".`, 'name');
  }
  if (!isFile) throw badInput(`"${name}" is not a backup file.`, 'name');
  const incoming = restoringPath(folder.dataDir);
  removeDatabaseFiles(incoming);
  try {
    copyFileSync(source, incoming);
    makePrivate(incoming);
    const recorded = recordedChecksum(source);
    if (recorded !== null && recorded !== sha256Of(incoming)) {
      folder.log.warn('Backup refused', { name, problem: 'checksum' });
      throw badInput(
        `The backup "${name}" was not restored: it has changed since it was made (its checksum does not match). The database is unchanged.`,
        'name',
      );
    }
    const check = checkDatabaseFile(incoming, { writable: true, ...binding(folder) });
    if (!check.usable) {
      folder.log.warn('Backup refused', { name, problem: check.problem, detail: check.detail });
      throw badInput(`The backup "${name}" was not restored: ${describeProblem(check)}. The database is unchanged.`, 'name');
    }
    // Older backups are brought up to date here, so a migration never runs on the live file.
    openDatabase(incoming, binding(folder)).close();
    syncFile(incoming);
    return incoming;
  } catch (error) {
    removeDatabaseFiles(incoming);
    throw error;
  }
}

/**
 * Keeps a copy of a database that is being replaced (damaged, foreign, newer, or empty) in set-aside/,
 * with its write-ahead log. Returns the copy's path. Set-aside copies are never removed by Rostermeister.
 */
export function setAside(folder: BackupFolder): string {
  const file = databasePath(folder.dataDir);
  const dir = setAsideDir(folder.dataDir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  let target = join(dir, `rostermeister-${stamp(folder.now())}.db`);
  for (let n = 2; lstatExists(target); n++) target = join(dir, `rostermeister-${stamp(folder.now())}-${n}.db`);
  for (const suffix of ['', ...SQLITE_SIDE_FILES]) {
    if (!lstatExists(file + suffix)) continue;
    copyFileSync(file + suffix, target + suffix);
    makePrivate(target + suffix);
    syncFile(target + suffix);
  }
  folder.log.warn('Database set aside', { file: target });
  return target;
}

/**
 * Puts a prepared file in place of the live database with one rename (a crash leaves the old database
 * or the new one). The live database must be closed; its side files belong to it and go with it.
 */
export function swapIn(dataDir: string, prepared: string): void {
  const file = databasePath(dataDir);
  for (const suffix of SQLITE_SIDE_FILES) rmSync(file + suffix, { force: true });
  renameSync(prepared, file);
}

/** Files a killed restore, start or backup leaves behind. Only called by the folder's owner. */
export function removeLeftovers(dataDir: string): void {
  for (const prepared of [restoringPath(dataDir), `${databasePath(dataDir)}.creating`]) removeDatabaseFiles(prepared);
  const clean = (dir: string, test: (name: string) => boolean) => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names) if (test(name)) rmSync(join(dir, name), { force: true });
  };
  clean(backupsDir(dataDir), (name) => /\.sqlite\.partial(-wal|-shm|-journal)?$/.test(name));
  const lockName = basename(lockPath(dataDir));
  clean(dataDir, (name) => name.startsWith(`${lockName}.stale-`));
}
