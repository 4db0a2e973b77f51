import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Backend } from '../../../main/backend/index.ts';
import { backupsDir } from '../../../main/dataDir.ts';
import type { ClubDocument } from '../../../solver/clubFile.ts';
import { apiError, tempBackend } from './helpers.ts';

/** Issue 11: nothing lost, nothing misleading. Each test runs on a real SQLite file with the demo club. */

async function withBackend(work: (backend: Backend, dataDir: string) => Promise<void>): Promise<void> {
  const { backend, dataDir, cleanup } = await tempBackend();
  try {
    await work(backend, dataDir);
  } finally {
    await cleanup();
  }
}

type Slots = { slots: { date: string; role: string; memberId: string | null; locked: boolean; diagnosis?: string | null }[] };
const slotOf = (draft: Slots, date: string, role: string) => draft.slots.find((s) => s.date === date && s.role === role)!;
const contents = (draft: Slots) => draft.slots.map((s) => `${s.date}|${s.role}|${s.memberId}|${s.locked}`);

describe('import keeps drafts and publish times, and backs up first', () => {
  it('keeps the drafts of members who stay, empties slots of removed members, keeps unchanged months published as they were', async () => {
    await withBackend(async (backend, dataDir) => {
      // The club file as it is, then a new member who takes a June draft slot: the file does not have them.
      const doc = JSON.parse(await backend.exportClub()) as ClubDocument;
      const template = (await backend.listMembers()).find((m) => m.qualifications.includes('duty_officer'))!;
      const gone = 'm900';
      await backend.addMember({ ...template, id: gone, name: 'Newcomer Nine', blackouts: [], pairWith: [], avoid: [], lastDutyDate: null });
      const generated = await backend.generateDraft({ year: 2026, month: 6 });
      let day = generated.slots.find((s) => s.memberId === gone && s.role === 'duty_officer')?.date;
      for (const date of generated.dutyDays) {
        if (day !== undefined) break;
        if ((await backend.slotCandidates(generated.id, date, 'duty_officer')).some((c) => c.memberId === gone && c.eligible)) day = date;
      }
      assert.ok(day !== undefined);
      const june = await backend.setSlot(generated.id, day, 'duty_officer', gone);
      const octoberBefore = (await backend.getPublished({ year: 2026, month: 10 }))!;
      // November changes one published slot: that month alone becomes a new version.
      const november = doc.published.find((d) => d.date.startsWith('2026-11'))!;
      const [role] = Object.keys(november.slots);
      november.slots[role] = null;
      const text = JSON.stringify(doc);

      const preview = await backend.previewClubImport(text);
      assert.equal(preview.drafts.kept, 1);
      assert.deepEqual(preview.members.removed, ['Newcomer Nine']);
      assert.deepEqual(
        preview.drafts.emptiedSlots,
        june.slots
          .filter((s) => s.memberId === gone)
          .map((s) => ({ date: s.date, role: june.roles.find((r) => r.key === s.role)!.title, memberName: 'Newcomer Nine' })),
      );
      assert.ok(preview.drafts.emptiedSlots.some((s) => s.date === day && s.role === 'Duty Officer'));
      assert.deepEqual(preview.publishedMonths.kept, ['2026-10']);
      assert.deepEqual(preview.publishedMonths.replaced, ['2026-11']);
      assert.equal((await backend.getDraft({ year: 2026, month: 6 }))!.id, june.id, 'the preview changes nothing');

      const result = await backend.importClubFile(text, 'kestrel club.json');
      assert.match(result.backup, /^before-import-of-kestrel-club-/);
      assert.ok(existsSync(join(backupsDir(dataDir), result.backup)));
      assert.equal(result.draftsKept, 1);

      const after = (await backend.getDraft({ year: 2026, month: 6 }))!;
      assert.equal(after.id, june.id);
      for (const s of june.slots) {
        const now = slotOf(after, s.date, s.role);
        if (s.memberId === gone) {
          assert.equal(now.memberId, null);
          assert.ok(typeof now.diagnosis === 'string' && now.diagnosis.length > 0, 'an emptied slot is diagnosed');
        } else {
          assert.equal(now.memberId, s.memberId);
        }
      }
      const octoberAfter = (await backend.getPublished({ year: 2026, month: 10 }))!;
      assert.equal(octoberAfter.publishedAt, octoberBefore.publishedAt);
      assert.equal(octoberAfter.version, octoberBefore.version);
      const novemberAfter = (await backend.getPublished({ year: 2026, month: 11 }))!;
      assert.equal(novemberAfter.version, 2);
    });
  });

  it('a damaged file changes nothing and makes no backup', async () => {
    await withBackend(async (backend, dataDir) => {
      await apiError(backend.importClubFile('{"format":"rostermeister-club/1"', 'broken.json'), 'bad_input');
      await apiError(backend.previewClubImport(''), 'bad_input');
      assert.equal(existsSync(backupsDir(dataDir)) ? (await backend.listBackups()).length : 0, 0);
    });
  });
});

describe("Adopt and Roll keep the user's work; the replaced draft can be brought back", () => {
  it('Roll on an adopted optimizer draft uses the optimizer; adopting keeps locked slots; Roll, Adopt and Discard can be undone', async () => {
    await withBackend(async (backend) => {
      await apiError(backend.restoreReplacedDraft(), 'not_found');
      const settings = await backend.getSettings();
      await backend.updateSettings({ ...settings, timeLimitSeconds: 3 });
      const month = { year: 2026, month: 7 };
      const draft = await backend.generateDraft(month);
      const comparison = await backend.compare(month);

      // A hand edit locked after the comparison: a member the optimizer side does not put there.
      const day = draft.dutyDays[2];
      const sideHolder = comparison.optimizer!.assignments.find((a) => a.date === day && a.role === 'duty_officer')!.memberId;
      const pick = (await backend.slotCandidates(draft.id, day, 'duty_officer')).find((c) => c.eligible && c.memberId !== sideHolder)!;
      await backend.setSlot(draft.id, day, 'duty_officer', pick.memberId);
      const edited = await backend.setSlotLocked(draft.id, day, 'duty_officer', true);

      const adopted = await backend.adoptComparison(comparison.id, 'optimizer');
      assert.deepEqual([slotOf(adopted, day, 'duty_officer').memberId, slotOf(adopted, day, 'duty_officer').locked], [pick.memberId, true]);
      assert.equal(adopted.activeScheduler, 'optimizer', 'the next Roll uses the scheduler that made the draft');
      const status = await backend.monthStatus(month);
      assert.equal(status.replacedDraft?.action, 'adopt');

      // Undo Adopt: the edited draft is back, hand edit and lock included.
      const back = await backend.restoreReplacedDraft();
      assert.deepEqual(contents(back), contents(edited));
      assert.equal(back.run.id, edited.run.id);
      // ...and bringing back can itself be undone.
      const again = await backend.restoreReplacedDraft();
      assert.deepEqual(contents(again), contents(adopted));

      const rolled = await backend.rollDraft(again.id);
      assert.equal(rolled.run.requestedScheduler, 'optimizer');
      assert.deepEqual([slotOf(rolled, day, 'duty_officer').memberId, slotOf(rolled, day, 'duty_officer').locked], [pick.memberId, true]);
      const picked = await backend.rollDraftWith(rolled.id, 'legacy');
      assert.equal(picked.run.scheduler, 'legacy');
      const undoneRoll = await backend.restoreReplacedDraft();
      assert.equal(undoneRoll.run.id, rolled.run.id);
      assert.deepEqual(contents(undoneRoll), contents(rolled));

      await backend.discardDraft(undoneRoll.id);
      assert.equal(await backend.getDraft(month), null);
      assert.equal((await backend.monthStatus(month)).replacedDraft?.action, 'discard');
      const undiscarded = await backend.restoreReplacedDraft();
      assert.deepEqual(contents(undiscarded), contents(rolled));
      assert.equal((await backend.monthStatus({ year: 2026, month: 12 })).replacedDraft, null, 'another month has nothing to bring back');
    });
  });

  it('a settings switch after the draft was made is still the rollback for Roll', async () => {
    await withBackend(async (backend) => {
      const settings = await backend.getSettings();
      const draft = await backend.generateDraft({ year: 2026, month: 8 });
      await backend.updateSettings({ ...settings, scheduler: 'optimizer', timeLimitSeconds: 3 });
      assert.equal((await backend.getDraft({ year: 2026, month: 8 }))!.activeScheduler, 'optimizer');
      const rolled = await backend.rollDraft(draft.id);
      assert.equal(rolled.run.requestedScheduler, 'optimizer');
    });
  });
});

describe('publish says what it publishes', () => {
  it('lists empty slots and rule breaks; a rule break needs publish anyway; re-publishing counts changed slots and makes a new version', async () => {
    await withBackend(async (backend) => {
      const month = { year: 2026, month: 6 };
      const draft = await backend.generateDraft(month);
      const [a, b] = [draft.slots.find((s) => s.memberId !== null)!, draft.slots.filter((s) => s.memberId !== null)[5]];
      await backend.setSlot(draft.id, b.date, b.role, null);
      // A blackout added after the draft was made.
      const member = (await backend.listMembers()).find((m) => m.id === a.memberId)!;
      await backend.updateMember({ ...member, blackouts: [...new Set([...member.blackouts, a.date])].sort() });

      const check = await backend.publishCheck(draft.id);
      assert.ok(check.emptySlots.some((s) => s.date === b.date && s.role === b.role));
      assert.ok(
        check.ruleBreaks.some((r) => r.date === a.date && r.role === a.role && /blacked out/.test(r.message)),
        JSON.stringify(check.ruleBreaks),
      );
      assert.equal(check.published, null);
      assert.equal(check.changedSlots, null);
      const refused = await apiError(backend.publishDraft(draft.id), 'conflict');
      assert.match(refused.message, /hard rule/);
      assert.ok(await backend.getDraft(month), 'a refused publish changes nothing');

      const first = await backend.publishDraftAnyway(draft.id);
      assert.equal(first.version, 1);
      assert.ok(first.conflicts.some((c) => c.date === a.date && c.memberId === a.memberId));
      const status = await backend.monthStatus(month);
      assert.deepEqual([status.published?.version, status.published?.publishedAt], [1, first.publishedAt]);

      // Propose again: the check tells how many slots differ from version 1.
      const next = await backend.generateDraft(month);
      await backend.updateMember(member);
      const recheck = await backend.publishCheck(next.id);
      assert.equal(recheck.published?.version, 1);
      const expected = next.slots.filter((s) => {
        const was = first.days.find((d) => d.date === s.date)?.slots.find((x) => x.role === s.role)?.memberId ?? null;
        return was !== s.memberId;
      }).length;
      assert.equal(recheck.changedSlots, expected);
      assert.equal((await backend.publishDraft(next.id)).version, 2);
    });
  });
});

describe('the draft figures follow every change', () => {
  it('fill, fairness and spacing breaks are recomputed after a clear, a removal and a restore; the run keeps its own', async () => {
    await withBackend(async (backend) => {
      const draft = await backend.generateDraft({ year: 2026, month: 6 });
      const generated = draft.run.metrics!;
      assert.equal(draft.metrics.filled_slots, generated.filled_slots);
      const filled = draft.slots.filter((s) => s.memberId !== null).slice(0, 4);
      let view = draft;
      for (const s of filled) view = await backend.setSlot(draft.id, s.date, s.role, null);
      assert.equal(view.metrics.filled_slots, generated.filled_slots - 4);
      assert.equal(view.metrics.total_slots, generated.total_slots);
      assert.equal(view.metrics.fill_rate_percent, Math.round(((generated.filled_slots - 4) / generated.total_slots) * 10000) / 100);
      assert.deepEqual(view.run.metrics, generated, 'the run keeps its figures as generated');

      const date = draft.dutyDays[1];
      const removed = await backend.setDateRemoved(draft.id, date, true);
      assert.equal(removed.metrics.total_slots, generated.total_slots - draft.roles.length);
      const restored = await backend.setDateRemoved(draft.id, date, false);
      assert.equal(restored.metrics.total_slots, generated.total_slots);
      assert.equal(restored.metrics.filled_slots, view.metrics.filled_slots);

      // A hand edit that repeats a member in the same role on the neighbouring duty day counts as a spacing break.
      const [d0, d1] = [draft.dutyDays[0], draft.dutyDays[1]];
      const holder = slotOf(restored, d0, 'towpilot').memberId;
      const candidate =
        holder === null
          ? undefined
          : (await backend.slotCandidates(draft.id, d1, 'towpilot')).find((c) => c.memberId === holder && c.eligible);
      const spacingWarnings = (view: typeof restored) =>
        view.slots.flatMap((s) => s.warnings).filter((w) => /neighbouring duty day|7 days apart|last published day/.test(w)).length;
      assert.equal(restored.metrics.spacing_breaks, spacingWarnings(restored));
      if (candidate) {
        const spaced = await backend.setSlot(draft.id, d1, 'towpilot', holder);
        assert.ok(slotOf(spaced, d1, 'towpilot') && spaced.slots.some((s) => s.warnings.some((w) => w.includes('neighbouring duty day'))));
        assert.equal(spaced.metrics.spacing_breaks, spacingWarnings(spaced));
      }
    });
  });
});

describe('a month with no duty days', () => {
  it('says why before and after Generate, and publishing it is refused with the reason', async () => {
    await withBackend(async (backend) => {
      const month = { year: 2026, month: 1 };
      const status = await backend.monthStatus(month);
      assert.deepEqual(status.dutyDays, []);
      assert.match(
        status.noDutyDays ?? '',
        /January 2026 has no duty days: it lies outside the operating season \(First weekend of March to Last weekend of November\)/,
      );
      const draft = await backend.generateDraft(month);
      assert.equal(draft.noDutyDays, status.noDutyDays);
      const refused = await apiError(backend.publishDraft(draft.id), 'conflict');
      assert.match(refused.message, /Nothing to publish/);
      await apiError(backend.publishDraftAnyway(draft.id), 'conflict');
      assert.equal(
        (await backend.listPublishedMonths()).some((m) => m.year === 2026 && m.month === 1),
        false,
      );

      // A month whose every duty day the rostermeister removed says so too.
      const june = await backend.generateDraft({ year: 2026, month: 6 });
      let view = june;
      for (const date of june.dutyDays) view = await backend.setDateRemoved(june.id, date, true);
      assert.match(view.noDutyDays ?? '', /every duty day was removed/);
      assert.equal((await backend.monthStatus({ year: 2026, month: 6 })).noDutyDays, view.noDutyDays);
    });
  });
});

describe('carry-over needs the published duty day directly before the range', () => {
  it('applies after November into December, not into January across the unpublished December duty days', async () => {
    await withBackend(async (backend) => {
      // The demo club's history ends with November 2026 (last day 2026-11-29); December has extra duty days.
      const lastNovember = (await backend.getPublished({ year: 2026, month: 11 }))!.days.at(-1)!;
      const instructor = lastNovember.slots.find((s) => s.role === 'instructor')!.memberId!;
      const carried = (draft: { id: number; dutyDays: string[] }) =>
        backend
          .slotCandidates(draft.id, draft.dutyDays[0], 'instructor')
          .then((cs) => cs.find((c) => c.memberId === instructor)!.warnings.some((w) => w.includes('last published day')));

      const december = await backend.generateDraft({ year: 2026, month: 12 });
      assert.equal(await carried(december), true);
      const january = await backend.generateDraft({ year: 2027, month: 1 });
      assert.equal(await carried(january), false);

      // Once December is published, January carries over from December's last day.
      await backend.publishDraftAnyway(december.id);
      const januaryAgain = await backend.rollDraft(january.id);
      const lastDecember = (await backend.getPublished({ year: 2026, month: 12 }))!.days.at(-1)!;
      const decInstructor = lastDecember.slots.find((s) => s.role === 'instructor')!.memberId;
      if (decInstructor !== null) {
        const cs = await backend.slotCandidates(januaryAgain.id, januaryAgain.dutyDays[0], 'instructor');
        assert.ok(cs.find((c) => c.memberId === decInstructor)!.warnings.some((w) => w.includes('last published day')));
      }
    });
  });
});

describe('a blackout on a published duty day is flagged', () => {
  it('on the published month and for the member', async () => {
    await withBackend(async (backend) => {
      const october = (await backend.getPublished({ year: 2026, month: 10 }))!;
      assert.deepEqual(october.conflicts, []);
      const duty = october.days[0].slots.find((s) => s.memberId !== null)!;
      const date = october.days[0].date;
      const member = (await backend.listMembers()).find((m) => m.id === duty.memberId)!;
      await backend.updateMember({ ...member, blackouts: [...new Set([...member.blackouts, date])].sort() });

      const flagged = (await backend.getPublished({ year: 2026, month: 10 }))!;
      assert.deepEqual(
        flagged.conflicts.map((c) => [c.date, c.role, c.memberId]),
        [[date, duty.role, member.id]],
      );
      assert.match(flagged.conflicts[0].message, /blacked out/);
      assert.deepEqual(
        (await backend.publishedConflicts(member.id)).map((c) => c.date),
        [date],
      );
      assert.equal((await backend.publishedConflicts(null)).length, 1);
    });
  });
});
