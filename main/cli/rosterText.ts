import { weekdayOf } from '../../solver/dates.ts';
import type { RosterComparison } from '../../solver/metrics.ts';
import { fairnessWindow } from '../../solver/fairnessWindow.ts';
import type { Club, DateRange, RosterDocument, RosterMetrics } from '../../solver/types.ts';

/** Plain-text views of rosters and comparisons for the terminal. */

const EMPTY_MARK = '(empty)';

export function table(rows: string[][]): string {
  const widths = rows[0].map((_, col) => Math.max(...rows.map((row) => (row[col] ?? '').length)));
  return rows
    .map((row) =>
      row
        .map((cell, col) => cell.padEnd(widths[col]))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

export function dayLabel(date: string): string {
  const day = weekdayOf(date);
  return `${day[0].toUpperCase()}${day.slice(1)} ${date}`;
}

function memberNamer(club: Club): (id: string | null) => string {
  const names = new Map(club.members.map((m) => [m.id, m.name]));
  return (id) => (id === null ? EMPTY_MARK : (names.get(id) ?? id));
}

export function roleTitler(doc: RosterDocument): (key: string) => string {
  const titles = new Map(doc.roles.map((r) => [r.key, r.title]));
  return (key) => titles.get(key) ?? key;
}

/** Dates as rows, roles as columns, member names in the cells. */
function rosterGrid(doc: RosterDocument, club: Club): string {
  if (doc.dutyDays.length === 0) return 'No duty days in this range.';
  const name = memberNamer(club);
  const bySlot = new Map(doc.assignments.map((a) => [`${a.date}|${a.role}`, a.memberId]));
  const rows = [['Date', ...doc.roles.map((r) => r.title)]];
  for (const date of doc.dutyDays) rows.push([dayLabel(date), ...doc.roles.map((r) => name(bySlot.get(`${date}|${r.key}`) ?? null))]);
  return table(rows);
}

export function schedulerLine(doc: RosterDocument): string {
  if (doc.scheduler === 'legacy') return `legacy (seed ${doc.seed})`;
  return `optimizer (${doc.status}, gap ${formatGap(doc.gap)})`;
}

export function formatGap(gap: number | null): string {
  return gap === null ? '-' : `${Number((gap * 100).toFixed(2))}%`;
}

/** "season, 2026-05-02 to 2026-06-30": which published duties the window figures count. */
export function fairnessWindowLabel(club: Club, range: DateRange): string {
  const { kind, span } = fairnessWindow(club, range);
  return kind === 'range' ? 'range (this roster only)' : `${kind}, ${span.start} to ${span.end}`;
}

/** The window's figures for a table row; '–' for a run recorded before they were measured. */
export function windowFigure(
  m: RosterMetrics,
  key: 'window_fairness_variance' | 'window_sum_of_squares' | 'window_quota_distance',
): string {
  const value = m[key];
  return value === undefined || value === null ? '–' : String(value);
}

export function rosterReport(doc: RosterDocument, club: Club): string {
  const m = doc.metrics;
  const title = roleTitler(doc);
  const lines = [
    `${club.name}: roster ${doc.range.start} to ${doc.range.end}`,
    '',
    rosterGrid(doc, club),
    '',
    `Scheduler:  ${schedulerLine(doc)}`,
    `Filled:     ${m.filled_slots} of ${m.total_slots} slots (${m.fill_rate_percent}%)`,
    `Fairness:   variance ${m.fairness_variance} (over every eligible member: ${m.fairness_variance_all})`,
    `Window:     ${fairnessWindowLabel(club, doc.range)}: variance ${windowFigure(m, 'window_fairness_variance')}, sum of squares ${windowFigure(m, 'window_sum_of_squares')}${m.window_quota_distance == null ? '' : `, distance to quota ${m.window_quota_distance}`}`,
    `Solve time: ${m.solve_time_ms} ms`,
  ];
  if (doc.fallback) lines.push(`Fallback:   the optimizer was replaced by legacy: ${doc.fallback.reason}`);
  if (doc.diagnostics.length > 0) {
    lines.push('', 'Empty slots:');
    for (const d of doc.diagnostics) lines.push(`  ${dayLabel(d.date)}  ${title(d.role)}: ${d.summary}`);
  }
  return lines.join('\n');
}

export interface Spread {
  mean: number;
  min: number;
  max: number;
}

export function spreadOf(values: number[]): Spread {
  const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
  return { mean: Number(mean.toFixed(4)), min: Math.min(...values), max: Math.max(...values) };
}

export function differenceLines(differences: RosterComparison, doc: RosterDocument, club: Club): string[] {
  const name = memberNamer(club);
  const title = roleTitler(doc);
  return differences.slot_differences.map(
    (d) => `  ${dayLabel(d.date)}  ${title(d.role)}: ${name(d.legacy_member_id)} (legacy) / ${name(d.optimizer_member_id)} (optimizer)`,
  );
}
