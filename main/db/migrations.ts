import type { Database } from 'better-sqlite3';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * The schema, one version after another. Never edit a released migration: add the next one.
 * Drafts and published rosters share `roster`/`roster_slot`; which scheduler made a roster is only
 * recorded on its generation run, so switching schedulers never touches roster data.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'club, members, rosters, runs, comparisons, settings',
    sql: `
      CREATE TABLE club (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        name TEXT NOT NULL,
        default_max_per_month REAL NOT NULL,
        season_start TEXT,
        season_end TEXT,
        operating_weekdays TEXT NOT NULL
      );
      CREATE TABLE club_extra_day (date TEXT PRIMARY KEY);
      CREATE TABLE club_removed_date (date TEXT PRIMARY KEY);
      CREATE TABLE role (
        key TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        qualification TEXT NOT NULL,
        scheduled INTEGER NOT NULL DEFAULT 1 CHECK (scheduled IN (0, 1)),
        position INTEGER NOT NULL
      );
      CREATE TABLE member (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        active INTEGER NOT NULL CHECK (active IN (0, 1)),
        max_per_month REAL,
        preferred_day TEXT CHECK (preferred_day IN ('sat', 'sun')),
        allow_weekend_double INTEGER NOT NULL CHECK (allow_weekend_double IN (0, 1)),
        dont_schedule INTEGER NOT NULL CHECK (dont_schedule IN (0, 1)),
        suspended INTEGER NOT NULL CHECK (suspended IN (0, 1)),
        last_duty_date TEXT,
        position INTEGER NOT NULL
      );
      CREATE TABLE member_qualification (
        member_id TEXT NOT NULL REFERENCES member(id) ON DELETE CASCADE,
        qualification TEXT NOT NULL,
        position INTEGER NOT NULL,
        PRIMARY KEY (member_id, qualification)
      );
      CREATE TABLE member_role_percent (
        member_id TEXT NOT NULL REFERENCES member(id) ON DELETE CASCADE,
        qualification TEXT NOT NULL,
        percent REAL NOT NULL,
        position INTEGER NOT NULL,
        PRIMARY KEY (member_id, qualification)
      );
      CREATE TABLE member_blackout (
        member_id TEXT NOT NULL REFERENCES member(id) ON DELETE CASCADE,
        date TEXT NOT NULL,
        PRIMARY KEY (member_id, date)
      );
      CREATE TABLE member_pair (
        member_id TEXT NOT NULL REFERENCES member(id) ON DELETE CASCADE,
        other_id TEXT NOT NULL REFERENCES member(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        PRIMARY KEY (member_id, other_id)
      );
      CREATE TABLE member_avoidance (
        member_id TEXT NOT NULL REFERENCES member(id) ON DELETE CASCADE,
        other_id TEXT NOT NULL REFERENCES member(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        PRIMARY KEY (member_id, other_id)
      );
      CREATE TABLE generation_run (
        id INTEGER PRIMARY KEY,
        purpose TEXT NOT NULL CHECK (purpose IN ('draft', 'shadow', 'compare')),
        requested_scheduler TEXT NOT NULL CHECK (requested_scheduler IN ('legacy', 'optimizer')),
        scheduler TEXT NOT NULL CHECK (scheduler IN ('legacy', 'optimizer')),
        seed INTEGER,
        status TEXT NOT NULL CHECK (status IN ('optimal', 'feasible', 'heuristic', 'failed')),
        metrics_json TEXT,
        fallback_reason TEXT,
        fallback_status TEXT,
        error TEXT,
        range_start TEXT NOT NULL,
        range_end TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX generation_run_created ON generation_run(created_at);
      CREATE TABLE roster (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('draft', 'published')),
        range_start TEXT NOT NULL,
        range_end TEXT NOT NULL,
        run_id INTEGER REFERENCES generation_run(id) ON DELETE SET NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        published_at TEXT,
        CHECK (range_start <= range_end),
        CHECK ((kind = 'published') = (published_at IS NOT NULL))
      );
      CREATE INDEX roster_kind_range ON roster(kind, range_start, range_end);
      CREATE TABLE roster_slot (
        roster_id INTEGER NOT NULL REFERENCES roster(id) ON DELETE CASCADE,
        date TEXT NOT NULL,
        role TEXT NOT NULL,
        member_id TEXT REFERENCES member(id),
        PRIMARY KEY (roster_id, date, role)
      );
      CREATE INDEX roster_slot_date ON roster_slot(date);
      CREATE INDEX roster_slot_member ON roster_slot(member_id);
      CREATE TABLE roster_removed_date (
        roster_id INTEGER NOT NULL REFERENCES roster(id) ON DELETE CASCADE,
        date TEXT NOT NULL,
        PRIMARY KEY (roster_id, date)
      );
      CREATE TABLE comparison (
        id INTEGER PRIMARY KEY,
        range_start TEXT NOT NULL,
        range_end TEXT NOT NULL,
        legacy_run_id INTEGER REFERENCES generation_run(id) ON DELETE SET NULL,
        optimizer_run_id INTEGER REFERENCES generation_run(id) ON DELETE SET NULL,
        data_json TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX comparison_range ON comparison(range_start, range_end);
      CREATE TABLE setting (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: 'optimality gap per run, locked slots',
    sql: `
      ALTER TABLE generation_run ADD COLUMN gap REAL;
      ALTER TABLE roster_slot ADD COLUMN locked INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0, 1));
    `,
  },
  {
    version: 3,
    name: 'qualification expiry dates',
    sql: `
      CREATE TABLE member_qualification_expiry (
        member_id TEXT NOT NULL REFERENCES member(id) ON DELETE CASCADE,
        qualification TEXT NOT NULL,
        last_valid TEXT NOT NULL,
        PRIMARY KEY (member_id, qualification)
      );
    `,
  },
  {
    version: 4,
    name: 'published version per roster, the scheduler settings a draft was made under, the last replaced draft (undo)',
    sql: `
      ALTER TABLE roster ADD COLUMN version INTEGER;
      UPDATE roster SET version = 1 WHERE kind = 'published';
      ALTER TABLE roster ADD COLUMN settings_scheduler TEXT CHECK (settings_scheduler IN ('legacy', 'optimizer'));
      CREATE TABLE replaced_draft (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        action TEXT NOT NULL CHECK (action IN ('roll', 'adopt', 'discard', 'generate', 'undo')),
        range_start TEXT NOT NULL,
        range_end TEXT NOT NULL,
        data_json TEXT NOT NULL,
        replaced_at TEXT NOT NULL
      );
    `,
  },
  {
    version: 5,
    name: 'version history of published months (each version a full snapshot of its month)',
    sql: `
      CREATE TABLE published_version (
        month TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
        version INTEGER NOT NULL CHECK (version >= 1),
        reason TEXT NOT NULL,
        note TEXT,
        created_at TEXT NOT NULL,
        PRIMARY KEY (month, version)
      );
      CREATE TABLE published_version_slot (
        month TEXT NOT NULL,
        version INTEGER NOT NULL,
        date TEXT NOT NULL,
        role TEXT NOT NULL,
        member_id TEXT,
        PRIMARY KEY (month, version, date, role),
        FOREIGN KEY (month, version) REFERENCES published_version(month, version) ON DELETE CASCADE
      );
      INSERT INTO published_version (month, version, reason, note, created_at)
        SELECT substr(s.date, 1, 7), MAX(COALESCE(r.version, 1)), 'published', NULL, MAX(r.published_at)
        FROM roster_slot s JOIN roster r ON r.id = s.roster_id WHERE r.kind = 'published' GROUP BY substr(s.date, 1, 7);
      INSERT INTO published_version_slot (month, version, date, role, member_id)
        SELECT substr(s.date, 1, 7), v.version, s.date, s.role, s.member_id
        FROM roster_slot s JOIN roster r ON r.id = s.roster_id
        JOIN published_version v ON v.month = substr(s.date, 1, 7)
        WHERE r.kind = 'published';
    `,
  },
  {
    version: 6,
    name: 'what-if scenarios: changed inputs and their roster, apart from the real drafts',
    sql: `
      CREATE TABLE scenario (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        range_start TEXT NOT NULL,
        range_end TEXT NOT NULL,
        changes_json TEXT NOT NULL,
        base_json TEXT NOT NULL,
        result_json TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        generated_at TEXT,
        CHECK (range_start <= range_end)
      );
    `,
  },
  {
    version: 7,
    name: 'member availability rules (club format 2 unavailable[])',
    sql: `
      CREATE TABLE member_unavailable (
        member_id TEXT NOT NULL REFERENCES member(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        date TEXT,
        from_date TEXT,
        to_date TEXT,
        weekday TEXT CHECK (weekday IN ('sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat')),
        months TEXT CHECK (months IS NULL OR json_valid(months)),
        roles TEXT CHECK (roles IS NULL OR json_valid(roles)),
        level TEXT NOT NULL CHECK (level IN ('never', 'preferNot')),
        note TEXT,
        PRIMARY KEY (member_id, position),
        CHECK ((from_date IS NULL) = (to_date IS NULL))
      );
    `,
  },
  {
    version: 8,
    name: 'fairness window and season quotas of the club, season quota and exemption of members',
    sql: `
      ALTER TABLE club ADD COLUMN fairness_window TEXT NOT NULL DEFAULT 'season'
        CHECK (fairness_window IN ('season', '12months', 'range'));
      ALTER TABLE club ADD COLUMN default_season_quota INTEGER CHECK (default_season_quota BETWEEN 1 AND 150);
      ALTER TABLE member ADD COLUMN season_quota INTEGER CHECK (season_quota BETWEEN 1 AND 150);
      ALTER TABLE member ADD COLUMN exempt INTEGER NOT NULL DEFAULT 0 CHECK (exempt IN (0, 1));
    `,
  },
  {
    version: 9,
    name: 'club calendar labels (extra duty days) and reasons (removed dates), retired roles',
    sql: `
      ALTER TABLE club_extra_day ADD COLUMN label TEXT;
      ALTER TABLE club_removed_date ADD COLUMN reason TEXT;
      ALTER TABLE role ADD COLUMN retired INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1));
    `,
  },
];

export const CURRENT_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

/**
 * Stamped into the file header (PRAGMA application_id, "RMST") so a Rostermeister database can be told
 * from any other SQLite file; files made before the stamp carry 0. The schema version is also kept in
 * the header (PRAGMA user_version), so a backup records the version it was made at.
 */
export const APPLICATION_ID = 0x524d5354;

export interface MigrationStatus {
  version: number;
  name: string;
  appliedAt: string | null;
}

function ensureMigrationTable(db: Database): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`);
}

function appliedVersion(db: Database): number {
  ensureMigrationTable(db);
  const row = db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null };
  return row.v ?? 0;
}

/**
 * Brings the database to `target` (default: the newest version) in one transaction: either every
 * pending migration is applied and recorded, or none is. Returns the versions applied.
 */
export function migrate(db: Database, target: number = CURRENT_VERSION, now: () => Date = () => new Date()): number[] {
  const run = db.transaction(() => {
    const from = appliedVersion(db);
    if (from > CURRENT_VERSION) {
      throw new Error(
        `This data file was written by a newer Rostermeister (schema version ${from}; this version knows up to ${CURRENT_VERSION}). Please update the app.`,
      );
    }
    const pending = MIGRATIONS.filter((m) => m.version > from && m.version <= target);
    const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
    for (const m of pending) {
      db.exec(m.sql);
      record.run(m.version, m.name, now().toISOString());
    }
    const reached = appliedVersion(db);
    if (db.pragma('user_version', { simple: true }) !== reached) db.pragma(`user_version = ${reached}`);
    if (db.pragma('application_id', { simple: true }) !== APPLICATION_ID) db.pragma(`application_id = ${APPLICATION_ID}`);
    return pending.map((m) => m.version);
  });
  return run.immediate();
}

/** Every known migration with the time it was applied to this database (null = pending). */
export function migrationStatus(db: Database): MigrationStatus[] {
  ensureMigrationTable(db);
  const applied = new Map(
    (db.prepare('SELECT version, applied_at FROM schema_migrations').all() as { version: number; applied_at: string }[]).map((r) => [
      r.version,
      r.applied_at,
    ]),
  );
  return MIGRATIONS.map((m) => ({ version: m.version, name: m.name, appliedAt: applied.get(m.version) ?? null }));
}
