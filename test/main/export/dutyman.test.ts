import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { renderExport, type ViewExportRequest } from '../../../main/export/index.ts';
import { splitName } from '../../../main/export/dutyman.ts';
import { ApiError } from '../../../main/api/errors.ts';
import type { PublishedView } from '../../../main/api/contract.ts';
import { NAMES, ROLES, decemberView } from './views.ts';

const GENERATED = new Date('2026-11-28T12:05:00Z');
const request = (extra: Partial<ViewExportRequest>): ViewExportRequest => ({ year: 2026, month: 12, format: 'dutyman', ...extra });

/**
 * The columns of DutyMan's duty upload, as its Administrators' Guide documents them
 * (dutyman.biz/dmahelp/duties1_1.aspx; required: Duty Date, Event, Duty Type, First Name, Last Name),
 * with the maximum length DutyMan accepts in each.
 */
const DOCUMENTED: Record<string, number> = {
  'Duty Date': 10,
  'Duty Time': 5,
  Event: 45,
  'Duty Type': 25,
  'First Name': 30,
  'Last Name': 60,
  Swappable: 3,
  Reminders: 3,
};
const REQUIRED = ['Duty Date', 'Event', 'Duty Type', 'First Name', 'Last Name'];

function read(bytes: Buffer): { header: string[]; rows: Record<string, string>[] } {
  const [header] = parse(bytes, { to_line: 1 });
  const rows = parse<Record<string, string>>(bytes, { columns: true, relax_column_count: false });
  return { header, rows };
}

test('DutyMan CSV: the documented columns only, a row per slot, read back by a CSV parser', async () => {
  const view = decemberView();
  const file = await renderExport(view, request({}), GENERATED);
  assert.equal(file.fileName, 'skyhigh-gliding-club-sud-roster-2026-12-dutyman.csv');
  assert.equal(file.mimeType, 'text/csv; charset=utf-8');
  assert.notEqual(file.bytes[0], 0xef, 'no byte order mark: DutyMan must see "Duty Date" as the first heading');
  const { header, rows } = read(file.bytes);
  for (const column of REQUIRED) assert.ok(header.includes(column), `has ${column}`);
  for (const column of header) assert.ok(column in DOCUMENTED, `${column} is a documented DutyMan column`);
  assert.equal(new Set(header).size, header.length);

  assert.equal(rows.length, view.days.length * ROLES.length);
  let i = 0;
  for (const day of view.days) {
    const [year, month, dayOfMonth] = day.date.split('-');
    for (const role of ROLES) {
      const row = rows[i++];
      const slot = day.slots.find((s) => s.role === role.key)!;
      assert.equal(row['Duty Date'], `${dayOfMonth}/${month}/${year}`);
      assert.equal(row['Duty Type'], role.title);
      assert.equal(row.Event, 'Duty day');
      assert.equal(row['Duty Time'], '');
      const name = [row['First Name'], row['Last Name']].filter((part) => part !== '').join(' ');
      if (slot.memberId === 'm5') assert.equal(name, 'Αλέξανδρος Παπαδόπουλος-Κωνστα Γεωργίου', 'cut to DutyMan 30 + 60');
      else assert.equal(name, slot.memberName ?? '', `${day.date} ${role.key}`);
    }
  }
  for (const row of rows)
    for (const [column, max] of Object.entries(DOCUMENTED))
      if (column in row) assert.ok([...row[column]].length <= max, `${column} "${row[column]}" fits`);
});

test('names: the last word is the last name, one word is a first name only; open slots are unallocated duties', async () => {
  assert.deepEqual(splitName('Anna Maria Schmidt'), ['Anna Maria', 'Schmidt']);
  assert.deepEqual(splitName('  Zoë   Müller '), ['Zoë', 'Müller']);
  assert.deepEqual(splitName('李雷'), ['李雷', '']);
  assert.deepEqual(splitName(''), ['', '']);

  const { rows } = read((await renderExport(decemberView(), request({}), GENERATED)).bytes);
  const quoted = rows.find((r) => r['Last Name'] === '"Pat"');
  assert.deepEqual([quoted?.['First Name'], quoted?.['Last Name']], ["O'Brien,", '"Pat"'], 'quotes and commas survive the round trip');
  const single = rows.find((r) => r['First Name'] === NAMES.m4);
  assert.equal(single?.['Last Name'], '');
  const open = rows.filter((r) => r['Duty Date'] === '26/12/2026' && r['First Name'] === '');
  assert.deepEqual(
    open.map((r) => [r['Duty Type'], r['Last Name'], r.Swappable]),
    [
      ['Duty officer', '', 'Yes'],
      ['Winch driver', '', 'Yes'],
    ],
  );
});

test("one member's duties only, and a long role title cut to DutyMan's 25 characters", async () => {
  const mine = read((await renderExport(decemberView(), request({ memberId: 'm2' }), GENERATED)).bytes).rows;
  const expected = decemberView().days.flatMap((d) => d.slots.filter((s) => s.memberId === 'm2')).length;
  assert.equal(mine.length, expected);
  assert.ok(mine.every((r) => r['First Name'] === 'Zoë' && r['Last Name'] === 'Müller'));

  const view: PublishedView = {
    ...decemberView(),
    roles: ROLES.map((r, i) => (i === 0 ? { ...r, title: 'Duty officer and airfield safety lead' } : r)),
  };
  const rows = read((await renderExport(view, request({}), GENERATED)).bytes).rows;
  assert.equal(rows[0]['Duty Type'], 'Duty officer and airfield');
});

test('cells use the app CSV escaping: a formula-like name reads back exactly as in the grid CSV', async () => {
  const view = decemberView();
  view.days[0].slots[0].memberName = '=HYPERLINK("http://x","y")';
  view.days[0].slots[1].memberName = 'Ann +1-@SUM(A1)';
  const dutyman = read((await renderExport(view, request({}), GENERATED)).bytes).rows;
  const [, grid] = parse((await renderExport(view, request({ format: 'csv' }), GENERATED)).bytes);
  assert.equal(dutyman[0]['First Name'], grid[1], 'same cell text as the grid CSV gives the same name');
  assert.equal(`${dutyman[1]['First Name']} ${dutyman[1]['Last Name']}`.endsWith('@SUM(A1)'), true);
});

test('a run of months: one file, the dates of every month, named for the range; nothing published is not_found', async () => {
  const december = decemberView();
  const view: PublishedView = {
    ...december,
    range: { start: '2026-12-01', end: '2027-01-31' },
    days: [...december.days, { date: '2027-01-02', slots: december.days[0].slots }],
  };
  const file = await renderExport(view, request({ months: 2 }), GENERATED);
  assert.equal(file.fileName, 'skyhigh-gliding-club-sud-roster-2026-12-to-2027-01-dutyman.csv');
  const { rows } = read(file.bytes);
  assert.equal(rows.at(-1)?.['Duty Date'], '02/01/2027');
  await assert.rejects(renderExport({ ...view, days: [] }, request({ months: 2 }), GENERATED), (error: unknown) => {
    assert.ok(error instanceof ApiError);
    assert.equal(error.code, 'not_found');
    assert.equal(error.message, 'No published roster for December 2026 – January 2027 — publish a draft first.');
    return true;
  });
});
