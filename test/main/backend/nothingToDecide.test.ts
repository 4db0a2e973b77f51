import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Backend } from '../../../main/backend/index.ts';
import { createLogger, memorySink } from '../../../main/log.ts';
import { tempBackend } from './helpers.ts';

/**
 * Issue 11 item 7 on a real database: Compare on a month where every slot is locked, and on one
 * whose every duty date is removed. The optimizer side is the optimizer's own roster, proven
 * optimal, not a fallback to legacy.
 */
describe('Compare with nothing for the optimizer to decide (real database, real worker)', () => {
  let backend: Backend;
  let cleanup: () => Promise<void>;
  const ring = memorySink();
  before(async () => ({ backend, cleanup } = await tempBackend({ logger: createLogger([ring]) })));
  after(() => cleanup());

  it('every slot locked, one of them empty: the locked roster, optimal, gap 0, the empty slot diagnosed', async () => {
    const month = { year: 2026, month: 6 };
    const draft = await backend.generateDraft(month);
    const [first] = draft.slots;
    await backend.setSlot(draft.id, first.date, first.role, null);
    for (const s of draft.slots) await backend.setSlotLocked(draft.id, s.date, s.role, true);
    const locked = (await backend.getDraft(month))!.slots.map((s) => [s.date, s.role, s.memberId]);

    const comparison = await backend.compare(month);
    const side = comparison.optimizer;
    assert.ok(side !== null, `unexpected fallback: ${comparison.optimizerFailure?.reason}`);
    assert.equal(side.fallback, null);
    assert.deepEqual([side.scheduler, side.status, side.gap], ['optimizer', 'optimal', 0]);
    assert.deepEqual(
      side.assignments.map((a) => [a.date, a.role, a.memberId]),
      locked,
    );
    assert.deepEqual(
      side.diagnostics.map((d) => [d.date, d.role]),
      [[first.date, first.role]],
    );
    const [run] = await backend.listRuns(1);
    assert.deepEqual(
      [run.requestedScheduler, run.scheduler, run.status, run.gap, run.fallback],
      ['optimizer', 'optimizer', 'optimal', 0, null],
    );
    assert.equal(ring.events().filter((e) => e.message === 'fallback_to_legacy').length, 0);
  });

  it('every duty date removed: an empty optimizer roster, optimal, gap 0', async () => {
    const month = { year: 2026, month: 7 };
    const draft = await backend.generateDraft(month);
    for (const date of draft.dutyDays) await backend.setDateRemoved(draft.id, date, true);
    assert.deepEqual((await backend.getDraft(month))!.dutyDays, []);

    const comparison = await backend.compare(month);
    const side = comparison.optimizer;
    assert.ok(side !== null, `unexpected fallback: ${comparison.optimizerFailure?.reason}`);
    assert.equal(side.fallback, null);
    assert.deepEqual([side.scheduler, side.status, side.gap, side.assignments.length], ['optimizer', 'optimal', 0, 0]);
    assert.equal(ring.events().filter((e) => e.message === 'fallback_to_legacy').length, 0);
  });
});
