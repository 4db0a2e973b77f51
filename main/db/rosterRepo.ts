import type { Assignment, DateRange, IsoDate, PublishedDay } from '../../solver/types.ts';
import type { Db } from './connection.ts';
import { latestVersion, recordVersion, type VersionReason } from './versionRepo.ts';

export interface RosterRow {
  id: number;
  kind: 'draft' | 'published';
  range: DateRange;
  runId: number | null;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  /** The scheduler the settings chose for the range when the draft was made (null for older drafts). */
  settingsScheduler: 'legacy' | 'optimizer' | null;
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
  settings_scheduler: 'legacy' | 'optimizer' | null;
}

const toRoster = (r: Row): RosterRow => ({
  id: r.id,
  kind: r.kind,
  range: { start: r.range_start, end: r.range_end },
  runId: r.run_id,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  publishedAt: r.published_at,
  settingsScheduler: r.settings_scheduler,
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

export function listDrafts(db: Db): RosterRow[] {
  return (db.prepare(`SELECT * FROM roster WHERE kind = 'draft' ORDER BY range_start, id`).all() as Row[]).map(toRoster);
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
  return (db.prepare('SELECT date FROM roster_removed_date WHERE roster_id = ? ORDER BY date').all(rosterId) as { date: string }[]).map(
    (r) => r.date,
  );
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

export function setDraftRun(db: Db, rosterId: number, runId: number, settingsScheduler: 'legacy' | 'optimizer', now: string): void {
  db.prepare('UPDATE roster SET run_id = ?, settings_scheduler = ?, updated_at = ? WHERE id = ?').run(
    runId,
    settingsScheduler,
    now,
    rosterId,
  );
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

/** A removed date keeps its slots (out of the grid) so restoring the date brings them back. */
export function setDateRemovedRow(db: Db, rosterId: number, date: IsoDate, removed: boolean): void {
  if (removed) {
    db.prepare('INSERT OR IGNORE INTO roster_removed_date (roster_id, date) VALUES (?, ?)').run(rosterId, date);
  } else {
    db.prepare('DELETE FROM roster_removed_date WHERE roster_id = ? AND date = ?').run(rosterId, date);
  }
}

export function deleteRoster(db: Db, rosterId: number): void {
  db.prepare('DELETE FROM roster WHERE id = ?').run(rosterId);
}

/** Draft slots held by a member are emptied (the member is being deleted). */
export function clearMemberFromDrafts(db: Db, memberId: string): void {
  db.prepare(
    `UPDATE roster_slot SET member_id = NULL, locked = 0 WHERE member_id = ? AND roster_id IN (SELECT id FROM roster WHERE kind = 'draft')`,
  ).run(memberId);
}

export function memberHasPublishedDuty(db: Db, memberId: string): boolean {
  return (
    db
      .prepare(`SELECT 1 FROM roster_slot s JOIN roster r ON r.id = s.roster_id WHERE r.kind = 'published' AND s.member_id = ? LIMIT 1`)
      .get(memberId) !== undefined
  );
}

export function roleHasPublishedSlots(db: Db, role: string): boolean {
  return (
    db
      .prepare(`SELECT 1 FROM roster_slot s JOIN roster r ON r.id = s.roster_id WHERE r.kind = 'published' AND s.role = ? LIMIT 1`)
      .get(role) !== undefined
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
export function replacePublished(
  db: Db,
  range: DateRange,
  slots: Assignment[],
  now: string,
  why: { reason: VersionReason; note?: string | null } = { reason: 'published' },
): { id: number; version: number } {
  const months = [...new Set(slots.map((s) => s.date.slice(0, 7)))].sort();
  const version = Math.max(publishedVersionOf(db, range), ...months.map((m) => latestVersion(db, m))) + 1;
  db.prepare(
    `DELETE FROM roster_slot WHERE date BETWEEN @start AND @end AND roster_id IN (SELECT id FROM roster WHERE kind = 'published')`,
  ).run({ start: range.start, end: range.end });
  db.exec(`DELETE FROM roster WHERE kind = 'published' AND NOT EXISTS (SELECT 1 FROM roster_slot s WHERE s.roster_id = roster.id)`);
  const id = Number(
    db
      .prepare(
        `INSERT INTO roster (kind, range_start, range_end, created_at, updated_at, published_at, version) VALUES ('published', ?, ?, ?, ?, ?, ?)`,
      )
      .run(range.start, range.end, now, now, now, version).lastInsertRowid,
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
  const recorded = months.map((month) => recordVersion(db, month, why.reason, why.note ?? null, now));
  const newest = Math.max(version, ...recorded);
  if (newest !== version) db.prepare('UPDATE roster SET version = ? WHERE id = ?').run(newest, id);
  return { id, version: newest };
}

/** The highest version among the published rosters holding days of `range` (0 when none does). */
function publishedVersionOf(db: Db, range: DateRange): number {
  const row = db
    .prepare(
      `SELECT MAX(r.version) AS v FROM roster r WHERE r.kind = 'published'
       AND EXISTS (SELECT 1 FROM roster_slot s WHERE s.roster_id = r.id AND s.date BETWEEN ? AND ?)`,
    )
    .get(range.start, range.end) as { v: number | null };
  return row.v ?? 0;
}

export interface PublishedSlotRow extends Assignment {
  publishedAt: string;
  version: number;
}

export function publishedSlots(db: Db, range: DateRange): PublishedSlotRow[] {
  return (
    db
      .prepare(
        `SELECT s.date, s.role, s.member_id, r.published_at, r.version FROM roster_slot s JOIN roster r ON r.id = s.roster_id
         WHERE r.kind = 'published' AND s.date BETWEEN ? AND ? ORDER BY s.date`,
      )
      .all(range.start, range.end) as {
      date: string;
      role: string;
      member_id: string | null;
      published_at: string;
      version: number | null;
    }[]
  ).map((r) => ({ date: r.date, role: r.role, memberId: r.member_id, publishedAt: r.published_at, version: r.version ?? 1 }));
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

/** Everything a draft holds, to put it back as it was (undo). */
export interface DraftSnapshot {
  range: DateRange;
  runId: number | null;
  settingsScheduler: 'legacy' | 'optimizer' | null;
  createdAt: string;
  slots: StoredSlot[];
  removedDates: IsoDate[];
}

export type ReplacingAction = 'roll' | 'adopt' | 'discard' | 'generate' | 'undo';

export interface ReplacedDraft {
  action: ReplacingAction;
  replacedAt: string;
  draft: DraftSnapshot;
}

export function draftSnapshot(db: Db, rosterId: number): DraftSnapshot | null {
  const row = db.prepare(`SELECT * FROM roster WHERE id = ? AND kind = 'draft'`).get(rosterId) as Row | undefined;
  if (!row) return null;
  return {
    range: { start: row.range_start, end: row.range_end },
    runId: row.run_id,
    settingsScheduler: row.settings_scheduler,
    createdAt: row.created_at,
    slots: draftSlots(db, rosterId),
    removedDates: removedDates(db, rosterId),
  };
}

/** Inserts a draft from a snapshot; returns its id. Call inside a transaction. */
export function insertDraftFromSnapshot(db: Db, snapshot: DraftSnapshot, now: string): number {
  const id = Number(
    db
      .prepare(
        `INSERT INTO roster (kind, range_start, range_end, run_id, settings_scheduler, created_at, updated_at) VALUES ('draft', ?, ?, ?, ?, ?, ?)`,
      )
      .run(snapshot.range.start, snapshot.range.end, snapshot.runId, snapshot.settingsScheduler, snapshot.createdAt, now).lastInsertRowid,
  );
  const insert = db.prepare('INSERT INTO roster_slot (roster_id, date, role, member_id, locked) VALUES (?, ?, ?, ?, ?)');
  const members = new Set((db.prepare('SELECT id FROM member').all() as { id: string }[]).map((m) => m.id));
  // A member deleted since the draft was replaced leaves the slot empty.
  for (const s of snapshot.slots) {
    const present = s.memberId === null || members.has(s.memberId);
    insert.run(id, s.date, s.role, present ? s.memberId : null, present && s.locked ? 1 : 0);
  }
  writeRemovedDates(db, id, snapshot.removedDates);
  return id;
}

/** Keeps `snapshot` as the one draft that can be brought back, replacing the one kept before. */
export function keepReplacedDraft(db: Db, action: ReplacingAction, snapshot: DraftSnapshot, now: string): void {
  db.prepare(
    `INSERT INTO replaced_draft (id, action, range_start, range_end, data_json, replaced_at) VALUES (1, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET action = excluded.action, range_start = excluded.range_start, range_end = excluded.range_end,
       data_json = excluded.data_json, replaced_at = excluded.replaced_at`,
  ).run(action, snapshot.range.start, snapshot.range.end, JSON.stringify(snapshot), now);
}

export function replacedDraft(db: Db): ReplacedDraft | null {
  const row = db.prepare('SELECT action, data_json, replaced_at FROM replaced_draft WHERE id = 1').get() as
    { action: ReplacingAction; data_json: string; replaced_at: string } | undefined;
  return row ? { action: row.action, replacedAt: row.replaced_at, draft: JSON.parse(row.data_json) as DraftSnapshot } : null;
}

export function forgetReplacedDraft(db: Db): void {
  db.prepare('DELETE FROM replaced_draft').run();
}

/** Draft slots held by members missing from `keep` become empty and unlocked; returns those slots as they were. */
export function emptyDraftSlotsOfMembersNotIn(db: Db, keep: ReadonlySet<string>): Assignment[] {
  const held = db
    .prepare(
      `SELECT s.date, s.role, s.member_id FROM roster_slot s JOIN roster r ON r.id = s.roster_id
       WHERE r.kind = 'draft' AND s.member_id IS NOT NULL ORDER BY s.date, s.role`,
    )
    .all() as { date: string; role: string; member_id: string }[];
  const gone = held.filter((s) => !keep.has(s.member_id));
  const clear = db.prepare(
    `UPDATE roster_slot SET member_id = NULL, locked = 0 WHERE member_id = ? AND roster_id IN (SELECT id FROM roster WHERE kind = 'draft')`,
  );
  for (const id of new Set(gone.map((s) => s.member_id))) clear.run(id);
  return gone.map((s) => ({ date: s.date, role: s.role, memberId: s.member_id }));
}

export interface PublishedMonthChanges {
  /** `YYYY-MM` months whose published days are the same: they keep their publish time and version. */
  kept: string[];
  replaced: string[];
  added: string[];
  removed: string[];
}

function byMonth(days: PublishedDay[]): Map<string, string> {
  const months = new Map<string, PublishedDay[]>();
  for (const day of days) {
    const key = day.date.slice(0, 7);
    months.set(key, [...(months.get(key) ?? []), day]);
  }
  const canonical = (list: PublishedDay[]) =>
    JSON.stringify(
      [...list]
        .sort((a, b) => a.date.localeCompare(b.date))
        .map((d) => [d.date, Object.entries(d.slots).sort(([a], [b]) => a.localeCompare(b))]),
    );
  return new Map([...months].map(([key, list]) => [key, canonical(list)]));
}

/** Which published months a new published history keeps, replaces, adds and removes. */
export function publishedMonthChanges(before: PublishedDay[], after: PublishedDay[]): PublishedMonthChanges {
  const old = byMonth(before);
  const next = byMonth(after);
  const changes: PublishedMonthChanges = { kept: [], replaced: [], added: [], removed: [] };
  for (const [month, days] of next) {
    const was = old.get(month);
    (was === undefined ? changes.added : was === days ? changes.kept : changes.replaced).push(month);
  }
  for (const month of old.keys()) if (!next.has(month)) changes.removed.push(month);
  for (const list of [changes.kept, changes.replaced, changes.added, changes.removed]) list.sort();
  return changes;
}

/** Every published day, in date order (slots keyed by role). */
export function publishedDays(db: Db): PublishedDay[] {
  const days: PublishedDay[] = [];
  for (const row of publishedSlots(db, { start: '0000-01-01', end: '9999-12-31' })) {
    let day = days.at(-1);
    if (!day || day.date !== row.date) days.push((day = { date: row.date, slots: {} }));
    day.slots[row.role] = row.memberId;
  }
  return days;
}

const monthOf = (key: string): DateRange => ({ start: `${key}-01`, end: `${key}-31` });

/**
 * Makes the published history `days` (a club file's). Months whose days are unchanged keep their
 * rosters, publish time and version; a changed month becomes its next version, published `now`.
 * Call inside a transaction.
 */
export function mergePublishedHistory(db: Db, days: PublishedDay[], now: string): PublishedMonthChanges {
  const changes = publishedMonthChanges(publishedDays(db), days);
  const versions = new Map<string, number>();
  for (const month of [...changes.replaced, ...changes.removed]) {
    versions.set(month, publishedVersionOf(db, monthOf(month)));
    db.prepare(`DELETE FROM roster_slot WHERE date BETWEEN ? AND ? AND roster_id IN (SELECT id FROM roster WHERE kind = 'published')`).run(
      monthOf(month).start,
      monthOf(month).end,
    );
  }
  db.exec(`DELETE FROM roster WHERE kind = 'published' AND NOT EXISTS (SELECT 1 FROM roster_slot s WHERE s.roster_id = roster.id)`);
  const roster = db.prepare(
    `INSERT INTO roster (kind, range_start, range_end, created_at, updated_at, published_at, version) VALUES ('published', ?, ?, ?, ?, ?, ?)`,
  );
  const slot = db.prepare('INSERT OR REPLACE INTO roster_slot (roster_id, date, role, member_id) VALUES (?, ?, ?, ?)');
  for (const month of [...changes.replaced, ...changes.added]) {
    const monthDays = days.filter((d) => d.date.startsWith(month)).sort((a, b) => a.date.localeCompare(b.date));
    const id = Number(
      roster.run(monthDays[0].date, monthDays[monthDays.length - 1].date, now, now, now, (versions.get(month) ?? 0) + 1).lastInsertRowid,
    );
    for (const day of monthDays) for (const [role, memberId] of Object.entries(day.slots)) slot.run(id, day.date, role, memberId);
    const recorded = recordVersion(db, month, 'imported', null, now);
    db.prepare('UPDATE roster SET version = ? WHERE id = ?').run(recorded, id);
  }
  for (const month of changes.removed) recordVersion(db, month, 'imported', null, now);
  return changes;
}

export interface PublishedRoster {
  id: number;
  /** The range it was published for (a draft's range, or an imported month). */
  range: DateRange;
  slots: PublishedSlotRow[];
}

/** The published rosters holding days of `range`, oldest first, each with every one of its slots. */
export function publishedRostersIn(db: Db, range: DateRange): PublishedRoster[] {
  const rosters = db
    .prepare(
      `SELECT r.id, r.range_start, r.range_end FROM roster r WHERE r.kind = 'published'
       AND EXISTS (SELECT 1 FROM roster_slot s WHERE s.roster_id = r.id AND s.date BETWEEN ? AND ?) ORDER BY r.id`,
    )
    .all(range.start, range.end) as { id: number; range_start: string; range_end: string }[];
  const slots = db.prepare(
    `SELECT s.date, s.role, s.member_id, r.published_at, r.version FROM roster_slot s JOIN roster r ON r.id = s.roster_id
     WHERE r.id = ? ORDER BY s.date, s.role`,
  );
  return rosters.map((r) => ({
    id: r.id,
    range: { start: r.range_start, end: r.range_end },
    slots: (
      slots.all(r.id) as { date: string; role: string; member_id: string | null; published_at: string; version: number | null }[]
    ).map((s) => ({ date: s.date, role: s.role, memberId: s.member_id, publishedAt: s.published_at, version: s.version ?? 1 })),
  }));
}
