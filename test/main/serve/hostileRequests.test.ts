import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend, type Backend } from '../../../main/backend/index.ts';
import { startServer, type RunningServer } from '../../../main/serve/server.ts';

/**
 * Requests meant to tie the browser host up, over raw sockets (a real client would give up or be polite):
 * huge bodies behind a refusal, a huge chunked body, a broken percent-encoding, a body that never ends.
 */

const GIB = 1024 ** 3;
const CHUNK = Buffer.alloc(64 * 1024, 'a');

interface Exchange {
  /** The first line of the answer, e.g. "HTTP/1.1 401 Unauthorized"; '' when none came. */
  statusLine: string;
  answer: string;
  /** Body bytes the client got to write before the server closed the connection. */
  sent: number;
}

/**
 * Sends `head`, then body bytes as fast as the socket takes them (up to `bodyBytes`, chunked when asked),
 * until the server closes the connection.
 */
function exchange(server: RunningServer, head: string, bodyBytes: number, chunked = false): Promise<Exchange> {
  const url = new URL(server.url);
  return new Promise((resolve) => {
    const socket = connect(Number(url.port), '127.0.0.1');
    const received: Buffer[] = [];
    let sent = 0;
    let done = false;
    const pump = () => {
      while (!done && sent < bodyBytes) {
        const framed = chunked ? Buffer.concat([Buffer.from(`${CHUNK.length.toString(16)}\r\n`), CHUNK, Buffer.from('\r\n')]) : CHUNK;
        sent += CHUNK.length;
        if (!socket.write(framed)) return;
      }
    };
    socket.on('connect', () => {
      socket.write(head);
      pump();
    });
    socket.on('drain', pump);
    socket.on('data', (data: Buffer) => received.push(data));
    const finish = () => {
      if (done) return;
      done = true;
      const answer = Buffer.concat(received).toString('utf8');
      resolve({ statusLine: answer.split('\r\n')[0] ?? '', answer, sent });
    };
    socket.on('close', finish);
    socket.on('error', () => socket.destroy());
  });
}

const headFor = (server: RunningServer, headers: Record<string, string>): string => {
  const host = new URL(server.url).host;
  const lines = Object.entries({ Host: host, ...headers }).map(([k, v]) => `${k}: ${v}`);
  return `POST /api/getClubSettings HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n`;
};

describe('browser host under hostile requests', () => {
  let dir: string;
  let backend: Backend;
  let server: RunningServer;
  let slowServer: RunningServer;
  const logged: string[] = [];

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rostermeister-hostile-'));
    const staticDir = join(dir, 'renderer');
    mkdirSync(staticDir);
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Rostermeister</title>');
    backend = await createBackend({ dataDir: join(dir, 'data') });
    server = await startServer({ backend, staticDir, maxBodyBytes: 1024 * 1024, log: (details) => logged.push(details.message) });
    slowServer = await startServer({ backend, staticDir, timeouts: { headersMs: 500, requestMs: 1000 } });
  });

  after(async () => {
    await server.close();
    await slowServer.close();
    await backend.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const refusals: [string, (s: RunningServer) => Record<string, string>, RegExp][] = [
    ['no token (401)', () => ({ 'Content-Type': 'application/json' }), /^HTTP\/1\.1 401 /],
    ['not JSON (415)', (s) => ({ 'Content-Type': 'text/plain', 'X-Rostermeister-Token': s.token }), /^HTTP\/1\.1 415 /],
  ];
  for (const [what, headers, status] of refusals) {
    it(`answers a 1 GiB request refused for ${what} without reading its body`, async () => {
      const result = await exchange(server, headFor(server, { ...headers(server), 'Content-Length': String(GIB) }), GIB);
      assert.match(result.statusLine, status);
      assert.match(result.answer, /Connection: close/i);
      assert.ok(result.sent < 256 * 1024 * 1024, `the client sent ${(result.sent / 2 ** 20).toFixed(0)} MiB before the server closed`);
    });
  }

  it('answers a 1 GiB chunked body with 413 instead of a reset', async () => {
    const head = headFor(server, {
      'Content-Type': 'application/json',
      'X-Rostermeister-Token': server.token,
      'Transfer-Encoding': 'chunked',
    });
    const result = await exchange(server, head, GIB, true);
    assert.match(result.statusLine, /^HTTP\/1\.1 413 /);
    assert.match(result.answer, /"code":"bad_input"/);
    assert.ok(result.sent < 256 * 1024 * 1024, `the client sent ${(result.sent / 2 ** 20).toFixed(0)} MiB before the server closed`);
  });

  it('answers a broken percent-encoding in the action name with 404, not an internal error', async () => {
    const host = new URL(server.url).host;
    const head = `POST /api/%E0%A4%A HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nX-Rostermeister-Token: ${server.token}\r\nContent-Length: 11\r\nConnection: close\r\n\r\n{"args":[]}`;
    const result = await exchange(server, head, 0);
    assert.match(result.statusLine, /^HTTP\/1\.1 404 /);
    assert.match(result.answer, /There is no such action/);
    assert.deepEqual(logged, []);
  });

  it('drops a request whose body never finishes once the request time is up', async () => {
    const host = new URL(slowServer.url).host;
    const url = new URL(slowServer.url);
    const closed = await new Promise<string>((resolve) => {
      const socket = connect(Number(url.port), '127.0.0.1', () => {
        socket.write(
          `POST /api/getClubSettings HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nX-Rostermeister-Token: ${slowServer.token}\r\nContent-Length: 1000\r\n\r\n{"args"`,
        );
      });
      const received: Buffer[] = [];
      socket.on('data', (data: Buffer) => received.push(data));
      // One byte now and then keeps the socket busy but the request never completes.
      const drip = setInterval(() => socket.write(' '), 200);
      socket.on('close', () => {
        clearInterval(drip);
        resolve(Buffer.concat(received).toString('utf8'));
      });
      socket.on('error', () => socket.destroy());
    });
    assert.match(closed, /^HTTP\/1\.1 408 /);
  });

  it('drops a connection that never finishes its headers', async () => {
    const url = new URL(slowServer.url);
    const closed = await new Promise<boolean>((resolve) => {
      const socket = connect(Number(url.port), '127.0.0.1', () => socket.write('POST /api/getClubSettings HTTP/1.1\r\nHost: x'));
      socket.on('close', () => resolve(true));
      socket.resume();
      socket.on('error', () => socket.destroy());
    });
    assert.ok(closed);
  });
});
