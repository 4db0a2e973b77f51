import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { RostermeisterApi, Settings } from '../api/contract.ts';
import { API, API_METHODS, type HandlerEnv } from '../api/methods.ts';
import { hasClub, replaceClub } from '../db/clubRepo.ts';
import { databasePath, logPath } from '../dataDir.ts';
import { openDatabase, type Db } from '../db/connection.ts';
import { createLogger, fileSink, type Logger, type LogSink } from '../log.ts';
import type { OptimizerFault } from '../scheduler/generate.ts';
import { closeOptimizerWorkers, prewarmOptimizerWorker } from '../scheduler/workerClient.ts';
import { parseClubFile } from '../../solver/clubFile.ts';
import { GenerationTracker, nowIso, type BackendContext } from './context.ts';
import { getSettings, optimizerMayRun } from './settings.ts';

export interface BackendOptions {
  dataDir: string;
  /** Also receives every log event (the log file in the data folder always does). */
  logger?: Logger;
  /** Test-only: make the optimizer fail in the given way, to exercise the fallback. */
  fault?: OptimizerFault;
  /** A better-sqlite3 native build other than the package's own (the Electron host's). */
  nativeBinding?: string;
  /** The club file loaded into an empty database (default: assets/demo-club.json). */
  demoClubPath?: string;
  /** Folder with the PDF export fonts (default: the package's assets/fonts). */
  fontDir?: string;
  now?: () => Date;
}

export interface Backend extends RostermeisterApi {
  /** Waits for background work (shadow-mode comparisons) to finish. */
  settled(): Promise<void>;
  /** Stops generations, waits for them and closes the database. */
  close(): Promise<void>;
  /** Where the database file lives. */
  readonly databaseFile: string;
}

const DEFAULT_DEMO_CLUB = fileURLToPath(new URL('../../assets/demo-club.json', import.meta.url));

function forwardTo(logger: Logger): LogSink {
  return {
    write: ({ level, message, time: _time, ...fields }) => logger[level](message, fields),
  };
}

/** Opens (creating and migrating if needed) the data folder's database; an empty one gets the demo club. */
export async function createBackend(opts: BackendOptions): Promise<Backend> {
  const file = databasePath(opts.dataDir);
  const log = createLogger([fileSink(logPath(opts.dataDir)), ...(opts.logger ? [forwardTo(opts.logger)] : [])], opts.now);
  const open = (path: string): Db => openDatabase(path, { nativeBinding: opts.nativeBinding });
  const ctx: BackendContext = {
    db: open(file),
    dataDir: opts.dataDir,
    log,
    fault: opts.fault,
    now: opts.now ?? (() => new Date()),
    generations: new GenerationTracker(),
  };
  if (!hasClub(ctx.db)) {
    const club = parseClubFile(readFileSync(opts.demoClubPath ?? DEFAULT_DEMO_CLUB, 'utf8'));
    ctx.db.transaction(() => replaceClub(ctx.db, club, nowIso(ctx))).immediate();
    log.info('Demo club loaded', { club: club.name, members: club.members.length });
  }

  // A worker started ahead is ready (and stays warm) when the first optimizer run comes.
  const prewarm = (settings: Settings) => {
    if (optimizerMayRun(settings)) prewarmOptimizerWorker();
    return settings;
  };
  prewarm(getSettings(ctx));

  const env: HandlerEnv = { ctx, fontDir: opts.fontDir, open, prewarm };
  // One backend function per entry of the API table; a sync throw becomes a rejected promise.
  const api = Object.fromEntries(
    API_METHODS.map((name) => {
      const handler = API[name].handler as (env: HandlerEnv, ...args: unknown[]) => unknown;
      return [name, async (...args: unknown[]) => handler(env, ...args)];
    }),
  ) as unknown as RostermeisterApi;

  return {
    ...api,
    databaseFile: file,
    settled: () => ctx.generations.settled(),
    async close() {
      await ctx.generations.stop();
      await closeOptimizerWorkers();
      if (ctx.db.open) ctx.db.close();
    },
  };
}
