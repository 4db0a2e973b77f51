/**
 * The machinery that keeps long ranges (a season, a year of weekends: tens of thousands of
 * candidates) within the time limit. The month path (../solve.ts) calls it; none of it changes what
 * is optimal, only how fast it is found and proven.
 *
 * - Column generation (columns.ts) runs for every fairness stage, month included: the fairness LP is
 *   solved over a working set of candidates grown by their reduced costs. GLPK's time grows with
 *   every column, and an optimal roster uses few: the bench's season has ~18,000 candidates and its
 *   LP ends with ~2,500 in the set; a month (200-2,000 candidates) ends with a few hundred after
 *   one to five rounds, at no measurable cost.
 * - Face fixing (faceFixing.ts) runs whenever an LP's roster must be made integral or searched
 *   further: the LP's optimal face, or reduced-cost fixing when the LP is below the MILP's optimum,
 *   fixes most columns before GLPK branches. It finds an integral fairness roster when the LP's is
 *   fractional, and it is what the tie-break tier searches (every fairness-optimal roster lies on
 *   the face), with no dense "fairness <= optimum" row.
 * - The tie-break bound (tieBreakBound.ts) runs whenever pairing or soft spacing can still tell
 *   rosters apart, months included: the tier's LP on the face bounds it, and a roster meeting that
 *   bound (the partners' days first, everyone else around them) is proven best without a search
 *   over the whole face. When none is found it leaves a good roster and the bound.
 * - The stretch search (stretches.ts) runs only when the tie-break bound proved nothing and more
 *   than EXACT_TIE_BREAK_CANDIDATES candidates stay open on the face (the year case; the season's
 *   when the machine is slow enough that the bound's search runs out of time; never a month):
 *   GLPK cannot search the whole face in time, so the tier is improved one stretch of 8 duty days
 *   at a time, every other day held. It improves the roster but proves nothing; the gap reports
 *   what is left.
 */
export { ColumnSet } from './columns.ts';
export { integral, integralOnFace, optimalFace, reducedCostFixing, type Restriction } from './faceFixing.ts';
export { EXACT_TIE_BREAK_CANDIDATES, improveByStretches } from './stretches.ts';
export { reachTieBreakBound } from './tieBreakBound.ts';
