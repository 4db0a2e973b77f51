import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { build } from 'esbuild';
import type { RostermeisterApi } from '../../../main/api/contract.ts';
import { callApi } from '../../../main/api/dispatch.ts';
import { API_METHODS } from '../../../main/api/methods.ts';
import { createBackend, type Backend } from '../../../main/backend/index.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** renderer/api.ts bundled the way the renderer build does (browser platform). */
async function bundleClient() {
  const result = await build({
    entryPoints: [join(root, 'renderer', 'api.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'client',
    platform: 'browser',
    write: false,
    metafile: true,
    absWorkingDir: root,
  });
  return { code: result.outputFiles[0].text, inputs: Object.keys(result.metafile.inputs).map((p) => relative(root, join(root, p))) };
}

describe('renderer API client', () => {
  let dir: string;
  let backend: Backend;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rostermeister-client-'));
    backend = await createBackend({ dataDir: join(dir, 'data') });
  });

  after(async () => {
    await backend.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('pulls nothing from main or solver into the browser bundle (types only)', async () => {
    const { inputs } = await bundleClient();
    assert.deepEqual(inputs, ['renderer/api.ts']);
  });

  it('forwards every method of the table by name to the host, and throws the API error on refusal', async () => {
    const { code } = await bundleClient();
    const calls: string[] = [];
    // The bridge does what the preload and main.ts do: hand the call to callApi on the real backend.
    const window = {
      rostermeister: { call: (method: string, args: unknown[]) => (calls.push(method), callApi(backend, method, args, () => {})) },
    };
    const sandbox: Record<string, unknown> = { window };
    runInNewContext(code, sandbox);
    const { api, ApiError } = sandbox.client as { api: RostermeisterApi; ApiError: new (...a: never[]) => Error };

    assert.equal((api as unknown as { then?: unknown }).then, undefined, 'the client is not a thenable');
    for (const name of API_METHODS) assert.equal(typeof api[name], 'function', name);

    const settings = await api.getSettings();
    assert.deepEqual(settings, await backend.getSettings());
    const members = await api.listMembers();
    assert.ok(members.length > 0);

    await assert.rejects(api.updateSettings({ ...settings, timeLimitSeconds: 9000 }), (error: unknown) => {
      assert.ok(error instanceof ApiError);
      assert.equal((error as unknown as { field: string }).field, 'settings.timeLimitSeconds');
      return true;
    });
    const unknown = (api as unknown as Record<string, () => Promise<unknown>>).noSuchMethod;
    await assert.rejects(
      unknown(),
      (error: unknown) => error instanceof ApiError && (error as unknown as { code: string }).code === 'not_found',
    );
    assert.deepEqual(calls, ['getSettings', 'listMembers', 'updateSettings', 'noSuchMethod']);
  });
});
