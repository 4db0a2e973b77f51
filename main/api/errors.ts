import type { ApiErrorBody, ApiErrorCode } from './contract.ts';

/** An error meant for the caller: its message is written for a club member, `field` names the payload part at fault. */
export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly field: string | undefined;

  constructor(code: ApiErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.field = field;
  }

  toBody(): ApiErrorBody {
    return this.field === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, field: this.field };
  }
}

export const badInput = (message: string, field?: string): ApiError => new ApiError('bad_input', message, field);
export const notFound = (message: string, field?: string): ApiError => new ApiError('not_found', message, field);
export const conflict = (message: string, field?: string): ApiError => new ApiError('conflict', message, field);
export const cancelled = (message = 'The generation was cancelled.'): ApiError => new ApiError('cancelled', message);

export const INTERNAL_MESSAGE =
  'Something went wrong inside Rostermeister. Nothing was changed by this step; please try again, and if it keeps happening, send the log from the Activity page to whoever looks after the app.';

/** Receives the details of an unexpected error (the caller only sees INTERNAL_MESSAGE). */
export type InternalErrorLogger = (details: { message: string; name: string; stack?: string }) => void;

const logToStderr: InternalErrorLogger = (details) => {
  process.stderr.write(
    `${JSON.stringify({ time: new Date().toISOString(), level: 'error', message: `internal error: ${details.message}`, name: details.name, stack: details.stack })}\n`,
  );
};

/** Turns anything thrown into the body a caller may see; errors that are not ApiErrors are logged and hidden. */
export function toErrorBody(error: unknown, log: InternalErrorLogger = logToStderr): ApiErrorBody {
  if (error instanceof ApiError) return error.toBody();
  const details =
    error instanceof Error
      ? { message: error.message, name: error.name, stack: error.stack }
      : { message: String(error), name: typeof error };
  log(details);
  return { code: 'internal', message: INTERNAL_MESSAGE };
}
