import type { Assignment } from '../../solver/types.ts';
import type { Db } from './connection.ts';

/**
 * The version history of published months. The current published roster lives in roster/roster_slot;
 * every publish or change of a month also writes a full snapshot of that month here, numbered from 1.
 * Diffs are made by comparing two snapshots, so a version never depends on the one before it.
 */

/** Why a version was made, in the words the history shows. */
export type VersionReason = 'published' | 'imported' | 'swap' | 'cover' | 'replace' | 're-plan' | `restored v${number}`;

export interface PublishedVersion {
  /** `YYYY-MM`. */
  month: string;
  version: number;
  reason: string;
  note: string | null;
  createdAt: string;
}

export function latestVersion(db: Db, month: string): number {
  const row = db.prepare('SELECT MAX(version) AS v FROM published_version WHERE month = ?').get(month) as { v: number | null };
  return row.v ?? 0;
}

/**
 * Snapshots the current published slots of `month` as its next version. Call inside the transaction
 * that changed them. Returns the new version number.
 */
export function recordVersion(db: Db, month: string, reason: VersionReason, note: string | null, now: string): number {
  const version = latestVersion(db, month) + 1;
  db.prepare('INSERT INTO published_version (month, version, reason, note, created_at) VALUES (?, ?, ?, ?, ?)').run(
    month,
    version,
    reason,
    note,
    now,
  );
  db.prepare(
    `INSERT INTO published_version_slot (month, version, date, role, member_id)
     SELECT ?, ?, s.date, s.role, s.member_id FROM roster_slot s JOIN roster r ON r.id = s.roster_id
     WHERE r.kind = 'published' AND substr(s.date, 1, 7) = ?`,
  ).run(month, version, month);
  return version;
}

/** Every version of a month, oldest first. */
export function listVersions(db: Db, month: string): PublishedVersion[] {
  return (
    db.prepare('SELECT month, version, reason, note, created_at FROM published_version WHERE month = ? ORDER BY version').all(month) as {
      month: string;
      version: number;
      reason: string;
      note: string | null;
      created_at: string;
    }[]
  ).map((r) => ({ month: r.month, version: r.version, reason: r.reason, note: r.note, createdAt: r.created_at }));
}

/** The slots of one version, date then role order; empty when the version does not exist. */
export function versionSlots(db: Db, month: string, version: number): Assignment[] {
  return (
    db
      .prepare('SELECT date, role, member_id FROM published_version_slot WHERE month = ? AND version = ? ORDER BY date, role')
      .all(month, version) as { date: string; role: string; member_id: string | null }[]
  ).map((r) => ({ date: r.date, role: r.role, memberId: r.member_id }));
}

/** The `YYYY-MM` months from `first` to `last` (both included) that have any version, oldest first. */
export function versionedMonths(db: Db, first: string, last: string): string[] {
  return (
    db.prepare('SELECT DISTINCT month FROM published_version WHERE month BETWEEN ? AND ? ORDER BY month').all(first, last) as {
      month: string;
    }[]
  ).map((r) => r.month);
}
