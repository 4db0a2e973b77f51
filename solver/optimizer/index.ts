export { solveOptimizer } from './solve.ts';
export type { OptimizerResult } from './solve.ts';
