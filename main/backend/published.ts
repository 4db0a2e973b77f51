import type { ExportFile, ExportRequest, MonthRef, PublishedMonth, PublishedView } from '../api/contract.ts';
import { loadClub } from '../db/clubRepo.ts';
import { publishedMonths, publishedSlots } from '../db/rosterRepo.ts';
import { nothingPublished } from '../export/common.ts';
import { renderExport } from '../export/index.ts';
import type { DateRange } from '../../solver/types.ts';
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
  const publishedAt = rows.reduce((latest, r) => (r.publishedAt > latest ? r.publishedAt : latest), rows[0].publishedAt);
  return { range, clubName: club.name, roles: shown, days, publishedAt };
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
  const view = publishedView(ctx, rangeOf(ref));
  if (!view) throw nothingPublished(ref);
  const file = await renderExport(view, request, ctx.now(), fontDir ? { fontDir } : {});
  ctx.log.info('Roster exported', { ...ref, format: request.format });
  return { fileName: file.fileName, mimeType: file.mimeType, base64: file.bytes.toString('base64') };
}
