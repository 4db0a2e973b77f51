import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { apiError, tempBackend } from './helpers.ts';

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

async function xlsx(rows: unknown[][]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Members');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

describe('members from a spreadsheet', () => {
  it('refuses a sheet with one bad row and changes nothing, then imports the corrected sheet (adds and updates)', async () => {
    const { backend, cleanup } = await tempBackend();
    try {
      const before = await backend.listMembers();
      const known = before[0];
      const bad = b64(
        '\uFEFFName;Qualifications;Monthly limit;Blackout days\n' +
          'Zoë Newcomer;Tow Pilot, duty_officer;2;2027-06-05\n' +
          'Yusuf Second;instructor;20;\n' +
          `${known.name};;0,5;\n`,
      );
      const preview = await backend.previewMemberSheet('members.csv', bad, null);
      assert.deepEqual(preview.headers, ['Name', 'Qualifications', 'Monthly limit', 'Blackout days']);
      assert.deepEqual(preview.mapping, {
        Name: 'name',
        Qualifications: 'qualifications',
        'Monthly limit': 'maxPerMonth',
        'Blackout days': 'blackouts',
      });
      assert.deepEqual(
        preview.rows.map((r) => [r.row, r.action, r.errors.length]),
        [
          [2, 'add', 0],
          [3, 'add', 1],
          [4, 'update', 0],
        ],
      );
      assert.match(preview.rows[1].errors[0], /^Monthly limit must be a number of duties per month from 0 to 12/);
      const refused = await apiError(backend.importMemberSheet('members.csv', bad, preview.mapping), 'bad_input', 'file');
      assert.match(refused.message, /^Nothing was imported: 1 row has a problem \(row 3: Monthly limit must be/);
      assert.deepEqual(await backend.listMembers(), before, 'nothing changed');
      assert.equal((await backend.listBackups()).length, 0, 'a refused sheet makes no backup');

      const good = b64(
        'Name;Qualifications;Monthly limit;Blackout days\n' +
          'Zoë Newcomer;Tow Pilot, duty_officer;2;2027-06-05\n' +
          'Yusuf Second;instructor;1;\n' +
          `${known.name};;0,5;\n`,
      );
      const result = await backend.importMemberSheet('members.csv', good, preview.mapping);
      assert.deepEqual([result.added, result.updated], [2, 1]);
      assert.match(result.backup, /before-members-import/);
      const after = await backend.listMembers();
      assert.equal(after.length, before.length + 2);
      const zoe = after.find((m) => m.name === 'Zoë Newcomer')!;
      assert.deepEqual(zoe.qualifications, ['towpilot', 'duty_officer'], 'a role title stands for its qualification');
      assert.deepEqual(zoe.blackouts, ['2027-06-05']);
      assert.ok(!before.some((m) => m.id === zoe.id), 'a new member gets a free id');
      const updated = after.find((m) => m.id === known.id)!;
      assert.deepEqual(updated, { ...known, maxPerMonth: 0.5 }, 'only the mapped, filled cells change a member');

      // The same sheet again adds nobody twice: its rows now match members by name.
      const again = await backend.previewMemberSheet('members.csv', good, null);
      assert.deepEqual(
        again.rows.map((r) => r.action),
        ['update', 'update', 'update'],
      );
    } finally {
      await cleanup();
    }
  });

  it('reads an XLSX workbook: ids, date and yes/no cells, a mapping the user chose', async () => {
    const { backend, cleanup } = await tempBackend();
    try {
      const data = await xlsx([
        ['Membership number', 'Full name', 'Quals', 'Last duty', 'Suspended', 'Notes'],
        ['x901', 'Wren Ashby', 'instructor; towpilot', new Date(Date.UTC(2026, 9, 18)), 'yes', 'new this year'],
        ['x902', 'Ola Berg', 'duty_officer', null, false, ''],
      ]);
      const guessed = await backend.previewMemberSheet('members.xlsx', data, null);
      assert.equal(guessed.mapping.Quals, null, 'an unknown header is not guessed');
      const mapping = { ...guessed.mapping, Quals: 'qualifications' as const };
      const preview = await backend.previewMemberSheet('members.xlsx', data, mapping);
      assert.equal(preview.rowsWithErrors, 0, JSON.stringify(preview.rows));
      await backend.importMemberSheet('members.xlsx', data, mapping);
      const wren = (await backend.listMembers()).find((m) => m.id === 'x901')!;
      assert.deepEqual(
        [wren.name, wren.qualifications, wren.lastDutyDate, wren.suspended],
        ['Wren Ashby', ['instructor', 'towpilot'], '2026-10-18', true],
      );
      const twice = { ...mapping, Notes: 'name' as const };
      const problem = await backend.previewMemberSheet('members.xlsx', data, twice);
      assert.match(problem.mappingProblem!, /both fill Name/);
      await apiError(backend.importMemberSheet('members.xlsx', data, twice), 'bad_input', 'mapping');
    } finally {
      await cleanup();
    }
  });

  it('names the row and column of every problem: unknown partners, a bad date, an id used twice', async () => {
    const { backend, cleanup } = await tempBackend();
    try {
      const sheet = b64(
        'Member id,Name,Qualifications,Likes to work with,Last duty\n' +
          'n1,Ann One,instructor,n2,2026-13-01\n' +
          'n2,Bo Two,instructor,nobody,\n' +
          'n2,Bo Again,instructor,,\n',
      );
      const preview = await backend.previewMemberSheet('m.csv', sheet, null);
      const errors = Object.fromEntries(preview.rows.map((r) => [r.row, r.errors.join(' | ')]));
      assert.match(errors[2], /^Last duty must be a date written YYYY-MM-DD.*not "2026-13-01"\.$/);
      assert.match(errors[3], /Likes to work with \(entry 1\) must be the id of a member of the club, not "nobody"/);
      assert.match(errors[4], /Member id n2 is on another row of this sheet too/);
    } finally {
      await cleanup();
    }
  });

  it('refuses files that are not spreadsheets, saying what is wrong with each', async () => {
    const { backend, cleanup } = await tempBackend();
    try {
      const cases: [string, string, RegExp][] = [
        ['empty.csv', '', /is empty \(0 bytes\)/],
        ['broken.xlsx', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]).toString('base64'), /cannot be read/],
        ['latin1.csv', Buffer.from([0x4e, 0x61, 0x6d, 0x65, 0x0a, 0x5a, 0x6f, 0xeb, 0x0a]).toString('base64'), /UTF-8 CSV/],
        ['twice.csv', b64('Name,Name\nA,B\n'), /two columns called "Name"/],
        ['headless.csv', b64(',\n,\n'), /no header row/],
      ];
      for (const [name, data, words] of cases) {
        const error = await apiError(backend.previewMemberSheet(name, data, null), 'bad_input', 'file');
        assert.match(error.message, words, name);
      }
      const noName = await backend.previewMemberSheet('x.csv', b64('Colour\nblue\n'), null);
      assert.match(noName.mappingProblem!, /Map a column to Name/);
    } finally {
      await cleanup();
    }
  });
});
