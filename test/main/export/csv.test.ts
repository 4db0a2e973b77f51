import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { renderExport, type ViewExportRequest } from '../../../main/export/index.ts';
import { ApiError } from '../../../main/api/errors.ts';
import type { PublishedView } from '../../../main/api/contract.ts';
import { NAMES, ROLES, decemberView, emptyView } from './views.ts';

const GENERATED = new Date('2026-11-28T12:05:00Z');
const request = (extra: Partial<ViewExportRequest>): ViewExportRequest => ({ year: 2026, month: 12, format: 'csv', ...extra });

function parseCsv(bytes: Buffer): string[][] {
  return parse(bytes, { bom: true, relax_column_count: false });
}

test('grid CSV: Date then one column per role title, one row per duty day, names as published', async () => {
  const view = decemberView();
  const file = await renderExport(view, request({}), GENERATED);
  assert.equal(file.mimeType, 'text/csv; charset=utf-8');
  assert.equal(file.fileName, 'skyhigh-gliding-club-sud-roster-2026-12.csv');
  const [header, ...rows] = parseCsv(file.bytes);
  assert.deepEqual(header, ['Date', ...ROLES.map((role) => role.title)]);
  assert.equal(rows.length, view.days.length);
  view.days.forEach((day, i) => {
    assert.deepEqual(rows[i], [day.date, ...day.slots.map((slot) => slot.memberName ?? '')]);
  });
  assert.ok(rows.flat().includes('O\'Brien, "Pat"'));
  assert.ok(rows.flat().includes('李雷'));
});

test('CSV lines end with CRLF, and the BOM is there only when asked for', async () => {
  const plain = await renderExport(decemberView(), request({}), GENERATED);
  const text = plain.bytes.toString('utf8');
  assert.ok(text.endsWith('\r\n'));
  assert.equal(text.replace(/\r\n/g, '').includes('\n'), false, 'no bare line feeds');
  assert.notEqual(plain.bytes[0], 0xef);

  const withBom = await renderExport(decemberView(), request({ bom: true }), GENERATED);
  assert.deepEqual([...withBom.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  assert.deepEqual(parseCsv(withBom.bytes), parseCsv(plain.bytes));
});

test('long CSV: one row per slot with role key, title, member id and name; open slots have empty member cells', async () => {
  const view = decemberView();
  const file = await renderExport(view, request({ format: 'csv-long' }), GENERATED);
  assert.equal(file.fileName, 'skyhigh-gliding-club-sud-roster-2026-12-long.csv');
  const records = parse<Record<string, string>>(file.bytes, { columns: true, bom: true });
  const expected = view.days.flatMap((day) =>
    day.slots.map((slot) => ({
      date: day.date,
      role: slot.role,
      role_title: ROLES.find((role) => role.key === slot.role)?.title ?? '',
      member_id: slot.memberId ?? '',
      member_name: slot.memberName ?? '',
    })),
  );
  assert.deepEqual(records, expected);
});

test("one member's CSV: long format keeps only their slots, grid only their duty days", async () => {
  const view = decemberView();
  const long = parse<Record<string, string>>((await renderExport(view, request({ format: 'csv-long', memberId: 'm4' }), GENERATED)).bytes, {
    columns: true,
  });
  const held = view.days.flatMap((day) => day.slots.filter((slot) => slot.memberId === 'm4').map(() => day.date));
  assert.deepEqual(
    long.map((row) => row.date),
    held,
  );
  assert.ok(long.every((row) => row.member_id === 'm4' && row.member_name === NAMES.m4));

  const grid = await renderExport(view, request({ memberId: 'm2' }), GENERATED);
  assert.equal(grid.fileName, 'skyhigh-gliding-club-sud-roster-2026-12-zoe-muller.csv');
  const [, ...rows] = parseCsv(grid.bytes);
  const m2Days = view.days.filter((day) => day.slots.some((slot) => slot.memberId === 'm2')).map((day) => day.date);
  assert.deepEqual(
    rows.map((row) => row[0]),
    m2Days,
  );
  assert.ok(rows.every((row) => row.includes(NAMES.m2)));

  const nordic = await renderExport(view, request({ memberId: 'm8' }), GENERATED);
  assert.equal(nordic.fileName, 'skyhigh-gliding-club-sud-roster-2026-12-ingrid-aeroskobing-jorgensen.csv');
});

test('names with line breaks, quotes and commas survive a spreadsheet round trip', async () => {
  const view: PublishedView = decemberView();
  view.days[0].slots[0].memberName = 'Anne-Marie\r\n"Annie", Smith';
  view.days[0].slots[1].memberName = ' leading space, trailing ';
  const [, first] = parseCsv((await renderExport(view, request({}), GENERATED)).bytes);
  assert.equal(first[1], 'Anne-Marie\r\n"Annie", Smith');
  assert.equal(first[2], ' leading space, trailing ');
});

test('a month with no published roster is a clear not_found error, not an empty file', async () => {
  await assert.rejects(renderExport(emptyView(), request({}), GENERATED), (error: unknown) => {
    assert.ok(error instanceof ApiError);
    assert.equal(error.code, 'not_found');
    assert.match(error.message, /No published roster for December 2026/);
    assert.match(error.message, /publish a draft first/);
    return true;
  });
});

test('a member without duties in the month is a clear not_found error', async () => {
  await assert.rejects(renderExport(decemberView(), request({ format: 'csv-long', memberId: 'nobody' }), GENERATED), (error: unknown) => {
    assert.ok(error instanceof ApiError);
    assert.equal(error.code, 'not_found');
    assert.match(error.message, /nobody has no duties .* December 2026/);
    return true;
  });
});
