/**
 * A minimum-cost flow network, solved by the primal-dual method: Dijkstra on reduced costs gives
 * node potentials, then a blocking flow pushes along every residual arc of zero reduced cost at
 * once, so arcs of equal cost (many members at the same load) take one round, not one path each.
 * Costs are integers (the fairness stage's are); negative costs are allowed on arcs leaving the
 * source's side of an acyclic network, whose first potentials come from one pass in node order.
 * Capacities stay small integers. The potentials at the end are the optimality certificate: every
 * residual arc has a reduced cost >= 0.
 */
export class MinCostFlow {
  private readonly from: number[] = [];
  private readonly to: number[] = [];
  private readonly capacity: number[] = [];
  private readonly cost: number[] = [];
  /** Residual capacity per arc (arc e's reverse is e ^ 1), valid after `solve`. */
  private residual: Int32Array = new Int32Array(0);
  /** Node potentials after `solve`: cost(v, w) + potential(v) - potential(w) >= 0 on residual arcs. */
  potential: Float64Array = new Float64Array(0);

  constructor(readonly nodes: number) {}

  /** Adds an arc; returns its index. */
  arc(from: number, to: number, capacity: number, cost: number): number {
    const index = this.to.length;
    this.from.push(from, to);
    this.to.push(to, from);
    this.capacity.push(capacity, 0);
    this.cost.push(cost, -cost);
    return index;
  }

  /** The flow on arc `e` (an index `arc` returned). */
  flowOn(e: number): number {
    return this.capacity[e] - this.residual[e];
  }

  /**
   * Sends up to `amount` units from `source` to `sink` at the least total cost; returns the units
   * sent (fewer only when no more can go). `topological` lists the nodes so that every arc goes
   * forward; it gives the first potentials when some cost is negative. Stops early, returning null,
   * once `deadline` (performance.now()) has passed.
   */
  solve(source: number, sink: number, amount: number, topological: Int32Array, deadline = Infinity): number | null {
    const { nodes } = this;
    const arcs = this.to.length;
    // Adjacency in compressed rows: the arcs leaving each node.
    const start = new Int32Array(nodes + 1);
    for (let e = 0; e < arcs; e++) start[this.from[e] + 1]++;
    for (let v = 0; v < nodes; v++) start[v + 1] += start[v];
    const out = new Int32Array(arcs);
    const fill = start.slice(0, nodes);
    for (let e = 0; e < arcs; e++) out[fill[this.from[e]]++] = e;
    const to = Int32Array.from(this.to);
    const cost = Float64Array.from(this.cost);
    const residual = Int32Array.from(this.capacity);
    this.residual = residual;
    const potential = firstPotentials(this, topological, source, start, out, to, cost);
    this.potential = potential;

    const dist = new Float64Array(nodes);
    const settled = new Uint8Array(nodes);
    const heap = new DistanceHeap(nodes);
    const level = new Int32Array(nodes);
    const cursor = new Int32Array(nodes);
    const queue = new Int32Array(nodes);
    const path = new Int32Array(nodes);
    const reduced = (e: number, v: number) => cost[e] + potential[v] - potential[to[e]];

    let sent = 0;
    while (sent < amount) {
      if (performance.now() > deadline) return null;
      // Dijkstra on reduced costs, stopped once the sink is settled.
      dist.fill(Infinity);
      settled.fill(0);
      dist[source] = 0;
      heap.push(source, 0);
      while (heap.size > 0) {
        const v = heap.pop();
        if (settled[v]) continue;
        settled[v] = 1;
        if (v === sink) break;
        for (let i = start[v]; i < start[v + 1]; i++) {
          const e = out[i];
          if (residual[e] <= 0) continue;
          const w = to[e];
          const d = dist[v] + reduced(e, v);
          if (d < dist[w]) {
            dist[w] = d;
            heap.push(w, d);
          }
        }
      }
      heap.clear();
      if (!settled[sink]) break;
      // Nodes not settled move by the sink's distance: residual arcs keep reduced costs >= 0.
      const reach = dist[sink];
      for (let v = 0; v < nodes; v++) potential[v] += settled[v] ? dist[v] : reach;

      // Blocking flows over the arcs of zero reduced cost (Dinic's levels keep the search acyclic).
      for (;;) {
        level.fill(-1);
        level[source] = 0;
        let read = 0;
        let write = 0;
        queue[write++] = source;
        while (read < write) {
          const v = queue[read++];
          for (let i = start[v]; i < start[v + 1]; i++) {
            const e = out[i];
            const w = to[e];
            if (residual[e] > 0 && level[w] < 0 && reduced(e, v) === 0) {
              level[w] = level[v] + 1;
              queue[write++] = w;
            }
          }
        }
        if (level[sink] < 0) break;
        cursor.set(start.subarray(0, nodes));
        // Depth-first along the levels, one unit per path (capacities are small); a dead end leaves the level graph.
        let pushed = 0;
        let depth = 0;
        let v = source;
        while (sent < amount) {
          if (v === sink) {
            for (let i = 0; i < depth; i++) {
              residual[path[i]]--;
              residual[path[i] ^ 1]++;
            }
            sent++;
            pushed++;
            depth = 0;
            v = source;
            continue;
          }
          let advanced = false;
          for (; cursor[v] < start[v + 1]; cursor[v]++) {
            const e = out[cursor[v]];
            const w = to[e];
            if (residual[e] <= 0 || level[w] !== level[v] + 1 || reduced(e, v) !== 0) continue;
            path[depth++] = e;
            v = w;
            advanced = true;
            break;
          }
          if (advanced) continue;
          level[v] = -1;
          if (depth === 0) break;
          v = to[path[--depth] ^ 1];
          cursor[v]++;
        }
        if (pushed === 0 || sent >= amount) break;
      }
    }
    return sent;
  }
}

/** Shortest distances from the source in an acyclic network (0 where every cost is >= 0). */
function firstPotentials(
  network: MinCostFlow,
  topological: Int32Array,
  source: number,
  start: Int32Array,
  out: Int32Array,
  to: Int32Array,
  cost: Float64Array,
): Float64Array {
  const potential = new Float64Array(network.nodes);
  if (!cost.some((c, e) => e % 2 === 0 && c < 0)) return potential;
  potential.fill(Infinity);
  potential[source] = 0;
  for (const v of topological) {
    if (potential[v] === Infinity) continue;
    for (let i = start[v]; i < start[v + 1]; i++) {
      const e = out[i];
      if (e % 2 === 0 && potential[v] + cost[e] < potential[to[e]]) potential[to[e]] = potential[v] + cost[e];
    }
  }
  // Nodes the source cannot reach never carry flow; any finite potential keeps them out of the way.
  let highest = 0;
  for (const p of potential) if (p !== Infinity && p > highest) highest = p;
  for (let v = 0; v < potential.length; v++) if (potential[v] === Infinity) potential[v] = highest;
  return potential;
}

/** A binary heap of (node, distance) entries; stale entries are skipped by the caller. */
class DistanceHeap {
  private nodes: Int32Array;
  private keys: Float64Array;
  size = 0;

  constructor(capacity: number) {
    this.nodes = new Int32Array(Math.max(16, capacity));
    this.keys = new Float64Array(Math.max(16, capacity));
  }

  clear(): void {
    this.size = 0;
  }

  push(node: number, key: number): void {
    if (this.size === this.nodes.length) {
      const nodes = new Int32Array(this.size * 2);
      const keys = new Float64Array(this.size * 2);
      nodes.set(this.nodes);
      keys.set(this.keys);
      this.nodes = nodes;
      this.keys = keys;
    }
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.keys[parent] <= key) break;
      this.nodes[i] = this.nodes[parent];
      this.keys[i] = this.keys[parent];
      i = parent;
    }
    this.nodes[i] = node;
    this.keys[i] = key;
  }

  pop(): number {
    const top = this.nodes[0];
    const node = this.nodes[--this.size];
    const key = this.keys[this.size];
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= this.size) break;
      if (child + 1 < this.size && this.keys[child + 1] < this.keys[child]) child++;
      if (this.keys[child] >= key) break;
      this.nodes[i] = this.nodes[child];
      this.keys[i] = this.keys[child];
      i = child;
    }
    this.nodes[i] = node;
    this.keys[i] = key;
    return top;
  }
}
