import { chmodSync, closeSync, lstatSync, mkdirSync, openSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

const APP_FOLDER = 'Rostermeister';

/** Where Rostermeister keeps its database, backups and logs on this platform. */
export function platformDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  if (platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), APP_FOLDER);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_FOLDER);
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), APP_FOLDER);
}

/** The data folder to use: `--data-dir`, then ROSTERMEISTER_DATA_DIR, then the platform folder. */
export function resolveDataDir(explicit?: string | null, env: NodeJS.ProcessEnv = process.env): string {
  if (explicit) return explicit;
  if (env.ROSTERMEISTER_DATA_DIR) return env.ROSTERMEISTER_DATA_DIR;
  return platformDataDir(process.platform, env);
}

const DATABASE_FILE = 'rostermeister.db';
export const databasePath = (dataDir: string): string => join(dataDir, DATABASE_FILE);
export const backupsDir = (dataDir: string): string => join(dataDir, 'backups');
const logsDir = (dataDir: string): string => join(dataDir, 'logs');
export const logPath = (dataDir: string): string => join(logsDir(dataDir), 'rostermeister.log');
export const lockPath = (dataDir: string): string => join(dataDir, 'rostermeister.lock');
/** Where a database that could not be used is moved when a backup replaces it (never pruned). */
export const setAsideDir = (dataDir: string): string => join(dataDir, 'set-aside');

/** Files SQLite keeps beside a database. */
export const SQLITE_SIDE_FILES = ['-wal', '-shm', '-journal'] as const;

const PRIVATE_DIR = 0o700;
const PRIVATE_FILE = 0o600;

/**
 * Creates the data folder if needed and keeps it private: the folder and its subfolders 0700, the files
 * in them 0600 (the club's member list is personal data). Best effort on file systems without modes.
 */
export function prepareDataDir(dataDir: string): void {
  mkdirSync(dataDir, { recursive: true, mode: PRIVATE_DIR });
  restrict(dataDir, 0);
  try {
    mkdirSync(logsDir(dataDir), { recursive: true, mode: PRIVATE_DIR });
    // The log is appended to by plain writes, which would create it world-readable.
    closeSync(openSync(logPath(dataDir), 'a', PRIVATE_FILE));
  } catch {
    // A read-only folder: whoever owns it keeps the log.
  }
}

function restrict(path: string, depth: number): void {
  try {
    // lstat: a link is never followed, so nothing outside the folder is touched.
    const stat = lstatSync(path);
    if (!stat.isDirectory() && !stat.isFile()) return;
    const wanted = stat.isDirectory() ? PRIVATE_DIR : PRIVATE_FILE;
    if ((stat.mode & 0o777) !== wanted) chmodSync(path, wanted);
    if (stat.isDirectory() && depth < 2) for (const name of readdirSync(path)) restrict(join(path, name), depth + 1);
  } catch {
    // Not ours to change (another owner, or a file system without Unix modes).
  }
}

/** Makes one file private (0600), e.g. a backup just written. */
export function makePrivate(file: string): void {
  try {
    if (lstatSync(file).isFile()) chmodSync(file, PRIVATE_FILE);
  } catch {
    // As above.
  }
}
