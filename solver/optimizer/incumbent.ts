import { runLegacy } from '../legacy.ts';
import { avoidanceRows } from '../rules/avoidance.ts';
import { capLimitRows } from '../rules/cap.ts';
import { oneRolePerDayRows } from '../rules/oneRolePerDay.ts';
import type { AtMost } from '../rules/rule.ts';
import type { Assignment } from '../types.ts';
import { compareScores, outcomeOf, type StageOutcome } from './evaluate.ts';
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

/**
 * An incumbent improved by single moves, for when the stages could not prove a roster in time: an
 * empty slot filled, or a slot handed from its holder to another candidate, whenever that is
 * lexicographically better (fill, strict breaks, the window's load cost, preference points). Every
 * move keeps the hard rules between free assignments, the same rows every stage's model has (one
 * member per slot, and the rule modules' one role a day, avoidance and cap); the rest of the hard
 * rules are in the candidates already. Stops when no move helps, or at `deadline` after the first pass.
 */
export function improveIncumbent(instance: OptimizerInstance, incumbent: StageOutcome, deadline: number): StageOutcome {
  const { candidates, bySlot } = instance;
  const rows: AtMost[] = [
    ...bySlot.filter((slot) => slot.length > 1).map((slot) => ({ candidates: slot, most: 1 })),
    ...oneRolePerDayRows(instance),
    ...avoidanceRows(instance),
    ...capLimitRows(instance),
  ];
  const rowsOf = candidates.map((): number[] => []);
  rows.forEach((row, i) => {
    for (const c of row.candidates) rowsOf[c].push(i);
  });
  const strictPartners = candidates.map((): [number, number][] => []);
  for (const { a, b, breaks } of instance.pairs) {
    if (breaks === 0) continue;
    strictPartners[a].push([b, breaks]);
    strictPartners[b].push([a, breaks]);
  }
  const chosen = new Set(incumbent.chosen);
  const used = new Int32Array(rows.length);
  for (const c of chosen) for (const i of rowsOf[c]) used[i]++;
  /** Free duties per member: the k-th costs the fairness window's step k (windowCost.ts). */
  const loads = instance.members.map(() => 0);
  for (const c of chosen) loads[candidates[c].member]++;
  const { step } = instance.costs;
  const holder = new Int32Array(bySlot.length).fill(-1);
  for (const c of chosen) holder[slotIndex(instance, candidates[c].day, candidates[c].role)] = c;

  /** Breaks candidate c makes with the roster (`without` not counted). */
  const breaksOf = (c: number, without: number) => {
    let breaks = candidates[c].breaks;
    for (const [other, n] of strictPartners[c]) if (other !== without && chosen.has(other)) breaks += n;
    return breaks;
  };
  /** Whether c may join the roster once `leaving` (or nobody, -1) has left it. */
  const fits = (c: number, leaving: number) =>
    rowsOf[c].every((i) => used[i] - (leaving >= 0 && rowsOf[leaving].includes(i) ? 1 : 0) < rows[i].most);
  const move = (from: number, to: number) => {
    if (from >= 0) {
      chosen.delete(from);
      for (const i of rowsOf[from]) used[i]--;
      loads[candidates[from].member]--;
    }
    chosen.add(to);
    for (const i of rowsOf[to]) used[i]++;
    loads[candidates[to].member]++;
    holder[slotIndex(instance, candidates[to].day, candidates[to].role)] = to;
  };

  // One pass even when the deadline has passed: it costs a fraction of what the stage cut short
  // did, and the 10 % of the limit solve.ts keeps free covers it.
  for (let improved = true, pass = 0; improved && (pass === 0 || performance.now() < deadline); pass++) {
    improved = false;
    bySlot.forEach((slot, s) => {
      const from = holder[s];
      let best = -1;
      // (fill, breaks, load cost, points) gained by the best move so far; a move must gain.
      let gain: [number, number, number, number] = [0, 0, 0, 0];
      for (const to of slot) {
        if (to === from || !fits(to, from)) continue;
        const mFrom = from >= 0 ? candidates[from].member : -1;
        const mTo = candidates[to].member;
        const candidate: [number, number, number, number] =
          from < 0
            ? [1, -breaksOf(to, -1), -step(mTo, loads[mTo] + 1), -candidates[to].points]
            : [
                0,
                breaksOf(from, -1) - breaksOf(to, from),
                step(mFrom, loads[mFrom]) - step(mTo, loads[mTo] + 1),
                candidates[from].points - candidates[to].points,
              ];
        if (better(candidate, gain)) {
          best = to;
          gain = candidate;
        }
      }
      if (best >= 0) {
        move(from, best);
        improved = true;
      }
    });
  }
  const result = outcomeOf(instance, chosen);
  return compareScores(result.score, incumbent.score) < 0 ? result : incumbent;
}

function better(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] > b[i];
  return false;
}
