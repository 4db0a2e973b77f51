import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { RostermeisterApi, Settings } from '../api/contract.ts';
import { hasClub, replaceClub } from '../db/clubRepo.ts';
import { openDatabase, type Db } from '../db/connection.ts';
import { listRuns } from '../db/runRepo.ts';
import { databasePath, logPath } from '../dataDir.ts';
import { createLogger, fileSink, readLogFile, type Logger, type LogSink } from '../log.ts';
import type { OptimizerFault } from '../scheduler/generate.ts';
import { closeOptimizerWorkers, prewarmOptimizerWorker } from '../scheduler/workerClient.ts';
import { parseClubFile } from '../../solver/clubFile.ts';
import { createBackup, listBackups, restoreBackup } from './backups.ts';
import * as clubService from './clubService.ts';
import { adoptComparison, compare, latestComparison } from './comparisons.ts';
import { GenerationTracker, nowIso, type BackendContext } from './context.ts';
import * as drafts from './drafts.ts';
import { exportPublished, getPublished, listPublishedMonths, publishedConflicts } from './published.ts';
import { getSettings, optimizerMayRun, updateSettings } from './settings.ts';

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

  const run = async <T>(work: () => T | Promise<T>): Promise<T> => work();
  // A worker started ahead is ready (and stays warm) when the first optimizer run comes.
  const prewarm = (settings: Settings) => {
    if (optimizerMayRun(settings)) prewarmOptimizerWorker();
    return settings;
  };
  prewarm(getSettings(ctx));

  return {
    databaseFile: file,
    getClubSettings: () => run(() => clubService.getClubSettings(ctx)),
    updateClubSettings: (settings) => run(() => clubService.updateClubSettings(ctx, settings)),
    listMembers: () => run(() => clubService.listMembers(ctx)),
    saveMember: (member) => run(() => clubService.saveMember(ctx, member)),
    deleteMember: (memberId) => run(() => clubService.deleteMember(ctx, memberId)),
    importClub: (text) => run(() => clubService.importClub(ctx, text)),
    importClubFile: (text, fileName) => run(() => clubService.importClub(ctx, text, fileName)),
    previewClubImport: (text) => run(() => clubService.previewClubImport(ctx, text)),
    exportClub: () => run(() => clubService.exportClub(ctx)),

    getDraft: (month) => run(() => drafts.getDraft(ctx, month)),
    generateDraft: (month) => run(() => drafts.generateDraft(ctx, month)),
    rollDraft: (draftId) => run(() => drafts.rollDraft(ctx, draftId)),
    rollDraftWith: (draftId, scheduler) => run(() => drafts.rollDraft(ctx, draftId, scheduler)),
    cancelGeneration: () => run(() => ctx.generations.cancel()),
    setDateRemoved: (draftId, date, removed) => run(() => drafts.setDateRemoved(ctx, draftId, date, removed)),
    slotCandidates: (draftId, date, role) => run(() => drafts.slotCandidates(ctx, draftId, date, role)),
    setSlot: (draftId, date, role, memberId) => run(() => drafts.setSlot(ctx, draftId, date, role, memberId)),
    setSlotLocked: (draftId, date, role, locked) => run(() => drafts.setSlotLocked(ctx, draftId, date, role, locked)),
    publishDraft: (draftId) => run(() => drafts.publishDraft(ctx, draftId)),
    publishDraftAnyway: (draftId) => run(() => drafts.publishDraft(ctx, draftId, true)),
    publishCheck: (draftId) => run(() => drafts.publishCheck(ctx, draftId)),
    monthStatus: (month) => run(() => drafts.monthStatus(ctx, month)),
    restoreReplacedDraft: () => run(() => drafts.restoreReplacedDraft(ctx)),
    discardDraft: (draftId) => run(() => drafts.discardDraft(ctx, draftId)),

    compare: (month) => run(() => compare(ctx, month)),
    latestComparison: (month) => run(() => latestComparison(ctx, month)),
    adoptComparison: (comparisonId, side) => run(() => adoptComparison(ctx, comparisonId, side)),

    listPublishedMonths: () => run(() => listPublishedMonths(ctx)),
    getPublished: (month) => run(() => getPublished(ctx, month)),
    publishedConflicts: (memberId) => run(() => publishedConflicts(ctx, memberId ?? undefined)),
    exportPublished: (request) => run(() => exportPublished(ctx, request, opts.fontDir)),

    getSettings: () => run(() => getSettings(ctx)),
    updateSettings: (settings) => run(() => prewarm(updateSettings(ctx, settings))),
    listBackups: () => run(() => listBackups(ctx)),
    createBackup: () => run(() => createBackup(ctx)),
    restoreBackup: (name) => run(() => restoreBackup(ctx, name, open)),
    listRuns: (limit) => run(() => listRuns(ctx.db, Math.max(0, Math.min(1000, Math.floor(limit))))),
    recentLog: (limit) => run(() => readLogFile(logPath(opts.dataDir), Math.max(0, Math.min(5000, Math.floor(limit))))),

    settled: () => ctx.generations.settled(),
    async close() {
      await ctx.generations.stop();
      await closeOptimizerWorkers();
      if (ctx.db.open) ctx.db.close();
    },
  };
}
