import { Eligibility, RosterState } from './eligibility.ts';
import { HARD_RULES } from './rules/index.ts';
import { SPACING_REASON, spacingContext, spacingFor } from './rules/spacing.ts';
import type { Assignment, Diagnostic, IsoDate, Role, SchedulingProblem } from './types.ts';

/** Why empty slots are empty: for each, how many members each hard rule kept out, in catalogue order. */

/** The buckets of a diagnosis, in the order they are reported. */
const BUCKETS = [...HARD_RULES.map((rule) => rule.code), 'would_break_spacing', 'free'] as const;

export type DiagnosisBucket = (typeof BUCKETS)[number];

const BUCKET_TEXT = Object.fromEntries([
  ...HARD_RULES.map((rule) => [rule.code, rule.reason]),
  ['would_break_spacing', SPACING_REASON],
  ['free', 'free'],
]) as Record<DiagnosisBucket, string>;

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
  const spacing = spacingContext(problem, (date, role) => holders.get(slotKey(date, role)));

  const out: SlotDiagnosis[] = [];
  problem.dutyDays.forEach((date, dayIndex) => {
    for (const role of problem.roles) {
      if (holders.get(slotKey(date, role.key))) continue;
      const counts = Object.fromEntries(BUCKETS.map((b) => [b, 0])) as Record<DiagnosisBucket, number>;
      for (const m of problem.club.members) {
        const block = state.block(m.id, role, date);
        const bucket: DiagnosisBucket =
          block ?? (spacingFor(spacing, m.id, role.key, date, dayIndex).length > 0 ? 'would_break_spacing' : 'free');
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
