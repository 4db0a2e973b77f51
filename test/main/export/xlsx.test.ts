import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { ExportRequest } from '../../../main/api/contract.ts';
import { renderExport } from '../../../main/export/index.ts';
import { ROLES, decemberView } from './views.ts';

const GENERATED = new Date('2026-11-28T12:05:00Z');
const request = (extra: Partial<ExportRequest>): ExportRequest => ({ year: 2026, month: 12, format: 'xlsx', ...extra });
const dir = mkdtempSync(join(tmpdir(), 'rm-xlsx-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Every sheet as rows of cells, read by Debian's Python with openpyxl (an independent reader; /usr/bin/python3, since a pyenv python3 may come first on PATH): dates as ISO, formulas flagged. */
function readWithOpenpyxl(bytes: Buffer): Record<string, (string | null)[][]> {
  const file = join(dir, `f-${Math.random().toString(36).slice(2)}.xlsx`);
  writeFileSync(file, bytes);
  const script = `
import json, sys, datetime, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = {}
for ws in wb.worksheets:
    rows = []
    for row in ws.iter_rows():
        cells = []
        for c in row:
            v = c.value
            if c.data_type == 'f': v = 'FORMULA:' + str(v)
            elif isinstance(v, datetime.datetime): v = v.date().isoformat()
            elif v is not None: v = str(v)
            cells.append(v)
        rows.append(cells)
    out[ws.title] = rows
print(json.dumps(out))
`;
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, file], { encoding: 'utf8' })) as Record<string, (string | null)[][]>;
}

test('XLSX: a Roster sheet (a row per duty day, real date cells) and a Duties sheet (a row per slot), read back by openpyxl', async () => {
  const view = decemberView();
  const file = await renderExport(view, request({}), GENERATED);
  assert.equal(file.fileName, 'skyhigh-gliding-club-sud-roster-2026-12.xlsx');
  assert.equal(file.mimeType, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  const sheets = readWithOpenpyxl(file.bytes);
  assert.deepEqual(Object.keys(sheets), ['Roster', 'Duties']);
  const [header, ...rows] = sheets.Roster;
  assert.deepEqual(header, ['Date', 'Day', ...ROLES.map((r) => r.title)]);
  assert.equal(rows.length, view.days.length);
  view.days.forEach((day, i) => {
    assert.equal(rows[i][0], day.date);
    assert.deepEqual(
      rows[i].slice(2),
      day.slots.map((s) => s.memberName),
    );
  });
  assert.equal(rows[0][1], 'Saturday');
  const duties = sheets.Duties.slice(1);
  assert.equal(duties.length, view.days.flatMap((d) => d.slots).length);
  assert.ok(
    !Object.values(sheets)
      .flat(2)
      .some((v) => v?.startsWith('FORMULA:')),
    'no cell is a formula',
  );
});

test('XLSX of one member holds only their duties on the Duties sheet, and a name that looks like a formula stays text', async () => {
  const view = decemberView();
  view.days[0].slots[0] = { ...view.days[0].slots[0], memberName: '=HYPERLINK("http://evil","x")' };
  const memberId = view.days[0].slots[0].memberId!;
  const file = await renderExport(view, request({ memberId }), GENERATED);
  const sheets = readWithOpenpyxl(file.bytes);
  assert.ok(sheets.Duties.slice(1).every((row) => row[2] === memberId));
  assert.equal(sheets.Roster[1][2], '=HYPERLINK("http://evil","x")');
  assert.ok(
    !Object.values(sheets)
      .flat(2)
      .some((v) => v?.startsWith('FORMULA:')),
  );
});
