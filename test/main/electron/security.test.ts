import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { build } from 'esbuild';
import {
  allowNavigation,
  API_CHANNEL,
  APP_ENTRY_URL,
  CONTENT_SECURITY_POLICY,
  isAppUrl,
  isTrustedSender,
  secureWebPreferences,
  windowOptions,
} from '../../../main/electron/securityPolicy.ts';

const directives = (csp: string) =>
  new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((p) => p[0])
      .map(([name, ...values]) => [name, values]),
  );

describe('Electron window', () => {
  it('isolates the page: context isolation, sandbox, no Node, web security on', () => {
    const prefs = secureWebPreferences('/app/dist/main/preload.cjs');
    assert.equal(prefs.contextIsolation, true);
    assert.equal(prefs.sandbox, true);
    assert.equal(prefs.nodeIntegration, false);
    assert.equal(prefs.nodeIntegrationInWorker, false);
    assert.equal(prefs.nodeIntegrationInSubFrames, false);
    assert.equal(prefs.webSecurity, true);
    assert.equal(prefs.allowRunningInsecureContent, false);
    assert.equal(prefs.webviewTag, false);
    assert.equal(prefs.preload, '/app/dist/main/preload.cjs');
    assert.deepEqual(windowOptions('/p.cjs', 'Ridge Soaring Club').webPreferences, secureWebPreferences('/p.cjs'));
  });

  it('has a CSP that allows scripts only from the app itself, never eval', () => {
    const csp = directives(CONTENT_SECURITY_POLICY);
    assert.deepEqual(csp.get('script-src'), ["'self'"]);
    assert.deepEqual(csp.get('default-src'), ["'self'"]);
    assert.deepEqual(csp.get('object-src'), ["'none'"]);
    assert.deepEqual(csp.get('base-uri'), ["'none'"]);
    assert.deepEqual(csp.get('frame-ancestors'), ["'none'"]);
    assert.deepEqual(csp.get('connect-src'), ["'self'"]);
    assert.doesNotMatch(CONTENT_SECURITY_POLICY, /unsafe-eval|wasm-unsafe-eval|\*/);
  });

  it("keeps the renderer's own meta CSP free of eval and inline script", () => {
    const html = readFileSync(new URL('../../../renderer/index.html', import.meta.url), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
    assert.ok(meta, 'renderer/index.html declares a CSP');
    const csp = directives(meta[1]);
    assert.deepEqual(csp.get('script-src'), ["'self'"]);
    assert.doesNotMatch(meta[1], /unsafe-eval/);
  });
});

describe('IPC sender check', () => {
  const top = (url: string) => ({ url, parent: null });

  it('serves the top frame of our window showing the app', () => {
    assert.equal(isTrustedSender(top(APP_ENTRY_URL), true), true);
    assert.equal(isTrustedSender(top('app://rostermeister/index.html#/members'), true), true);
  });

  it('refuses other windows, sub-frames, other pages and missing frames', () => {
    assert.equal(isTrustedSender(top(APP_ENTRY_URL), false), false);
    assert.equal(isTrustedSender({ url: APP_ENTRY_URL, parent: top(APP_ENTRY_URL) }, true), false);
    for (const url of [
      'https://evil.example/',
      'file:///home/user/index.html',
      'app://evil/index.html',
      'app://user@rostermeister/index.html',
      'http://rostermeister/index.html',
      'devtools://devtools/bundled/inspector.html',
      'about:blank',
      '',
    ]) {
      assert.equal(isTrustedSender(top(url), true), false, url);
    }
    assert.equal(isTrustedSender(null, true), false);
    assert.equal(isTrustedSender(undefined, true), false);
  });
});

describe('navigation', () => {
  it('stays inside the app', () => {
    assert.equal(allowNavigation('app://rostermeister/index.html'), true);
    for (const url of ['https://example.org/', 'file:///etc/passwd', 'javascript:alert(1)', 'data:text/html,hi', 'app://other/']) {
      assert.equal(allowNavigation(url), false, url);
      assert.equal(isAppUrl(url), false, url);
    }
  });
});

describe('preload', () => {
  it('exposes exactly one object with one function that forwards to the API channel', async () => {
    const bundle = await build({
      entryPoints: [new URL('../../../main/electron/preload.ts', import.meta.url).pathname],
      bundle: true,
      format: 'cjs',
      platform: 'node',
      external: ['electron'],
      write: false,
    });
    const exposed: Record<string, unknown> = {};
    const invoked: unknown[][] = [];
    const required: string[] = [];
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, value: unknown) => void (exposed[key] = value) },
      ipcRenderer: { invoke: (...args: unknown[]) => (invoked.push(args), Promise.resolve('answer')) },
    };
    // A sandboxed preload can require nothing but 'electron'; anything else would fail there.
    const sandboxRequire = (name: string) => {
      required.push(name);
      if (name !== 'electron') throw new Error(`a sandboxed preload cannot require ${name}`);
      return electron;
    };
    const module = { exports: {} };
    runInNewContext(bundle.outputFiles[0].text, { require: sandboxRequire, module, exports: module.exports });

    assert.deepEqual(required, ['electron']);
    assert.deepEqual(Object.keys(exposed), ['rostermeister']);
    const bridge = exposed.rostermeister as Record<string, unknown>;
    assert.deepEqual(Object.keys(bridge), ['call']);
    const answer = await (bridge.call as (m: string, a: unknown[]) => Promise<unknown>)('listRuns', [5]);
    assert.equal(answer, 'answer');
    assert.deepEqual(invoked, [[API_CHANNEL, 'listRuns', [5]]]);
  });
});
