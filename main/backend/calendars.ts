import type { CalendarRequest, ExportFile, MonthRef } from '../api/contract.ts';
import { notFound } from '../api/errors.ts';
import { loadClub } from '../db/clubRepo.ts';
import { listVersions, versionedMonths, versionSlots } from '../db/versionRepo.ts';
import { clubEvents, memberEvents, type CalendarSource } from '../export/calendarEvents.ts';
import { fileStem, memberFileSuffix, nothingPublished, slug } from '../export/common.ts';
import { calendarIcs, shown, type CalendarHeader } from '../export/ics.ts';
import { slotStories } from '../export/slotHistory.ts';
import type { BackendContext } from './context.ts';
import { rangeOf } from './problems.ts';

/**
 * Calendar files that follow the roster through its versions: the club's feed and each member's file, for
 * one published month (or run of months) or a whole season (the published months of a year).
 */

const MIME = 'text/calendar; charset=utf-8';

/** The stories of every slot of the months `first`..`last` (`YYYY-MM`), with what the events show. */
function calendarSource(ctx: BackendContext, first: string, last: string): CalendarSource & { months: string[] } {
  const { club, roles } = loadClub(ctx.db);
  const months = versionedMonths(ctx.db, first, last);
  const stories = months.flatMap((month) =>
    slotStories(
      listVersions(ctx.db, month).map((v) => ({
        version: v.version,
        createdAt: v.createdAt,
        slots: versionSlots(ctx.db, month, v.version),
      })),
    ),
  );
  // Migration 10 gives every stored club an id; a club without one cannot have reached this point.
  if (club.id === undefined) throw new Error('The club has no permanent id.');
  return { clubId: club.id, clubName: club.name, roles, names: new Map(club.members.map((m) => [m.id, m.name])), stories, months };
}

/** The member's name, or not_found when nobody in the club or its roster history has this id. */
function memberName(source: CalendarSource, memberId: string): string {
  const name = source.names.get(memberId);
  if (name !== undefined) return name;
  if (source.stories.some((s) => s.holder === memberId || s.formerHolders.includes(memberId))) return memberId;
  throw notFound(`There is no member with id "${memberId}".`, 'memberId');
}

function render(source: CalendarSource, header: CalendarHeader, memberId: string | undefined, now: Date): Buffer {
  const events = memberId === undefined ? clubEvents(source) : memberEvents(source, memberId);
  return calendarIcs(header, events, now);
}

/** The ICS of a published month or run of months: the club's, or one member's (valid when they have no duty). */
export function monthCalendar(ctx: BackendContext, ref: MonthRef, memberId?: string): ExportFile {
  const range = rangeOf(ref);
  const source = calendarSource(ctx, range.start.slice(0, 7), range.end.slice(0, 7));
  if (!source.stories.some((s) => s.current)) throw nothingPublished(ref);
  const club = shown(source.clubName);
  const stem = fileStem(source.clubName, ref);
  let file: { fileName: string; header: CalendarHeader };
  if (memberId === undefined) {
    file = { fileName: `${stem}.ics`, header: { name: `${club} duty roster`, description: `${club} duty roster` } };
  } else {
    const name = memberName(source, memberId);
    file = {
      fileName: `${stem}-${memberFileSuffix(name, memberId)}.ics`,
      header: { name: `${club} – duties of ${shown(name)}`, description: `${club} duty roster` },
    };
  }
  const bytes = render(source, file.header, memberId, ctx.now());
  ctx.log.info('Calendar exported', { year: ref.year, month: ref.month, months: ref.months ?? 1, member: memberId !== undefined });
  return { fileName: file.fileName, mimeType: MIME, base64: bytes.toString('base64') };
}

/** `kestrel-ridge-gliding-club-season-2026.ics`: stable, so a webmaster can publish it under one address. */
function seasonFileName(clubName: string, year: number, member?: { id: string; name: string }): string {
  const club = slug(clubName) || 'club';
  return `${club}-season-${year}${member === undefined ? '' : `-${memberFileSuffix(member.name, member.id)}`}.ics`;
}

/**
 * The season's calendars (every published month of `year`), read from the store once: call the result for
 * the club's feed (no member) or for one member's file. not_found when nothing of the year is published.
 */
export function seasonCalendars(ctx: BackendContext, year: number): (memberId?: string) => { fileName: string; bytes: Buffer } {
  const source = calendarSource(ctx, `${year}-01`, `${year}-12`);
  if (source.months.length === 0) throw notFound(`Nothing is published for ${year} yet — publish a month first.`, 'year');
  const club = shown(source.clubName);
  const description = `${club} duty roster, season ${year}`;
  return (memberId) => {
    if (memberId === undefined) {
      const header = { name: `${club} duty roster ${year}`, description, feed: true };
      return { fileName: seasonFileName(source.clubName, year), bytes: render(source, header, undefined, ctx.now()) };
    }
    const name = memberName(source, memberId);
    const header = { name: `${club} – duties of ${shown(name)} ${year}`, description };
    return { fileName: seasonFileName(source.clubName, year, { id: memberId, name }), bytes: render(source, header, memberId, ctx.now()) };
  };
}

export function exportSeasonCalendar(ctx: BackendContext, request: CalendarRequest): ExportFile {
  const file = seasonCalendars(ctx, request.year)(request.memberId);
  ctx.log.info('Season calendar exported', { year: request.year, member: request.memberId !== undefined });
  return { fileName: file.fileName, mimeType: MIME, base64: file.bytes.toString('base64') };
}
