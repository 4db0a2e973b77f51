import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend, type Backend } from '../../../main/backend/index.ts';
import { startServer, type RunningServer } from '../../../main/serve/server.ts';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json(): { ok: boolean; value?: unknown; error?: { code: string; message: string; field?: string } };
}

/** node:http rather than fetch: fetch will not send a forged Host header. */
function send(
  server: RunningServer,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<Reply> {
  const url = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port: url.port, method: options.method ?? 'GET', path: options.path, headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) as ReturnType<Reply['json']> });
        });
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

function apiCall(server: RunningServer, method: string, args: unknown[], headers: Record<string, string> = {}): Promise<Reply> {
  return send(server, {
    method: 'POST',
    path: `/api/${method}`,
    headers: { 'Content-Type': 'application/json', 'X-Rostermeister-Token': server.token, ...headers },
    body: JSON.stringify({ args }),
  });
}

describe('browser host', () => {
  let dir: string;
  let backend: Backend;
  let server: RunningServer;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rostermeister-serve-'));
    const staticDir = join(dir, 'renderer');
    const dataDir = join(dir, 'data');
    writeFileSync(join(dir, 'secret.txt'), 'not for the browser');
    mkdirSync(staticDir);
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Rostermeister</title><script type="module" src="app.js"></script>');
    writeFileSync(join(staticDir, 'app.js'), 'console.log("hello");');
    writeFileSync(join(staticDir, '.env'), 'hidden');
    backend = await createBackend({ dataDir });
    server = await startServer({ backend, staticDir, maxBodyBytes: 64 * 1024, log: () => {} });
  });

  after(async () => {
    await server.close();
    await backend.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves a valid API call', async () => {
    const reply = await apiCall(server, 'getClubSettings', []);
    assert.equal(reply.status, 200);
    const body = reply.json();
    assert.equal(body.ok, true);
    assert.equal(typeof (body.value as { name: unknown }).name, 'string');
  });

  it('hands out a URL on 127.0.0.1 with the token in the fragment only', () => {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    assert.equal(server.openUrl, `${server.url}#token=${server.token}`);
    assert.ok(server.token.length >= 40);
  });

  it('listens on the loopback interface only', async () => {
    const port = Number(new URL(server.url).port);
    const outside = Object.values(networkInterfaces())
      .flat()
      .filter((i) => i !== undefined && !i.internal && i.family === 'IPv4')
      .map((i) => i!.address);
    for (const address of outside) {
      const refused = await new Promise<boolean>((resolve) => {
        const socket = connect({ host: address, port });
        socket.once('connect', () => {
          socket.destroy();
          resolve(false);
        });
        socket.once('error', () => resolve(true));
      });
      assert.equal(refused, true, `reachable on ${address}:${port}`);
    }
    // Through "localhost" resolving to ::1 nothing listens either: only the IPv4 loopback is bound.
    const v6Refused = await new Promise<boolean>((resolve) => {
      const socket = connect({ host: '::1', port });
      socket.once('connect', () => {
        socket.destroy();
        resolve(false);
      });
      socket.once('error', () => resolve(true));
    });
    assert.equal(v6Refused, true);
  });

  it('refuses a call without the token, and the backend is not touched', async () => {
    const before = (await apiCall(server, 'getSettings', [])).json().value as { timeLimitSeconds: number };
    const changed = { ...before, timeLimitSeconds: before.timeLimitSeconds === 7 ? 8 : 7 };
    const reply = await send(server, {
      method: 'POST',
      path: '/api/updateSettings',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ args: [changed] }),
    });
    assert.equal(reply.status, 401);
    assert.equal(reply.json().ok, false);
    assert.deepEqual((await apiCall(server, 'getSettings', [])).json().value, before);
  });

  it('refuses a wrong token, including one that only differs in length', async () => {
    for (const token of [server.token.slice(0, -1) + (server.token.endsWith('A') ? 'B' : 'A'), server.token + 'x', '', 'guess']) {
      const reply = await apiCall(server, 'getClubSettings', [], { 'X-Rostermeister-Token': token });
      assert.equal(reply.status, 401, `token ${JSON.stringify(token)}`);
    }
  });

  it('refuses requests from another origin even with the token', async () => {
    const port = new URL(server.url).port;
    for (const origin of ['http://evil.example', `http://127.0.0.1:${Number(port) + 1}`, 'null', `https://127.0.0.1:${port}`]) {
      const reply = await apiCall(server, 'getClubSettings', [], { Origin: origin });
      assert.equal(reply.status, 403, origin);
    }
    const crossSite = await apiCall(server, 'getClubSettings', [], { 'Sec-Fetch-Site': 'cross-site' });
    assert.equal(crossSite.status, 403);
    const sameOrigin = await apiCall(server, 'getClubSettings', [], {
      Origin: `http://127.0.0.1:${port}`,
      'Sec-Fetch-Site': 'same-origin',
    });
    assert.equal(sameOrigin.status, 200);
  });

  it('refuses a Host header that is not the server itself (DNS rebinding)', async () => {
    const port = new URL(server.url).port;
    for (const host of [`evil.example:${port}`, 'evil.example', `127.0.0.1:${Number(port) + 1}`, `127.0.0.1`]) {
      const reply = await apiCall(server, 'getClubSettings', [], { Host: host });
      assert.equal(reply.status, 403, host);
      const page = await send(server, { path: '/', headers: { Host: host } });
      assert.equal(page.status, 403, host);
    }
    const localhost = await apiCall(server, 'getClubSettings', [], { Host: `localhost:${port}` });
    assert.equal(localhost.status, 200);
  });

  it('answers bad input with 400 naming the field, and an unknown method with 404', async () => {
    const bad = await apiCall(server, 'getDraft', [{ year: 2026, month: 13 }]);
    assert.equal(bad.status, 400);
    assert.deepEqual(bad.json().error?.field, 'month.month');
    const unknown = await apiCall(server, 'dropDatabase', []);
    assert.equal(unknown.status, 404);
    assert.equal(unknown.json().error?.code, 'not_found');
    const proto = await apiCall(server, '__proto__', []);
    assert.equal(proto.status, 404);
  });

  it('refuses malformed requests: not JSON, no args, wrong verb, too large', async () => {
    const headers = { 'Content-Type': 'application/json', 'X-Rostermeister-Token': server.token };
    assert.equal((await send(server, { method: 'POST', path: '/api/listMembers', headers, body: '{nope' })).status, 400);
    assert.equal((await send(server, { method: 'POST', path: '/api/listMembers', headers, body: '[]' })).status, 400);
    const plain = { ...headers, 'Content-Type': 'text/plain' };
    assert.equal((await send(server, { method: 'POST', path: '/api/listMembers', headers: plain, body: '{"args":[]}' })).status, 415);
    assert.equal((await send(server, { method: 'GET', path: '/api/listMembers', headers })).status, 405);
    const big = JSON.stringify({ args: ['x'.repeat(100 * 1024)] });
    assert.equal((await send(server, { method: 'POST', path: '/api/importClub', headers, body: big })).status, 413);
  });

  it('serves the renderer with a strict CSP and nothing outside it', async () => {
    const page = await send(server, { path: '/' });
    assert.equal(page.status, 200);
    assert.match(String(page.headers['content-type']), /^text\/html/);
    const csp = String(page.headers['content-security-policy']);
    assert.match(csp, /script-src 'self'/);
    assert.doesNotMatch(csp, /unsafe-eval/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.equal(page.headers['x-content-type-options'], 'nosniff');
    const script = await send(server, { path: '/app.js' });
    assert.equal(script.status, 200);
    assert.match(String(script.headers['content-type']), /^text\/javascript/);
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/.env', '/missing.js', '/index.html%00.js']) {
      assert.equal((await send(server, { path })).status, 404, path);
    }
  });
});
