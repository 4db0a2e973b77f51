import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend, type Backend } from '../../../main/backend/index.ts';
import { callApi } from '../../../main/api/dispatch.ts';
import { ApiError, INTERNAL_MESSAGE, toErrorBody } from '../../../main/api/errors.ts';

describe('callApi', () => {
  let dir: string;
  let backend: Backend;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rostermeister-dispatch-'));
    backend = await createBackend({ dataDir: join(dir, 'data') });
  });

  after(async () => {
    await backend.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('passes a valid call to the backend and wraps its value', async () => {
    const envelope = await callApi(backend, 'getSettings', []);
    assert.equal(envelope.ok, true);
    assert.ok(envelope.ok && typeof (envelope.value as { scheduler: unknown }).scheduler === 'string');
  });

  it('answers void methods with null so the envelope survives JSON', async () => {
    const envelope = await callApi(backend, 'cancelGeneration', []);
    assert.deepEqual(envelope, { ok: true, value: null });
  });

  it('refuses bad input before the backend sees it, naming the field', async () => {
    const before = await backend.getSettings();
    const envelope = await callApi(backend, 'updateSettings', [{ ...before, timeLimitSeconds: 9000 }]);
    assert.deepEqual(envelope.ok ? null : envelope.error.field, 'settings.timeLimitSeconds');
    assert.equal(envelope.ok ? null : envelope.error.code, 'bad_input');
    assert.deepEqual(await backend.getSettings(), before);
  });

  it('answers an unknown method, or a non-string one, with not_found', async () => {
    for (const method of ['close', 'settled', 'databaseFile', 'constructor', 'hasOwnProperty', 17, null]) {
      const envelope = await callApi(backend, method, []);
      assert.equal(envelope.ok ? null : envelope.error.code, 'not_found', String(method));
    }
  });

  it("passes the backend's own errors through with their code and field", async () => {
    const envelope = await callApi(backend, 'rollDraft', [987654]);
    assert.equal(envelope.ok, false);
    assert.equal(envelope.ok ? null : envelope.error.code, 'not_found');
    assert.equal(envelope.ok ? null : envelope.error.field, 'draftId');
  });

  it('hides an unexpected failure behind a friendly message and logs the details', async () => {
    const closed = await createBackend({ dataDir: join(dir, 'closed') });
    await closed.close();
    const logged: { message: string; stack?: string }[] = [];
    const envelope = await callApi(closed, 'listMembers', [], (details) => logged.push(details));
    assert.deepEqual(envelope, { ok: false, error: { code: 'internal', message: INTERNAL_MESSAGE } });
    assert.equal(logged.length, 1);
    assert.ok(logged[0].message.length > 0);
  });
});

describe('toErrorBody', () => {
  it('keeps an ApiError as it is and drops an absent field', () => {
    assert.deepEqual(toErrorBody(new ApiError('conflict', 'Busy.', 'draftId')), { code: 'conflict', message: 'Busy.', field: 'draftId' });
    assert.deepEqual(toErrorBody(new ApiError('cancelled', 'Stopped.')), { code: 'cancelled', message: 'Stopped.' });
  });

  it('turns anything else into internal, logging what was thrown', () => {
    const logged: string[] = [];
    for (const thrown of [new TypeError('x is undefined'), 'a string', null, { code: 'bad_input', message: 'forged' }]) {
      assert.deepEqual(
        toErrorBody(thrown, (d) => logged.push(d.message)),
        { code: 'internal', message: INTERNAL_MESSAGE },
      );
    }
    assert.deepEqual(logged, ['x is undefined', 'a string', 'null', '[object Object]']);
  });
});
