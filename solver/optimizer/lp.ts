import type { LP } from 'glpk.js/node';

/** Building GLPK models: rows, column names, objectives. */

export type Row = LP['subjectTo'][number];
export type Term = [string, number];

export class RowSet {
  readonly rows: Row[] = [];

  /** Adds a row; repeated variables are summed, since GLPK aborts on duplicate entries. */
  add(terms: Term[], type: number, lb: number, ub: number, name = `r${this.rows.length}`): void {
    const unique = hasRepeats(terms) ? [...sumByName(terms)] : terms;
    const vars: Row['vars'] = [];
    for (const [name, coef] of unique) if (coef !== 0) vars.push({ name, coef });
    if (vars.length === 0) return;
    this.rows.push({ name, vars, bnds: { type, lb, ub } });
  }
}

/** Rows are built thousands at a time, most of two or three terms: no Set for those. */
function hasRepeats(terms: Term[]): boolean {
  if (terms.length > 8) return new Set(terms.map(([name]) => name)).size !== terms.length;
  for (let i = 1; i < terms.length; i++) for (let j = 0; j < i; j++) if (terms[i][0] === terms[j][0]) return true;
  return false;
}

function sumByName(terms: Term[]): Map<string, number> {
  const coefs = new Map<string, number>();
  for (const [name, coef] of terms) coefs.set(name, (coefs.get(name) ?? 0) + coef);
  return coefs;
}

/** Repeated variables are summed: glpk.js keeps only the last coefficient given for a name. */
export function objective(direction: number, terms: Term[]): LP['objective'] {
  return { direction, name: 'z', vars: [...sumByName(terms)].map(([name, coef]) => ({ name, coef })) };
}

/** Column names, made once: models are rebuilt several times per run and GLPK looks each one up. */
const names = new Map<string, string[]>();
function named(prefix: string, index: number): string {
  let list = names.get(prefix);
  if (!list) names.set(prefix, (list = []));
  return (list[index] ??= `${prefix}${index}`);
}

/** Candidate c chosen (binary). */
export const x = (c: number) => named('x', c);
/** Soft spacing pair p used: w >= xa + xb - 1. */
export const w = (p: number) => named('w', p);
/** Member m's k-th duty beyond the locked ones (a unit step of the squared load). */
export const u = (m: number, k: number) => named(`u${m}_`, k);
/** Pairing q's two members on duty together. */
export const y = (q: number) => named('y', q);
/** Strict spacing breaks within break clique k. */
export const b = (k: number) => named('b', k);

/** The row holding the fill the earlier stages reached. */
export const FILL_ROW = 'fill';
/** One member per slot s (bySlot's index). */
export const slotRow = (s: number) => `slot${s}`;
/** One role a day for member m on duty day `day`. */
export const oneRoleRow = (m: number, day: number) => `day${m}_${day}`;
/** Candidate c held at 0: it breaks strict spacing against locked slots or history. */
export const heldRow = (c: number) => `held${c}`;
/** Member m's free duties equal the load steps taken (the fairness stage). */
export const loadRow = (m: number) => `load${m}`;
