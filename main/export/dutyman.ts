import type { PublishedView } from '../api/contract.ts';
import { parseIso } from '../../solver/dates.ts';
import type { IsoDate } from '../../solver/types.ts';
import type { PublishedDayView } from './common.ts';
import { exportRoles, holderName, slotFor } from './common.ts';
import { csvText } from './csv.ts';

/**
 * The CSV that DutyMan's duty upload reads, so a club can keep DutyMan for swaps and reminders.
 *
 * Columns, from DutyMan's Administrators' Guide, "Duty Upload File Format"
 * (https://www.dutyman.biz/dmahelp/duties1_1.aspx) and "A File of Duties"
 * (https://dutyman.biz/gettingstarted/gs31.aspx): DutyMan finds columns by their heading, and the
 * ones that must be there are Duty Date, Event, Duty Type, First Name and Last Name. We also write
 * the optional Duty Time, Swappable and Reminders with the values DutyMan assumes when they are
 * missing. Confirmed is left out on purpose: writing "No" on a re-upload would undo confirmations
 * members made in DutyMan. Duty Notify (email addresses) is left out: the club file holds none.
 *
 * - Duty Date: dd/mm/yyyy. DutyMan reads dd/mm/yy or mm/dd/yy (max 10 characters); the four-digit
 *   year leaves no doubt about the century, and day first is the club's own order.
 * - Duty Time: blank (a roster has no times).
 * - Event: "Duty day" (max 45). Duty Type: the role's title, cut to DutyMan's 25 characters.
 * - First Name / Last Name: the member's display name split at the last space (the last word is the
 *   last name; a one-word name is a first name only). DutyMan matches these to its member list
 *   exactly, so that list must be uploaded with the same split. An open slot has both blank:
 *   DutyMan shows it as an unallocated duty members can volunteer for. A name longer than DutyMan
 *   keeps (30 characters first, 60 last; its member upload has the same limits) is cut to fit.
 * Cells go through the app's CSV escaping (csvField), formula neutralising included.
 */

const DUTYMAN_COLUMNS = ['Duty Date', 'Duty Time', 'Event', 'Duty Type', 'First Name', 'Last Name', 'Swappable', 'Reminders'] as const;

const DUTYMAN_EVENT = 'Duty day';
const MAX_EVENT = 45;
const MAX_DUTY_TYPE = 25;
const MAX_FIRST_NAME = 30;
const MAX_LAST_NAME = 60;

/** "05/12/2026" */
function dutymanDate(date: IsoDate): string {
  const { year, month, day } = parseIso(date);
  return `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;
}

/** "Anna Maria Schmidt" -> ["Anna Maria", "Schmidt"]; "Cher" -> ["Cher", ""]. */
export function splitName(name: string): [first: string, last: string] {
  const words = name
    .trim()
    .split(/\s+/)
    .filter((w) => w !== '');
  if (words.length <= 1) return [words[0] ?? '', ''];
  return [words.slice(0, -1).join(' '), words[words.length - 1]];
}

/** Cut to at most `max` characters (code points, so a letter is never split in half). */
function cut(text: string, max: number): string {
  return [...text].slice(0, max).join('');
}

/** One row per slot of the days given (only `memberId`'s slots when set), in date then role order. */
export function dutymanCsv(view: PublishedView, days: PublishedDayView[], memberId?: string): Buffer {
  const roles = exportRoles(view);
  const rows: string[][] = [];
  for (const day of days) {
    for (const role of roles) {
      const slot = slotFor(day, role.key);
      if (!slot || (memberId !== undefined && slot.memberId !== memberId)) continue;
      const [first, last] = slot.memberId === null ? ['', ''] : splitName(holderName(slot));
      rows.push([
        dutymanDate(day.date),
        '',
        cut(DUTYMAN_EVENT, MAX_EVENT),
        cut(role.title, MAX_DUTY_TYPE),
        cut(first, MAX_FIRST_NAME),
        cut(last, MAX_LAST_NAME),
        'Yes',
        'Yes',
      ]);
    }
  }
  return csvText([[...DUTYMAN_COLUMNS], ...rows]);
}
