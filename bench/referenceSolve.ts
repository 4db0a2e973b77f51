import GLPK from 'glpk.js/node';
import type { GLPK as Glpk, LP } from 'glpk.js/node';
import { Eligibility } from '../solver/eligibility.ts';
import type { SchedulingProblem } from '../solver/types.ts';

/**
 * The yardstick for the optimizer's whole-process time: a plain GLPK model of one month, written here and not
 * taken from solver/optimizer. Who may fill which slot comes from the shared rules (solver/eligibility.ts);
 * the model is only fill first, then the sum of squared loads:
 *   x[m,d,r] binary    member m fills role r on day d (only where the static rules allow it)
 *   each slot at most one member, each member at most one slot a day, members who avoid each other not on one day,
 *   load[m] = sum x = sum of unit steps s[m,k] (k = 1..cap), step k costing 2k-1, so the steps cost load^2.
 * The fill weight exceeds any possible sum of squares, so no fairness gain is worth an empty slot.
 */
function referenceModel(problem: SchedulingProblem): { lp: LP; fills: { name: string; member: string }[] } {
  const eligibility = new Eligibility(problem.club, problem.range);
  const lockedSlots = new Set(problem.locked.map((a) => `${a.date}|${a.role}`));
  const fills: { name: string; member: string; day: number; slot: string }[] = [];
  problem.dutyDays.forEach((date, day) => {
    for (const role of problem.roles) {
      if (lockedSlots.has(`${date}|${role.key}`)) continue;
      for (const member of eligibility.candidates(role, date)) {
        fills.push({ name: `x${fills.length}`, member: member.id, day, slot: `${day}_${role.key}` });
      }
    }
  });

  const group = <K>(key: (f: (typeof fills)[number]) => K) => {
    const groups = new Map<K, string[]>();
    for (const f of fills) {
      const names = groups.get(key(f));
      if (names) names.push(f.name);
      else groups.set(key(f), [f.name]);
    }
    return groups;
  };
  const row = (name: string, names: string[], ub: number) => ({
    name,
    vars: names.map((n) => ({ name: n, coef: 1 })),
    bnds: { type: 3, lb: 0, ub },
  });

  const subjectTo = [
    ...[...group((f) => f.slot).values()].map((names, i) => row(`slot${i}`, names, 1)),
    ...[...group((f) => `${f.member}|${f.day}`).values()].map((names, i) => row(`day${i}`, names, 1)),
  ];
  const byMemberDay = group((f) => `${f.member}|${f.day}`);
  for (const member of problem.club.members) {
    for (const other of eligibility.avoidedBy(member.id)) {
      if (other <= member.id) continue;
      problem.dutyDays.forEach((_, day) => {
        const both = [...(byMemberDay.get(`${member.id}|${day}`) ?? []), ...(byMemberDay.get(`${other}|${day}`) ?? [])];
        if (both.length > 1) subjectTo.push(row(`avoid${subjectTo.length}`, both, 1));
      });
    }
  }

  const objective: { name: string; coef: number }[] = [];
  const bounds: LP['bounds'] = [];
  let maxCap = 0;
  [...group((f) => f.member)].forEach(([member, names], m) => {
    const cap = eligibility.cap(member);
    maxCap = Math.max(maxCap, cap);
    const steps = Array.from({ length: cap }, (_, k) => ({ name: `step${m}_${k + 1}`, coef: 2 * (k + 1) - 1 }));
    objective.push(...steps);
    for (const step of steps) bounds.push({ name: step.name, type: 4, lb: 0, ub: 1 });
    subjectTo.push({
      name: `load${m}`,
      vars: [...names.map((n) => ({ name: n, coef: 1 })), ...steps.map((s) => ({ name: s.name, coef: -1 }))],
      bnds: { type: 5, lb: 0, ub: 0 },
    });
  });
  const fillWeight = maxCap * (problem.dutyDays.length * problem.roles.length) + 1;
  // A loop, not push(...): a year of 1,000 members has more fills than a call takes arguments.
  for (const f of fills) objective.push({ name: f.name, coef: -fillWeight });

  const lp: LP = {
    name: 'reference fill + sum of squared loads',
    objective: { direction: 1, name: 'cost', vars: objective },
    subjectTo,
    bounds,
    binaries: fills.map((f) => f.name),
  };
  return { lp, fills };
}

interface ReferenceSolve {
  ms: number;
  filled: number;
  slots: number;
  sumOfSquares: number;
  optimal: boolean;
}

/**
 * Builds and solves the reference model once (the GLPK runtime is created beforehand and reused);
 * with `timeLimitMs`, GLPK stops there and the result says whether it proved its roster optimal.
 */
export function solveReference(glpk: Glpk, problem: SchedulingProblem, timeLimitMs?: number): ReferenceSolve {
  const started = performance.now();
  const { lp, fills } = referenceModel(problem);
  const limit = timeLimitMs === undefined ? {} : { tmlim: timeLimitMs / 1000 };
  const { result } = glpk.solve(lp, { msglev: glpk.GLP_MSG_OFF, presol: true, ...limit });
  const ms = performance.now() - started;
  const loads = new Map<string, number>();
  let filled = 0;
  for (const { name, member } of fills) {
    if ((result.vars[name] ?? 0) < 0.5) continue;
    filled++;
    loads.set(member, (loads.get(member) ?? 0) + 1);
  }
  return {
    ms,
    filled,
    slots: problem.dutyDays.length * problem.roles.length,
    sumOfSquares: [...loads.values()].reduce((sum, load) => sum + load * load, 0),
    optimal: result.status === glpk.GLP_OPT,
  };
}

export const startGlpk = (): Promise<Glpk> => GLPK();
