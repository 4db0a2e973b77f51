import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { after, before, describe, it } from 'node:test';
import type { Backend } from '../../../main/backend/index.ts';
import { apiError, tempBackend } from './helpers.ts';

describe('roster workflow on a real database', () => {
  let backend: Backend;
  let cleanup: () => Promise<void>;
  before(async () => ({ backend, cleanup } = await tempBackend()));
  after(() => cleanup());

  it('starts with the demo club loaded and legacy as the scheduler', async () => {
    assert.ok((await backend.listMembers()).length > 10);
    assert.equal((await backend.getSettings()).scheduler, 'legacy');
    assert.equal(await backend.getDraft({ year: 2026, month: 6 }), null);
  });

  it('generates, edits, locks, removes a date, rolls, publishes, and carries over into the next month', async () => {
    const draft = await backend.generateDraft({ year: 2026, month: 6 });
    assert.equal(draft.run.scheduler, 'legacy');
    assert.equal(draft.slots.length, draft.dutyDays.length * draft.roles.length);
    assert.deepEqual((await backend.getDraft({ year: 2026, month: 6 }))?.id, draft.id);

    // Edit a slot by hand: an eligible member is accepted, an ineligible one refused with the reason.
    const [day, other] = [draft.dutyDays[0], draft.dutyDays[3]];
    const candidates = await backend.slotCandidates(draft.id, day, 'instructor');
    const current = draft.slots.find((s) => s.date === day && s.role === 'instructor')!.memberId;
    const pick = candidates.find((c) => c.eligible && c.memberId !== current)!;
    const refused = candidates.find((c) => !c.eligible && c.reason === 'not qualified')!;
    const edited = await backend.setSlot(draft.id, day, 'instructor', pick.memberId);
    assert.equal(edited.slots.find((s) => s.date === day && s.role === 'instructor')!.memberId, pick.memberId);
    const error = await apiError(backend.setSlot(draft.id, day, 'instructor', refused.memberId), 'bad_input', 'memberId');
    assert.match(error.message, /not qualified/);
    await apiError(backend.setSlot(draft.id, '2026-06-02', 'instructor', pick.memberId), 'bad_input', 'date');

    const beforeRemoval = (await backend.setSlotLocked(draft.id, day, 'instructor', true)).slots.filter((s) => s.date === other);
    const removed = await backend.setDateRemoved(draft.id, other, true);
    assert.ok(!removed.dutyDays.includes(other));
    assert.deepEqual(removed.removedDates, [other]);

    // Roll: a new run, the lock and the removed date are kept.
    const rolled = await backend.rollDraft(draft.id);
    assert.equal(rolled.id, draft.id);
    assert.notEqual(rolled.run.id, draft.run.id);
    const locked = rolled.slots.find((s) => s.date === day && s.role === 'instructor')!;
    assert.deepEqual([locked.memberId, locked.locked], [pick.memberId, true]);
    assert.ok(!rolled.dutyDays.includes(other));
    assert.deepEqual(rolled.removedDates, [other]);

    // Restoring the date brings it back with the assignments it had when it was removed (a Roll in between kept them).
    const restored = await backend.setDateRemoved(draft.id, other, false);
    assert.ok(restored.dutyDays.includes(other));
    assert.deepEqual(
      restored.slots.filter((s) => s.date === other).map((s) => [s.role, s.memberId, s.locked]),
      beforeRemoval.map((s) => [s.role, s.memberId, s.locked]),
    );
    assert.ok(beforeRemoval.some((s) => s.memberId !== null));

    const final = await backend.rollDraft(draft.id);
    const published = await backend.publishDraft(draft.id);
    assert.equal(await backend.getDraft({ year: 2026, month: 6 }), null);
    assert.deepEqual(
      published.days.map((d) => d.date),
      final.dutyDays,
    );
    const june = (await backend.listPublishedMonths()).find((m) => m.year === 2026 && m.month === 6)!;
    assert.equal(june.totalSlots, final.slots.length);
    assert.equal(june.filledSlots, final.slots.filter((s) => s.memberId !== null).length);

    // History: last duty dates and the carry-over into July.
    const lastDay = published.days.at(-1)!;
    const carried = lastDay.slots.find((s) => s.role === 'towpilot')!.memberId!;
    // (The demo club's history also has later published months, so a last duty date can lie beyond June.)
    const member = (await backend.listMembers()).find((m) => m.id === carried)!;
    assert.ok(member.lastDutyDate !== null && member.lastDutyDate >= lastDay.date, String(member.lastDutyDate));
    const july = await backend.generateDraft({ year: 2026, month: 7 });
    const firstDay = july.dutyDays[0];
    assert.notEqual(july.slots.find((s) => s.date === firstDay && s.role === 'towpilot')!.memberId, carried);
    const carriedCandidate = (await backend.slotCandidates(july.id, firstDay, 'towpilot')).find((c) => c.memberId === carried)!;
    assert.ok(
      carriedCandidate.warnings.some((w) => w.includes('last published day')),
      carriedCandidate.warnings.join('; '),
    );
  });

  it('publishes all or nothing: a failure midway leaves the earlier published roster intact', async () => {
    const before = await backend.getPublished({ year: 2026, month: 6 });
    const membersBefore = await backend.listMembers();
    const draft = await backend.generateDraft({ year: 2026, month: 6 });

    // A second connection adds a trigger that fails once the old published days are already deleted.
    const side = new Database(backend.databaseFile);
    side.exec(`CREATE TRIGGER fail_publish BEFORE INSERT ON roster_slot
      WHEN (SELECT kind FROM roster WHERE id = NEW.roster_id) = 'published' AND NEW.date = '${draft.dutyDays[2]}'
      BEGIN SELECT RAISE(ABORT, 'disk trouble'); END`);
    await assert.rejects(backend.publishDraft(draft.id), /disk trouble/);
    assert.deepEqual(await backend.getPublished({ year: 2026, month: 6 }), before);
    assert.deepEqual(await backend.listMembers(), membersBefore);
    assert.equal((await backend.getDraft({ year: 2026, month: 6 }))?.id, draft.id);

    side.exec('DROP TRIGGER fail_publish');
    side.close();
    const republished = await backend.publishDraft(draft.id);
    assert.deepEqual(
      republished.days.flatMap((d) => d.slots.map((s) => s.memberId)),
      draft.slots.map((s) => s.memberId),
    );
  });

  it('discards a draft and reports missing drafts as not_found', async () => {
    const draft = await backend.generateDraft({ year: 2026, month: 8 });
    await backend.discardDraft(draft.id);
    assert.equal(await backend.getDraft({ year: 2026, month: 8 }), null);
    await apiError(backend.rollDraft(draft.id), 'not_found', 'draftId');
    await apiError(backend.generateDraft({ year: 2026, month: 13 }), 'bad_input', 'month.month');
  });

  it('rolls back to legacy by a setting alone: next generation uses legacy, drafts untouched', async () => {
    const settings = await backend.getSettings();
    await backend.updateSettings({ ...settings, scheduler: 'optimizer', timeLimitSeconds: 3 });
    const september = await backend.generateDraft({ year: 2026, month: 9 });
    assert.equal(september.run.requestedScheduler, 'optimizer');

    await backend.updateSettings({ ...settings, scheduler: 'legacy' });
    const october = await backend.generateDraft({ year: 2026, month: 10 });
    assert.deepEqual([october.run.requestedScheduler, october.run.scheduler], ['legacy', 'legacy']);
    const septemberAgain = (await backend.getDraft({ year: 2026, month: 9 }))!;
    assert.deepEqual(septemberAgain.slots, september.slots);
    assert.deepEqual(septemberAgain.run, september.run);
    assert.equal(septemberAgain.activeScheduler, 'legacy');

    await backend.updateSettings({ ...settings, monthOverrides: { '2026-10': 'optimizer' } });
    assert.equal((await backend.getDraft({ year: 2026, month: 10 }))!.activeScheduler, 'optimizer');
    await apiError(backend.updateSettings({ ...settings, timeLimitSeconds: 0 }), 'bad_input', 'timeLimitSeconds');
  });
});
