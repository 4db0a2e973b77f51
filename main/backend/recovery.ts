import type { BackupInfo, DatabaseStatus } from '../api/contract.ts';
import { ApiError } from '../api/errors.ts';
import { describeProblem, type DatabaseCheck } from '../db/health.ts';

/**
 * Recovery: the live database is damaged, empty, foreign or from a newer version. The app then offers
 * only the backups (list, restore) and starting afresh; the unusable file is kept in set-aside/ when it
 * is replaced, never overwritten and never silently filled with the demo club.
 */

export type Unusable = Extract<DatabaseCheck, { usable: false }>;

export function recoveryStatus(file: string, check: Unusable): DatabaseStatus {
  const next =
    check.problem === 'newer'
      ? 'Update Rostermeister to open it, or restore a backup made by this version.'
      : 'Restore a backup, or start afresh with the demo club.';
  return {
    state: 'recovery',
    problem: check.problem,
    message: `The database ${file} cannot be used: ${describeProblem(check)}. ${next} Either way this file is first kept in the set-aside folder; it is never overwritten.`,
    file,
  };
}

/** What every command that needs the database gets in recovery. */
export class RecoveryNeededError extends ApiError {
  constructor(readonly status: DatabaseStatus) {
    super('conflict', status.message ?? 'The database cannot be used.');
    this.name = 'RecoveryNeededError';
  }
}

/** Backups and recovery, as the API table's handlers see them (they work in recovery too). */
export interface DataStore {
  listBackups(): BackupInfo[];
  /** `prefix` names it (default `backup`), e.g. `before-import-of-club`. */
  createBackup(prefix?: string): Promise<BackupInfo>;
  restoreBackup(name: string): Promise<void>;
  databaseStatus(): DatabaseStatus;
  startAfresh(): Promise<void>;
}

/** The disk is full or the folder may not be written: said in words, with nothing lost (every write is one transaction). */
export class StorageError extends ApiError {
  constructor(message: string) {
    super('internal', message);
    this.name = 'StorageError';
  }
}
