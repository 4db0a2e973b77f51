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
    const exported = JSON.parse(await backend.exportClub()) as { club: Record<string, unknown>; members: Record<string, unknown>[] };
    const { id, ...club } = exported.club;
    assert.equal(typeof id, 'string', 'the permanent club id is written too');
    assert.deepEqual(club, { name: 'Ridge Soaring Club', defaultMaxPerMonth: 8, fairnessWindow: 'range', defaultSeasonQuota: 6 });
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

const APRIL = ['2026-04-04', '2026-04-05', '2026-04-11', '2026-04-12', '2026-04-18', '2026-04-19', '2026-04-25', '2026-04-26'];

/** Six tow pilots; a and b did all of April; f is exempt. */
const skewedClub = JSON.stringify({
  format: 'rostermeister-club/1',
  club: { name: 'Ridge Soaring Club' },
  roles: [{ key: 'towpilot', title: 'Tow Pilot' }],
  members: ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => ({
    id,
    name: `Member ${id.toUpperCase()}`,
    qualifications: ['towpilot'],
    ...(id === 'f' ? { exempt: true } : {}),
  })),
  published: APRIL.map((date, i) => ({ date, slots: { towpilot: i % 2 === 0 ? 'a' : 'b' } })),
});

describe('fairness window in drafts, comparisons and the club settings', () => {
  let backend: Backend;
  let cleanup: () => Promise<void>;
  before(async () => ({ backend, cleanup } = await tempBackend()));
  after(() => cleanup());

  it('the optimizer`s May draft leaves April`s busy members out; the exempt member is never on it', async () => {
    await backend.importClub(skewedClub);
    await backend.updateSettings({ ...(await backend.getSettings()), scheduler: 'optimizer' });
    const draft = await backend.generateDraft({ year: 2026, month: 5 });
    assert.equal(draft.run.scheduler, 'optimizer');
    assert.equal((draft.loads.a ?? 0) + (draft.loads.b ?? 0), 0, JSON.stringify(draft.loads));
    assert.equal(draft.loads.f ?? 0, 0);
    // Window loads: a and b 4 each from April, c, d, e the ten May duties.
    const may = ['c', 'd', 'e'].map((id) => draft.loads[id] ?? 0);
    assert.equal(draft.run.metrics?.window_sum_of_squares, 32 + may.reduce((sum, l) => sum + l * l, 0));
    const candidates = await backend.slotCandidates(draft.id, draft.dutyDays[0], 'towpilot');
    assert.deepEqual(
      candidates.filter((c) => c.memberId === 'f').map((c) => c.reason),
      ['exempt from duties'],
    );
  });

  it('a comparison measures both rosters over the window', async () => {
    const view = await backend.compare({ year: 2026, month: 5 });
    for (const side of [view.legacy, view.optimizer!]) {
      const squares = ['a', 'b', 'c', 'd', 'e'].reduce((sum, id) => sum + ((side.loads[id] ?? 0) + (id < 'c' ? 4 : 0)) ** 2, 0);
      assert.equal(side.metrics.window_sum_of_squares, squares);
      assert.equal(side.loads.f ?? 0, 0);
    }
  });

  it('switching the window to the range counts May alone: everyone but the exempt member gets May duties', async () => {
    const settings = await backend.getClubSettings();
    assert.equal(settings.fairnessWindow, 'season');
    assert.equal(settings.defaultSeasonQuota, null);
    const saved = await backend.updateClubSettings({ ...settings, fairnessWindow: 'range', defaultSeasonQuota: 4 });
    assert.equal(saved.fairnessWindow, 'range');
    assert.equal(saved.defaultSeasonQuota, 4);
    const existing = await backend.getDraft({ year: 2026, month: 5 });
    if (existing) await backend.discardDraft(existing.id);
    const draft = await backend.generateDraft({ year: 2026, month: 5 });
    for (const id of ['a', 'b', 'c', 'd', 'e']) assert.ok((draft.loads[id] ?? 0) >= 1, `${id}: ${JSON.stringify(draft.loads)}`);
    assert.equal(draft.run.metrics?.window_quota_distance !== null, true);
    // Settings sent without the fields (an older form) leave them as they are; 'season' clears the window.
    const { fairnessWindow: _w, defaultSeasonQuota: _q, ...older } = saved;
    assert.equal((await backend.updateClubSettings(older)).fairnessWindow, 'range');
    const back = await backend.updateClubSettings({ ...saved, fairnessWindow: 'season', defaultSeasonQuota: null });
    assert.equal(back.fairnessWindow, 'season');
    assert.equal(back.defaultSeasonQuota, null);
    const exported = JSON.parse(await backend.exportClub()) as { club: Record<string, unknown> };
    assert.ok(!('fairnessWindow' in exported.club) && !('defaultSeasonQuota' in exported.club));
  });
});
