import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrate } from './migrations.ts';

export type Db = Database.Database;

export interface OpenOptions {
  /** Path to a better-sqlite3 native build other than the default (the Electron host passes its rebuilt one). */
  nativeBinding?: string;
  /** Stop migrating at this version (tests build older databases with it). */
  migrateTo?: number;
}

/** Opens (creating if needed) the database file with WAL and foreign keys on, and migrates it. */
export function openDatabase(file: string, opts: OpenOptions = {}): Db {
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file, opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {});
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, opts.migrateTo);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
