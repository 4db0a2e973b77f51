import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { openDatabase } from '../../../main/db/connection.ts';
import { mergePublishedHistory, replacePublished } from '../../../main/db/rosterRepo.ts';
import { latestVersion, listVersions, versionSlots } from '../../../main/db/versionRepo.ts';

const root = mkdtempSync(join(tmpdir(), 'rm-versions-'));
after(() => rmSync(root, { recursive: true, force: true }));
let n = 0;

function club() {
  const db = openDatabase(join(root, `db-${n++}.sqlite`));
  db.exec(`
    INSERT INTO club (id, name, default_max_per_month, season_start, season_end, operating_weekdays) VALUES (1, 'C', 8, NULL, NULL, '["sat","sun"]');
    INSERT INTO role (key, title, qualification, scheduled, position) VALUES ('instructor', 'Instructor', 'instructor', 1, 0);
    INSERT INTO member (id, name, active, allow_weekend_double, dont_schedule, suspended, position) VALUES ('a', 'Ann', 1, 0, 0, 0, 0), ('b', 'Bob', 1, 0, 0, 0, 1);
  `);
  return db;
}

describe('published version history', () => {
  it('numbers each publish of a month and keeps every earlier snapshot', () => {
    const db = club();
    const june = { start: '2026-06-01', end: '2026-06-30' };
    replacePublished(db, june, [{ date: '2026-06-06', role: 'instructor', memberId: 'a' }], 't1');
    const second = replacePublished(db, june, [{ date: '2026-06-06', role: 'instructor', memberId: 'b' }], 't2', {
      reason: 'cover',
      note: 'Ann is ill',
    });
    assert.equal(second.version, 2);
    assert.deepEqual(
      listVersions(db, '2026-06').map((v) => [v.version, v.reason, v.note, v.createdAt]),
      [
        [1, 'published', null, 't1'],
        [2, 'cover', 'Ann is ill', 't2'],
      ],
    );
    assert.deepEqual(versionSlots(db, '2026-06', 1), [{ date: '2026-06-06', role: 'instructor', memberId: 'a' }]);
    assert.deepEqual(versionSlots(db, '2026-06', 2), [{ date: '2026-06-06', role: 'instructor', memberId: 'b' }]);
    db.close();
  });

  it('gives each month of a multi-month publish its own next version, and an import records only changed months', () => {
    const db = club();
    replacePublished(db, { start: '2026-06-01', end: '2026-06-30' }, [{ date: '2026-06-06', role: 'instructor', memberId: 'a' }], 't1');
    replacePublished(
      db,
      { start: '2026-06-01', end: '2026-07-31' },
      [
        { date: '2026-06-06', role: 'instructor', memberId: 'b' },
        { date: '2026-07-04', role: 'instructor', memberId: 'a' },
      ],
      't2',
    );
    assert.equal(latestVersion(db, '2026-06'), 2);
    assert.equal(latestVersion(db, '2026-07'), 1, 'July is published for the first time');
    mergePublishedHistory(
      db,
      [
        { date: '2026-06-06', slots: { instructor: 'b' } },
        { date: '2026-07-04', slots: { instructor: 'b' } },
      ],
      't3',
    );
    assert.equal(latestVersion(db, '2026-06'), 2, 'an unchanged month keeps its version');
    assert.deepEqual(
      listVersions(db, '2026-07').map((v) => [v.version, v.reason]),
      [
        [1, 'published'],
        [2, 'imported'],
      ],
    );
    db.close();
  });

  it('backfills version 1 from what was published before the history existed', () => {
    const file = join(root, `db-${n++}.sqlite`);
    const old = openDatabase(file, { migrateTo: 4 });
    old.exec(`
      INSERT INTO club (id, name, default_max_per_month, season_start, season_end, operating_weekdays) VALUES (1, 'C', 8, NULL, NULL, '["sat","sun"]');
      INSERT INTO role (key, title, qualification, scheduled, position) VALUES ('instructor', 'Instructor', 'instructor', 1, 0);
      INSERT INTO member (id, name, active, allow_weekend_double, dont_schedule, suspended, position) VALUES ('a', 'Ann', 1, 0, 0, 0, 0);
      INSERT INTO roster (kind, range_start, range_end, created_at, updated_at, published_at, version) VALUES ('published', '2026-05-01', '2026-05-31', 'x', 'x', 'p', 3);
      INSERT INTO roster_slot (roster_id, date, role, member_id) VALUES (1, '2026-05-02', 'instructor', 'a');
    `);
    old.close();
    const db = openDatabase(file);
    assert.deepEqual(
      listVersions(db, '2026-05').map((v) => [v.version, v.reason, v.createdAt]),
      [[3, 'published', 'p']],
    );
    assert.deepEqual(versionSlots(db, '2026-05', 3), [{ date: '2026-05-02', role: 'instructor', memberId: 'a' }]);
    db.close();
  });
});
