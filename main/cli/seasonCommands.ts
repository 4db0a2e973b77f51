import type { SeasonDashboard, WhyView } from '../api/contract.ts';
import { createBackend } from '../backend/index.ts';
import { resolveDataDir } from '../dataDir.ts';
import { FIRST_YEAR, LAST_YEAR } from '../../solver/limits.ts';
import { MONTH_NAMES } from '../../solver/dates.ts';
import type { Weekday } from '../../solver/types.ts';
import { DASHBOARD_DAYS } from '../../solver/seasonStats.ts';
import { flag, requiredInteger, requiredString } from './args.ts';
import { MONTH_OPTION, YEAR_OPTION } from './club.ts';
import { registerCommand, type CliContext } from './command.ts';
import { dayLabel, table } from './rosterText.ts';

/** `season` (the Season page's table) and `why` (a member's month, and why not on the other duty days). Both only read. */

async function reading<T>(ctx: CliContext, work: (backend: Awaited<ReturnType<typeof createBackend>>) => Promise<T>): Promise<T> {
  const backend = await createBackend({ dataDir: resolveDataDir(ctx.dataDir), logger: ctx.log, access: 'read' });
  try {
    return await work(backend);
  } finally {
    await backend.close();
  }
}

const YEARS = { min: FIRST_YEAR, max: LAST_YEAR };
const DAY_TITLES: Record<Weekday, string> = { sun: 'Sun', mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat' };
const signed = (value: number) => (value > 0 ? `+${value}` : String(value));

function dashboardText(view: SeasonDashboard): string {
  const days = DASHBOARD_DAYS.filter((d) => d === 'sat' || d === 'sun' || view.members.some((m) => m.byWeekday[d] > 0));
  const name = (id: string | null) => view.members.find((m) => m.memberId === id)?.name ?? '';
  const members = [...view.members].sort((a, b) => a.name.localeCompare(b.name));
  const rows = [
    [
      'Member',
      ...view.roles.map((r) => r.title),
      ...days.map((d) => DAY_TITLES[d]),
      'Published',
      'Drafted',
      'Total',
      'Expected',
      '+/-',
      'Lapsing',
    ],
    ...members.map((m) => [
      m.name,
      ...view.roles.map((r) => String(m.byRole[r.key] ?? 0)),
      ...days.map((d) => String(m.byWeekday[d])),
      String(m.published),
      String(m.drafted),
      String(m.total),
      m.expected === null
        ? '–'
        : `${m.expected}${m.expectedFrom === 'quota' ? ' (quota)' : m.expectedFrom === 'exempt' ? ' (exempt)' : ''}`,
      m.difference === null ? '–' : signed(m.difference),
      m.lapsing.map((q) => `${view.qualificationTitles[q.qualification] ?? q.qualification} until ${q.lastValid}`).join(', '),
    ]),
  ];
  const behind = view.members.find((m) => m.memberId === view.furthestBehind);
  const ahead = view.members.find((m) => m.memberId === view.furthestAhead);
  return [
    `${view.clubName}, season ${view.year}: ${view.range.start} to ${view.range.end}. Average ${view.average ?? '–'} duties per member who can be scheduled.`,
    `Furthest behind: ${behind ? `${name(behind.memberId)} (${signed(behind.difference!)})` : 'nobody'}. Furthest ahead: ${ahead ? `${name(ahead.memberId)} (${signed(ahead.difference!)})` : 'nobody'}.`,
    '',
    table(rows),
  ].join('\n');
}

function whyText(view: WhyView): string {
  const month = `${MONTH_NAMES[Number(view.range.start.slice(5, 7)) - 1]} ${view.range.start.slice(0, 4)}`;
  const source =
    view.source === 'draft'
      ? `the draft${view.scheduler === null ? '' : ` made by the ${view.scheduler} scheduler`}`
      : 'the published roster';
  const lines = [
    `${view.name}, ${month} (${source}): ${view.duties} ${view.duties === 1 ? 'duty' : 'duties'} on ${view.days.length} duty days.`,
    '',
  ];
  for (const day of view.days) {
    if (day.onDuty !== null) {
      lines.push(`${dayLabel(day.date)}  ${day.summary}`);
      continue;
    }
    lines.push(`${dayLabel(day.date)}  not on duty`);
    for (const slot of day.slots) {
      lines.push(`    ${slot.roleTitle} (${slot.holderName ?? 'empty'}): ${slot.text}`);
      for (const detail of slot.details) lines.push(`      ${detail}`);
    }
  }
  return lines.join('\n');
}

registerCommand({
  name: 'season',
  summary:
    "Print the season dashboard: each member's duties per role and weekday, published and drafted, against quota or the club's average.",
  usage: 'season --year Y [--json]',
  options: { year: YEAR_OPTION, json: { type: 'boolean', description: 'print the dashboard as JSON' } },
  async run(args, ctx) {
    const year = requiredInteger(args, 'year', YEARS);
    const view = await reading(ctx, (backend) => backend.seasonDashboard(year));
    ctx.out(flag(args, 'json') ? JSON.stringify(view, null, 2) : dashboardText(view));
  },
});

registerCommand({
  name: 'why',
  summary: "Explain a member's month: their duties and, for every other duty day, why someone else has the slot.",
  usage: 'why --member ID --year Y --month M [--json]',
  options: {
    member: { type: 'string', valueName: 'ID', description: 'the member id' },
    year: YEAR_OPTION,
    month: MONTH_OPTION,
    json: { type: 'boolean', description: 'print the answer as JSON' },
  },
  async run(args, ctx) {
    const memberId = requiredString(args, 'member');
    const month = { year: requiredInteger(args, 'year', YEARS), month: requiredInteger(args, 'month', { min: 1, max: 12 }) };
    const view = await reading(ctx, (backend) => backend.whyMember(memberId, month, null));
    ctx.out(flag(args, 'json') ? JSON.stringify(view, null, 2) : whyText(view));
  },
});
