import { addDays } from '../../solver/dates.ts';
import type { IsoDate } from '../../solver/types.ts';
import { EXPORT_TEXT, exportText } from './common.ts';

/**
 * iCalendar (RFC 5545) files: one all-day event per slot. An event's UID is the slot itself (club id, date,
 * role), so a calendar that imports a newer file updates or cancels the event instead of adding a second one.
 */

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
 * The event of one slot: from the club's permanent id, the date and the role, never from the member or the
 * club's name, so a new holder or a renamed club updates the same event.
 */
export function eventUid(clubId: string, date: IsoDate, roleKey: string): string {
  return `${icsDate(date)}-${uidPart(roleKey)}-${uidPart(clubId)}@rostermeister`;
}

/** A name or title as the calendar shows it: capped, so one runaway name cannot make every event huge. */
export const shown = (text: string): string => exportText(text, EXPORT_TEXT.ics);

export interface CalendarEvent {
  uid: string;
  date: IsoDate;
  summary: string;
  description: string;
  sequence: number;
  /** ISO time of the version that last changed the event; empty when unknown. */
  lastModified: string;
  /** STATUS:CANCELLED: a calendar that imports the file removes (or strikes out) the event. */
  cancelled: boolean;
}

export interface CalendarHeader {
  name: string;
  description: string;
  /** A feed to subscribe to: tells calendar programs to fetch it again twice a day (RFC 7986). */
  feed?: boolean;
}

function eventLines(event: CalendarEvent, stamp: string): string[] {
  const modified = new Date(event.lastModified);
  return [
    'BEGIN:VEVENT',
    `UID:${event.uid}`,
    `DTSTAMP:${stamp}`,
    ...(Number.isNaN(modified.getTime()) ? [] : [`LAST-MODIFIED:${utcStamp(modified)}`]),
    `SEQUENCE:${event.sequence}`,
    `STATUS:${event.cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    `DTSTART;VALUE=DATE:${icsDate(event.date)}`,
    `DTEND;VALUE=DATE:${icsDate(addDays(event.date, 1))}`,
    `SUMMARY:${escapeText(event.summary)}`,
    `DESCRIPTION:${escapeText(event.description)}`,
    'TRANSP:TRANSPARENT',
    'END:VEVENT',
  ];
}

/** A whole VCALENDAR; valid with no events at all (a member without duties still gets a file). */
export function calendarIcs(header: CalendarHeader, events: readonly CalendarEvent[], generatedAt: Date): Buffer {
  const stamp = utcStamp(generatedAt);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Rostermeister//Duty roster//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(header.name)}`,
    `X-WR-CALDESC:${escapeText(header.description)}`,
    ...(header.feed ? ['REFRESH-INTERVAL;VALUE=DURATION:PT12H', 'X-PUBLISHED-TTL:PT12H'] : []),
    ...events.flatMap((event) => eventLines(event, stamp)),
    'END:VCALENDAR',
  ];
  return Buffer.from(lines.map(foldLine).join('\r\n') + '\r\n', 'utf8');
}
