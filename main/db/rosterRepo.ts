import type { Assignment, DateRange, IsoDate } from '../../solver/types.ts';
import type { Db } from './connection.ts';

export interface RosterRow {
  id: number;
  kind: 'draft' | 'published';
  range: DateRange;
  runId: number | null;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
}

export interface StoredSlot extends Assignment {
  locked: boolean;
}

interface Row {
  id: number;
  kind: 'draft' | 'published';
  range_start: string;
  range_end: string;
  run_id: number | null;
  created_at: string;
  updated_at: string;
  published_at: string | null;
}

const toRoster = (r: Row): RosterRow => ({
  id: r.id,
  kind: r.kind,
  range: { start: r.range_start, end: r.range_end },
  runId: r.run_id,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  publishedAt: r.published_at,
});

export function getDraftRow(db: Db, id: number): RosterRow | null {
  const row = db.prepare(`SELECT * FROM roster WHERE id = ? AND kind = 'draft'`).get(id) as Row | undefined;
  return row ? toRoster(row) : null;
}

/** Drafts whose range shares at least one day with `range`, the exact match first, then newest first. */
export function draftsOverlapping(db: Db, range: DateRange): RosterRow[] {
  return (
    db
      .prepare(
        `SELECT * FROM roster WHERE kind = 'draft' AND range_start <= @end AND range_end >= @start
         ORDER BY (range_start = @start AND range_end = @end) DESC, id DESC`,
      )
      .all({ start: range.start, end: range.end }) as Row[]
  ).map(toRoster);
}

export function draftSlots(db: Db, rosterId: number): StoredSlot[] {
  return (
    db.prepare('SELECT date, role, member_id, locked FROM roster_slot WHERE roster_id = ? ORDER BY date, role').all(rosterId) as {
      date: string;
      role: string;
      member_id: string | null;
      locked: number;
    }[]
  ).map((r) => ({ date: r.date, role: r.role, memberId: r.member_id, locked: r.locked === 1 }));
}

export function removedDates(db: Db, rosterId: number): IsoDate[] {
  return (db.prepare('SELECT date FROM roster_removed_date WHERE roster_id = ? ORDER BY date').all(rosterId) as { date: string }[]).map((r) => r.date);
}

export function insertDraft(db: Db, range: DateRange, runId: number | null, now: string): number {
  return Number(
    db
      .prepare(`INSERT INTO roster (kind, range_start, range_end, run_id, created_at, updated_at) VALUES ('draft', ?, ?, ?, ?, ?)`)
      .run(range.start, range.end, runId, now, now).lastInsertRowid,
  );
}

/** Replaces every slot of a draft; `locked` holds the `date|role` keys to mark locked. */
export function writeDraftSlots(db: Db, rosterId: number, slots: Assignment[], locked: ReadonlySet<string>): void {
  db.prepare('DELETE FROM roster_slot WHERE roster_id = ?').run(rosterId);
  const insert = db.prepare('INSERT INTO roster_slot (roster_id, date, role, member_id, locked) VALUES (?, ?, ?, ?, ?)');
  for (const s of slots) insert.run(rosterId, s.date, s.role, s.memberId, locked.has(slotKey(s.date, s.role)) ? 1 : 0);
}

export function writeRemovedDates(db: Db, rosterId: number, dates: Iterable<IsoDate>): void {
  const insert = db.prepare('INSERT OR IGNORE INTO roster_removed_date (roster_id, date) VALUES (?, ?)');
  for (const d of dates) insert.run(rosterId, d);
}

export function setDraftRun(db: Db, rosterId: number, runId: number, now: string): void {
  db.prepare('UPDATE roster SET run_id = ?, updated_at = ? WHERE id = ?').run(runId, now, rosterId);
}

export function touchDraft(db: Db, rosterId: number, now: string): void {
  db.prepare('UPDATE roster SET updated_at = ? WHERE id = ?').run(now, rosterId);
}

export function upsertSlot(db: Db, rosterId: number, slot: StoredSlot): void {
  db.prepare(
    `INSERT INTO roster_slot (roster_id, date, role, member_id, locked) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (roster_id, date, role) DO UPDATE SET member_id = excluded.member_id, locked = excluded.locked`,
  ).run(rosterId, slot.date, slot.role, slot.memberId, slot.locked ? 1 : 0);
}

export function setDateRemovedRow(db: Db, rosterId: number, date: IsoDate, removed: boolean): void {
  if (removed) {
    db.prepare('INSERT OR IGNORE INTO roster_removed_date (roster_id, date) VALUES (?, ?)').run(rosterId, date);
    db.prepare('DELETE FROM roster_slot WHERE roster_id = ? AND date = ?').run(rosterId, date);
  } else {
    db.prepare('DELETE FROM roster_removed_date WHERE roster_id = ? AND date = ?').run(rosterId, date);
  }
}

export function deleteRoster(db: Db, rosterId: number): void {
  db.prepare('DELETE FROM roster WHERE id = ?').run(rosterId);
}

/** Draft slots held by a member are emptied (the member is being deleted). */
export function clearMemberFromDrafts(db: Db, memberId: string): void {
  db.prepare(`UPDATE roster_slot SET member_id = NULL, locked = 0 WHERE member_id = ? AND roster_id IN (SELECT id FROM roster WHERE kind = 'draft')`).run(memberId);
}

export function memberHasPublishedDuty(db: Db, memberId: string): boolean {
  return (
    db.prepare(`SELECT 1 FROM roster_slot s JOIN roster r ON r.id = s.roster_id WHERE r.kind = 'published' AND s.member_id = ? LIMIT 1`).get(memberId) !==
    undefined
  );
}

export function roleHasPublishedSlots(db: Db, role: string): boolean {
  return (
    db.prepare(`SELECT 1 FROM roster_slot s JOIN roster r ON r.id = s.roster_id WHERE r.kind = 'published' AND s.role = ? LIMIT 1`).get(role) !== undefined
  );
}

export function deleteDraftSlotsOfRole(db: Db, role: string): void {
  db.prepare(`DELETE FROM roster_slot WHERE role = ? AND roster_id IN (SELECT id FROM roster WHERE kind = 'draft')`).run(role);
}

export const slotKey = (date: IsoDate, role: string): string => `${date}|${role}`;

/**
 * The published roster of a range replaces whatever was published for those days, as one new
 * published roster. Members' last duty dates follow the published history. Call inside a transaction.
 */
export function replacePublished(db: Db, range: DateRange, slots: Assignment[], now: string): number {
  db.prepare(
    `DELETE FROM roster_slot WHERE date BETWEEN @start AND @end AND roster_id IN (SELECT id FROM roster WHERE kind = 'published')`,
  ).run({ start: range.start, end: range.end });
  db.exec(`DELETE FROM roster WHERE kind = 'published' AND NOT EXISTS (SELECT 1 FROM roster_slot s WHERE s.roster_id = roster.id)`);
  const id = Number(
    db
      .prepare(`INSERT INTO roster (kind, range_start, range_end, created_at, updated_at, published_at) VALUES ('published', ?, ?, ?, ?, ?)`)
      .run(range.start, range.end, now, now, now).lastInsertRowid,
  );
  const insert = db.prepare('INSERT INTO roster_slot (roster_id, date, role, member_id) VALUES (?, ?, ?, ?)');
  for (const s of slots) insert.run(id, s.date, s.role, s.memberId);
  // A last duty date inside the replaced range came from what was published there before; the new
  // published history decides it now.
  const latest = new Map(
    (
      db
        .prepare(
          `SELECT s.member_id AS id, MAX(s.date) AS last FROM roster_slot s JOIN roster r ON r.id = s.roster_id
           WHERE r.kind = 'published' AND s.member_id IS NOT NULL GROUP BY s.member_id`,
        )
        .all() as { id: string; last: string }[]
    ).map((r) => [r.id, r.last]),
  );
  const update = db.prepare('UPDATE member SET last_duty_date = ? WHERE id = ?');
  for (const m of db.prepare('SELECT id, last_duty_date FROM member').all() as { id: string; last_duty_date: string | null }[]) {
    const kept = m.last_duty_date !== null && (m.last_duty_date < range.start || m.last_duty_date > range.end) ? m.last_duty_date : null;
    const published = latest.get(m.id) ?? null;
    const next = kept === null ? published : published === null || kept > published ? kept : published;
    if (next !== m.last_duty_date) update.run(next, m.id);
  }
  return id;
}

export interface PublishedSlotRow extends Assignment {
  publishedAt: string;
}

export function publishedSlots(db: Db, range: DateRange): PublishedSlotRow[] {
  return (
    db
      .prepare(
        `SELECT s.date, s.role, s.member_id, r.published_at FROM roster_slot s JOIN roster r ON r.id = s.roster_id
         WHERE r.kind = 'published' AND s.date BETWEEN ? AND ? ORDER BY s.date`,
      )
      .all(range.start, range.end) as { date: string; role: string; member_id: string | null; published_at: string }[]
  ).map((r) => ({ date: r.date, role: r.role, memberId: r.member_id, publishedAt: r.published_at }));
}

export function publishedMonths(db: Db): { month: string; filled: number; total: number; publishedAt: string }[] {
  return db
    .prepare(
      `SELECT substr(s.date, 1, 7) AS month, COUNT(s.member_id) AS filled, COUNT(*) AS total, MAX(r.published_at) AS publishedAt
       FROM roster_slot s JOIN roster r ON r.id = s.roster_id WHERE r.kind = 'published'
       GROUP BY month ORDER BY month`,
    )
    .all() as { month: string; filled: number; total: number; publishedAt: string }[];
}
