import { ApiError } from '../api/errors.ts';
import type { OptimizerFault } from '../scheduler/generate.ts';

const OPTIMIZER_FAULTS: readonly OptimizerFault[] = ['throw', 'crash', 'hang', 'invalid', 'oom'];

/**
 * Test-only: ROSTERMEISTER_OPTIMIZER_FAULT=throw|crash|hang|invalid|oom makes every optimizer run of
 * a host (browser or Electron) fail that way, for the end-to-end fallback specs. A packaged app ignores it.
 */
export function optimizerFaultFromEnv(env: NodeJS.ProcessEnv = process.env, packaged = false): OptimizerFault | undefined {
  if (packaged) return undefined;
  const value = env.ROSTERMEISTER_OPTIMIZER_FAULT;
  if (value === undefined || value === '') return undefined;
  const fault = OPTIMIZER_FAULTS.find((known) => known === value);
  if (fault === undefined) {
    throw new ApiError(
      'bad_input',
      `ROSTERMEISTER_OPTIMIZER_FAULT must be one of ${OPTIMIZER_FAULTS.join(', ')}, not "${value}".`,
      'ROSTERMEISTER_OPTIMIZER_FAULT',
    );
  }
  return fault;
}
