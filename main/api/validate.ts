/**
 * Checks an API call against the table (methods.ts) before the backend sees it. A failure is an
 * ApiError('bad_input') whose `field` names the part at fault, e.g. `member.maxPerMonth` or `month.year`.
 */
import { paramPlace } from './checks.ts';
import { ApiError } from './errors.ts';
import { API, API_METHODS, type ApiMethod } from './methods.ts';

const METHODS = new Set<string>(API_METHODS);

export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && METHODS.has(name);
}

/** Throws ApiError('bad_input') naming the field unless `args` are exactly what `method` takes. */
export function validateArgs(method: ApiMethod, args: unknown): unknown[] {
  const params = API[method].params;
  if (!Array.isArray(args)) throw new ApiError('bad_input', `The arguments for ${method} must be a list.`, 'args');
  if (args.length !== params.length) {
    const names = params.map(([name]) => name).join(', ') || 'nothing';
    throw new ApiError('bad_input', `${method} takes ${params.length} argument(s) (${names}) but got ${args.length}.`, 'args');
  }
  params.forEach(([name, check], index) => {
    if (args[index] === undefined) throw new ApiError('bad_input', `${name} is missing.`, name);
    check(args[index], paramPlace(name));
  });
  return args;
}
