import type { LP } from 'glpk.js/node';
import type { GlpkRun } from '../glpk.ts';
import type { Row } from '../lp.ts';

/**
 * One LP's sparse structure, indexed once, for column generation over it: the LP restricted to a
 * set of columns (the others held at a value) and the reduced cost of a column left out, each
 * without a pass over the whole model by column name. A year of 1,000 members has ~175,000
 * candidate columns and ~1.5 million entries; filtering them by name every round took longer than
 * GLPK's solves.
 */
export class IndexedLp {
  private readonly names: string[] = [];
  private readonly column = new Map<string, number>();
  /** Per row, the column index of each of its entries (in the row's order). */
  private readonly rowColumns: Int32Array[];
  /** Per column, its entries as (row, coefficient), and its cost. */
  private readonly entryStart: Int32Array;
  private readonly entryRow: Int32Array;
  private readonly entryCoef: Float64Array;
  private readonly cost: Float64Array;

  constructor(private readonly lp: LP) {
    const indexOf = (name: string) => {
      let j = this.column.get(name);
      if (j === undefined) {
        j = this.names.length;
        this.column.set(name, j);
        this.names.push(name);
      }
      return j;
    };
    for (const { name } of lp.bounds ?? []) indexOf(name);
    for (const { name } of lp.objective.vars) indexOf(name);
    this.rowColumns = lp.subjectTo.map((row) => Int32Array.from(row.vars, ({ name }) => indexOf(name)));
    const columns = this.names.length;
    this.cost = new Float64Array(columns);
    for (const { name, coef } of lp.objective.vars) this.cost[this.column.get(name)!] += coef;
    const counts = new Int32Array(columns + 1);
    for (const cols of this.rowColumns) for (const j of cols) counts[j + 1]++;
    for (let j = 0; j < columns; j++) counts[j + 1] += counts[j];
    this.entryStart = counts;
    const fill = counts.slice(0, columns);
    this.entryRow = new Int32Array(counts[columns]);
    this.entryCoef = new Float64Array(counts[columns]);
    lp.subjectTo.forEach((row, i) => {
      const cols = this.rowColumns[i];
      for (let k = 0; k < cols.length; k++) {
        const at = fill[cols[k]]++;
        this.entryRow[at] = i;
        this.entryCoef[at] = row.vars[k].coef;
      }
    });
  }

  /** The column's index, or -1 when the LP has no such column. */
  indexOf(name: string): number {
    return this.column.get(name) ?? -1;
  }

  get columns(): number {
    return this.names.length;
  }

  /**
   * The LP over the columns `active` says (by index), every other column held at its `held` value
   * (0 when not held). Rows, entries and bounds keep their order, so GLPK sees the model the same
   * filter by name would give it. Also returns the objective's constant part (an LP has none).
   */
  restrict(active: Uint8Array, held: ReadonlyMap<string, number>): { lp: LP; constant: number } {
    const value = new Float64Array(this.names.length);
    let constant = 0;
    for (const [name, v] of held) {
      const j = this.column.get(name);
      if (j === undefined || active[j]) continue;
      value[j] = v;
      constant += this.cost[j] * v;
    }
    const subjectTo: Row[] = [];
    this.lp.subjectTo.forEach((row, i) => {
      const cols = this.rowColumns[i];
      let shift = 0;
      const vars: Row['vars'] = [];
      for (let k = 0; k < cols.length; k++) {
        if (active[cols[k]]) vars.push(row.vars[k]);
        else shift += row.vars[k].coef * value[cols[k]];
      }
      if (vars.length === 0) return;
      subjectTo.push(
        shift === 0 ? { ...row, vars } : { ...row, vars, bnds: { ...row.bnds, lb: row.bnds.lb - shift, ub: row.bnds.ub - shift } },
      );
    });
    const isActive = ({ name }: { name: string }) => active[this.column.get(name)!] === 1;
    return {
      lp: {
        ...this.lp,
        objective: { ...this.lp.objective, vars: this.lp.objective.vars.filter(isActive) },
        subjectTo,
        bounds: this.lp.bounds?.filter(isActive),
        binaries: this.lp.binaries?.filter((name) => active[this.column.get(name) ?? -1] === 1),
      },
      constant,
    };
  }

  /** Column j's reduced cost under the row duals `dual` (by row index). */
  reducedCost(j: number, dual: Float64Array): number {
    let d = this.cost[j];
    for (let e = this.entryStart[j]; e < this.entryStart[j + 1]; e++) d -= this.entryCoef[e] * dual[this.entryRow[e]];
    return d;
  }

  /** A run's row duals by row index (0 for rows it does not name). */
  duals(run: GlpkRun): Float64Array {
    return Float64Array.from(this.lp.subjectTo, (row) => run.dual?.[row.name] ?? 0);
  }
}
