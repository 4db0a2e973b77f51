import { fairnessWindow } from './fairnessWindow.ts';
import type { Assignment, IsoDate, SchedulingProblem } from './types.ts';
import type { SlotCandidate } from './validate.ts';

/**
 * Orders the candidates of one slot for the manual editor by what choosing them does to fairness over
 * the club's fairness window (DOMAIN.md "Fairness window": the sum of squared loads over the window,
 * published duties counted as they stand; solver/fairnessWindow.ts), allowed members without warnings first.
 */

export interface RankedCandidate extends SlotCandidate {
  /**
   * How the season's sum of squared loads changes when this member takes the slot instead of its
   * current holder (0 for the holder; for an empty slot, against leaving it empty).
   */
  fairnessDelta: number;
  /** Duties in the fairness window so far (published before this roster's dates plus this roster), this slot not counted. */
  seasonLoad: number;
}

/**
 * Member id -> duties in the fairness window: published days in the window before the range, and the
 * roster's other slots (the slot being edited not counted).
 */
export function seasonLoads(
  problem: SchedulingProblem,
  assignments: Assignment[],
  slot: { date: IsoDate; role: string },
): Map<string, number> {
  const loads = new Map<string, number>();
  const add = (memberId: string) => loads.set(memberId, (loads.get(memberId) ?? 0) + 1);
  for (const { memberId, published } of fairnessWindow(problem.club, problem.range).members) {
    if (published > 0) loads.set(memberId, published);
  }
  const seen = new Set<string>([`${slot.date}|${slot.role}`]);
  const days = new Set(problem.dutyDays);
  const roles = new Set(problem.roles.map((r) => r.key));
  for (const a of assignments) {
    const key = `${a.date}|${a.role}`;
    if (seen.has(key) || !days.has(a.date) || !roles.has(a.role)) continue;
    seen.add(key);
    if (a.memberId !== null) add(a.memberId);
  }
  return loads;
}

/**
 * The candidates with their fairness change, in the order the editor offers them: allowed without
 * warnings, then allowed with warnings, each by fairness change (then name); then the ones not allowed,
 * grouped by reason (reasons alphabetically), by name within a reason.
 */
export function rankCandidates(
  problem: SchedulingProblem,
  assignments: Assignment[],
  slot: { date: IsoDate; role: string },
  candidates: SlotCandidate[],
): RankedCandidate[] {
  const loads = seasonLoads(problem, assignments, slot);
  const holder = assignments.find((a) => a.date === slot.date && a.role === slot.role)?.memberId ?? null;
  const squaredStep = (load: number) => 2 * load + 1;
  const holderStep = holder === null ? 0 : squaredStep(loads.get(holder) ?? 0);
  const ranked = candidates.map((c): RankedCandidate => {
    const seasonLoad = loads.get(c.memberId) ?? 0;
    return { ...c, seasonLoad, fairnessDelta: c.memberId === holder ? 0 : squaredStep(seasonLoad) - holderStep };
  });
  const tier = (c: RankedCandidate) => (!c.eligible ? 2 : c.warnings.length > 0 ? 1 : 0);
  return ranked.sort(
    (a, b) =>
      tier(a) - tier(b) ||
      (tier(a) === 2 ? (a.reason ?? '').localeCompare(b.reason ?? '') : a.fairnessDelta - b.fairnessDelta) ||
      a.name.localeCompare(b.name),
  );
}
