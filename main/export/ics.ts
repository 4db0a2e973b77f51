import type { PublishedView, RoleSetting } from '../api/contract.ts';
import { addDays } from '../../solver/dates.ts';
import type { IsoDate } from '../../solver/types.ts';
import type { PublishedDayView } from './common.ts';
import { EXPORT_TEXT, exportRoles, exportText, holderName, longDate, rangeTitle, slotFor, slug } from './common.ts';

/** iCalendar (RFC 5545): one all-day event per filled slot. */

const MAX_LINE_OCTETS = 75;

/** TEXT value escaping (RFC 5545 3.3.11); control characters other than line breaks are dropped (3.3.11 allows none). */
export function escapeText(value: string): string {
  return exportText(value.replace(/\r\n|\r/g, '\n'), EXPORT_TEXT.ics * 10, '\n')
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Folds a content line so no physical line exceeds 75 octets (RFC 5545 3.1); continuation lines start with a
 * space. Splits only between characters, never inside a multi-byte UTF-8 sequence.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    const limit = parts.length === 0 ? MAX_LINE_OCTETS : MAX_LINE_OCTETS - 1;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** UTC date-time form `20261128T140500Z`. */
function utcStamp(time: Date): string {
  return time
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

function icsDate(date: IsoDate): string {
  return date.replace(/-/g, '');
}

/** Keeps letters, digits, dot and underscore; everything else (dashes too) becomes %HH, so the parts stay apart. */
function uidPart(text: string): string {
  return [...Buffer.from(text, 'utf8')]
    .map((byte) => {
      const char = String.fromCharCode(byte);
      return /[A-Za-z0-9._]/.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    })
    .join('');
}

/**
 * The same (date, role, member) gets the same UID on every export, so a calendar that imports a re-published
 * roster updates its events instead of duplicating them. The club slug keeps two clubs' events apart.
 */
function eventUid(clubName: string, date: IsoDate, roleKey: string, memberId: string): string {
  return `${icsDate(date)}-${uidPart(roleKey)}-${uidPart(memberId)}-${uidPart(slug(clubName) || 'club')}@rostermeister`;
}

/** A name or title as the calendar shows it: capped, so one runaway name cannot make every event huge. */
const shown = (text: string): string => exportText(text, EXPORT_TEXT.ics);

function crewDescription(day: PublishedDayView, roles: RoleSetting[]): string {
  const lines = roles.flatMap((role) => {
    const slot = slotFor(day, role.key);
    if (!slot) return [];
    return [`${shown(role.title)}: ${slot.memberId === null ? '(open)' : shown(holderName(slot))}`];
  });
  return [`Crew on ${longDate(day.date)}:`, ...lines].join('\n');
}

export interface IcsOptions {
  /** Only this member's duties; the calendar is then named for them. */
  memberId?: string;
  memberName?: string;
}

export function rosterIcs(view: PublishedView, days: PublishedDayView[], generatedAt: Date, options: IcsOptions = {}): Buffer {
  const roles = exportRoles(view);
  const calendarName =
    options.memberId === undefined
      ? `${shown(view.clubName)} duty roster`
      : `${shown(view.clubName)} – duties of ${shown(options.memberName ?? options.memberId)}`;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Rostermeister//Duty roster//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(calendarName)}`,
    `X-WR-CALDESC:${escapeText(`${shown(view.clubName)} duty roster, ${rangeTitle(view)}`)}`,
  ];
  const stamp = utcStamp(generatedAt);
  const published = new Date(view.publishedAt);
  for (const day of days) {
    const description = crewDescription(day, roles);
    for (const role of roles) {
      const slot = slotFor(day, role.key);
      if (!slot || slot.memberId === null) continue;
      if (options.memberId !== undefined && slot.memberId !== options.memberId) continue;
      const summary =
        options.memberId === undefined
          ? `${shown(role.title)}: ${shown(holderName(slot))} – ${shown(view.clubName)}`
          : `${shown(role.title)} duty – ${shown(view.clubName)}`;
      lines.push(
        'BEGIN:VEVENT',
        `UID:${eventUid(view.clubName, day.date, role.key, slot.memberId)}`,
        `DTSTAMP:${stamp}`,
        ...(Number.isNaN(published.getTime()) ? [] : [`LAST-MODIFIED:${utcStamp(published)}`]),
        `DTSTART;VALUE=DATE:${icsDate(day.date)}`,
        `DTEND;VALUE=DATE:${icsDate(addDays(day.date, 1))}`,
        `SUMMARY:${escapeText(summary)}`,
        `DESCRIPTION:${escapeText(description)}`,
        'TRANSP:TRANSPARENT',
        'END:VEVENT',
      );
    }
  }
  lines.push('END:VCALENDAR');
  return Buffer.from(lines.map(foldLine).join('\r\n') + '\r\n', 'utf8');
}
