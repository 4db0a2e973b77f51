import type { RoleSetting } from '../api/contract.ts';
import type { Assignment, Club, FairnessWindow, Member, PublishedDay, UnavailableRule, Weekday } from '../../solver/types.ts';
import { emptyDraftSlotsOfMembersNotIn, mergePublishedHistory, type PublishedMonthChanges } from './rosterRepo.ts';
import type { Db } from './connection.ts';

/** The club as the schedulers see it, read from the store; roles in display order. */
export interface StoredClub {
  club: Club;
  roles: RoleSetting[];
}

interface ClubRow {
  name: string;
  default_max_per_month: number;
  season_start: string | null;
  season_end: string | null;
  operating_weekdays: string;
  fairness_window: FairnessWindow;
  default_season_quota: number | null;
}

interface MemberRow {
  id: string;
  name: string;
  active: number;
  max_per_month: number | null;
  preferred_day: 'sat' | 'sun' | null;
  allow_weekend_double: number;
  dont_schedule: number;
  suspended: number;
  last_duty_date: string | null;
  season_quota: number | null;
  exempt: number;
}

export function hasClub(db: Db): boolean {
  return db.prepare('SELECT 1 FROM club WHERE id = 1').get() !== undefined;
}

function groupBy<T extends { member_id: string }>(rows: T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const list = out.get(row.member_id);
    if (list) list.push(row);
    else out.set(row.member_id, [row]);
  }
  return out;
}

function loadMembers(db: Db): Member[] {
  const rows = db.prepare('SELECT * FROM member ORDER BY position, id').all() as MemberRow[];
  const quals = groupBy(
    db.prepare('SELECT member_id, qualification FROM member_qualification ORDER BY position').all() as {
      member_id: string;
      qualification: string;
    }[],
  );
  const percents = groupBy(
    db.prepare('SELECT member_id, qualification, percent FROM member_role_percent ORDER BY position').all() as {
      member_id: string;
      qualification: string;
      percent: number;
    }[],
  );
  const blackouts = groupBy(
    db.prepare('SELECT member_id, date FROM member_blackout ORDER BY date').all() as { member_id: string; date: string }[],
  );
  const pairs = groupBy(
    db.prepare('SELECT member_id, other_id FROM member_pair ORDER BY position').all() as { member_id: string; other_id: string }[],
  );
  const avoids = groupBy(
    db.prepare('SELECT member_id, other_id FROM member_avoidance ORDER BY position').all() as { member_id: string; other_id: string }[],
  );
  const expiries = groupBy(
    db.prepare('SELECT member_id, qualification, last_valid FROM member_qualification_expiry ORDER BY qualification').all() as {
      member_id: string;
      qualification: string;
      last_valid: string;
    }[],
  );
  const unavailable = groupBy(db.prepare('SELECT * FROM member_unavailable ORDER BY position').all() as UnavailableRow[]);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    active: r.active === 1,
    qualifications: (quals.get(r.id) ?? []).map((q) => q.qualification),
    rolePercent: Object.fromEntries((percents.get(r.id) ?? []).map((p) => [p.qualification, p.percent])),
    maxPerMonth: r.max_per_month,
    preferredDay: r.preferred_day,
    allowWeekendDouble: r.allow_weekend_double === 1,
    dontSchedule: r.dont_schedule === 1,
    suspended: r.suspended === 1,
    blackouts: (blackouts.get(r.id) ?? []).map((b) => b.date),
    pairWith: (pairs.get(r.id) ?? []).map((p) => p.other_id),
    avoid: (avoids.get(r.id) ?? []).map((p) => p.other_id),
    lastDutyDate: r.last_duty_date,
    ...qualificationExpiryOf(expiries.get(r.id)),
    ...unavailableOf(unavailable.get(r.id)),
    ...(r.season_quota !== null ? { seasonQuota: r.season_quota } : {}),
    ...(r.exempt === 1 ? { exempt: true } : {}),
  }));
}

interface UnavailableRow {
  member_id: string;
  date: string | null;
  from_date: string | null;
  to_date: string | null;
  weekday: Weekday | null;
  months: string | null;
  roles: string | null;
  level: UnavailableRule['level'];
  note: string | null;
}

/** The member's availability rules as the Member model keeps them: only the fields a rule has, absent when none. */
function unavailableOf(rows: UnavailableRow[] | undefined): Pick<Member, 'unavailable'> {
  if (!rows) return {};
  return {
    unavailable: rows.map((row) => ({
      ...(row.date !== null ? { date: row.date } : {}),
      ...(row.from_date !== null && row.to_date !== null ? { from: row.from_date, to: row.to_date } : {}),
      ...(row.weekday !== null ? { weekday: row.weekday } : {}),
      ...(row.months !== null ? { months: JSON.parse(row.months) as number[] } : {}),
      ...(row.roles !== null ? { roles: JSON.parse(row.roles) as string[] } : {}),
      level: row.level,
      ...(row.note !== null ? { note: row.note } : {}),
    })),
  };
}

/** The member's expiry dates as the Member model keeps them: a null-prototype map, absent when none. */
function qualificationExpiryOf(rows: { qualification: string; last_valid: string }[] | undefined): Pick<Member, 'qualificationExpiry'> {
  if (!rows) return {};
  const expiry = Object.create(null) as Record<string, string>;
  for (const row of rows) expiry[row.qualification] = row.last_valid;
  return { qualificationExpiry: expiry };
}

function loadRoles(db: Db): RoleSetting[] {
  return (
    db.prepare('SELECT key, title, qualification, scheduled, retired FROM role ORDER BY position').all() as (Omit<
      RoleSetting,
      'scheduled' | 'retired'
    > & {
      scheduled: number;
      retired: number;
    })[]
  ).map((r) => ({
    key: r.key,
    title: r.title,
    qualification: r.qualification,
    scheduled: r.scheduled === 1 && r.retired === 0,
    ...(r.retired === 1 ? { retired: true } : {}),
  }));
}

/** A club list of dates with their notes: the dates in order, and the notes as a map (absent when none has one). */
function datesWithNotes(db: Db, table: 'club_extra_day' | 'club_removed_date', column: 'label' | 'reason') {
  const rows = db.prepare(`SELECT date, ${column} AS note FROM ${table} ORDER BY date`).all() as { date: string; note: string | null }[];
  const notes = rows.filter((r) => r.note !== null);
  return {
    dates: rows.map((r) => r.date),
    notes: notes.length === 0 ? undefined : Object.fromEntries(notes.map((r) => [r.date, r.note!])),
  };
}

/** Every published day, in date order, slots in role order. */
function loadPublishedDays(db: Db): PublishedDay[] {
  const rows = db
    .prepare(
      `SELECT s.date, s.role, s.member_id FROM roster_slot s JOIN roster r ON r.id = s.roster_id
       LEFT JOIN role ro ON ro.key = s.role
       WHERE r.kind = 'published' ORDER BY s.date, ro.position, s.role`,
    )
    .all() as { date: string; role: string; member_id: string | null }[];
  const days: PublishedDay[] = [];
  for (const row of rows) {
    let day = days.at(-1);
    if (!day || day.date !== row.date) days.push((day = { date: row.date, slots: {} }));
    day.slots[row.role] = row.member_id;
  }
  return days;
}

export function loadClub(db: Db): StoredClub {
  const row = db.prepare('SELECT * FROM club WHERE id = 1').get() as ClubRow | undefined;
  if (!row) throw new Error('The database holds no club yet.');
  const roles = loadRoles(db);
  const extra = datesWithNotes(db, 'club_extra_day', 'label');
  const removed = datesWithNotes(db, 'club_removed_date', 'reason');
  const club: Club = {
    name: row.name,
    defaultMaxPerMonth: row.default_max_per_month,
    ...(row.fairness_window !== 'season' ? { fairnessWindow: row.fairness_window } : {}),
    ...(row.default_season_quota !== null ? { defaultSeasonQuota: row.default_season_quota } : {}),
    season: { start: row.season_start, end: row.season_end },
    operatingWeekdays: JSON.parse(row.operating_weekdays) as Weekday[],
    extraDutyDays: extra.dates,
    removedDates: removed.dates,
    ...(extra.notes ? { extraDutyDayLabels: extra.notes } : {}),
    ...(removed.notes ? { removedDateReasons: removed.notes } : {}),
    roles: roles.map((r) => ({ key: r.key, title: r.title, qualification: r.qualification })),
    members: loadMembers(db),
    published: loadPublishedDays(db),
  };
  return { club, roles };
}

const b = (v: boolean): number => (v ? 1 : 0);

export function writeClubHeader(
  db: Db,
  club: Pick<Club, 'name' | 'defaultMaxPerMonth' | 'fairnessWindow' | 'defaultSeasonQuota' | 'season' | 'operatingWeekdays'>,
): void {
  db.prepare(
    `INSERT INTO club (id, name, default_max_per_month, season_start, season_end, operating_weekdays, fairness_window, default_season_quota)
     VALUES (1, @name, @max, @start, @end, @weekdays, @window, @quota)
     ON CONFLICT (id) DO UPDATE SET name = @name, default_max_per_month = @max, season_start = @start,
       season_end = @end, operating_weekdays = @weekdays, fairness_window = @window, default_season_quota = @quota`,
  ).run({
    window: club.fairnessWindow ?? 'season',
    quota: club.defaultSeasonQuota ?? null,
    name: club.name,
    max: club.defaultMaxPerMonth,
    start: club.season.start,
    end: club.season.end,
    weekdays: JSON.stringify(club.operatingWeekdays),
  });
}

export function writeRoles(db: Db, roles: RoleSetting[]): void {
  const keep = new Set(roles.map((r) => r.key));
  for (const old of loadRoles(db)) if (!keep.has(old.key)) db.prepare('DELETE FROM role WHERE key = ?').run(old.key);
  const upsert = db.prepare(
    `INSERT INTO role (key, title, qualification, scheduled, retired, position) VALUES (@key, @title, @qualification, @scheduled, @retired, @position)
     ON CONFLICT (key) DO UPDATE SET title = @title, qualification = @qualification, scheduled = @scheduled, retired = @retired, position = @position`,
  );
  roles.forEach((r, position) =>
    upsert.run({
      key: r.key,
      title: r.title,
      qualification: r.qualification,
      scheduled: b(r.scheduled && r.retired !== true),
      retired: b(r.retired === true),
      position,
    }),
  );
}

/** Replaces the club's extra duty days and removed dates, with their labels and reasons. Call inside a transaction. */
export function writeCalendarDates(
  db: Db,
  club: Pick<Club, 'extraDutyDays' | 'removedDates' | 'extraDutyDayLabels' | 'removedDateReasons'>,
): void {
  db.exec('DELETE FROM club_extra_day; DELETE FROM club_removed_date;');
  const extra = db.prepare('INSERT OR IGNORE INTO club_extra_day (date, label) VALUES (?, ?)');
  for (const d of club.extraDutyDays) extra.run(d, club.extraDutyDayLabels?.[d] ?? null);
  const removed = db.prepare('INSERT OR IGNORE INTO club_removed_date (date, reason) VALUES (?, ?)');
  for (const d of club.removedDates) removed.run(d, club.removedDateReasons?.[d] ?? null);
}

/** Writes a member's own row and lists; links to other members are written by writeMemberLinks. */
function writeMemberRow(db: Db, m: Member, position: number): void {
  db.prepare(
    `INSERT INTO member (id, name, active, max_per_month, preferred_day, allow_weekend_double, dont_schedule, suspended, last_duty_date, position, season_quota, exempt)
     VALUES (@id, @name, @active, @max, @day, @double, @dont, @suspended, @last, @position, @quota, @exempt)
     ON CONFLICT (id) DO UPDATE SET name = @name, active = @active, max_per_month = @max, preferred_day = @day,
       allow_weekend_double = @double, dont_schedule = @dont, suspended = @suspended, last_duty_date = @last,
       season_quota = @quota, exempt = @exempt`,
  ).run({
    quota: m.seasonQuota ?? null,
    exempt: b(m.exempt === true),
    id: m.id,
    name: m.name,
    active: b(m.active),
    max: m.maxPerMonth,
    day: m.preferredDay,
    double: b(m.allowWeekendDouble),
    dont: b(m.dontSchedule),
    suspended: b(m.suspended),
    last: m.lastDutyDate,
    position,
  });
  for (const table of [
    'member_qualification',
    'member_role_percent',
    'member_blackout',
    'member_qualification_expiry',
    'member_unavailable',
  ]) {
    db.prepare(`DELETE FROM ${table} WHERE member_id = ?`).run(m.id);
  }
  const qual = db.prepare('INSERT OR IGNORE INTO member_qualification (member_id, qualification, position) VALUES (?, ?, ?)');
  m.qualifications.forEach((q, i) => qual.run(m.id, q, i));
  const pct = db.prepare('INSERT INTO member_role_percent (member_id, qualification, percent, position) VALUES (?, ?, ?, ?)');
  Object.entries(m.rolePercent).forEach(([q, p], i) => pct.run(m.id, q, p, i));
  const blackout = db.prepare('INSERT OR IGNORE INTO member_blackout (member_id, date) VALUES (?, ?)');
  for (const date of m.blackouts) blackout.run(m.id, date);
  // Only for held qualifications: a qualification taken away takes its expiry date with it.
  const expiry = db.prepare('INSERT OR REPLACE INTO member_qualification_expiry (member_id, qualification, last_valid) VALUES (?, ?, ?)');
  for (const q of m.qualifications) {
    if (m.qualificationExpiry && Object.hasOwn(m.qualificationExpiry, q)) expiry.run(m.id, q, m.qualificationExpiry[q]);
  }
  const rule = db.prepare(
    `INSERT INTO member_unavailable (member_id, position, date, from_date, to_date, weekday, months, roles, level, note)
     VALUES (@member, @position, @date, @from, @to, @weekday, @months, @roles, @level, @note)`,
  );
  (m.unavailable ?? []).forEach((r, position) =>
    rule.run({
      member: m.id,
      position,
      date: r.date ?? null,
      from: r.from ?? null,
      to: r.to ?? null,
      weekday: r.weekday ?? null,
      months: r.months ? JSON.stringify(r.months) : null,
      roles: r.roles ? JSON.stringify(r.roles) : null,
      level: r.level,
      note: r.note ?? null,
    }),
  );
}

function writeMemberLinks(db: Db, m: Member): void {
  for (const [table, ids] of [
    ['member_pair', m.pairWith],
    ['member_avoidance', m.avoid],
  ] as const) {
    db.prepare(`DELETE FROM ${table} WHERE member_id = ?`).run(m.id);
    const insert = db.prepare(`INSERT OR IGNORE INTO ${table} (member_id, other_id, position) VALUES (?, ?, ?)`);
    ids.forEach((other, i) => insert.run(m.id, other, i));
  }
}

/** Inserts or updates one member; a new member goes last. Call inside a transaction. */
export function saveMemberRow(db: Db, m: Member): void {
  const existing = db.prepare('SELECT position FROM member WHERE id = ?').get(m.id) as { position: number } | undefined;
  const position = existing?.position ?? (db.prepare('SELECT COALESCE(MAX(position), -1) + 1 AS p FROM member').get() as { p: number }).p;
  writeMemberRow(db, m, position);
  writeMemberLinks(db, m);
}

/**
 * Replaces the whole club (settings, roles, members, published history) with `club`. Drafts stay:
 * slots of members who are not in `club` become empty. Published months that are the same keep their
 * publish time and version. Call inside a transaction.
 */
export function replaceClub(db: Db, club: Club, now: string): { emptiedDraftSlots: Assignment[]; published: PublishedMonthChanges } {
  // Members are deleted and written again; draft and published slots point at them meanwhile.
  db.pragma('defer_foreign_keys = ON');
  const emptiedDraftSlots = emptyDraftSlotsOfMembersNotIn(db, new Set(club.members.map((m) => m.id)));
  const published = mergePublishedHistory(db, club.published, now);
  db.exec(`
    DELETE FROM member;
    DELETE FROM role;
  `);
  writeClubHeader(db, club);
  writeCalendarDates(db, club);
  writeRoles(
    db,
    club.roles.map((r) => ({ ...r, scheduled: true })),
  );
  club.members.forEach((m, i) => writeMemberRow(db, m, i));
  for (const m of club.members) writeMemberLinks(db, m);
  return { emptiedDraftSlots, published };
}
