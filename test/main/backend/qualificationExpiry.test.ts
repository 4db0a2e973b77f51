import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Backend } from '../../../main/backend/index.ts';
import { tempBackend } from './helpers.ts';

/** Qualification validity end to end on a real database: import, schedule, edit, export, reopen. */

const clubFile = JSON.stringify({
  format: 'rostermeister-club/1',
  club: { name: 'Ridge Soaring Club' },
  roles: [{ key: 'towpilot', title: 'Tow Pilot' }],
  members: [
    // Alex's tow rating runs out after the first weekend of June; Zoë and Kim are always valid.
    { id: 'm001', name: 'Alex Rivera', qualifications: ['towpilot'], qualificationExpiry: { towpilot: '2026-06-07' } },
    { id: 'm002', name: 'Zoë Müller', qualifications: ['towpilot'] },
    { id: 'm003', name: 'Kim Lee', qualifications: ['towpilot'] },
  ],
});

describe('qualification expiry in the app', () => {
  let backend: Backend;
  let dataDir: string;
  let cleanup: () => Promise<void>;
  before(async () => ({ backend, dataDir, cleanup } = await tempBackend()));
  after(() => cleanup());

  it('is kept by an import and an export', async () => {
    await backend.importClub(clubFile);
    const alex = (await backend.listMembers()).find((m) => m.id === 'm001')!;
    assert.deepEqual({ ...alex.qualificationExpiry }, { towpilot: '2026-06-07' });
    assert.equal((await backend.listMembers()).find((m) => m.id === 'm002')!.qualificationExpiry, undefined);
    const exported = JSON.parse(await backend.exportClub()) as { members: { qualificationExpiry?: unknown }[] };
    assert.deepEqual(exported.members[0].qualificationExpiry, { towpilot: '2026-06-07' });
  });

  it('keeps Alex off tow duty after the date, in both schedulers and the slot editor', async () => {
    for (const scheduler of ['legacy', 'optimizer'] as const) {
      await backend.updateSettings({ ...(await backend.getSettings()), scheduler });
      const existing = await backend.getDraft({ year: 2026, month: 6 });
      if (existing) await backend.discardDraft(existing.id);
      const draft = await backend.generateDraft({ year: 2026, month: 6 });
      assert.equal(draft.run.scheduler, scheduler);
      assert.ok(
        draft.slots.every((s) => s.memberId !== 'm001' || s.date <= '2026-06-07'),
        scheduler,
      );
      const late = await backend.slotCandidates(draft.id, '2026-06-13', 'towpilot');
      assert.deepEqual(
        late.filter((c) => c.memberId === 'm001').map((c) => [c.eligible, c.reason]),
        [[false, 'qualification expired']],
      );
    }
  });

  it('survives saving the member and reopening the database; a qualification taken away takes its date along', async () => {
    const alex = (await backend.listMembers()).find((m) => m.id === 'm001')!;
    await backend.updateMember({ ...alex, name: 'Alex Rivera-Cole' });
    const db = new Database(join(dataDir, 'rostermeister.db'), { readonly: true });
    try {
      assert.deepEqual(db.prepare('SELECT member_id, qualification, last_valid FROM member_qualification_expiry').all(), [
        { member_id: 'm001', qualification: 'towpilot', last_valid: '2026-06-07' },
      ]);
    } finally {
      db.close();
    }
    const saved = await backend.updateMember({
      ...alex,
      qualifications: ['instructor'],
      qualificationExpiry: Object.create(null) as Record<string, string>,
    });
    assert.equal(saved.qualificationExpiry, undefined);
    assert.equal((await backend.listMembers()).find((m) => m.id === 'm001')!.qualificationExpiry, undefined);
  });
});
