import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ICAL from 'ical.js';
import { cliOn } from './captured.ts';

const root = mkdtempSync(join(tmpdir(), 'rostermeister-export-cli-'));
const dataDir = join(root, 'data');
after(() => rmSync(root, { recursive: true, force: true }));

const cli = cliOn(dataDir);

test('export writes the published month of the demo club as CSV, ICS and PDF', async () => {
  const csvPath = join(root, 'november.csv');
  const csv = await cli('export', '--year', '2026', '--month', '11', '--format', 'csv', '--bom', '--out', csvPath);
  assert.equal(csv.code, 0, csv.stderr);
  assert.match(csv.stdout, /Wrote .*november\.csv/);
  const [header, ...rows] = parse(readFileSync(csvPath), { bom: true });
  assert.equal(header[0], 'Date');
  assert.ok(rows.length > 0 && rows.every((row) => row[0].startsWith('2026-11-')));

  const ics = await cli('export', '--year', '2026', '--month', '11', '--format', 'ics', '--out', root);
  assert.equal(ics.code, 0, ics.stderr);
  const icsPath = /Wrote (.*\.ics) /.exec(ics.stdout)?.[1] ?? '';
  const calendar = new ICAL.Component(ICAL.parse(readFileSync(icsPath, 'utf8')) as unknown[]);
  const filled = rows.flatMap((row) => row.slice(1)).filter((name) => name !== '').length;
  assert.equal(calendar.getAllSubcomponents('vevent').length, filled);

  const pdfPath = join(root, 'sheets', 'november.pdf');
  const pdf = await cli('export', '--year', '2026', '--month', '11', '--format', 'pdf', '--paper', 'Letter', '--out', pdfPath);
  assert.equal(pdf.code, 0, pdf.stderr);
  assert.equal(readFileSync(pdfPath).subarray(0, 5).toString('latin1'), '%PDF-');
});

test('a month with no published roster exits with code 2, a clear message and no file', async () => {
  const out = join(root, 'empty.ics');
  const result = await cli('export', '--year', '2031', '--month', '3', '--format', 'ics', '--out', out);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /No published roster for March 2031 — publish a draft first/);
  assert.equal(existsSync(out), false);
});

test('bad options exit with code 2', async () => {
  const format = await cli('export', '--year', '2026', '--month', '11', '--format', 'docx', '--out', join(root, 'x'));
  assert.equal(format.code, 2);
  assert.match(format.stderr, /--format must be one of csv, csv-long, ics, pdf/);
  const missing = await cli('export', '--year', '2026', '--month', '11', '--format', 'csv');
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /--out is required/);
});
