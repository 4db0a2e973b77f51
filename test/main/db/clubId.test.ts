import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, it } from 'node:test';
import { loadClub, writeClubHeader } from '../../../main/db/clubRepo.ts';
import { openDatabase } from '../../../main/db/connection.ts';
import { migrate } from '../../../main/db/migrations.ts';

const root = mkdtempSync(join(tmpdir(), 'rm-club-id-'));
after(() => rmSync(root, { recursive: true, force: true }));
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

it('migration 10 gives a club stored before it a permanent id, and keeps it through later writes', () => {
  const db = openDatabase(join(root, 'old.sqlite'), { migrateTo: 9 });
  db.exec(`INSERT INTO club (id, name, default_max_per_month, season_start, season_end, operating_weekdays)
           VALUES (1, 'Old Club', 8, NULL, NULL, '["sat","sun"]')`);
  migrate(db);
  const id = loadClub(db).club.id;
  assert.match(id ?? '', UUID);
  const header = { name: 'Renamed Club', defaultMaxPerMonth: 8, season: { start: null, end: null }, operatingWeekdays: ['sat' as const] };
  writeClubHeader(db, header);
  assert.equal(loadClub(db).club.id, id, 'a rename keeps the id');
  writeClubHeader(db, { ...header, id: 'from-a-file' });
  assert.equal(loadClub(db).club.id, 'from-a-file', "a club file's id replaces it");
  db.close();
});

it('a club written into a new database gets a fresh id of its own', () => {
  const ids = ['a.sqlite', 'b.sqlite'].map((name) => {
    const db = openDatabase(join(root, name));
    writeClubHeader(db, { name: 'New Club', defaultMaxPerMonth: 8, season: { start: null, end: null }, operatingWeekdays: ['sun'] });
    const id = loadClub(db).club.id;
    db.close();
    return id;
  });
  ids.forEach((id) => assert.match(id ?? '', UUID));
  assert.notEqual(ids[0], ids[1]);
});
