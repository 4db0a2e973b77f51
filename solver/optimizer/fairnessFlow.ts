import { fairnessObjective, scoreRoster, type StageOutcome, type StageRun } from './evaluate.ts';
import type { GlpkRun } from './glpk.ts';
import { flowing, slotNetwork, type SlotNetwork } from './flow.ts';
import { onDutyIn, slotIndex, type OptimizerInstance } from './instance.ts';
import { FILL_ROW, heldRow, loadRow, oneRoleRow, slotRow, u, x } from './lp.ts';
import { fairnessModel, fairnessWeight, stabilityWeight, type StageTarget } from './model.ts';

/**
 * The fairness stage as a minimum-cost flow, without GLPK, when strict spacing is kept hard:
 * source -> free slot (1) -> candidate (its preference points) -> member on that day (1) ->
 * member -> sink through one arc per load step (fairnessWeight x the k-th free duty's step).
 * Its steps rise, so the flow takes them in order and its cost is the fairness model's objective
 * (model.ts) at the flow's roster. Without the side rows of that model (avoidance and strict
 * spacing between free candidates) it is a relaxation: when its roster keeps them too, that roster
 * is the stage's optimum, proven by the flow's potentials. The potentials are turned into duals of
 * the fairness LP's rows, so the tie-break tier finds the LP's optimal face as after a GLPK solve.
 */

/**
 * Whether the flow is worth trying first: with fewer free slots than members who could take one,
 * most members get at most one duty and the flow's roster rarely puts anyone on neighbouring days
 * (a month of a big club, the 1,000-member year). With more, it usually breaks strict spacing,
 * and GLPK's LP, which has those rows, is the faster way (the seasons, the 300-member year).
 */
export function flowFirst(instance: OptimizerInstance): boolean {
  const members = instance.maxLoad.filter((most, m) => most > 0 && instance.byMemberDay[m].some(Boolean)).length;
  return instance.freeSlots <= members;
}

/**
 * The fairness stage's optimum at `target` (spacing hard), 'infeasible' when even the relaxation
 * cannot fill that many slots, 'timeout' past `deadline`, or null when the flow's roster breaks a
 * side row (the stage then goes to GLPK).
 */
export function fairnessByFlow(instance: OptimizerInstance, target: StageTarget, deadline: number): StageRun | null {
  if (target.breaks !== 0) return null;
  const net = fairnessNetwork(instance);
  const sent = net.flow.solve(net.source, net.sink, target.filled, net.order, deadline);
  if (sent === null) return 'timeout';
  if (sent < target.filled) return 'infeasible';
  const chosen = flowing(net);
  if (!keepsSideRows(instance, chosen)) return null;
  const score = scoreRoster(instance, chosen);
  const bound = fairnessObjective(instance, score);
  // The certificate builds the whole fairness LP: only the tie-break tier reads it, and only when it runs.
  let certificate: { value: StageOutcome['relaxation'] } | undefined;
  return {
    chosen,
    score,
    bound,
    optimal: true,
    get relaxation() {
      certificate ??= { value: lpCertificate(instance, target, net, chosen, bound) };
      return certificate.value;
    },
  };
}

interface FairnessNetwork extends SlotNetwork {
  /** Arcs of member m's load steps, k = 1..maxLoad. */
  stepArcs: number[][];
  /** Each candidate's own cost in the fairness objective. */
  candidateCost: number[];
}

/** The fill network (flow.ts) over candidates keeping strict spacing, priced: points on the candidates, load steps to the sink. */
function fairnessNetwork(instance: OptimizerInstance): FairnessNetwork {
  const { candidates, maxLoad, costs } = instance;
  const stability = stabilityWeight(instance);
  const candidateCost = candidates.map((cand) => cand.points + stability * cand.stability);
  const net = slotNetwork(
    instance,
    (c) => candidates[c].breaks === 0,
    (c) => candidateCost[c],
  );
  const days = instance.problem.dutyDays.length;
  const hasDays = new Set([...net.memberDayNode.keys()].map((key) => Math.floor(key / days)));
  const weight = fairnessWeight(instance);
  const stepArcs = maxLoad.map((most, m) => {
    const arcs: number[] = [];
    if (hasDays.has(m)) for (let k = 1; k <= most; k++) arcs.push(net.flow.arc(net.memberNode(m), net.sink, 1, weight * costs.step(m, k)));
    return arcs;
  });
  return { ...net, stepArcs, candidateCost };
}

/** The rows the flow leaves out: strict spacing between free candidates, and avoidance. */
function keepsSideRows(instance: OptimizerInstance, chosen: ReadonlySet<number>): boolean {
  for (const clique of instance.strictCliques) {
    let on = 0;
    for (const c of clique) if (chosen.has(c) && ++on > 1) return false;
  }
  const onDuty = onDutyIn(instance, chosen);
  return instance.avoidances.every(({ a, b, day }) => !(onDuty(a, day) && onDuty(b, day)));
}

/**
 * The fairness LP's optimal solution and duals, read off the flow. With potentials p (reduced arc
 * costs >= 0 on residual arcs), a slot row's dual is min(0, p(source) - p(slot)), a member-day
 * row's min(0, p(member-day) - p(member)), a member's load row's p(member) - p(sink), the fill
 * row's p(sink) - p(source); the side rows the roster keeps get 0, and a candidate held at 0 for
 * breaking spacing against history takes what is left of its reduced cost on its own row. Each
 * column's reduced cost then has the sign its value needs, every row with a dual is tight, and the
 * LP's value is the flow's cost: the LP is solved. Null when the fill row would need a negative dual
 * (a re-plan whose next slot would lower the cost): the roster is still optimal, only no face is given.
 */
function lpCertificate(
  instance: OptimizerInstance,
  target: StageTarget,
  net: FairnessNetwork,
  chosen: ReadonlySet<number>,
  z: number,
): { lp: ReturnType<typeof fairnessModel>; run: GlpkRun } | undefined {
  const p = net.flow.potential;
  const fillDual = p[net.sink] - p[net.source];
  if (fillDual < 0) return undefined;
  const { candidates, bySlot, byMemberDay } = instance;
  const days = instance.problem.dutyDays.length;
  const lp = { ...fairnessModel(instance, target), binaries: [] };
  const usable = (c: number) => net.candidateArc[c] >= 0;
  // A slot, member-day or member the flow has no arc for (every candidate breaks spacing against
  // history) gets 0: its candidates' own held rows take their reduced costs.
  const slotDual = (s: number) => (bySlot[s].some(usable) ? Math.min(0, p[net.source] - p[net.slotNode(s)]) : 0);
  const memberDual = (m: number) => (net.stepArcs[m].length > 0 ? p[net.memberNode(m)] - p[net.sink] : 0);
  const memberDayDual = (m: number, day: number) => {
    const node = net.memberDayNode.get(m * days + day);
    return node === undefined ? 0 : Math.min(0, p[node] - p[net.memberNode(m)]);
  };
  // The rows ruleRows.ts and model.ts write, by their names (lp.ts), under the same conditions.
  const hasSlotRow = (s: number) => bySlot[s].length > 1;
  const hasOneRoleRow = (m: number, day: number) => byMemberDay[m][day].size > 1;
  const dual: Record<string, number> = {};
  const set = (row: string, value: number) => {
    if (value !== 0) dual[row] = value;
  };
  set(FILL_ROW, fillDual);
  bySlot.forEach((_, s) => hasSlotRow(s) && set(slotRow(s), slotDual(s)));
  for (const key of net.memberDayNode.keys()) {
    const [m, day] = [Math.floor(key / days), key % days];
    if (hasOneRoleRow(m, day)) set(oneRoleRow(m, day), memberDayDual(m, day));
  }
  net.stepArcs.forEach((_, m) => set(loadRow(m), memberDual(m)));
  candidates.forEach((cand, c) => {
    if (usable(c)) return;
    const s = slotIndex(instance, cand.day, cand.role);
    const reduced =
      net.candidateCost[c] -
      (hasSlotRow(s) ? slotDual(s) : 0) -
      (hasOneRoleRow(cand.member, cand.day) ? memberDayDual(cand.member, cand.day) : 0) -
      memberDual(cand.member) -
      fillDual;
    set(heldRow(c), Math.min(0, reduced));
  });
  const vars: Record<string, number> = {};
  candidates.forEach((_, c) => (vars[x(c)] = chosen.has(c) ? 1 : 0));
  net.stepArcs.forEach((arcs, m) => arcs.forEach((arc, i) => (vars[u(m, i + 1)] = net.flow.flowOn(arc))));
  return { lp, run: { status: 'optimal', z, vars, dual } };
}
