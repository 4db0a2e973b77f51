import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { SheetTable } from '../../solver/memberSheet.ts';

/**
 * A spreadsheet file as a table of text cells: XLSX (the first worksheet) through exceljs, CSV through
 * csv-parse (comma, semicolon or tab, UTF-8 with or without a BOM). The first row holds the headers.
 */

const MAX_SHEET_BYTES = 5 * 1024 * 1024;
const MAX_SHEET_ROWS = 10_000;

export class SpreadsheetError extends Error {}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const isZip = (bytes: Uint8Array) => ZIP_MAGIC.every((b, i) => bytes[i] === b);

export async function readSpreadsheet(fileName: string, bytes: Uint8Array): Promise<SheetTable> {
  if (bytes.length === 0) throw new SpreadsheetError(`${fileName} is empty (0 bytes).`);
  if (bytes.length > MAX_SHEET_BYTES) throw new SpreadsheetError(`${fileName} is larger than ${MAX_SHEET_BYTES / 1024 / 1024} MB.`);
  const cells = isZip(bytes) ? await xlsxCells(fileName, bytes) : csvCells(fileName, bytes);
  const [headerRow, ...rows] = cells;
  const headers = (headerRow ?? []).map((h) => h.trim());
  if (headers.every((h) => h === '')) throw new SpreadsheetError(`${fileName} has no header row: its first row names no column.`);
  const blank = headers.findIndex((h) => h === '');
  if (blank >= 0 && rows.some((r) => (r[blank] ?? '').trim() !== ''))
    throw new SpreadsheetError(`Column ${blank + 1} of ${fileName} has values but no header; give it a name in the first row.`);
  const twice = headers.find((h, i) => h !== '' && headers.indexOf(h) !== i);
  if (twice !== undefined) throw new SpreadsheetError(`${fileName} has two columns called "${twice}"; rename one.`);
  if (rows.length > MAX_SHEET_ROWS) throw new SpreadsheetError(`${fileName} has more than ${MAX_SHEET_ROWS} rows.`);
  return { headers, rows: rows.map((r) => headers.map((_, i) => r[i] ?? '')) };
}

function csvCells(fileName: string, bytes: Uint8Array): string[][] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new SpreadsheetError(`${fileName} is neither an XLSX workbook nor a UTF-8 CSV file. Save it as CSV UTF-8 or as XLSX.`);
  }
  const firstLine = text.split(/\r?\n/, 1)[0];
  const delimiter = [',', ';', '\t'].sort((a, b) => firstLine.split(b).length - firstLine.split(a).length)[0];
  try {
    const rows: string[][] = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: true, bom: true });
    return rows;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new SpreadsheetError(`${fileName} cannot be read as CSV: ${detail}`);
  }
}

async function xlsxCells(fileName: string, bytes: Uint8Array): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new SpreadsheetError(`${fileName} looks like an XLSX workbook but cannot be read (${detail}).`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new SpreadsheetError(`${fileName} has no worksheet.`);
  const out: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, number) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellText(cell.value);
    });
    out[number - 1] = Array.from(cells, (c) => c ?? '');
  });
  return Array.from(out, (r) => r ?? []);
}

/** A cell as the sheet shows it; a date cell as YYYY-MM-DD (the calendar date it shows, no time zone). */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellText(value.result ?? null);
    if ('text' in value) return String(value.text);
    if ('error' in value) return '';
    return '';
  }
  return String(value);
}
