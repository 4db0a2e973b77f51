import { fairnessObjective, scoreRoster, type StageOutcome, type StageRun } from './evaluate.ts';
import { GLP, type GlpkRun } from './glpk.ts';
import { slotIndex, type OptimizerInstance } from './instance.ts';
import { FILL_ROW, u, x } from './lp.ts';
import { MinCostFlow } from './minCostFlow.ts';
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
  const chosen = new Set<number>();
  net.candidateArc.forEach((arc, c) => {
    if (arc >= 0 && net.flow.flowOn(arc) > 0) chosen.add(c);
  });
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

interface FairnessNetwork {
  flow: MinCostFlow;
  source: number;
  sink: number;
  order: Int32Array;
  slotNode: (s: number) => number;
  memberNode: (m: number) => number;
  memberDayNode: Map<number, number>;
  /** Arc per candidate, -1 for a candidate breaking strict spacing against locks or history. */
  candidateArc: number[];
  /** Arcs of member m's load steps, k = 1..maxLoad. */
  stepArcs: number[][];
  /** Each candidate's own cost in the fairness objective. */
  candidateCost: number[];
}

function fairnessNetwork(instance: OptimizerInstance): FairnessNetwork {
  const { bySlot, byMemberDay, candidates, maxLoad, costs } = instance;
  const days = instance.problem.dutyDays.length;
  const usable = (c: number) => candidates[c].breaks === 0;
  // Nodes in the order arcs run: source, slots, member-days, members, sink.
  const source = 0;
  const slotNode = (s: number) => 1 + s;
  let nodes = 1 + bySlot.length;
  const memberDayNode = new Map<number, number>();
  byMemberDay.forEach((perDay, m) =>
    perDay.forEach((roles, day) => {
      if (roles && [...roles.values()].some(usable)) memberDayNode.set(m * days + day, nodes++);
    }),
  );
  const firstMember = nodes;
  const memberNode = (m: number) => firstMember + m;
  nodes += byMemberDay.length;
  const sink = nodes++;
  const flow = new MinCostFlow(nodes);

  bySlot.forEach((slot, s) => {
    if (slot.some(usable)) flow.arc(source, slotNode(s), 1, 0);
  });
  const stability = stabilityWeight(instance);
  const candidateCost = candidates.map((cand) => cand.points + stability * cand.stability);
  const candidateArc = candidates.map((cand, c) =>
    usable(c)
      ? flow.arc(slotNode(slotIndex(instance, cand.day, cand.role)), memberDayNode.get(cand.member * days + cand.day)!, 1, candidateCost[c])
      : -1,
  );
  const hasDays = new Set<number>();
  for (const [key, node] of memberDayNode) {
    const m = Math.floor(key / days);
    hasDays.add(m);
    flow.arc(node, memberNode(m), 1, 0);
  }
  const weight = fairnessWeight(instance);
  const stepArcs = maxLoad.map((most, m) => {
    const arcs: number[] = [];
    if (hasDays.has(m)) for (let k = 1; k <= most; k++) arcs.push(flow.arc(memberNode(m), sink, 1, weight * costs.step(m, k)));
    return arcs;
  });
  const order = Int32Array.from({ length: nodes }, (_, v) => v);
  return { flow, source, sink, order, slotNode, memberNode, memberDayNode, candidateArc, stepArcs, candidateCost };
}

/** The rows the flow leaves out: strict spacing between free candidates, and avoidance. */
function keepsSideRows(instance: OptimizerInstance, chosen: ReadonlySet<number>): boolean {
  for (const clique of instance.strictCliques) {
    let on = 0;
    for (const c of clique) if (chosen.has(c) && ++on > 1) return false;
  }
  const onDuty = (m: number, day: number) => [...instance.byMemberDay[m][day].values()].some((c) => chosen.has(c));
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
  const { candidates, bySlot } = instance;
  const days = instance.problem.dutyDays.length;
  const lp = { ...fairnessModel(instance, target), binaries: [] };
  const slotDual = (s: number) => Math.min(0, p[net.source] - p[net.slotNode(s)]);
  // A member whose every candidate breaks spacing against history has no load arcs: 0 keeps its steps at 0.
  const memberDual = (m: number) => (net.stepArcs[m].length > 0 ? p[net.memberNode(m)] - p[net.sink] : 0);
  const memberDayDual = (m: number, day: number) => {
    const node = net.memberDayNode.get(m * days + day);
    return node === undefined ? 0 : Math.min(0, p[node] - p[net.memberNode(m)]);
  };
  const candidateIndex = (name: string) => Number(name.slice(1));
  const dual: Record<string, number> = {};
  const slotRow = new Uint8Array(bySlot.length);
  const memberDayRow = new Set<number>();
  const heldAtZero: { row: string; c: number }[] = [];
  for (const row of lp.subjectTo) {
    const { vars, bnds } = row;
    let value = 0;
    if (row.name === FILL_ROW) value = fillDual;
    else if (bnds.type === GLP.FX && vars.some((v) => v.name.startsWith('u'))) {
      value = memberDual(candidates[candidateIndex(vars.find((v) => v.name.startsWith('x'))!.name)].member);
    } else if (bnds.type === GLP.UP && bnds.ub === 0 && vars.length === 1) {
      heldAtZero.push({ row: row.name, c: candidateIndex(vars[0].name) });
    } else if (bnds.type === GLP.UP && bnds.ub === 1) {
      const first = candidates[candidateIndex(vars[0].name)];
      const s = slotIndex(instance, first.day, first.role);
      const member = first.member * days + first.day;
      const all = (same: (c: number) => boolean) => vars.every((v) => same(candidateIndex(v.name)));
      if (!slotRow[s] && vars.length === bySlot[s].length && all((c) => slotIndex(instance, candidates[c].day, candidates[c].role) === s)) {
        slotRow[s] = 1;
        value = slotDual(s);
      } else if (!memberDayRow.has(member) && all((c) => candidates[c].member * days + candidates[c].day === member)) {
        memberDayRow.add(member);
        value = memberDayDual(first.member, first.day);
      }
    }
    if (value !== 0) dual[row.name] = value;
  }
  for (const { row, c } of heldAtZero) {
    const cand = candidates[c];
    const s = slotIndex(instance, cand.day, cand.role);
    const reduced =
      net.candidateCost[c] -
      (slotRow[s] ? slotDual(s) : 0) -
      (memberDayRow.has(cand.member * days + cand.day) ? memberDayDual(cand.member, cand.day) : 0) -
      memberDual(cand.member) -
      fillDual;
    if (reduced < 0) dual[row] = reduced;
  }
  const vars: Record<string, number> = {};
  candidates.forEach((_, c) => (vars[x(c)] = chosen.has(c) ? 1 : 0));
  net.stepArcs.forEach((arcs, m) => arcs.forEach((arc, i) => (vars[u(m, i + 1)] = net.flow.flowOn(arc))));
  return { lp, run: { status: 'optimal', z, vars, dual } };
}
