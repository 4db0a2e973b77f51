import type { PublishedView } from '../api/contract.ts';
import type { PublishedDayView } from './common.ts';
import { exportRoles, holderName, slotFor } from './common.ts';

/** CSV per RFC 4180: CRLF line ends, fields quoted when they hold a comma, quote or line break. */

const BOM = '\uFEFF';

export interface CsvOptions {
  /** Start with a UTF-8 byte order mark so spreadsheet programs read the names correctly. */
  bom?: boolean;
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvText(rows: string[][], options: CsvOptions = {}): Buffer {
  const body = rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
  return Buffer.from((options.bom ? BOM : '') + body, 'utf8');
}

/** One row per duty day: Date, then one column per role (titles as header) holding the member's name. */
export function gridCsv(view: PublishedView, days: PublishedDayView[], options: CsvOptions = {}): Buffer {
  const roles = exportRoles(view);
  const header = ['Date', ...roles.map((role) => role.title)];
  const rows = days.map((day) => [
    day.date,
    ...roles.map((role) => {
      const slot = slotFor(day, role.key);
      return slot ? holderName(slot) : '';
    }),
  ]);
  return csvText([header, ...rows], options);
}

/** One row per slot: date, role key, role title, member id, member name (empty for an open slot). */
export function longCsv(view: PublishedView, days: PublishedDayView[], memberId?: string, options: CsvOptions = {}): Buffer {
  const roles = exportRoles(view);
  const header = ['date', 'role', 'role_title', 'member_id', 'member_name'];
  const rows: string[][] = [];
  for (const day of days) {
    for (const role of roles) {
      const slot = slotFor(day, role.key);
      if (!slot || (memberId !== undefined && slot.memberId !== memberId)) continue;
      rows.push([day.date, role.key, role.title, slot.memberId ?? '', slot.memberId === null ? '' : holderName(slot)]);
    }
  }
  return csvText([header, ...rows], options);
}
