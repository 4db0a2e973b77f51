import { BLOCK_REASON_TEXT, Eligibility, RosterState, type BlockReason } from './eligibility.ts';
import { historyBefore } from './history.ts';
import { addDays } from './dates.ts';
import type { Assignment, Diagnostic, IsoDate, Role, SchedulingProblem } from './types.ts';

/** Why empty slots are empty: for each, how many members each hard rule kept out, in rule order. */

/** The buckets of a diagnosis, in the order they are reported. */
const BUCKETS = [
  'not_available',
  'not_qualified',
  'blackout',
  'percent_zero',
  'cap_zero',
  'on_duty_that_day',
  'avoids_someone_on_duty',
  'at_cap',
  'would_break_spacing',
  'free',
] as const;

export type DiagnosisBucket = (typeof BUCKETS)[number];

const BUCKET_TEXT: Record<DiagnosisBucket, string> = {
  ...BLOCK_REASON_TEXT,
  would_break_spacing: 'would break spacing',
  free: 'free',
};

export interface SlotDiagnosis {
  date: IsoDate;
  role: string;
  /** Members per bucket: the first hard rule that blocks each, else spacing, else free. */
  counts: Record<DiagnosisBucket, number>;
  summary: string;
}

export function diagnoseEmptySlots(problem: SchedulingProblem, assignments: Assignment[]): Diagnostic[] {
  return diagnoseEmptySlotsInDetail(problem, assignments).map(({ date, role, summary }) => ({ date, role, summary }));
}

export function diagnoseEmptySlotsInDetail(problem: SchedulingProblem, assignments: Assignment[]): SlotDiagnosis[] {
  const eligibility = new Eligibility(problem.club, problem.range);
  const state = new RosterState(eligibility);
  const holders = new Map<string, string | null>();
  for (const a of assignments) {
    const key = slotKey(a.date, a.role);
    if (holders.has(key)) continue;
    holders.set(key, a.memberId);
    if (a.memberId !== null && eligibility.members.has(a.memberId)) state.assign(a.date, a.role, a.memberId);
  }
  const history = historyBefore(problem.club, problem.range.start);

  /** Member id who filled role on date, in the roster or in the published history before it. */
  const holderOf = (date: IsoDate | undefined, role: string): string | null => {
    if (date === undefined) return null;
    const inRoster = holders.get(slotKey(date, role));
    if (inRoster !== undefined) return inRoster;
    for (const [memberId, r] of history.publishedByDate.get(date) ?? []) if (r === role) return memberId;
    return null;
  };

  const out: SlotDiagnosis[] = [];
  problem.dutyDays.forEach((date, dayIndex) => {
    for (const role of problem.roles) {
      if (holders.get(slotKey(date, role.key))) continue;
      const neighbours = [
        dayIndex === 0 ? (history.carryOver.get(role.key) ?? null) : holderOf(problem.dutyDays[dayIndex - 1], role.key),
        holderOf(problem.dutyDays[dayIndex + 1], role.key),
      ];
      const counts = Object.fromEntries(BUCKETS.map((b) => [b, 0])) as Record<DiagnosisBucket, number>;
      for (const m of problem.club.members) {
        const block: BlockReason | null = state.block(m.id, role, date);
        let bucket: DiagnosisBucket;
        if (block) bucket = block;
        else if (
          neighbours.includes(m.id) ||
          (!m.allowWeekendDouble && (holderOf(addDays(date, -7), role.key) === m.id || holderOf(addDays(date, 7), role.key) === m.id))
        ) {
          bucket = 'would_break_spacing';
        } else bucket = 'free';
        counts[bucket] += 1;
      }
      out.push({ date, role: role.key, counts, summary: summarize(problem, role, counts) });
    }
  });
  return out;
}

function summarize(problem: SchedulingProblem, role: Role, counts: Record<DiagnosisBucket, number>): string {
  if (!problem.club.members.some((m) => m.qualifications.includes(role.qualification))) {
    return `Nobody holds the ${qualificationTitle(problem, role)} qualification`;
  }
  const parts = BUCKETS.filter((b) => b !== 'free' && counts[b] > 0).map((b) => `${counts[b]} ${BUCKET_TEXT[b]}`);
  const detail = parts.length > 0 ? `: ${parts.join(', ')}` : '';
  if (counts.free > 0) return `${counts.free} ${counts.free === 1 ? 'member is' : 'members are'} free to fill it${detail}`;
  if (counts.would_break_spacing > 0) return `Only members who would break spacing${detail}`;
  return `No qualified member free${detail}`;
}

/** The title the club uses for a qualification: the role keyed by it, else the role needing it. */
function qualificationTitle(problem: SchedulingProblem, role: Role): string {
  const named = problem.club.roles.find((r) => r.key === role.qualification) ?? problem.roles.find((r) => r.key === role.qualification);
  return (named ?? role).title;
}

function slotKey(date: IsoDate, role: string): string {
  return `${date}|${role}`;
}
