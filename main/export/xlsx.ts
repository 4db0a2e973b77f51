import ExcelJS from 'exceljs';
import type { PublishedView } from '../api/contract.ts';
import { weekdayOf } from '../../solver/dates.ts';
import type { PublishedDayView } from './common.ts';
import { EXPORT_TEXT, exportRoles, exportText, holderName, rangeTitle, slotFor } from './common.ts';

/**
 * The published roster as an XLSX workbook: a "Roster" sheet (a row per duty day, a column per role,
 * as the CSV grid) and a "Duties" sheet (a row per slot). Dates are real date cells; every name is a
 * text cell, never a formula, so a member called "=HYPERLINK(...)" stays text.
 */

const WEEKDAY_NAMES = { sun: 'Sunday', mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday' };

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const dateCell = (iso: string) => new Date(`${iso}T00:00:00Z`);
const text = (value: string) => exportText(value, EXPORT_TEXT.csv);

export async function rosterXlsx(view: PublishedView, days: PublishedDayView[], memberId?: string): Promise<Buffer> {
  const roles = exportRoles(view);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Rostermeister';
  workbook.title = text(`${view.clubName}: ${rangeTitle(view)}`);

  const grid = workbook.addWorksheet('Roster', { views: [{ state: 'frozen', ySplit: 1 }] });
  grid.columns = [
    { header: 'Date', key: 'date', width: 12, style: { numFmt: 'yyyy-mm-dd' } },
    { header: 'Day', key: 'day', width: 11 },
    ...roles.map((r) => ({ header: text(r.title), key: `role:${r.key}`, width: 24 })),
  ];
  for (const day of days) {
    grid.addRow([
      dateCell(day.date),
      WEEKDAY_NAMES[weekdayOf(day.date)],
      ...roles.map((r) => {
        const slot = slotFor(day, r.key);
        // An open slot is an empty cell, not an empty string.
        return slot === undefined || slot.memberId === null ? null : text(holderName(slot));
      }),
    ]);
  }
  grid.getRow(1).font = { bold: true };

  const long = workbook.addWorksheet('Duties', { views: [{ state: 'frozen', ySplit: 1 }] });
  long.columns = [
    { header: 'Date', key: 'date', width: 12, style: { numFmt: 'yyyy-mm-dd' } },
    { header: 'Role', key: 'role', width: 24 },
    { header: 'Member id', key: 'id', width: 12 },
    { header: 'Member', key: 'name', width: 24 },
  ];
  for (const day of days) {
    for (const role of roles) {
      const slot = slotFor(day, role.key);
      if (!slot || (memberId !== undefined && slot.memberId !== memberId)) continue;
      long.addRow([dateCell(day.date), text(role.title), slot.memberId, slot.memberId === null ? null : text(holderName(slot))]);
    }
  }
  long.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** One sheet of rows, the first in bold and frozen; text cells stay text, numbers are numbers. */
export async function tableXlsx(sheetName: string, rows: (string | number | null)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Rostermeister';
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  for (const row of rows) sheet.addRow(row.map((cell) => (typeof cell === 'string' ? text(cell) : cell)));
  sheet.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
