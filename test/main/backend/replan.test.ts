import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { after, before, describe, it } from 'node:test';
import type { PublishedView, ReplanProposal } from '../../../main/api/contract.ts';
import type { Backend } from '../../../main/backend/index.ts';
import { loadClub } from '../../../main/db/clubRepo.ts';
import { publishedSlots } from '../../../main/db/rosterRepo.ts';
import { listVersions, versionSlots } from '../../../main/db/versionRepo.ts';
import { publishedRoster, replanProblem } from '../../../solver/replan.ts';
import { spacingBreaks, validateRoster } from '../../../solver/validate.ts';
import { apiError, tempBackend } from './helpers.ts';

const JUNE = { year: 2026, month: 6 };

const changesOf = (p: ReplanProposal) => p.changes.map((c) => ({ date: c.date, role: c.role, memberId: c.toId }));

/** The slots two versions of a month differ in, as [date, role, before, after]. */
function versionDiff(file: string, month: string, a: number, b: number): [string, string, string | null, string | null][] {
  const db = new Database(file, { readonly: true });
  try {
    const after = new Map(versionSlots(db, month, b).map((s) => [`${s.date}|${s.role}`, s.memberId]));
    return versionSlots(db, month, a)
      .filter((s) => after.get(`${s.date}|${s.role}`) !== s.memberId)
      .map((s) => [s.date, s.role, s.memberId, after.get(`${s.date}|${s.role}`) ?? null]);
  } finally {
    db.close();
  }
}

function versionsOf(file: string, month: string) {
  const db = new Database(file, { readonly: true });
  try {
    return listVersions(db, month);
  } finally {
    db.close();
  }
}

/** Members who could take the slot as the one change of June: every hard rule kept, no strict spacing break. */
function singleSubstitutes(file: string, at: { date: string; role: string }): string[] {
  const db = new Database(file, { readonly: true });
  try {
    const stored = loadClub(db);
    const range = { start: '2026-06-01', end: '2026-06-30' };
    const problem = replanProblem(stored.club, range, publishedSlots(db, range));
    const roster = publishedRoster(problem);
    return stored.club.members
      .map((m) => m.id)
      .filter((id) => {
        const changed = roster.map((s) => (s.date === at.date && s.role === at.role ? { ...s, memberId: id } : s));
        return validateRoster({ ...problem, locked: [] }, changed).length === 0 && spacingBreaks(problem, changed).length === 0;
      });
  } finally {
    db.close();
  }
}

async function publishJune(backend: Backend): Promise<PublishedView> {
  const draft = await backend.generateDraft(JUNE);
  await backend.publishDraftAnyway(draft.id);
  return (await backend.getPublished(JUNE))!;
}

/** A published duty of a member with other duties that month, and no conflict yet. */
function someDuty(view: PublishedView): { date: string; role: string; memberId: string } {
  for (const day of view.days)
    for (const s of day.slots) if (s.memberId !== null) return { date: day.date, role: s.role, memberId: s.memberId };
  throw new Error('nothing published');
}

describe('re-plan on a real database', () => {
  let backend: Backend;
  let cleanup: () => Promise<void>;
  before(async () => ({ backend, cleanup } = await tempBackend()));
  after(() => cleanup());

  it('legacy: a new blackout is a conflict; the re-plan redraws only that slot and accepting makes a version with that diff', async () => {
    const view = await publishJune(backend);
    assert.deepEqual(view.conflicts, []);
    const duty = someDuty(view);
    const member = (await backend.listMembers()).find((m) => m.id === duty.memberId)!;
    await backend.updateMember({ ...member, blackouts: [...member.blackouts, duty.date] });

    const conflicts = (await backend.getPublished(JUNE))!.conflicts;
    assert.deepEqual(
      conflicts.map((c) => [c.date, c.role, c.memberId, c.rule]),
      [[duty.date, duty.role, duty.memberId, 'blackout']],
    );
    assert.match(conflicts[0].message, new RegExp(`^${member.name} may not be .*: blacked out\\.$`));
    assert.deepEqual(await backend.publishedConflicts(duty.memberId), conflicts);

    const proposal = await backend.proposeReplan(JUNE);
    assert.equal(proposal.scheduler, 'legacy');
    assert.equal(proposal.changes.length, 1);
    const [change] = proposal.changes;
    assert.deepEqual([change.date, change.role, change.fromId], [duty.date, duty.role, duty.memberId]);
    assert.notEqual(change.toId, null);
    assert.deepEqual(
      proposal.members.map((m) => [m.memberId, m.gains.length, m.loses.length]).sort(),
      [
        [duty.memberId, 0, 1],
        [change.toId, 1, 0],
      ].sort(),
    );
    // Proposing changes nothing, and proposing again proposes the same (the seed follows the version).
    assert.equal((await backend.getPublished(JUNE))!.version, view.version);
    assert.deepEqual(await backend.proposeReplan(JUNE), proposal);

    const accepted = await backend.acceptReplan(JUNE, proposal.token, changesOf(proposal));
    assert.deepEqual(accepted, { version: view.version + 1, changedSlots: 1 });
    const now = (await backend.getPublished(JUNE))!;
    assert.equal(now.version, view.version + 1);
    assert.deepEqual(now.conflicts, []);
    const versions = versionsOf(backend.databaseFile, '2026-06');
    assert.deepEqual(versions.at(-1)!.reason, 're-plan');
    assert.match(versions.at(-1)!.note ?? '', /blacked out/);
    assert.deepEqual(versionDiff(backend.databaseFile, '2026-06', view.version, view.version + 1), [
      [duty.date, duty.role, duty.memberId, change.toId],
    ]);
    // Last duty dates follow the new version.
    const lastDuty = (await backend.listMembers()).find((m) => m.id === change.toId)!.lastDutyDate;
    assert.ok(lastDuty !== null && lastDuty >= duty.date);
  });

  it('refuses a stale proposal: accepted twice, or after the month changed', async () => {
    const view = (await backend.getPublished(JUNE))!;
    const duty = someDuty(view);
    const member = (await backend.listMembers()).find((m) => m.id === duty.memberId)!;
    await backend.updateMember({ ...member, suspended: true });
    const conflicts = (await backend.getPublished(JUNE))!.conflicts;
    assert.ok(conflicts.length >= 1);
    assert.ok(conflicts.every((c) => c.memberId === member.id && c.rule === 'not_available' && c.message.endsWith(': suspended.')));

    const proposal = await backend.proposeReplan(JUNE);
    assert.equal(proposal.changes.filter((c) => c.fromId === member.id).length, conflicts.length);
    await backend.acceptReplan(JUNE, proposal.token, changesOf(proposal));
    const again = await apiError(backend.acceptReplan(JUNE, proposal.token, changesOf(proposal)), 'conflict', 'token');
    assert.match(again.message, /has changed since this re-plan was proposed \(it is version \d+ now\)\. Re-plan again/);
    assert.equal(versionsOf(backend.databaseFile, '2026-06').length, view.version + 1);

    // A proposal made before the month was published again is refused too.
    await backend.updateMember({ ...member, suspended: false, blackouts: [...member.blackouts, ...view.days.map((d) => d.date)] });
    const before = await backend.proposeReplan(JUNE);
    await publishJune(backend);
    await apiError(backend.acceptReplan(JUNE, before.token, changesOf(before)), 'conflict', 'token');
  });

  it('refuses a change that breaks a rule with the club as it is now, and writes nothing', async () => {
    const view = (await backend.getPublished(JUNE))!;
    const { token } = await backend.proposeReplan(JUNE);
    const duty = someDuty(view);
    const unqualified = (await backend.listMembers()).find((m) => m.active && !m.qualifications.includes(duty.role))!;
    const error = await apiError(
      backend.acceptReplan(JUNE, token, [{ date: duty.date, role: duty.role, memberId: unqualified.id }]),
      'conflict',
      'changes',
    );
    assert.match(error.message, /not qualified/);
    await apiError(backend.acceptReplan(JUNE, token, [{ date: '2026-06-02', role: duty.role, memberId: null }]), 'bad_input', 'changes[0]');
    await apiError(backend.acceptReplan({ year: 2026, month: 9 }, token, []), 'not_found', 'month');
    assert.equal((await backend.getPublished(JUNE))!.version, view.version);
  });
});

describe('optimizer re-plan on a real database', () => {
  let backend: Backend;
  let cleanup: () => Promise<void>;
  before(async () => ({ backend, cleanup } = await tempBackend()));
  after(() => cleanup());

  it('after one new blackout changes exactly as few slots as one substitute needs, where legacy would break spacing or fairness rules', async () => {
    await backend.updateSettings({ ...(await backend.getSettings()), scheduler: 'optimizer', timeLimitSeconds: 60 });
    const view = await publishJune(backend);
    assert.deepEqual(view.conflicts, []);
    // A duty whose holder can be replaced by one substitute alone without any strict spacing break:
    // then one changed slot is the minimum, counted here by trying every member in that slot.
    const members = await backend.listMembers();
    let chosen: { duty: { date: string; role: string; memberId: string }; substitutes: string[] } | null = null;
    for (const day of view.days) {
      for (const s of day.slots) {
        if (s.memberId === null || chosen !== null) continue;
        const member = members.find((m) => m.id === s.memberId)!;
        await backend.updateMember({ ...member, blackouts: [...member.blackouts, day.date] });
        const substitutes = singleSubstitutes(backend.databaseFile, { date: day.date, role: s.role });
        if (substitutes.length > 0) chosen = { duty: { date: day.date, role: s.role, memberId: s.memberId }, substitutes };
        else await backend.updateMember(member);
      }
    }
    assert.ok(chosen !== null, 'no duty of June has a one-change fix');

    const proposal = await backend.proposeReplan(JUNE);
    assert.equal(proposal.scheduler, 'optimizer');
    assert.equal(proposal.fallback, null);
    assert.equal(proposal.changes.length, 1);
    const [change] = proposal.changes;
    assert.deepEqual([change.date, change.role, change.fromId], [chosen.duty.date, chosen.duty.role, chosen.duty.memberId]);
    assert.ok(chosen.substitutes.includes(change.toId!));

    const accepted = await backend.acceptReplan(JUNE, proposal.token, changesOf(proposal));
    assert.equal(accepted.version, view.version + 1);
    assert.deepEqual(versionDiff(backend.databaseFile, '2026-06', view.version, accepted.version), [
      [chosen.duty.date, chosen.duty.role, chosen.duty.memberId, change.toId],
    ]);
  });

  it('proposes nothing when no published duty clashes', async () => {
    const proposal = await backend.proposeReplan(JUNE);
    assert.deepEqual([proposal.conflicts, proposal.changes], [[], []]);
    await apiError(backend.acceptReplan(JUNE, proposal.token, []), 'bad_input', 'changes');
  });
});
