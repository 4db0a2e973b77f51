import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderExport, type ViewExportRequest } from '../../../main/export/index.ts';
import { defaultFontDir } from '../../../main/export/pdf.ts';
import { ApiError } from '../../../main/api/errors.ts';
import type { PublishedView, RoleSetting } from '../../../main/api/contract.ts';
import { addDays } from '../../../solver/dates.ts';
import { NAMES, decemberView, emptyView } from './views.ts';

const GENERATED = new Date('2026-11-28T12:05:00Z');
const request = (extra: Partial<ViewExportRequest> = {}): ViewExportRequest => ({ year: 2026, month: 12, format: 'pdf', ...extra });
const dir = mkdtempSync(join(tmpdir(), 'rostermeister-pdf-'));
after(() => rmSync(dir, { recursive: true, force: true }));

let counter = 0;
function save(bytes: Buffer): string {
  const path = join(dir, `sheet-${++counter}.pdf`);
  writeFileSync(path, bytes);
  return path;
}

/** Page texts from poppler's pdftotext (pages are separated by form feeds). */
function pageTexts(path: string): string[] {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);
}

function info(path: string): { pages: number; size: string; width: number; height: number } {
  const out = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(out)?.[1]);
  const size = /^Page size:\s+(.*)$/m.exec(out)?.[1] ?? '';
  const [, width, height] = /([\d.]+) x ([\d.]+)/.exec(size)?.map(Number) ?? [];
  return { pages, size, width, height };
}

/** Wrapped cells break names over lines (pdftotext joins a line-end hyphen); compare without spaces and hyphens. */
const squash = (text: string): string => text.replace(/[\s-]+/g, '');

test('A4 month sheet: club name, month, every name (Latin, Greek, Cyrillic, Chinese), open slots and generated date', async () => {
  const view = decemberView();
  const file = await renderExport(view, request(), GENERATED);
  assert.equal(file.mimeType, 'application/pdf');
  assert.equal(file.fileName, 'skyhigh-gliding-club-sud-roster-2026-12.pdf');
  assert.equal(file.bytes.subarray(0, 5).toString('latin1'), '%PDF-');
  const path = save(file.bytes);
  const meta = info(path);
  assert.equal(meta.pages, 1);
  assert.match(meta.size, /\(A4\)/);
  assert.ok(meta.height > meta.width, 'four roles fit in portrait');

  const [text] = pageTexts(path);
  assert.match(text, /Skyhigh Gliding Club, Süd/);
  assert.match(text, /December 2026/);
  for (const title of ['Date', 'Duty officer', 'Winch driver', 'Tow pilot', 'Instructor']) assert.match(text, new RegExp(title));
  for (const name of Object.values(NAMES)) assert.ok(squash(text).includes(squash(name)), `${name} is on the sheet`);
  assert.match(text, /Sat 5 Dec/);
  const openSlots = view.days.flatMap((day) => day.slots).filter((slot) => slot.memberId === null).length;
  assert.equal(text.match(/\bopen\b/g)?.length, openSlots, 'every empty slot is marked');
  const generated = GENERATED.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
  assert.match(text, new RegExp(`Generated ${generated}`));
  assert.match(text, /Page 1 of 1/);
});

test('Letter paper, and landscape when there are many roles', async () => {
  const letter = info(save((await renderExport(decemberView(), request({ paper: 'Letter' }), GENERATED)).bytes));
  assert.match(letter.size, /\(letter\)/);

  const wide = decemberView();
  const extra: RoleSetting[] = ['Launch marshal', 'Retrieve driver'].map((title, i) => ({
    key: `extra${i}`,
    title,
    qualification: `extra${i}`,
    scheduled: true,
  }));
  wide.roles = [...wide.roles, ...extra];
  for (const day of wide.days) day.slots.push(...extra.map((role) => ({ role: role.key, memberId: 'm8', memberName: NAMES.m8 })));
  const path = save((await renderExport(wide, request(), GENERATED)).bytes);
  const meta = info(path);
  assert.ok(meta.width > meta.height, 'six roles turn the sheet to landscape');
  assert.match(pageTexts(path)[0], /Retrieve driver/);
});

test('a long range breaks over pages, repeating the table header and numbering the pages', async () => {
  const base = decemberView();
  const days: PublishedView['days'] = [];
  for (let i = 0; i < 92; i++) {
    const date = addDays('2026-10-01', i);
    days.push({ date, slots: base.days[i % base.days.length].slots });
  }
  const view: PublishedView = { ...base, range: { start: '2026-10-01', end: '2026-12-31' }, days };
  const path = save((await renderExport(view, request({ year: 2026, month: 10 }), GENERATED)).bytes);
  const meta = info(path);
  assert.ok(meta.pages >= 3, `${meta.pages} pages`);
  const pages = pageTexts(path);
  assert.equal(pages.length, meta.pages);
  assert.match(pages[0], /October 2026 – December 2026/);
  pages.forEach((page, i) => {
    assert.match(page, /Duty officer/, `header row on page ${i + 1}`);
    assert.match(page, new RegExp(`Page ${i + 1} of ${meta.pages}`));
    if (i > 0) assert.match(page, /\(continued\)/);
  });
  const allDates = pages.join('\n');
  assert.match(allDates, /Thu 1 Oct/);
  assert.match(allDates, /Thu 31 Dec/);
});

test("one member's sheet lists only their duty days", async () => {
  const path = save((await renderExport(decemberView(), request({ memberId: 'm4' }), GENERATED)).bytes);
  const [text] = pageTexts(path);
  assert.match(text, /Sat 5 Dec/);
  assert.doesNotMatch(text, /Sun 6 Dec/);
});

test('fonts come from the package (or a given folder); a missing font folder is a clear error', async () => {
  assert.match(defaultFontDir(), /assets[/\\]fonts$/);
  const fromDir = await renderExport(decemberView(), request(), GENERATED, { fontDir: defaultFontDir() });
  assert.equal(info(save(fromDir.bytes)).pages, 1);
  await assert.rejects(renderExport(decemberView(), request(), GENERATED, { fontDir: join(dir, 'no-fonts') }));
});

test('an empty month gives the clear error, not a blank sheet', async () => {
  await assert.rejects(renderExport(emptyView(), request(), GENERATED), (error: unknown) => {
    assert.ok(error instanceof ApiError);
    assert.equal(error.code, 'not_found');
    assert.match(error.message, /No published roster for December 2026/);
    return true;
  });
});
