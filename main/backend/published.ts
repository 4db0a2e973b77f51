import type {
  ExportFile,
  ExportRequest,
  MonthRef,
  PublishedConflict,
  PublishedInfo,
  PublishedMonth,
  PublishedView,
} from '../api/contract.ts';
import { loadClub, type StoredClub } from '../db/clubRepo.ts';
import { publishedMonths, publishedRostersIn, publishedSlots, type PublishedRoster, type PublishedSlotRow } from '../db/rosterRepo.ts';
import { latestVersion } from '../db/versionRepo.ts';
import type { Db } from '../db/connection.ts';
import { nothingPublished } from '../export/common.ts';
import { renderExport } from '../export/index.ts';
import { conflictsOf, replanProblem } from '../../solver/replan.ts';
import type { DateRange } from '../../solver/types.ts';
import { monthCalendar } from './calendars.ts';
import type { BackendContext } from './context.ts';
import { rangeOf } from './problems.ts';

/** The published days of a range, or null when nothing is published there. */
export function publishedView(ctx: BackendContext, range: DateRange): PublishedView | null {
  const rows = publishedSlots(ctx.db, range);
  if (rows.length === 0) return null;
  const { club, roles } = loadClub(ctx.db);
  const used = new Set(rows.map((r) => r.role));
  const shown = roles.filter((r) => r.scheduled || used.has(r.key));
  const names = new Map(club.members.map((m) => [m.id, m.name]));
  const days: PublishedView['days'] = [];
  const byDate = new Map<string, Map<string, string | null>>();
  for (const r of rows) {
    let day = byDate.get(r.date);
    if (!day) byDate.set(r.date, (day = new Map<string, string | null>()));
    day.set(r.role, r.memberId);
  }
  for (const [date, slots] of byDate) {
    days.push({
      date,
      slots: shown
        .filter((role) => slots.has(role.key))
        .map((role) => {
          const memberId = slots.get(role.key) ?? null;
          return { role: role.key, memberId, memberName: memberId === null ? null : (names.get(memberId) ?? memberId) };
        }),
    });
  }
  const latest = newest(rows);
  return {
    range,
    clubName: club.name,
    roles: shown,
    days,
    publishedAt: latest.publishedAt,
    version: currentVersion(ctx.db, rows),
    conflicts: conflictsIn({ club, roles }, publishedRostersIn(ctx.db, range)).filter((c) => c.date >= range.start && c.date <= range.end),
  };
}

const newest = (rows: PublishedSlotRow[]): PublishedSlotRow =>
  rows.reduce((latest, r) =>
    r.publishedAt > latest.publishedAt || (r.publishedAt === latest.publishedAt && r.version > latest.version) ? r : latest,
  );

/** The month's latest version (versionRepo); over several months, the highest of theirs. */
function currentVersion(db: Db, rows: PublishedSlotRow[]): number {
  const months = [...new Set(rows.map((r) => r.date.slice(0, 7)))];
  return Math.max(...months.map((m) => latestVersion(db, m)), 1);
}

/** When the dates of `range` were last published, as which version, how full; null when nothing is. */
export function publishedInfo(ctx: BackendContext, range: DateRange): PublishedInfo | null {
  const rows = publishedSlots(ctx.db, range);
  if (rows.length === 0) return null;
  const latest = newest(rows);
  return {
    version: currentVersion(ctx.db, rows),
    publishedAt: latest.publishedAt,
    filledSlots: rows.filter((r) => r.memberId !== null).length,
    totalSlots: rows.length,
  };
}

/**
 * Published duties that break a hard rule now, each with its rule's sentence. Each published roster is
 * judged over the range it was published for (the limit counts over that range).
 */
export function conflictsIn(stored: StoredClub, rosters: PublishedRoster[]): PublishedConflict[] {
  const titles = new Map(stored.roles.map((r) => [r.key, r.title]));
  const names = new Map(stored.club.members.map((m) => [m.id, m.name]));
  return rosters
    .flatMap((roster) => conflictsOf(replanProblem(stored.club, roster.range, roster.slots)))
    .map((v) => ({
      date: v.date,
      role: v.role,
      roleTitle: titles.get(v.role) ?? v.role,
      memberId: v.memberId!,
      memberName: names.get(v.memberId!) ?? v.memberId!,
      rule: v.rule,
      message: v.message,
    }))
    .sort((a, b) => a.date.localeCompare(b.date));
}

/** Every published duty that clashes with a member's record, optionally of one member, in date order. */
export function publishedConflicts(ctx: BackendContext, memberId?: string): PublishedConflict[] {
  const all = conflictsIn(loadClub(ctx.db), publishedRostersIn(ctx.db, { start: '0000-01-01', end: '9999-12-31' }));
  return memberId === undefined ? all : all.filter((c) => c.memberId === memberId);
}

export function getPublished(ctx: BackendContext, month: MonthRef): PublishedView | null {
  return publishedView(ctx, rangeOf(month));
}

export function listPublishedMonths(ctx: BackendContext): PublishedMonth[] {
  return publishedMonths(ctx.db).map((m) => ({
    year: Number(m.month.slice(0, 4)),
    month: Number(m.month.slice(5, 7)),
    filledSlots: m.filled,
    totalSlots: m.total,
    publishedAt: m.publishedAt,
  }));
}

export async function exportPublished(ctx: BackendContext, request: ExportRequest, fontDir?: string): Promise<ExportFile> {
  const ref = { year: request.year, month: request.month, months: request.months ?? 1 };
  if (request.format === 'ics') return monthCalendar(ctx, ref, request.memberId);
  const view = publishedView(ctx, rangeOf(ref));
  if (!view) throw nothingPublished(ref);
  const file = await renderExport(view, { ...request, format: request.format }, ctx.now(), fontDir ? { fontDir } : {});
  ctx.log.info('Roster exported', { ...ref, format: request.format });
  return { fileName: file.fileName, mimeType: file.mimeType, base64: file.bytes.toString('base64') };
}
