import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { solveWithGlpk } from '../../../solver/optimizer/glpk.ts';
import { buildInstance } from '../../../solver/optimizer/instance.ts';
import { fairnessModel, tieBreakModel } from '../../../solver/optimizer/model.ts';
import { club, DUTY, INSTRUCTOR, member } from '../rosterFixtures.ts';

describe('tie-break model', () => {
  it('gives no pairing reward in its LP to partners who share their only role', async () => {
    const members = [
      member('p', ['duty_officer'], { pairWith: ['q'] }),
      member('q', ['duty_officer']),
      member('i', ['instructor']),
      member('j', ['instructor']),
    ];
    const roles = [INSTRUCTOR, DUTY];
    const instance = buildInstance({
      club: club(members, roles),
      range: { start: '2026-06-01', end: '2026-06-30' },
      dutyDays: ['2026-06-06', '2026-06-07'],
      roles,
      locked: [],
    });
    assert.ok(instance.pairings.length > 0, 'p and q can both be on duty on some day');
    const lp = tieBreakModel(instance, fairnessModel(instance, { filled: 0, breaks: 0 }), false);
    const relaxed = await solveWithGlpk({ ...lp, binaries: [] }, 10_000);
    assert.equal(relaxed.status, 'optimal');
    // Half of p and half of q on each day would earn half a reward per day without the role rows.
    assert.ok(relaxed.z >= -1e-9, `LP value ${relaxed.z}`);
  });
});
