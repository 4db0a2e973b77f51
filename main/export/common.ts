import type { MonthRef, PublishedView, RoleSetting } from '../api/contract.ts';
import { MONTH_NAMES, parseIso, weekdayOf } from '../../solver/dates.ts';
import type { IsoDate } from '../../solver/types.ts';
import { notFound } from '../api/errors.ts';

/** What every export format needs from a published roster, looked up once. */

const WEEKDAY_SHORT = { sun: 'Sun', mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat' } as const;
const WEEKDAY_LONG = {
  sun: 'Sunday',
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
} as const;

export type PublishedDayView = PublishedView['days'][number];
export type PublishedSlotView = PublishedDayView['slots'][number];

/** "December 2026", or "December 2026 – February 2027" for a run of months. */
export function rangeTitle(view: PublishedView): string {
  const start = parseIso(view.range.start);
  const end = parseIso(view.range.end);
  const first = `${MONTH_NAMES[start.month - 1]} ${start.year}`;
  const last = `${MONTH_NAMES[end.month - 1]} ${end.year}`;
  return first === last ? first : `${first} – ${last}`;
}

/** "Sat 5 Dec" */
export function shortDate(date: IsoDate): string {
  const { month, day } = parseIso(date);
  return `${WEEKDAY_SHORT[weekdayOf(date)]} ${day} ${MONTH_NAMES[month - 1].slice(0, 3)}`;
}

/** "Saturday 5 December 2026" */
export function longDate(date: IsoDate): string {
  const { year, month, day } = parseIso(date);
  return `${WEEKDAY_LONG[weekdayOf(date)]} ${day} ${MONTH_NAMES[month - 1]} ${year}`;
}

/**
 * The roles shown as columns: the club's roles in display order that occur on any published day, then any role
 * the days mention that the club no longer lists (titled by its key, so no published duty is ever hidden).
 */
export function exportRoles(view: PublishedView): RoleSetting[] {
  const used = new Set(view.days.flatMap((day) => day.slots.map((slot) => slot.role)));
  const known = view.roles.filter((role) => used.has(role.key));
  const knownKeys = new Set(known.map((role) => role.key));
  const extra = [...used]
    .filter((key) => !knownKeys.has(key))
    .map((key): RoleSetting => ({ key, title: key, qualification: key, scheduled: false }));
  return [...known, ...extra];
}

export function slotFor(day: PublishedDayView, roleKey: string): PublishedSlotView | undefined {
  return day.slots.find((slot) => slot.role === roleKey);
}

/** A filled slot's holder as shown to people: the name, or the id when the member has since been deleted. */
export function holderName(slot: PublishedSlotView): string {
  return slot.memberName ?? slot.memberId ?? '';
}

/** How long a text may be in each format before it is cut with an ellipsis (a name is 200 characters at most). */
export const EXPORT_TEXT = { csv: 1_000, ics: 300, pdfCell: 60, pdfTitle: 120 } as const;

// C0 and C1 control characters and DEL; a format may keep some of them (exportText's `keep`).
// eslint-disable-next-line no-control-regex -- control characters are exactly what this removes
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/**
 * Text as an export shows it: control characters dropped (a NUL or BEL in a name must not reach a calendar
 * or a PDF), and anything longer than `max` characters cut to fit with an ellipsis, so a runaway name
 * from an older database still yields a readable file instead of a stalled export.
 */
export function exportText(text: string, max: number, keep = ''): string {
  const head = text.length > max * 2 ? text.slice(0, max * 2) : text;
  const clean = head.replace(CONTROL, (char) => (keep.includes(char) ? char : ''));
  const chars = [...clean];
  return chars.length > max || head.length < text.length ? `${chars.slice(0, max - 1).join('')}…` : clean;
}

/** Latin letters that Unicode does not decompose into a base letter plus accents. */
const LATIN_LETTERS: Record<string, string> = {
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
  ŋ: 'n',
};

/** Lower-case ASCII words joined by dashes, for file names; empty when nothing Latin is left. */
export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[øæœßłđðþıħŋ]/g, (letter) => LATIN_LETTERS[letter] ?? letter)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
}

/** "skyhigh-gliding-club-roster-2026-12", or "...-2026-12-to-2027-02" for a run of months. */
export function fileStem(clubName: string, ref: MonthRef): string {
  const club = slug(clubName) || 'club';
  const key = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  const first = ref.year * 12 + ref.month - 1;
  const months = ref.months ?? 1;
  return `${club}-roster-${key(first)}${months > 1 ? `-to-${key(first + months - 1)}` : ''}`;
}

/** The member's name as the roster shows it, or null when the member holds no slot in it. */
export function memberNameIn(view: PublishedView, memberId: string): string | null {
  for (const day of view.days) {
    for (const slot of day.slots) if (slot.memberId === memberId) return holderName(slot);
  }
  return null;
}

/** Suffix naming one member's file: their name's slug, falling back to the id (names in non-Latin script). */
export function memberFileSuffix(name: string, memberId: string): string {
  return slug(name) || slug(memberId) || 'member';
}

/** "December 2026", or "December 2026 – February 2027" for a run of months. */
function monthTitle(ref: MonthRef): string {
  const name = (index: number) => `${MONTH_NAMES[index % 12] ?? `month ${(index % 12) + 1}`} ${Math.floor(index / 12)}`;
  const first = ref.year * 12 + ref.month - 1;
  const months = ref.months ?? 1;
  return months > 1 ? `${name(first)} – ${name(first + months - 1)}` : name(first);
}

/** The not_found error for exporting a month (or run of months) that has no published roster. */
export function nothingPublished(ref: MonthRef) {
  return notFound(`No published roster for ${monthTitle(ref)} — publish a draft first.`, 'month');
}

/** The days to export: all of them, or only the days `memberId` is on duty. Throws not_found for nothing to export. */
export function daysToExport(view: PublishedView, ref: MonthRef, memberId?: string): PublishedDayView[] {
  const title = monthTitle(ref);
  if (view.days.length === 0) throw nothingPublished(ref);
  if (memberId === undefined) return view.days;
  const days = view.days.filter((day) => day.slots.some((slot) => slot.memberId === memberId));
  if (days.length === 0) {
    throw notFound(`Member ${memberId} has no duties in the published roster for ${title}.`, 'memberId');
  }
  return days;
}
