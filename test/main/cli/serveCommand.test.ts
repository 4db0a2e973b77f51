import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../../bin/rostermeister.mjs', import.meta.url));

describe('rostermeister serve', () => {
  it('prints the address with its token, serves the API, and stops cleanly on SIGINT', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'rostermeister-serve-cli-'));
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const openUrl = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (c: Buffer) => {
          stdout += c.toString();
          const match = /(http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]+)/.exec(stdout);
          if (match) resolve(match[1]);
        });
        child.on('exit', () => reject(new Error(`serve exited early:\n${stdout}\n${stderr}`)));
      });
      assert.match(stdout, new RegExp(dataDir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
      const url = new URL(openUrl);
      const token = url.hash.slice('#token='.length);

      const page = await fetch(new URL('/', url));
      assert.equal(page.status, 200);
      assert.match(await page.text(), /<div id="root">/);

      const refused = await fetch(new URL('/api/listMembers', url), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{"args":[]}',
      });
      assert.equal(refused.status, 401);

      const reply = await fetch(new URL('/api/listMembers', url), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Rostermeister-Token': token },
        body: JSON.stringify({ args: [] }),
      });
      assert.equal(reply.status, 200);
      const body = (await reply.json()) as { ok: boolean; value: unknown[] };
      assert.equal(body.ok, true);
      assert.ok(body.value.length > 0, 'the demo club has members');

      child.kill('SIGINT');
      assert.equal(await exited, 0, stderr);
      assert.match(stdout, /stopped/);
    } finally {
      child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('refuses a port that is not a port', async () => {
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '70000'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    assert.equal(code, 2);
    assert.match(stderr, /--port/);
  });
});
