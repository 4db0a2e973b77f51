import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ComparisonView, DraftView } from '../../../main/api/contract.ts';
import { apiError, tempBackend } from './helpers.ts';

const MONTH = { year: 2027, month: 6 };
const SPACING_WARNING = /neighbouring duty day|7 days apart|last published day/;

/** Spacing breaks of a draft as its slots show them (one warning on the later slot of each break). */
const spacingWarnings = (draft: DraftView) => draft.slots.flatMap((s) => s.warnings).filter((w) => SPACING_WARNING.test(w)).length;

describe('comparisons on the real database', () => {
  it('after an optimizer failure: no optimizer roster, no acceptance, no differences, nothing to adopt for it', async () => {
    const { backend, cleanup } = await tempBackend({ fault: 'throw' });
    try {
      const view = await backend.compare(MONTH);
      assert.equal(view.optimizer, null);
      assert.equal(view.optimizerFailure?.status, 'error');
      assert.match(view.optimizerFailure?.reason ?? '', /\S/);
      assert.equal(view.acceptance, null);
      assert.equal(view.differences, null);
      assert.equal(view.legacy.scheduler, 'legacy');
      assert.equal(view.legacy.fallback, null);
      // Read back from the database the same way.
      assert.deepEqual(await backend.latestComparison(MONTH), view);

      await apiError(backend.adoptComparison(view.id, 'optimizer'), 'bad_input', 'side');
      assert.equal(await backend.getDraft(MONTH), null);
      const adopted = await backend.adoptComparison(view.id, 'legacy');
      assert.equal(adopted.slots.filter((s) => s.memberId !== null).length, view.legacy.metrics.filled_slots);
    } finally {
      await cleanup();
    }
  });

  it('counts the strict spacing breaks of both rosters, as the adopted drafts show them', async () => {
    const { backend, cleanup } = await tempBackend();
    try {
      const view: ComparisonView = await backend.compare(MONTH);
      assert.ok(view.optimizer !== null && view.acceptance !== null && view.differences !== null);
      assert.equal(view.optimizerFailure, null);
      assert.equal(typeof view.legacy.spacingBreaks, 'number');
      assert.equal(typeof view.optimizer.spacingBreaks, 'number');

      assert.equal(spacingWarnings(await backend.adoptComparison(view.id, 'legacy')), view.legacy.spacingBreaks);
      assert.equal(spacingWarnings(await backend.adoptComparison(view.id, 'optimizer')), view.optimizer.spacingBreaks);
    } finally {
      await cleanup();
    }
  });
});
