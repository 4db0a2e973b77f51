import { inRange, toIso, weekdayOf } from './dates.ts';
import { isAvailable } from './rules/available.ts';
import { percentWeight } from './rules/percent.ts';
import { lastValidDate } from './rules/qualificationExpiry.ts';
import { seasonBounds } from './season.ts';
import type { Assignment, Club, DateRange, IsoDate, Member, Role, Weekday } from './types.ts';
import { WEEKDAYS } from './types.ts';

/**
 * The season dashboard's figures: per member, duties in the operating season of one year, published
 * and drafted, per role and weekday, against what the member is expected to do (their quota, else the
 * club's average of the members who can be scheduled and are not exempt), and the qualifications that lapse before the season is over.
 *
 * "Total" is the season as it will stand once the drafts are published: on a date a draft covers, the
 * draft's slots count (publishing it replaces what is published there), elsewhere the published ones;
 * "published" and "drafted" split it.
 */

export interface SeasonDraft {
  range: DateRange;
  /** The draft's slots on its duty days. */
  slots: Assignment[];
}

export interface SeasonInput {
  club: Club;
  year: number;
  /** The roles shown as columns, in order. */
  roles: Role[];
  /** Drafts, oldest first: where two cover a date, the later one counts. */
  drafts: SeasonDraft[];
  /** Qualifications lapsing from this date on are flagged. */
  today: IsoDate;
}

export interface LapsingQualification {
  qualification: string;
  /** The last date the qualification is valid. */
  lastValid: IsoDate;
}

export type ExpectedFrom = 'quota' | 'average' | 'exempt';

export interface MemberSeason {
  memberId: string;
  name: string;
  /** Duties in the published rosters of the season, on dates no draft covers. */
  published: number;
  /** Duties in the drafts of the season. */
  drafted: number;
  /** published + drafted: the season once the drafts are published. */
  total: number;
  /** Role key -> duties (of the total). */
  byRole: Record<string, number>;
  /** Weekday -> duties (of the total). */
  byWeekday: Record<Weekday, number>;
  /** Duties the member is expected to do in the season; null for a member who cannot be scheduled now. */
  expected: number | null;
  expectedFrom: ExpectedFrom | null;
  /** total - expected (negative: behind); null without an expectation. */
  difference: number | null;
  /** Counted in the club's average: schedulable for at least one of the roles, and not exempt. */
  counted: boolean;
  lapsing: LapsingQualification[];
}

export interface SeasonStats {
  year: number;
  /** The season's dates: start weekend's Saturday to end weekend's Sunday (the whole year without a season). */
  range: DateRange;
  /** The average total over the counted members; null when nobody is counted. */
  average: number | null;
  members: MemberSeason[];
  /** The member furthest below what is expected of them, and furthest above (null: nobody is). */
  furthestBehind: string | null;
  furthestAhead: string | null;
}

/** The dates of the operating season of `year`; a season across the year end runs into the next year. */
export function seasonRange(season: Club['season'], year: number): DateRange {
  const bounds = seasonBounds(season, year);
  const start = bounds.start ?? toIso(year, 1, 1);
  let end = bounds.end ?? toIso(year, 12, 31);
  if (end < start) end = seasonBounds(season, year + 1).end ?? toIso(year + 1, 12, 31);
  return { start, end };
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/** May the member be scheduled for one of `roles` at all (active, qualified, a share above 0, a limit above 0)? */
function schedulable(member: Member, club: Club, roles: Role[]): boolean {
  if (!isAvailable(member) || (member.maxPerMonth ?? club.defaultMaxPerMonth) <= 0) return false;
  return roles.some((role) => percentWeight(member, role.qualification) > 0);
}

/** The member's qualifications whose last valid date lies from `from` until before the season's last day. */
export function lapsingQualifications(member: Member, from: IsoDate, season: DateRange): LapsingQualification[] {
  return member.qualifications
    .map((qualification) => ({ qualification, lastValid: lastValidDate(member, qualification) }))
    .filter((q): q is LapsingQualification => q.lastValid !== null && q.lastValid >= from && q.lastValid < season.end)
    .sort((a, b) => a.lastValid.localeCompare(b.lastValid) || a.qualification.localeCompare(b.qualification));
}

/** The duties of the season: published ones on dates no draft covers, and the drafts' (the later draft where two overlap). */
function seasonDuties(input: SeasonInput, range: DateRange): { published: Assignment[]; drafted: Assignment[] } {
  const coveredBy = (date: IsoDate): SeasonDraft | undefined => input.drafts.findLast((d) => inRange(date, d.range));
  const published: Assignment[] = [];
  for (const day of input.club.published) {
    if (!inRange(day.date, range) || coveredBy(day.date) !== undefined) continue;
    for (const [role, memberId] of Object.entries(day.slots)) published.push({ date: day.date, role, memberId });
  }
  const drafted: Assignment[] = [];
  input.drafts.forEach((draft) => {
    for (const slot of draft.slots) if (inRange(slot.date, range) && coveredBy(slot.date) === draft) drafted.push(slot);
  });
  return { published, drafted };
}

export function seasonStats(input: SeasonInput): SeasonStats {
  const { club, roles } = input;
  const range = seasonRange(club.season, input.year);
  const duties = seasonDuties(input, range);
  const count = (slots: Assignment[]) => {
    const per = new Map<string, number>();
    for (const s of slots) if (s.memberId !== null) per.set(s.memberId, (per.get(s.memberId) ?? 0) + 1);
    return per;
  };
  const published = count(duties.published);
  const drafted = count(duties.drafted);

  const members = club.members.map((member): MemberSeason => {
    const own = [...duties.published, ...duties.drafted].filter((s) => s.memberId === member.id);
    const byRole = Object.fromEntries(roles.map((r) => [r.key, 0]));
    for (const s of own) byRole[s.role] = (byRole[s.role] ?? 0) + 1;
    const byWeekday = Object.fromEntries(WEEKDAYS.map((d) => [d, 0])) as Record<Weekday, number>;
    for (const s of own) byWeekday[weekdayOf(s.date)] += 1;
    return {
      memberId: member.id,
      name: member.name,
      published: published.get(member.id) ?? 0,
      drafted: drafted.get(member.id) ?? 0,
      total: own.length,
      byRole,
      byWeekday,
      expected: null,
      expectedFrom: null,
      difference: null,
      counted: member.exempt !== true && schedulable(member, club, roles),
      lapsing: lapsingQualifications(member, input.today, range),
    };
  });

  const counted = members.filter((m) => m.counted);
  const average = counted.length === 0 ? null : round2(counted.reduce((sum, m) => sum + m.total, 0) / counted.length);
  club.members.forEach((member, i) => {
    const m = members[i];
    // The quota as the fairness window reads it: the member's own, else the club default.
    const quota = member.seasonQuota ?? club.defaultSeasonQuota ?? null;
    // Someone who cannot be scheduled now (inactive, suspended, unqualified, a limit of 0) is expected nothing.
    if (member.exempt === true) [m.expected, m.expectedFrom] = [0, 'exempt'];
    else if (m.counted && quota !== null) [m.expected, m.expectedFrom] = [quota, 'quota'];
    else if (m.counted && average !== null) [m.expected, m.expectedFrom] = [average, 'average'];
    if (m.expected !== null) m.difference = round2(m.total - m.expected);
  });
  return { year: input.year, range, average, members, ...extremes(members) };
}

/** The most negative and most positive difference (the first by name on a tie); null when none is below or above 0. */
function extremes(members: MemberSeason[]): { furthestBehind: string | null; furthestAhead: string | null } {
  const rated = members
    .filter((m): m is MemberSeason & { difference: number } => m.difference !== null)
    .sort((a, b) => a.name.localeCompare(b.name));
  let behind: (typeof rated)[number] | null = null;
  let ahead: (typeof rated)[number] | null = null;
  for (const m of rated) {
    if (m.difference < 0 && (behind === null || m.difference < behind.difference)) behind = m;
    if (m.difference > 0 && (ahead === null || m.difference > ahead.difference)) ahead = m;
  }
  return { furthestBehind: behind?.memberId ?? null, furthestAhead: ahead?.memberId ?? null };
}

/** The weekdays in the order the dashboard shows them: the weekend first. */
export const DASHBOARD_DAYS: readonly Weekday[] = ['sat', 'sun', 'mon', 'tue', 'wed', 'thu', 'fri'];
