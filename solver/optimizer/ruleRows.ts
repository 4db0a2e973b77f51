import type { LP } from 'glpk.js/node';
import { GLP } from './glpk.ts';
import type { OptimizerInstance } from './instance.ts';
import { b, heldRow, oneRoleRow, RowSet, slotRow, x, type Term } from './lp.ts';
import { avoidanceRows } from '../rules/avoidance.ts';
import { capLimitRows } from '../rules/cap.ts';
import { oneRolePerDayRows } from '../rules/oneRolePerDay.ts';
import type { AtMost } from '../rules/rule.ts';

/**
 * The rows of the hard rules, every stage's model starts from them:
 * - one member per slot;
 * - one role per member per day, and avoidance (their rule modules in solver/rules/ write the rows);
 * - cap: at most `maxLoad` free duties per member (capRows, from the cap module; the fairness stage
 *   caps through its load steps instead, see model.ts);
 * - strict spacing: forbidden or counted (Spacing).
 * A member the catalogue's checks refuse a slot (every static rule, and the roster rules against the
 * locked slots) has no candidate there and needs no row: instance.ts applies them, and finds the
 * strict spacing pairs and avoidances.
 */

/**
 * How a model treats the strict spacing rules: forbid any break ('hard': one
 * candidate per strict clique, none breaking a rule against locked slots or history), or count the
 * breaks exactly ('count': a clique with n chosen breaks weight x n(n-1)/2, written as its tangents
 * k x n - k(k+1)/2, which are exact at integer n).
 */
export type Spacing = 'hard' | 'count';

/** Every candidate's column in [0, 1]; the break count's terms when spacing is counted. */
export function ruleRows(instance: OptimizerInstance, spacing: Spacing) {
  const rows = new RowSet();
  instance.bySlot.forEach((slot, s) => {
    if (slot.length > 1)
      rows.add(
        slot.map((c) => [x(c), 1]),
        GLP.UP,
        0,
        1,
        slotRow(s),
      );
  });
  for (const row of oneRolePerDayRows(instance)) {
    const { member, day } = instance.candidates[row.candidates[0]];
    addAtMost(rows, row, oneRoleRow(member, day));
  }
  for (const row of avoidanceRows(instance)) addAtMost(rows, row);
  const bounds: NonNullable<LP['bounds']> = instance.candidates.map((_, c) => ({ name: x(c), type: GLP.DB, lb: 0, ub: 1 }));
  const breaks: Term[] = [];
  if (spacing === 'hard') {
    for (const clique of instance.strictCliques)
      rows.add(
        clique.map((c) => [x(c), 1]),
        GLP.UP,
        0,
        1,
      );
    // A row, not a bound: glpk.js resets a binary's bounds to [0, 1].
    instance.candidates.forEach((cand, c) => {
      if (cand.breaks > 0) rows.add([[x(c), 1]], GLP.UP, 0, 0, heldRow(c));
    });
  } else {
    instance.candidates.forEach((cand, c) => {
      if (cand.breaks > 0) breaks.push([x(c), cand.breaks]);
    });
    instance.breakCliques.forEach(({ members, weight }, k) => {
      for (let t = 1; t < members.length; t++) {
        rows.add([...members.map((c): Term => [x(c), weight * t]), [b(k), -1]], GLP.UP, 0, (weight * t * (t + 1)) / 2);
      }
      bounds.push({ name: b(k), type: GLP.LO, lb: 0, ub: 0 });
      breaks.push([b(k), 1]);
    });
  }
  return { rows, bounds, breaks };
}

/** The cap: each member's free duties at most `maxLoad` (cap minus locked load, one a day). */
export function capRows(instance: OptimizerInstance, rows: RowSet): void {
  for (const row of capLimitRows(instance)) addAtMost(rows, row);
}

function addAtMost(rows: RowSet, { candidates, most }: AtMost, name?: string): void {
  rows.add(
    candidates.map((c) => [x(c), 1]),
    GLP.UP,
    0,
    most,
    name,
  );
}

export function memberCandidates(instance: OptimizerInstance, m: number): number[] {
  return instance.byMemberDay[m].flatMap((roles) => (roles ? [...roles.values()] : []));
}

/** Member `m` on duty on `day` (in any role), as terms of weight `coef`. */
export function onDuty(instance: OptimizerInstance, m: number, day: number, coef: number): Term[] {
  return [...instance.byMemberDay[m][day].values()].map((c) => [x(c), coef]);
}
