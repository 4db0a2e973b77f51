import { slotIndex, type OptimizerInstance } from './instance.ts';

/**
 * The network core of the problem solved as a maximum flow, without GLPK:
 * source -> free slot (1) -> candidate -> member on that day (1) -> member (load limit) -> sink.
 * Its value is the most slots any roster can fill (avoidance and spacing only lower it), and its
 * flow, with avoidance conflicts removed, is a valid roster to fall back on.
 */
export interface FlowRoster {
  /** Upper bound on the slots any roster fills. */
  maxFill: number;
  /** Candidates of a valid roster (hard rules kept; spacing may break). */
  chosen: Set<number>;
}

class Network {
  readonly head: number[] = [];
  readonly to: number[] = [];
  readonly cap: number[] = [];
  readonly next: number[] = [];

  constructor(readonly size: number) {
    this.head = new Array<number>(size).fill(-1);
  }

  /** Adds an arc and its reverse; returns the arc's index. */
  arc(from: number, to: number, capacity: number): number {
    const index = this.to.length;
    for (const [a, b, c] of [
      [from, to, capacity],
      [to, from, 0],
    ]) {
      this.to.push(b);
      this.cap.push(c);
      this.next.push(this.head[a]);
      this.head[a] = this.to.length - 1;
    }
    return index;
  }

  /** Dinic's algorithm. */
  maxFlow(source: number, sink: number): number {
    let total = 0;
    const level = new Int32Array(this.size);
    const cursor = new Int32Array(this.size);
    const queue = new Int32Array(this.size);
    const bfs = (): boolean => {
      level.fill(-1);
      level[source] = 0;
      let read = 0;
      let write = 0;
      queue[write++] = source;
      while (read < write) {
        const v = queue[read++];
        for (let e = this.head[v]; e !== -1; e = this.next[e]) {
          if (this.cap[e] > 0 && level[this.to[e]] < 0) {
            level[this.to[e]] = level[v] + 1;
            queue[write++] = this.to[e];
          }
        }
      }
      return level[sink] >= 0;
    };
    const push = (v: number, limit: number): number => {
      if (v === sink) return limit;
      for (; cursor[v] !== -1; cursor[v] = this.next[cursor[v]]) {
        const e = cursor[v];
        const w = this.to[e];
        if (this.cap[e] <= 0 || level[w] !== level[v] + 1) continue;
        const pushed = push(w, Math.min(limit, this.cap[e]));
        if (pushed > 0) {
          this.cap[e] -= pushed;
          this.cap[e ^ 1] += pushed;
          return pushed;
        }
      }
      return 0;
    };
    while (bfs()) {
      for (let v = 0; v < this.size; v++) cursor[v] = this.head[v];
      for (let pushed = push(source, Infinity); pushed > 0; pushed = push(source, Infinity)) total += pushed;
    }
    return total;
  }
}

export function flowRoster(instance: OptimizerInstance): FlowRoster {
  const { bySlot, byMemberDay, maxLoad, candidates } = instance;
  const source = 0;
  const slotNode = (s: number) => 1 + s;
  const memberNode = (m: number) => 1 + bySlot.length + m;
  let nodes = 1 + bySlot.length + byMemberDay.length;
  const days = instance.problem.dutyDays.length;
  const memberDayNode = new Map<number, number>();
  byMemberDay.forEach((perDay, m) =>
    perDay.forEach((_, day) => {
      if (perDay[day]) memberDayNode.set(m * days + day, nodes++);
    }),
  );
  const sink = nodes++;
  const net = new Network(nodes);

  bySlot.forEach((slot, s) => {
    if (slot.length > 0) net.arc(source, slotNode(s), 1);
  });
  const candidateArc = candidates.map((cand) =>
    net.arc(slotNode(slotIndex(instance, cand.day, cand.role)), memberDayNode.get(cand.member * days + cand.day)!, 1),
  );
  for (const [key, node] of memberDayNode) net.arc(node, memberNode(Math.floor(key / days)), 1);
  maxLoad.forEach((load, m) => {
    if (load > 0) net.arc(memberNode(m), sink, load);
  });

  const maxFill = net.maxFlow(source, sink);
  const chosen = new Set<number>();
  candidateArc.forEach((arc, c) => {
    if (net.cap[arc] === 0) chosen.add(c);
  });
  for (const { a, b, day } of instance.avoidances) {
    const onDuty = (m: number) => [...byMemberDay[m][day].values()].some((c) => chosen.has(c));
    if (onDuty(a) && onDuty(b)) for (const c of byMemberDay[b][day].values()) chosen.delete(c);
  }
  return { maxFill, chosen };
}
