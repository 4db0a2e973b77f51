import { runLegacy } from '../legacy.ts';
import type { Assignment } from '../types.ts';
import { outcomeOf, type StageOutcome } from './evaluate.ts';
import { slotIndex, type OptimizerInstance } from './instance.ts';

/**
 * Legacy's roster as an incumbent the optimizer must not fall behind: one greedy draw is cheap, and
 * a fixed seed keeps the optimizer's answer repeatable.
 */
const LEGACY_SEED = 1;

/** Legacy's roster for the instance's problem as candidates, or none when it uses one the optimizer does not know. */
export function legacyIncumbent(instance: OptimizerInstance): StageOutcome | undefined {
  const chosen = candidatesOf(instance, runLegacy(instance.problem, LEGACY_SEED));
  return chosen ? outcomeOf(instance, chosen) : undefined;
}

function candidatesOf(instance: OptimizerInstance, assignments: Assignment[]): Set<number> | null {
  const { dutyDays, roles } = instance.problem;
  const dayOf = new Map(dutyDays.map((date, day) => [date, day]));
  const chosen = new Set<number>();
  for (const { date, role, memberId } of assignments) {
    const day = dayOf.get(date);
    const r = roles.findIndex((candidate) => candidate.key === role);
    if (day === undefined || r < 0) return null;
    if (instance.locked.has(`${day},${r}`)) continue;
    if (memberId === null) continue;
    const found = instance.bySlot[slotIndex(instance, day, r)].find((c) => instance.members[instance.candidates[c].member].id === memberId);
    if (found === undefined) return null;
    chosen.add(found);
  }
  return chosen;
}
