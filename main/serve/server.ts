/**
 * The browser host: the built renderer and the API over HTTP, on 127.0.0.1 only, for machines where
 * Electron cannot run. Every API call needs the per-launch token; requests naming another host or
 * coming from another origin are refused, which also defeats DNS rebinding.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiErrorBody, ApiErrorCode, RostermeisterApi } from '../api/contract.ts';
import { callApi, type ApiEnvelope } from '../api/dispatch.ts';
import type { InternalErrorLogger } from '../api/errors.ts';
import { CONTENT_SECURITY_POLICY } from '../electron/securityPolicy.ts';
import { contentTypeFor, resolveStaticPath } from './staticFiles.ts';

const TOKEN_HEADER = 'x-rostermeister-token';
const LOOPBACK = '127.0.0.1';
/** A club file travels as a JSON string; 32 MB leaves room for the largest the API accepts. */
const DEFAULT_MAX_BODY_BYTES = 32 * 1024 * 1024;
/** A request's headers must arrive within this, and the whole request (body included) within REQUEST_TIMEOUT_MS. */
const HEADERS_TIMEOUT_MS = 10_000;
const REQUEST_TIMEOUT_MS = 30_000;
/** After refusing a request whose body is still coming, how long (and how much of) the rest is dropped before the socket closes. */
const LINGER_MS = 1_000;
const LINGER_BYTES = 1024 * 1024;

export interface ServerOptions {
  backend: RostermeisterApi;
  /** 0 or absent picks a free port. */
  port?: number;
  /** The built renderer (index.html, app.js, ...). */
  staticDir: string;
  maxBodyBytes?: number;
  log?: InternalErrorLogger;
  /** Milliseconds for the headers and for the whole request to arrive (defaults 10 s and 30 s). */
  timeouts?: { headersMs: number; requestMs: number };
}

export interface RunningServer {
  /** http://127.0.0.1:PORT/ */
  url: string;
  token: string;
  /** The address to open: the url with the token in its fragment (never sent over the wire by the browser). */
  openUrl: string;
  close(): Promise<void>;
}

const STATUS: Record<ApiErrorCode, number> = {
  bad_input: 400,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  cancelled: 499,
  internal: 500,
};

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

class Refusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Compares through fixed-length digests so neither content nor length leaks through timing. */
function tokenMatches(given: string | string[] | undefined, token: string): boolean {
  if (typeof given !== 'string') return false;
  return timingSafeEqual(digest(given), digest(token));
}

function send(res: ServerResponse, status: number, body: ApiEnvelope): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

function refusalBody(status: number, message: string): ApiErrorBody {
  if (status === 401 || status === 403) return { code: 'forbidden', message };
  if (status === 404) return { code: 'not_found', message };
  return { code: 'bad_input', message };
}

/** Reads the body up to `maxBytes`; past that it stops reading and refuses with 413 (the answer still goes out). */
function readBody(req: IncomingMessage, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes) {
      reject(new Refusal(413, 'The request is too large.'));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        req.off('data', onData);
        req.pause();
        reject(new Refusal(413, 'The request is too large.'));
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * A refused request whose body is still arriving is not read to its end (it may be a gigabyte): the answer
 * says the connection closes, the socket is half-closed once it is sent, and what the client still sends in
 * the next moment is dropped so that it reads the answer instead of a reset; then the socket is destroyed.
 */
function closeAfterAnswer(req: IncomingMessage, res: ServerResponse): void {
  if (req.complete) return;
  res.shouldKeepAlive = false;
  res.setHeader('Connection', 'close');
  res.once('finish', () => {
    const socket = req.socket;
    socket.end();
    const timer = setTimeout(() => socket.destroy(), LINGER_MS);
    socket.once('close', () => clearTimeout(timer));
    let dropped = 0;
    req.removeAllListeners('data');
    req.on('data', (chunk: Buffer) => {
      dropped += chunk.length;
      if (dropped > LINGER_BYTES) socket.destroy();
    });
    req.resume();
  });
}

/** The action named in /api/NAME; a name that is not valid percent-encoding names no action. */
function actionName(encoded: string): string {
  try {
    return decodeURIComponent(encoded);
  } catch {
    throw new Refusal(404, 'There is no such action.');
  }
}

function errorDetails(error: unknown): { message: string; name: string; stack?: string } {
  return error instanceof Error
    ? { message: error.message, name: error.name, stack: error.stack }
    : { message: String(error), name: typeof error };
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const token = randomBytes(32).toString('base64url');
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  let ownHosts: Set<string> = new Set();
  let ownOrigins: Set<string> = new Set();

  /** Host must name this server (a rebinding page's Host names the attacker's domain); a cross-site Origin is refused. */
  function checkOrigin(req: IncomingMessage): void {
    const host = req.headers.host?.toLowerCase();
    if (host === undefined || !ownHosts.has(host)) throw new Refusal(403, 'This address is not served here.');
    const origin = req.headers.origin;
    if (origin !== undefined && !ownOrigins.has(origin.toLowerCase())) throw new Refusal(403, 'Requests from other web pages are refused.');
    const site = req.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin' && site !== 'none')
      throw new Refusal(403, 'Requests from other web pages are refused.');
  }

  async function serveApi(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    if (req.method !== 'POST') throw new Refusal(405, 'Use POST for the API.');
    if (!tokenMatches(req.headers[TOKEN_HEADER], token)) {
      throw new Refusal(401, 'This page has no valid access key. Open the address that `serve` printed, with its #token=… ending.');
    }
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) throw new Refusal(415, 'The request must be JSON.');
    const text = await readBody(req, maxBodyBytes);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new Refusal(400, 'The request is not valid JSON.');
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body) || !Object.hasOwn(body, 'args')) {
      throw new Refusal(400, 'The request must be an object with "args".');
    }
    const envelope = await callApi(options.backend, method, (body as { args: unknown }).args, options.log);
    send(res, envelope.ok ? 200 : STATUS[envelope.error.code], envelope);
  }

  async function serveFile(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new Refusal(405, 'Only GET is served here.');
    const file = resolveStaticPath(options.staticDir, path);
    const bytes = file === null ? null : await readFile(file).catch(() => null);
    if (file === null || bytes === null) throw new Refusal(404, 'Not found.');
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': contentTypeFor(file)!, 'Content-Length': bytes.length });
    res.end(req.method === 'HEAD' ? undefined : bytes);
  }

  const timeouts = options.timeouts ?? { headersMs: HEADERS_TIMEOUT_MS, requestMs: REQUEST_TIMEOUT_MS };
  // The timeouts are checked this often (Node's default is every 30 s).
  const serverOptions = {
    headersTimeout: timeouts.headersMs,
    requestTimeout: timeouts.requestMs,
    connectionsCheckingInterval: Math.min(1_000, timeouts.headersMs),
  };
  const server = createServer(serverOptions, (req, res) => {
    const handle = async () => {
      checkOrigin(req);
      const path = (req.url ?? '/').split('?')[0];
      const api = /^\/api\/([^/]+)$/.exec(path);
      if (api) await serveApi(req, res, actionName(api[1]));
      else if (path.startsWith('/api/')) throw new Refusal(404, 'There is no such action.');
      else await serveFile(req, res, path);
    };
    handle().catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      closeAfterAnswer(req, res);
      if (error instanceof Refusal) {
        send(res, error.status, { ok: false, error: refusalBody(error.status, error.message) });
      } else {
        options.log?.(errorDetails(error));
        send(res, 500, { ok: false, error: { code: 'internal', message: 'The server could not answer this request.' } });
      }
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, LOOPBACK, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  ownHosts = new Set([`${LOOPBACK}:${port}`, `localhost:${port}`]);
  ownOrigins = new Set([`http://${LOOPBACK}:${port}`, `http://localhost:${port}`]);
  const url = `http://${LOOPBACK}:${port}/`;

  return {
    url,
    token,
    openUrl: `${url}#token=${token}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
