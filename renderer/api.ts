/**
 * The renderer's only door to the backend: `api` implements the contract over whichever transport this
 * page has — the Electron preload (`window.rostermeister`) or the browser host's HTTP endpoint.
 */
import type { ApiErrorBody, ApiErrorCode, ApiMethod, RostermeisterApi } from '../main/api/contract.ts';

type Envelope = { ok: true; value: unknown } | { ok: false; error: ApiErrorBody };

interface PreloadBridge {
  call(method: string, args: unknown[]): Promise<Envelope>;
}

declare global {
  interface Window {
    rostermeister?: PreloadBridge;
  }
}

/** What every failed call throws: `message` is ready to show, `field` names the input at fault. */
export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly field: string | undefined;

  constructor(body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.code = body.code;
    this.field = body.field;
  }
}

const TOKEN_KEY = 'rostermeister.token';

/** The browser host hands its per-launch token over in the URL fragment; keep it for reloads, drop it from the address bar. */
function browserToken(): string | null {
  const match = /^#token=([A-Za-z0-9_-]+)$/.exec(window.location.hash);
  if (match) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search);
    return match[1];
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

const UNREACHABLE: ApiErrorBody = {
  code: 'internal',
  message: 'Rostermeister is not reachable. Check that the `serve` command is still running, then reload the page.',
};

function isEnvelope(value: unknown): value is Envelope {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  const envelope = value as { ok: unknown; error?: { code?: unknown; message?: unknown } };
  if (envelope.ok === true) return true;
  return envelope.ok === false && typeof envelope.error?.code === 'string' && typeof envelope.error.message === 'string';
}

function httpTransport(): PreloadBridge {
  const token = browserToken();
  return {
    async call(method, args) {
      if (token === null) {
        return {
          ok: false,
          error: {
            code: 'bad_input',
            message: 'This page has no access key. Open the address that `serve` printed (it ends in #token=…).',
          },
        };
      }
      let response: Response;
      try {
        response = await fetch(`/api/${method}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Rostermeister-Token': token },
          body: JSON.stringify({ args }),
        });
      } catch {
        return { ok: false, error: UNREACHABLE };
      }
      const body: unknown = await response.json().catch(() => null);
      return isEnvelope(body) ? body : { ok: false, error: UNREACHABLE };
    },
  };
}

// Chosen at load so the token leaves the address bar before anything else reads the fragment.
const transport: PreloadBridge | undefined = typeof window === 'undefined' ? undefined : (window.rostermeister ?? httpTransport());

async function call(method: ApiMethod, args: unknown[]): Promise<unknown> {
  if (transport === undefined) throw new ApiError(UNREACHABLE);
  const envelope = await transport.call(method, args);
  if (!envelope.ok) throw new ApiError(envelope.error);
  return envelope.value;
}

/**
 * Every method of the contract, forwarded by name: the API table in main is the only list of methods
 * (the host refuses a name it does not know), so nothing from main but types reaches this bundle.
 * `then` stays undefined so the client is never mistaken for a promise.
 */
export const api: RostermeisterApi = new Proxy({} as RostermeisterApi, {
  get(_target, property) {
    if (typeof property !== 'string' || property === 'then') return undefined;
    return (...args: unknown[]) => call(property as ApiMethod, args);
  },
});
