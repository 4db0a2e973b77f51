import type { ApiErrorBody, RostermeisterApi } from './contract.ts';
import { ApiError, toErrorBody, type InternalErrorLogger } from './errors.ts';
import { isApiMethod, validateArgs } from './validate.ts';

export type ApiEnvelope = { ok: true; value: unknown } | { ok: false; error: ApiErrorBody };

/** The single entry every host uses: checks the method and its arguments, calls the backend, never throws. */
export async function callApi(backend: RostermeisterApi, method: unknown, args: unknown, log?: InternalErrorLogger): Promise<ApiEnvelope> {
  try {
    if (!isApiMethod(method)) {
      const name = typeof method === 'string' ? method.slice(0, 60) : typeof method;
      throw new ApiError('not_found', `There is no action called "${name}".`, 'method');
    }
    const checked = validateArgs(method, args);
    const fn = backend[method] as (...a: unknown[]) => Promise<unknown>;
    const value = await fn.apply(backend, checked);
    return { ok: true, value: value === undefined ? null : value };
  } catch (error) {
    return { ok: false, error: toErrorBody(error, log) };
  }
}
