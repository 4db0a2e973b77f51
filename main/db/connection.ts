import Database from 'better-sqlite3';
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { makePrivate, SQLITE_SIDE_FILES } from '../dataDir.ts';
import { migrate } from './migrations.ts';

export type Db = Database.Database;

export interface OpenOptions {
  /** Path to a better-sqlite3 native build other than the default (the Electron host passes its rebuilt one). */
  nativeBinding?: string;
  /** Stop migrating at this version (tests build older databases with it). */
  migrateTo?: number;
  /** Read only, no migration: for commands that read while another process owns the data folder. */
  readonly?: boolean;
}

/** Opens (creating if needed) the database file with WAL and foreign keys on, and migrates it. */
export function openDatabase(file: string, opts: OpenOptions = {}): Db {
  if (!opts.readonly) mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file, {
    ...(opts.readonly ? { readonly: true, fileMustExist: true } : {}),
    ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
  });
  try {
    if (!opts.readonly) db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    if (!opts.readonly) migrate(db, opts.migrateTo);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

export function syncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Removes a database file together with the files SQLite keeps beside it. */
export function removeDatabaseFiles(file: string): void {
  for (const suffix of ['', ...SQLITE_SIDE_FILES]) rmSync(file + suffix, { force: true });
}

/**
 * Builds a new database beside `file` (private, migrated, filled by `fill` in one go) and moves it into
 * place with one rename, so `file` only ever appears complete: a start interrupted at any moment leaves
 * no empty or half-filled database behind. An existing `file` is replaced.
 */
export function createDatabaseFile(file: string, fill: (db: Db) => void, opts: OpenOptions = {}): void {
  const building = `${file}.creating`;
  removeDatabaseFiles(building);
  mkdirSync(dirname(file), { recursive: true });
  closeSync(openSync(building, 'w', 0o600));
  makePrivate(building);
  const db = openDatabase(building, opts);
  try {
    fill(db);
  } catch (error) {
    db.close();
    removeDatabaseFiles(building);
    throw error;
  }
  db.close();
  syncFile(building);
  renameSync(building, file);
}
