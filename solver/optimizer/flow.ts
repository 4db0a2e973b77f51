import { slotIndex, type OptimizerInstance } from './instance.ts';
import { MinCostFlow } from './minCostFlow.ts';

/**
 * The network core of the problem: source -> free slot (1) -> candidate -> member on that day (1)
 * -> member -> sink. As a maximum flow (flowRoster) its value is the most slots any roster can fill
 * (avoidance and spacing only lower it), and its flow, with avoidance conflicts removed, is a valid
 * roster to fall back on. The fairness stage prices the same network (fairnessFlow.ts).
 */
export interface FlowRoster {
  /** Upper bound on the slots any roster fills. */
  maxFill: number;
  /** Candidates of a valid roster (hard rules kept; spacing may break). */
  chosen: Set<number>;
}

export interface SlotNetwork {
  flow: MinCostFlow;
  source: number;
  sink: number;
  /** Every node, in the order the arcs run. */
  order: Int32Array;
  slotNode: (s: number) => number;
  memberNode: (m: number) => number;
  /** Key member x duty days + day. */
  memberDayNode: Map<number, number>;
  /** Arc per candidate, -1 for a candidate left out. */
  candidateArc: number[];
}

/**
 * The network up to the member nodes, over the `usable` candidates at `cost` each; the caller adds
 * the arcs from members to the sink (`sink` is allocated).
 */
export function slotNetwork(instance: OptimizerInstance, usable: (c: number) => boolean, cost: (c: number) => number): SlotNetwork {
  const { bySlot, byMemberDay, candidates } = instance;
  const days = instance.problem.dutyDays.length;
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
  const candidateArc = candidates.map((cand, c) =>
    usable(c)
      ? flow.arc(slotNode(slotIndex(instance, cand.day, cand.role)), memberDayNode.get(cand.member * days + cand.day)!, 1, cost(c))
      : -1,
  );
  for (const [key, node] of memberDayNode) flow.arc(node, memberNode(Math.floor(key / days)), 1, 0);
  const order = Int32Array.from({ length: nodes }, (_, v) => v);
  return { flow, source, sink, order, slotNode, memberNode, memberDayNode, candidateArc };
}

/** The candidates whose arcs carry flow. */
export function flowing(net: SlotNetwork): Set<number> {
  const chosen = new Set<number>();
  net.candidateArc.forEach((arc, c) => {
    if (arc >= 0 && net.flow.flowOn(arc) > 0) chosen.add(c);
  });
  return chosen;
}

/** The maximum flow at no cost (the primal-dual method is then Dinic's algorithm). */
export function flowRoster(instance: OptimizerInstance): FlowRoster {
  const net = slotNetwork(
    instance,
    () => true,
    () => 0,
  );
  instance.maxLoad.forEach((load, m) => {
    if (load > 0) net.flow.arc(net.memberNode(m), net.sink, load, 0);
  });
  const maxFill = net.flow.solve(net.source, net.sink, Infinity, net.order) ?? 0;
  const chosen = flowing(net);
  // Live, not a snapshot: a member taken off one clash may no longer clash with the next.
  const onDuty = (m: number, day: number) => [...instance.byMemberDay[m][day].values()].some((c) => chosen.has(c));
  for (const { a, b, day } of instance.avoidances) {
    if (onDuty(a, day) && onDuty(b, day)) for (const c of instance.byMemberDay[b][day].values()) chosen.delete(c);
  }
  return { maxFill, chosen };
}
