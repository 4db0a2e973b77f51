import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import type { ComparisonView, DraftView, RunInfo } from '../../main/api/contract.ts';
import { callApi, type ApiEnvelope } from '../../main/api/dispatch.ts';
import { createBackend, type Backend } from '../../main/backend/index.ts';
import type { OptimizerFault } from '../../main/scheduler/generate.ts';
import { tempDataDir } from './fixtures/database.ts';

/**
 * Whatever goes wrong in the optimizer's worker (it throws, hangs past the limit, runs out of memory,
 * dies, or returns a roster that breaks a hard rule), the API call returns, the draft comes from the
 * legacy scheduler, and the reason is stored in generation_run and shown by listRuns.
 */

const MONTH = { year: 2026, month: 6 };
/** Far beyond any fallback (the hang fault ends after 1 s + 2.2 s grace): reaching it means the call hung. */
const HANG_WATCHDOG_MS = 60_000;

const temps: (() => void)[] = [];
after(() => temps.forEach((remove) => remove()));

async function backendWith(fault: OptimizerFault, timeLimitSeconds: number): Promise<Backend> {
  const temp = tempDataDir(`fault-${fault}`);
  temps.push(temp.remove);
  const backend = await createBackend({ dataDir: temp.dir, fault });
  await backend.updateSettings({ scheduler: 'optimizer', monthOverrides: {}, shadowMode: false, timeLimitSeconds });
  return backend;
}

/** The API call, failing the test instead of waiting forever if it never returns. */
async function callWithin(backend: Backend, method: string, args: unknown[]): Promise<ApiEnvelope> {
  let timer: NodeJS.Timeout | undefined;
  const watchdog = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${method} did not return within ${HANG_WATCHDOG_MS} ms`)), HANG_WATCHDOG_MS);
  });
  try {
    return await Promise.race([callApi(backend, method, args, () => {}), watchdog]);
  } finally {
    clearTimeout(timer);
  }
}

function storedRun(
  backend: Backend,
  runId: number,
): { scheduler: string; requested_scheduler: string; fallback_reason: string | null; fallback_status: string | null } {
  const db = new Database(backend.databaseFile, { readonly: true });
  try {
    return db
      .prepare('SELECT scheduler, requested_scheduler, fallback_reason, fallback_status FROM generation_run WHERE id = ?')
      .get(runId) as never;
  } finally {
    db.close();
  }
}

const EXPECTED: Record<OptimizerFault, { status: string; reason: RegExp }> = {
  throw: { status: 'error', reason: /optimizer failed/ },
  crash: { status: 'crashed', reason: /crashed/ },
  hang: { status: 'timeout', reason: /no solution within 1 s/ },
  oom: { status: 'crashed', reason: /memory/ },
  invalid: { status: 'invalid', reason: /broke a hard rule/ },
};

describe('optimizer faults end in the legacy fallback with the reason recorded', () => {
  for (const fault of Object.keys(EXPECTED) as OptimizerFault[]) {
    it(`fault "${fault}": the draft comes from legacy, generation_run and listRuns say why`, async () => {
      // The "invalid" fault corrupts a real optimizer result, so that run gets time to find one.
      const backend = await backendWith(fault, fault === 'hang' ? 1 : 10);
      try {
        const reply = await callWithin(backend, 'generateDraft', [MONTH]);
        assert.ok(reply.ok, `generateDraft failed: ${JSON.stringify(reply)}`);
        const draft = reply.value as DraftView;
        assert.equal(draft.run.scheduler, 'legacy');
        assert.equal(draft.run.requestedScheduler, 'optimizer');
        assert.equal(draft.run.fallback?.status, EXPECTED[fault].status);
        assert.match(draft.run.fallback?.reason ?? '', EXPECTED[fault].reason);
        assert.ok(
          draft.slots.some((s) => s.memberId !== null),
          'the legacy roster fills slots',
        );

        const stored = storedRun(backend, draft.run.id);
        assert.equal(stored.scheduler, 'legacy');
        assert.equal(stored.requested_scheduler, 'optimizer');
        assert.equal(stored.fallback_status, EXPECTED[fault].status);
        assert.equal(stored.fallback_reason, draft.run.fallback?.reason);

        const runs = await callWithin(backend, 'listRuns', [10]);
        assert.ok(runs.ok);
        const listed = (runs.value as RunInfo[]).find((r) => r.id === draft.run.id);
        assert.deepEqual(listed?.fallback, draft.run.fallback);
      } finally {
        await backend.close();
      }
    });
  }

  it('a comparison with a failing optimizer returns with the failure and without an optimizer roster', async () => {
    const backend = await backendWith('throw', 10);
    try {
      const reply = await callWithin(backend, 'compare', [MONTH]);
      assert.ok(reply.ok, JSON.stringify(reply));
      const view = reply.value as ComparisonView;
      assert.equal(view.optimizer, null);
      assert.equal(view.optimizerFailure?.status, 'error');
      assert.equal(view.acceptance, null);
      assert.equal(view.legacy.fallback, null);
    } finally {
      await backend.close();
    }
  });

  it('shadow mode with a crashing optimizer still returns the legacy draft at once and records the shadow fallback', async () => {
    const backend = await backendWith('crash', 10);
    try {
      await backend.updateSettings({ scheduler: 'legacy', monthOverrides: {}, shadowMode: true, timeLimitSeconds: 1 });
      const reply = await callWithin(backend, 'generateDraft', [MONTH]);
      assert.ok(reply.ok);
      assert.equal((reply.value as DraftView).run.fallback, null);
      await backend.settled();
      const runs = (await backend.listRuns(10)).filter((r) => r.requestedScheduler === 'optimizer');
      assert.equal(runs.length, 1);
      assert.equal(runs[0].fallback?.status, 'crashed');
    } finally {
      await backend.close();
    }
  });

  it('a hung optimizer can be cancelled: the call returns "cancelled" and the run is recorded', async () => {
    const backend = await backendWith('hang', 300);
    try {
      const pending = callWithin(backend, 'generateDraft', [MONTH]);
      await new Promise((resolve) => setTimeout(resolve, 500));
      const cancel = await callWithin(backend, 'cancelGeneration', []);
      assert.ok(cancel.ok);
      const reply = await pending;
      assert.equal(reply.ok, false);
      if (!reply.ok) assert.equal(reply.error.code, 'cancelled');
      const [run] = await backend.listRuns(1);
      assert.equal(run?.status, 'failed');
      assert.equal(run?.error, 'cancelled');
      assert.equal(await backend.getDraft(MONTH), null, 'a cancelled generation leaves no draft');
    } finally {
      await backend.close();
    }
  });
});
