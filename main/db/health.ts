import Database from 'better-sqlite3';
import { closeSync, lstatSync, openSync, readSync } from 'node:fs';
import { APPLICATION_ID, CURRENT_VERSION } from './migrations.ts';

/**
 * Whether a file is a Rostermeister database this version can use: a live database before it is opened,
 * a backup before it is made available and again before it is restored. Nothing here writes to the file
 * unless `writable` is given (then SQLite may replay the file's own write-ahead log, as opening it would).
 */

/** Why a file cannot be used. `newer`: written by a newer Rostermeister (the file is fine). */
export type DatabaseProblem = 'empty' | 'damaged' | 'foreign' | 'newer';

export type DatabaseCheck =
  { usable: true; version: number } | { usable: false; problem: DatabaseProblem; detail: string; version: number | null };

export interface CheckOptions {
  nativeBinding?: string;
  /** Open read-write (our own private copy, or the live file while we hold the data folder). */
  writable?: boolean;
}

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const HEADER_BYTES = 100;

const PROBLEM_TEXT: Record<DatabaseProblem, string> = {
  empty: 'it is empty',
  damaged: 'it is damaged',
  foreign: 'it is not a Rostermeister database',
  newer: 'it was written by a newer version of Rostermeister',
};

export interface HeaderFacts {
  sqlite: boolean;
  /** PRAGMA user_version as stored in the header (the schema version for files stamped by migrate). */
  userVersion: number;
  applicationId: number;
}

/** The first 100 bytes, read without SQLite: cheap enough for every entry of a backup list. */
export function readHeader(file: string): HeaderFacts | null {
  const fd = openSync(file, 'r');
  try {
    const header = Buffer.alloc(HEADER_BYTES);
    if (readSync(fd, header, 0, HEADER_BYTES, 0) < HEADER_BYTES) return null;
    return {
      sqlite: header.subarray(0, 16).equals(SQLITE_MAGIC),
      userVersion: header.readUInt32BE(60),
      applicationId: header.readUInt32BE(68),
    };
  } finally {
    closeSync(fd);
  }
}

const damaged = (detail: string, version: number | null = null): DatabaseCheck => ({ usable: false, problem: 'damaged', detail, version });

/** Full check: header, SQLite's integrity_check, our identity and the schema version. */
export function checkDatabaseFile(file: string, opts: CheckOptions = {}): DatabaseCheck {
  const stat = lstatSync(file);
  if (!stat.isFile()) return { usable: false, problem: 'foreign', detail: 'it is not a regular file', version: null };
  if (stat.size === 0) return { usable: false, problem: 'empty', detail: 'the file has zero bytes', version: null };
  const header = readHeader(file);
  if (header === null || !header.sqlite) {
    return { usable: false, problem: 'foreign', detail: 'it is not an SQLite database (or its first page is damaged)', version: null };
  }
  if (header.applicationId !== 0 && header.applicationId !== APPLICATION_ID) {
    return { usable: false, problem: 'foreign', detail: 'it is a database of another application', version: null };
  }

  let db: Database.Database | null = null;
  try {
    db = new Database(file, {
      readonly: !opts.writable,
      fileMustExist: true,
      ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
    });
    const problems = (db.pragma('integrity_check(5)') as { integrity_check: string }[]).map((r) => r.integrity_check);
    if (problems.length !== 1 || problems[0] !== 'ok') return damaged(`integrity check: ${problems.join('; ')}`);
    const tables = new Set(
      (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map((t) => t.name),
    );
    if (tables.size === 0) return { usable: false, problem: 'empty', detail: 'it holds no tables', version: null };
    if (!tables.has('schema_migrations') || !tables.has('club')) {
      return { usable: false, problem: 'foreign', detail: 'it does not have the tables of a Rostermeister database', version: null };
    }
    const row = db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: unknown };
    const version = typeof row.v === 'number' && Number.isInteger(row.v) ? row.v : null;
    if (version === null) return { usable: false, problem: 'foreign', detail: 'it records no schema version', version: null };
    if (header.userVersion !== 0 && header.userVersion !== version) {
      return damaged(`its recorded schema version (${header.userVersion}) does not match its migrations (${version})`, version);
    }
    if (version > CURRENT_VERSION) {
      return {
        usable: false,
        problem: 'newer',
        detail: `schema version ${version}; this version of Rostermeister knows up to ${CURRENT_VERSION}`,
        version,
      };
    }
    return { usable: true, version };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'SQLITE_NOTADB' || (typeof code === 'string' && code.startsWith('SQLITE_CORRUPT')))
      return damaged((error as Error).message);
    throw error;
  } finally {
    db?.close();
  }
}

/** Part of a sentence for a person, e.g. "it is empty (the file has zero bytes)"; SQLite's own findings stay in the log. */
export function describeProblem(check: Extract<DatabaseCheck, { usable: false }>): string {
  const detail = check.detail.startsWith('integrity check:') ? "SQLite's integrity check found errors" : check.detail;
  return `${PROBLEM_TEXT[check.problem]} (${detail})`;
}
