import { existsSync, readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { DatabaseStatus, RostermeisterApi, Settings } from '../api/contract.ts';
import { ApiError, badInput, conflict } from '../api/errors.ts';
import { API, API_METHODS, type HandlerEnv } from '../api/methods.ts';
import { hasClub, replaceClub } from '../db/clubRepo.ts';
import { createDatabaseFile, openDatabase, removeDatabaseFiles, type Db } from '../db/connection.ts';
import { acquireFolderLock, FolderInUseError, folderHolder, type FolderLock } from '../db/folderLock.ts';
import { checkDatabaseFile } from '../db/health.ts';
import { loadBackupsKept, MAX_BACKUPS_KEPT, saveBackupsKept } from '../db/settingsRepo.ts';
import { isCorruption, storageProblem } from '../db/storageErrors.ts';
import { databasePath, logPath, prepareDataDir, SQLITE_SIDE_FILES } from '../dataDir.ts';
import { createLogger, fileSink, type Logger, type LogSink } from '../log.ts';
import type { OptimizerFault } from '../scheduler/generate.ts';
import { closeOptimizerWorkers, prewarmOptimizerWorker } from '../scheduler/workerClient.ts';
import { parseClubFile } from '../../solver/clubFile.ts';
import {
  createBackup,
  DamagedDatabaseError,
  listBackups,
  prepareRestore,
  removeLeftovers,
  setAside,
  swapIn,
  type BackupFolder,
} from './backups.ts';
import { GenerationTracker, type BackendContext } from './context.ts';
import { recoveryStatus, RecoveryNeededError, StorageError, type DataStore } from './recovery.ts';
import { getSettings, optimizerMayRun } from './settings.ts';

export interface BackendOptions {
  dataDir: string;
  /**
   * `write` (default): this process owns the data folder (the app, the browser host, a command that
   * changes something); another owner makes createBackend throw FolderInUseError. `read`: a command that
   * only reads; beside an owner it opens the database read-only.
   */
  access?: 'write' | 'read';
  /** Also receives every log event (the log file in the data folder always does). */
  logger?: Logger;
  /** Test-only: make the optimizer fail in the given way, to exercise the fallback. */
  fault?: OptimizerFault;
  /** A better-sqlite3 native build other than the package's own (the Electron host's). */
  nativeBinding?: string;
  /** The club file loaded into a new database (default: assets/demo-club.json). */
  demoClubPath?: string;
  /** Folder with the PDF export fonts (default: the package's assets/fonts). */
  fontDir?: string;
  now?: () => Date;
}

export interface Backend extends RostermeisterApi {
  /** Waits for background work (shadow-mode comparisons) to finish. */
  settled(): Promise<void>;
  /** Stops generations, waits for them, closes the database and gives up the data folder. */
  close(): Promise<void>;
  /** Where the database file lives. */
  readonly databaseFile: string;
  /** How many backups are kept (command line: settings get/set backupsKept). */
  getBackupsKept(): Promise<number>;
  setBackupsKept(count: number): Promise<number>;
}

const DEFAULT_DEMO_CLUB = fileURLToPath(new URL('../../assets/demo-club.json', import.meta.url));

function forwardTo(logger: Logger): LogSink {
  return {
    write: ({ level, message, time: _time, ...fields }) => logger[level](message, fields),
  };
}

/** A failure of the disk or folder as one sentence; anything else unchanged. */
function asUserError(error: unknown, dataDir: string): unknown {
  if (error instanceof ApiError || error instanceof FolderInUseError) return error;
  const problem = storageProblem(error, dataDir);
  return problem === null ? error : new StorageError(problem);
}

/**
 * Opens the data folder's database. A new folder gets a database with the demo club; a database that
 * cannot be used (damaged, zero bytes, foreign, newer) puts the backend in recovery (databaseStatus).
 */
export async function createBackend(opts: BackendOptions): Promise<Backend> {
  try {
    return await openBackend(opts);
  } catch (error) {
    throw asUserError(error, opts.dataDir);
  }
}

async function openBackend(opts: BackendOptions): Promise<Backend> {
  const file = databasePath(opts.dataDir);
  const now = opts.now ?? (() => new Date());
  prepareDataDir(opts.dataDir);
  let lock: FolderLock | null = null;
  try {
    lock = acquireFolderLock(opts.dataDir);
  } catch (error) {
    // A reader runs beside the owner, and in a folder it may not write to, read-only.
    if (opts.access !== 'read' || !(error instanceof FolderInUseError || storageProblem(error, opts.dataDir) !== null)) throw error;
  }
  const readonly = lock === null;
  try {
    return await openLocked(opts, file, now, lock, readonly);
  } catch (error) {
    lock?.release();
    throw error;
  }
}

async function openLocked(
  opts: BackendOptions,
  file: string,
  now: () => Date,
  lock: FolderLock | null,
  readonly: boolean,
): Promise<Backend> {
  const sinks: LogSink[] = opts.logger ? [forwardTo(opts.logger)] : [];
  if (!readonly) sinks.unshift(fileSink(logPath(opts.dataDir)));
  const log = createLogger(sinks, opts.now);
  const nativeBinding = opts.nativeBinding;
  const folder: BackupFolder = { dataDir: opts.dataDir, log, now, ...(nativeBinding ? { nativeBinding } : {}) };
  const loadDemo = (db: Db) => {
    const club = parseClubFile(readFileSync(opts.demoClubPath ?? DEFAULT_DEMO_CLUB, 'utf8'));
    db.transaction(() => replaceClub(db, club, now().toISOString())).immediate();
    log.info('Demo club loaded', { club: club.name, members: club.members.length });
  };
  const createFresh = () => {
    // Side files without their database belong to nothing; they must not meet the new file.
    if (!existsSync(file)) for (const suffix of SQLITE_SIDE_FILES) if (existsSync(file + suffix)) setAside(folder);
    createDatabaseFile(file, loadDemo, { nativeBinding });
  };

  if (!readonly) removeLeftovers(opts.dataDir);
  if (!existsSync(file)) {
    if (readonly) {
      const holder = folderHolder(opts.dataDir);
      throw conflict(
        `There is no database in ${opts.dataDir} yet${holder === null ? '' : ` (Rostermeister, pid ${holder}, is setting it up)`}.`,
      );
    }
    createFresh();
  }

  let ctx: BackendContext | null = null;
  let recovery: DatabaseStatus | null = null;

  // A worker started ahead is ready (and stays warm) when the first optimizer run comes.
  const prewarm = (settings: Settings) => {
    if (optimizerMayRun(settings)) prewarmOptimizerWorker();
    return settings;
  };
  const openLive = (): void => {
    const db = openDatabase(file, { nativeBinding, readonly });
    try {
      if (!readonly && !hasClub(db)) loadDemo(db);
    } catch (error) {
      db.close();
      throw error;
    }
    ctx = { db, dataDir: opts.dataDir, log, fault: opts.fault, now, generations: new GenerationTracker() };
    recovery = null;
    prewarm(getSettings(ctx));
  };
  const checkAndOpen = (): void => {
    const check = checkDatabaseFile(file, { writable: !readonly, nativeBinding });
    if (check.usable) {
      openLive();
      return;
    }
    recovery = recoveryStatus(file, check);
    log.error('The database cannot be used: recovery', { file, problem: check.problem, detail: check.detail });
  };
  checkAndOpen();

  const live = (): BackendContext => {
    if (ctx === null) throw new RecoveryNeededError(recovery!);
    return ctx;
  };
  const writable = (): void => {
    if (!readonly) return;
    const holder = folderHolder(opts.dataDir);
    throw holder === null
      ? conflict(`Rostermeister may not write to ${opts.dataDir}.`)
      : new FolderInUseError(holder, hostname(), opts.dataDir);
  };
  const run = async <T>(work: () => T | Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      if (isCorruption(error)) {
        log.error('The database is damaged', { message: (error as Error).message });
        throw conflict(
          `The database ${file} is damaged (${(error as Error).message}). Nothing more was changed. Restore a backup (Settings, Backups).`,
        );
      }
      throw asUserError(error, opts.dataDir);
    }
  };
  const backupsKept = (c: BackendContext) => loadBackupsKept(c.db);

  /** A before-restore backup of the live database, or a set-aside copy when it is too damaged for a backup. */
  async function keepCurrent(current: BackendContext): Promise<string> {
    try {
      return (await createBackup(folder, current.db, backupsKept(current), 'before-restore')).name;
    } catch (error) {
      if (!(error instanceof DamagedDatabaseError)) throw error;
      return setAside(folder);
    }
  }

  /** Replaces the live database with a prepared file; the one replaced is kept (before-restore backup or set-aside). */
  async function replaceLive(prepared: string, describe: string): Promise<void> {
    const current = ctx;
    let keptAs: string;
    try {
      keptAs = current === null ? setAside(folder) : await keepCurrent(current);
    } catch (error) {
      // Nothing was replaced; the prepared copy goes.
      removeDatabaseFiles(prepared);
      throw error;
    }
    if (current !== null) {
      await current.generations.stop();
      current.db.close();
      ctx = null;
    }
    swapIn(opts.dataDir, prepared);
    checkAndOpen();
    log.info(describe, { kept_aside: keptAs });
  }

  const store: DataStore = {
    listBackups: () => listBackups(opts.dataDir),
    async createBackup(prefix) {
      writable();
      const c = live();
      try {
        return await createBackup(folder, c.db, backupsKept(c), prefix);
      } catch (error) {
        if (error instanceof DamagedDatabaseError) throw conflict(`${error.message} Restore a backup instead (Settings, Backups).`);
        throw error;
      }
    },
    async restoreBackup(name) {
      writable();
      if (ctx?.generations.busy) throw conflict('A roster is being generated. Wait for it to finish before restoring a backup.');
      await replaceLive(prepareRestore(folder, name), 'Backup restored');
    },
    databaseStatus: () => recovery ?? { state: 'ready', problem: null, message: null, file },
    async startAfresh() {
      writable();
      if (ctx !== null)
        throw conflict('The database is fine; there is nothing to start afresh from. Import a club file to replace the club.');
      const fresh = `${file}.creating`;
      createDatabaseFile(fresh, loadDemo, { nativeBinding });
      await replaceLive(fresh, 'Started afresh with the demo club');
    },
  };
  const env: HandlerEnv = {
    get ctx() {
      return live();
    },
    store,
    fontDir: opts.fontDir,
    prewarm,
  };
  // One backend function per entry of the API table, each through `run` (storage failures in words).
  const api = Object.fromEntries(
    API_METHODS.map((name) => {
      const handler = API[name].handler as (env: HandlerEnv, ...args: unknown[]) => unknown;
      return [name, (...args: unknown[]) => run(() => handler(env, ...args))];
    }),
  ) as unknown as RostermeisterApi;

  return {
    ...api,
    databaseFile: file,
    getBackupsKept: () => run(() => backupsKept(live())),
    setBackupsKept: (count) =>
      run(() => {
        writable();
        if (!Number.isInteger(count) || count < 1 || count > MAX_BACKUPS_KEPT)
          throw badInput(`Keep from 1 to ${MAX_BACKUPS_KEPT} backups.`, 'backupsKept');
        const c = live();
        saveBackupsKept(c.db, count);
        c.log.info('Backups kept changed', { backups_kept: count });
        return count;
      }),

    settled: async () => ctx?.generations.settled(),
    async close() {
      const current: BackendContext | null = ctx;
      try {
        if (current !== null) await current.generations.stop();
        await closeOptimizerWorkers();
        if (current?.db.open) current.db.close();
      } finally {
        lock?.release();
      }
    },
  };
}
