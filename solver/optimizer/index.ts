export { solveOptimizer, DEFAULT_TIME_LIMIT_MS } from './solve.ts';
export type { OptimizerOptions, OptimizerResult } from './solve.ts';
