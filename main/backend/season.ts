import type { ExportFile, MonthRef, RoleSetting, SeasonDashboard, WhyView } from '../api/contract.ts';
import { notFound } from '../api/errors.ts';
import { draftsOverlapping, listDrafts, publishedSlots } from '../db/rosterRepo.ts';
import { getRun } from '../db/runRepo.ts';
import { slug } from '../export/common.ts';
import { csvText } from '../export/csv.ts';
import { tableXlsx, XLSX_MIME } from '../export/xlsx.ts';
import { inRange } from '../../solver/dates.ts';
import { DASHBOARD_DAYS, seasonStats, type SeasonStats } from '../../solver/seasonStats.ts';
import type { IsoDate, SchedulerKind, SchedulingProblem, Assignment } from '../../solver/types.ts';
import { whyMember as explainMember } from '../../solver/whyNot.ts';
import type { BackendContext } from './context.ts';
import { assignmentsOf, draftGrid } from './draftView.ts';
import { problemFor, rangeOf, storedClub } from './problems.ts';

/** The Season page's figures and its CSV, and "why (not) me" for a member and month. */

const today = (ctx: BackendContext): IsoDate => ctx.now().toISOString().slice(0, 10);

function statsOf(ctx: BackendContext, year: number): { stats: SeasonStats; roles: RoleSetting[]; clubName: string } {
  const stored = storedClub(ctx);
  const drafts = listDrafts(ctx.db)
    .sort((a, b) => a.id - b.id)
    .map((draft) => {
      const grid = draftGrid(ctx, draft.id);
      return { range: draft.range, slots: assignmentsOf(grid.slots) };
    });
  const used = new Set([
    ...stored.club.published.flatMap((d) => Object.keys(d.slots)),
    ...drafts.flatMap((d) => d.slots.map((s) => s.role)),
  ]);
  const roles = stored.roles.filter((r) => r.scheduled || used.has(r.key));
  const stats = seasonStats({ club: stored.club, year, roles, drafts, today: today(ctx) });
  return { stats, roles, clubName: stored.club.name };
}

export function seasonDashboard(ctx: BackendContext, year: number): SeasonDashboard {
  const { stats, roles, clubName } = statsOf(ctx, year);
  const qualificationTitles: Record<string, string> = {};
  for (const role of storedClub(ctx).roles) qualificationTitles[role.qualification] ??= role.title;
  return { ...stats, clubName, roles, qualificationTitles };
}

const WEEKDAY_TITLES = {
  sun: 'Sundays',
  mon: 'Mondays',
  tue: 'Tuesdays',
  wed: 'Wednesdays',
  thu: 'Thursdays',
  fri: 'Fridays',
  sat: 'Saturdays',
};

/** The dashboard as a CSV file: a row per member, the columns of the Season page. */
/** The dashboard as a spreadsheet: CSV (text cells) or XLSX (figures as numbers). */
export async function seasonDashboardFile(ctx: BackendContext, year: number, format: 'csv' | 'xlsx'): Promise<ExportFile> {
  const view = seasonDashboard(ctx, year);
  const days = DASHBOARD_DAYS.filter((d) => d === 'sat' || d === 'sun' || view.members.some((m) => m.byWeekday[d] > 0));
  const header = [
    'member_id',
    'name',
    ...view.roles.map((r) => r.title),
    ...days.map((d) => WEEKDAY_TITLES[d]),
    'published',
    'drafted',
    'total',
    'expected',
    'expected_from',
    'difference',
    'lapsing_qualifications',
  ];
  const rows: (string | number | null)[][] = view.members.map((m) => [
    m.memberId,
    m.name,
    ...view.roles.map((r) => m.byRole[r.key] ?? 0),
    ...days.map((d) => m.byWeekday[d]),
    m.published,
    m.drafted,
    m.total,
    m.expected,
    m.expectedFrom ?? null,
    m.difference,
    m.lapsing.map((q) => `${view.qualificationTitles[q.qualification] ?? q.qualification} until ${q.lastValid}`).join('; '),
  ]);
  const stem = `${slug(view.clubName) || 'club'}-season-${year}`;
  ctx.log.info('Season dashboard exported', { year, format });
  if (format === 'xlsx') {
    const bytes = await tableXlsx(`Season ${year}`, [header, ...rows]);
    return { fileName: `${stem}.xlsx`, mimeType: XLSX_MIME, base64: bytes.toString('base64') };
  }
  const bytes = csvText([header, ...rows.map((row) => row.map((cell) => (cell === null ? '' : String(cell))))]);
  return { fileName: `${stem}.csv`, mimeType: 'text/csv', base64: bytes.toString('base64') };
}

/** The month's roster to explain: its draft, else what is published; not_found when there is neither. */
function rosterOf(
  ctx: BackendContext,
  month: MonthRef,
): { problem: SchedulingProblem; assignments: Assignment[]; source: WhyView['source']; scheduler: SchedulerKind | null } {
  const range = rangeOf(month);
  const draft = draftsOverlapping(ctx.db, range)[0];
  if (draft) {
    const grid = draftGrid(ctx, draft.id);
    const run = draft.runId === null ? null : getRun(ctx.db, draft.runId);
    return { problem: grid.problem, assignments: assignmentsOf(grid.slots), source: 'draft', scheduler: run?.scheduler ?? null };
  }
  const published = publishedSlots(ctx.db, range).map(({ date, role, memberId }) => ({ date, role, memberId }));
  if (published.length === 0) {
    throw notFound(`Nothing is drafted or published for ${range.start.slice(0, 7)} yet: generate a draft first.`, 'month');
  }
  return { problem: problemFor(storedClub(ctx), range, [], []), assignments: published, source: 'published', scheduler: null };
}

export function whyMember(ctx: BackendContext, memberId: string, month: MonthRef, slot: { date: IsoDate; role: string } | null): WhyView {
  const range = rangeOf(month);
  const { club } = storedClub(ctx);
  if (!club.members.some((m) => m.id === memberId)) throw notFound(`There is no member with the id "${memberId}".`, 'memberId');
  const roster = rosterOf(ctx, month);
  const { stats } = statsOf(ctx, Number(range.start.slice(0, 4)));
  const expected = new Map(
    stats.members.flatMap((m) =>
      m.expected === null || m.expectedFrom === null ? [] : [[m.memberId, { value: m.expected, from: m.expectedFrom }] as const],
    ),
  );
  const why = explainMember({
    problem: roster.problem,
    assignments: roster.assignments,
    memberId,
    days: roster.problem.dutyDays.filter((d) => inRange(d, range)),
    scheduler: roster.scheduler,
    expected,
    slot,
  });
  return { ...why, range, source: roster.source, scheduler: roster.scheduler };
}
