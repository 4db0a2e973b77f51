import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { apiError, tempBackend } from './helpers.ts';

describe('backend: fallback, shadow mode, cancel, import/export, backups', () => {
  it('records a fallback when the optimizer fails, in the run and in the log', async () => {
    const { backend, cleanup } = await tempBackend({ fault: 'throw' });
    try {
      await backend.updateSettings({ ...(await backend.getSettings()), scheduler: 'optimizer' });
      const draft = await backend.generateDraft({ year: 2026, month: 6 });
      assert.deepEqual([draft.run.requestedScheduler, draft.run.scheduler], ['optimizer', 'legacy']);
      assert.ok(draft.run.fallback?.reason);
      const [run] = await backend.listRuns(1);
      assert.deepEqual(run, draft.run);
      assert.ok((await backend.recentLog(50)).some((e) => e.message === 'fallback_to_legacy'));
    } finally {
      await cleanup();
    }
  });

  it('in shadow mode shows the legacy draft and records a comparison', async () => {
    const { backend, cleanup } = await tempBackend({ fault: 'throw' });
    try {
      await backend.updateSettings({ ...(await backend.getSettings()), shadowMode: true });
      const draft = await backend.generateDraft({ year: 2026, month: 7 });
      assert.equal(draft.run.scheduler, 'legacy');
      await backend.settled();
      const comparison = (await backend.latestComparison({ year: 2026, month: 7 }))!;
      assert.deepEqual(
        comparison.legacy.assignments,
        draft.slots.map(({ date, role, memberId }) => ({ date, role, memberId })),
      );
      // The optimizer failed: its fallback roster is not offered as the optimizer's.
      assert.equal(comparison.optimizer, null);
      assert.ok(comparison.optimizerFailure?.reason);
      await apiError(backend.adoptComparison(comparison.id, 'optimizer'), 'bad_input', 'side');
      const adopted = await backend.adoptComparison(comparison.id, 'legacy');
      assert.equal(adopted.id, draft.id);
      assert.deepEqual(
        adopted.slots.map((s) => s.memberId),
        comparison.legacy.assignments.map((a) => a.memberId),
      );
    } finally {
      await cleanup();
    }
  });

  it('cancels a running generation, and refuses a second one meanwhile', async () => {
    const { backend, cleanup } = await tempBackend({ fault: 'hang' });
    try {
      await backend.updateSettings({ ...(await backend.getSettings()), scheduler: 'optimizer', timeLimitSeconds: 60 });
      const running = backend.generateDraft({ year: 2026, month: 6 });
      await apiError(backend.generateDraft({ year: 2026, month: 7 }), 'conflict');
      await backend.cancelGeneration();
      await apiError(running, 'cancelled');
      assert.equal(await backend.getDraft({ year: 2026, month: 6 }), null);
      assert.equal((await backend.listRuns(1))[0].status, 'failed');
    } finally {
      await cleanup();
    }
  });

  it('imports all or nothing with the field named, and exports byte-identically after a round trip', async () => {
    const { backend, cleanup } = await tempBackend();
    try {
      const draft = await backend.generateDraft({ year: 2026, month: 6 });
      await backend.publishDraft(draft.id);
      const exported = await backend.exportClub();
      await apiError(backend.importClub('{ not json'), 'bad_input');
      const doc = JSON.parse(exported) as { members: { avoid: string[] }[] };
      doc.members[0].avoid = ['nobody'];
      const bad = await apiError(backend.importClub(JSON.stringify(doc)), 'bad_input', 'members[0].avoid[0]');
      assert.match(bad.message, /avoid/);
      assert.equal(await backend.exportClub(), exported);

      const result = await backend.importClub(exported);
      assert.equal(result.members, doc.members.length);
      assert.equal(await backend.exportClub(), exported);
    } finally {
      await cleanup();
    }
  });

  it('guards member and club edits with the club-file rules', async () => {
    const { backend, cleanup } = await tempBackend();
    try {
      const [first] = await backend.listMembers();
      await apiError(backend.updateMember({ ...first, maxPerMonth: 40 }), 'bad_input', 'member.maxPerMonth');
      const saved = await backend.updateMember({ ...first, name: 'Renamed Person' });
      assert.equal(saved.name, 'Renamed Person');
      const club = await backend.getClubSettings();
      const season = await apiError(backend.updateClubSettings({ ...club, seasonStart: 'Sometime in spring' }), 'bad_input', 'seasonStart');
      assert.match(season.message, /^Season starts must be a season phrase: .*, not "Sometime in spring"\.$/);
      assert.doesNotMatch(season.message, /club file|season\.start/);
      await apiError(backend.deleteMember(first.id), 'conflict', 'memberId');
    } finally {
      await cleanup();
    }
  });

  it('backs up and restores, keeping the current database aside first', async () => {
    const { backend, cleanup } = await tempBackend();
    try {
      const [first] = await backend.listMembers();
      const backup = await backend.createBackup();
      await backend.updateMember({ ...first, name: 'Changed After Backup' });
      await backend.restoreBackup(backup.name);
      assert.equal((await backend.listMembers())[0].name, first.name);
      const aside = (await backend.listBackups()).find((b) => b.name.startsWith('before-restore-'))!;
      await backend.restoreBackup(aside.name);
      assert.equal((await backend.listMembers())[0].name, 'Changed After Backup');
      await apiError(backend.restoreBackup('../rostermeister.db'), 'bad_input', 'name');
      await apiError(backend.restoreBackup('missing.sqlite'), 'not_found', 'name');
    } finally {
      await cleanup();
    }
  });
});
