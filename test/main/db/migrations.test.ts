import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { openDatabase } from '../../../main/db/connection.ts';
import { CURRENT_VERSION, MIGRATIONS, migrationStatus } from '../../../main/db/migrations.ts';

const root = mkdtempSync(join(tmpdir(), 'rm-migrations-'));
after(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const freshFile = () => join(root, `db-${n++}.sqlite`);

const columns = (db: ReturnType<typeof openDatabase>, table: string) =>
  (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);

/** Data every version since v1 can hold: a club, a member, a run and a draft slot. */
function fillV1(db: ReturnType<typeof openDatabase>): void {
  db.exec(`
    INSERT INTO club (id, name, default_max_per_month, season_start, season_end, operating_weekdays) VALUES (1, 'Old Club', 8, NULL, NULL, '["sat","sun"]');
    INSERT INTO role (key, title, qualification, scheduled, position) VALUES ('instructor', 'Instructor', 'instructor', 1, 0);
    INSERT INTO member (id, name, active, allow_weekend_double, dont_schedule, suspended, position) VALUES ('m1', 'Ann', 1, 0, 0, 0, 0);
    INSERT INTO generation_run (purpose, requested_scheduler, scheduler, seed, status, range_start, range_end, created_at)
      VALUES ('draft', 'legacy', 'legacy', 7, 'heuristic', '2026-06-01', '2026-06-30', '2026-05-01T00:00:00Z');
    INSERT INTO roster (kind, range_start, range_end, run_id, created_at, updated_at) VALUES ('draft', '2026-06-01', '2026-06-30', 1, 'x', 'x');
    INSERT INTO roster_slot (roster_id, date, role, member_id) VALUES (1, '2026-06-06', 'instructor', 'm1');
  `);
}

describe('database migrations', () => {
  it('bring an empty file to the current version, with WAL and foreign keys on, recorded in schema_migrations', () => {
    const db = openDatabase(freshFile());
    assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
    assert.equal(db.pragma('foreign_keys', { simple: true }), 1);
    const status = migrationStatus(db);
    assert.deepEqual(
      status.map((s) => s.version),
      MIGRATIONS.map((m) => m.version),
    );
    assert.ok(status.every((s) => s.appliedAt !== null));
    assert.ok(columns(db, 'generation_run').includes('gap'));
    assert.ok(columns(db, 'roster_slot').includes('locked'));
    db.close();
  });

  for (const from of MIGRATIONS.map((m) => m.version).filter((v) => v < CURRENT_VERSION)) {
    it(`upgrade a version ${from} database with its data intact`, () => {
      const file = freshFile();
      const old = openDatabase(file, { migrateTo: from });
      assert.equal(migrationStatus(old).filter((s) => s.appliedAt !== null).length, from);
      fillV1(old);
      old.close();

      const db = openDatabase(file);
      assert.ok(migrationStatus(db).every((s) => s.appliedAt !== null));
      const slot = db.prepare('SELECT member_id, locked FROM roster_slot').get() as { member_id: string; locked: number };
      assert.deepEqual(slot, { member_id: 'm1', locked: 0 });
      const run = db.prepare('SELECT seed, gap FROM generation_run').get() as { seed: number; gap: number | null };
      assert.deepEqual(run, { seed: 7, gap: null });
      assert.equal((db.prepare('SELECT name FROM club').get() as { name: string }).name, 'Old Club');
      db.close();
    });
  }

  it('give a version 7 club the season fairness window and no quotas, and members no quota and no exemption (v8)', () => {
    const file = freshFile();
    const old = openDatabase(file, { migrateTo: 7 });
    fillV1(old);
    old.close();
    const db = openDatabase(file);
    assert.deepEqual(db.prepare('SELECT fairness_window, default_season_quota FROM club').get(), {
      fairness_window: 'season',
      default_season_quota: null,
    });
    assert.deepEqual(db.prepare('SELECT season_quota, exempt FROM member').get(), { season_quota: null, exempt: 0 });
    assert.throws(() => db.prepare(`UPDATE club SET fairness_window = 'year'`).run(), /CHECK/);
    assert.throws(() => db.prepare('UPDATE member SET season_quota = 0').run(), /CHECK/);
    assert.throws(() => db.prepare('UPDATE member SET exempt = 2').run(), /CHECK/);
    db.close();
  });

  it('leave a database alone when a migration fails (one transaction)', () => {
    const file = freshFile();
    const old = openDatabase(file, { migrateTo: 1 });
    // A column v2 wants to add already exists, so v2 fails halfway.
    old.exec('ALTER TABLE generation_run ADD COLUMN gap REAL');
    old.close();
    assert.throws(() => openDatabase(file), /duplicate column/);
    const again = openDatabase(file, { migrateTo: 1 });
    assert.equal(migrationStatus(again).filter((s) => s.appliedAt !== null).length, 1);
    assert.ok(!columns(again, 'roster_slot').includes('locked'));
    again.close();
  });

  it('refuse a database written by a newer version', () => {
    const file = freshFile();
    const db = openDatabase(file);
    db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(CURRENT_VERSION + 1, 'future', 'x');
    db.close();
    assert.throws(() => openDatabase(file), /newer Rostermeister/);
  });

  it('enforce foreign keys (a slot cannot name an unknown member)', () => {
    const db = openDatabase(freshFile());
    fillV1(db);
    assert.throws(() => db.prepare(`UPDATE roster_slot SET member_id = 'nobody'`).run(), /FOREIGN KEY/);
    db.close();
  });
});
