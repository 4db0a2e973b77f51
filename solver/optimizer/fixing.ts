import type { LP } from 'glpk.js/node';
import type { GlpkRun } from './glpk.ts';

/**
 * Reduced-cost fixing. For an optimal LP solution of a minimisation with value zLp, every feasible
 * point costs at least zLp + d_j x_j for a variable at 0 with reduced cost d_j (and zLp + |d_j| (1 - x_j)
 * for one at 1): the other terms of that expansion are >= 0 by dual feasibility. So among solutions
 * costing at most `limit`, a variable whose reduced cost exceeds limit - zLp cannot move.
 */
export interface Fixed {
  zero: ReadonlySet<string>;
  one: ReadonlySet<string>;
}

export function reducedCostFixing(lp: LP, run: GlpkRun, limit: number, variables: (name: string) => boolean): Fixed {
  const zero = new Set<string>();
  const one = new Set<string>();
  if (!run.dual) return { zero, one };
  const reduced = new Map<string, number>();
  for (const { name, coef } of lp.objective.vars) if (variables(name)) reduced.set(name, coef);
  for (const row of lp.subjectTo) {
    const dual = run.dual[row.name] ?? 0;
    if (dual === 0) continue;
    for (const { name, coef } of row.vars) if (variables(name)) reduced.set(name, (reduced.get(name) ?? 0) - coef * dual);
  }
  const slack = limit - run.z + 1e-6 * (1 + Math.abs(limit));
  for (const [name, d] of reduced) {
    const value = run.vars[name] ?? 0;
    if (value < 1e-9 && d > slack) zero.add(name);
    else if (value > 1 - 1e-9 && -d > slack) one.add(name);
  }
  return { zero, one };
}
