import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Backend } from '../../../main/backend/index.ts';
import { tempBackend } from './helpers.ts';

/** Fairness window, season quotas and exemptions end to end on a real database. */

const clubFile = JSON.stringify({
  format: 'rostermeister-club/1',
  club: { name: 'Ridge Soaring Club', fairnessWindow: 'range', defaultSeasonQuota: 6 },
  roles: [{ key: 'towpilot', title: 'Tow Pilot' }],
  members: [
    { id: 'm001', name: 'Alex Rivera', qualifications: ['towpilot'], seasonQuota: 3 },
    { id: 'm002', name: 'Zoë Müller', qualifications: ['towpilot'], exempt: true },
    { id: 'm003', name: 'Kim Lee', qualifications: ['towpilot'] },
  ],
});

describe('fairness window and quotas in the app', () => {
  let backend: Backend;
  let cleanup: () => Promise<void>;
  before(async () => ({ backend, cleanup } = await tempBackend()));
  after(() => cleanup());

  it('keeps the club and member fields through an import and an export', async () => {
    await backend.importClub(clubFile);
    const members = await backend.listMembers();
    assert.equal(members[0].seasonQuota, 3);
    assert.equal(members[1].exempt, true);
    assert.ok(!('seasonQuota' in members[2]) && !('exempt' in members[2]));
    const exported = JSON.parse(await backend.exportClub()) as { club: unknown; members: Record<string, unknown>[] };
    assert.deepEqual(exported.club, { name: 'Ridge Soaring Club', defaultMaxPerMonth: 8, fairnessWindow: 'range', defaultSeasonQuota: 6 });
    assert.equal(exported.members[0].seasonQuota, 3);
    assert.equal(exported.members[1].exempt, true);
  });

  it('saves a member`s quota and exemption, and clears them again', async () => {
    const kim = (await backend.listMembers()).find((m) => m.id === 'm003')!;
    const saved = await backend.updateMember({ ...kim, seasonQuota: 9, exempt: true });
    assert.equal(saved.seasonQuota, 9);
    assert.equal(saved.exempt, true);
    const cleared = await backend.updateMember({ ...kim, seasonQuota: null, exempt: false });
    assert.ok(!('seasonQuota' in cleared) && !('exempt' in cleared));
    assert.ok(!('seasonQuota' in (await backend.listMembers())[2]));
  });
});
