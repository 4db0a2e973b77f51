import Database from 'better-sqlite3';
import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupInfo } from '../api/contract.ts';
import { badInput, conflict, notFound } from '../api/errors.ts';
import type { Db } from '../db/connection.ts';
import { backupsDir, databasePath } from '../dataDir.ts';
import type { BackendContext } from './context.ts';

const BACKUP_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*\.sqlite$/;

function stamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

function info(dir: string, name: string): BackupInfo {
  const stat = statSync(join(dir, name));
  return { name, createdAt: stat.mtime.toISOString(), sizeBytes: stat.size };
}

/** A consistent copy of the live database (SQLite online backup), written to dataDir/backups/. */
export async function createBackup(ctx: BackendContext, prefix = 'backup'): Promise<BackupInfo> {
  const dir = backupsDir(ctx.dataDir);
  mkdirSync(dir, { recursive: true });
  let name = `${prefix}-${stamp(ctx.now())}.sqlite`;
  for (let n = 2; existsSync(join(dir, name)); n++) name = `${prefix}-${stamp(ctx.now())}-${n}.sqlite`;
  await ctx.db.backup(join(dir, name));
  ctx.log.info('Backup created', { name });
  return info(dir, name);
}

/** Backups, newest first. */
export function listBackups(ctx: BackendContext): BackupInfo[] {
  const dir = backupsDir(ctx.dataDir);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => BACKUP_NAME.test(name))
    .map((name) => info(dir, name))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name));
}

function checkBackupFile(file: string, name: string): void {
  let probe: Database.Database | null = null;
  try {
    probe = new Database(file, { readonly: true, fileMustExist: true });
    const ok = probe.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'`).get();
    if (!ok) throw new Error('no schema');
  } catch {
    throw badInput(`The backup "${name}" is not a Rostermeister database.`, 'name');
  } finally {
    probe?.close();
  }
}

function syncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Replaces the live database with a backup. The current database is first saved as a backup named
 * `before-restore-...`, so a restore can itself be undone. `open` reopens (and migrates) the file.
 */
export async function restoreBackup(ctx: BackendContext, name: string, open: (file: string) => Db): Promise<void> {
  if (!BACKUP_NAME.test(name)) throw badInput(`"${name}" is not a backup name.`, 'name');
  const source = join(backupsDir(ctx.dataDir), name);
  if (!existsSync(source)) throw notFound(`There is no backup called "${name}".`, 'name');
  if (ctx.generations.busy) throw conflict('A roster is being generated. Wait for it to finish before restoring a backup.');
  checkBackupFile(source, name);

  const aside = await createBackup(ctx, 'before-restore');
  const file = databasePath(ctx.dataDir);
  // Copied beside the live file first and swapped in by one rename, so a crash at any moment leaves
  // either the old database or the restored one, never a missing or half-copied file.
  const incoming = `${file}.restoring`;
  copyFileSync(source, incoming);
  syncFile(incoming);
  ctx.db.close();
  for (const suffix of ['-wal', '-shm']) rmSync(file + suffix, { force: true });
  try {
    renameSync(incoming, file);
    ctx.db = open(file);
  } catch (error) {
    for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
    copyFileSync(join(backupsDir(ctx.dataDir), aside.name), file);
    ctx.db = open(file);
    throw error;
  }
  ctx.log.info('Backup restored', { name, kept_aside: aside.name });
}
