import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import type { PublishedHistory, PublishedView } from '../../../main/api/contract.ts';
import type { Backend } from '../../../main/backend/index.ts';
import { apiError, tempBackend } from './helpers.ts';
import { JULY, JUNE, publishLayout, writeVersionClub } from './versionClub.ts';

const JUNE_REF = { year: 2026, month: 6 };
const JULY_REF = { year: 2026, month: 7 };

/** "Duty Officer 2026-06-13: Ann Lee -> Bob Ray" for every slot change of a version. */
const diffLines = (history: PublishedHistory, version: number): string[] =>
  history.versions
    .find((v) => v.version === version)!
    .changes.map((c) => `${c.roleTitle} ${c.date}: ${c.fromName ?? 'Empty'} -> ${c.toName ?? 'Empty'}`);

const holder = (view: PublishedView, date: string, role: string): string | null =>
  view.days.find((d) => d.date === date)!.slots.find((s) => s.role === role)!.memberId;

describe('versions, covers and swaps of published months, on a real database', () => {
  let backend: Backend;
  let cleanup: () => Promise<void>;
  const clubDir = mkdtempSync(join(tmpdir(), 'rm-version-club-'));
  const lastDuty = async (id: string) => (await backend.listMembers()).find((m) => m.id === id)!.lastDutyDate;
  /** The database file as another reader sees it: every version row and every published slot. */
  let databaseFile = '';
  const fileState = () => {
    const db = new Database(databaseFile, { readonly: true });
    try {
      return {
        versions: db.prepare('SELECT month, version, reason, note FROM published_version ORDER BY month, version').all(),
        slots: db
          .prepare(
            `SELECT s.date, s.role, s.member_id FROM roster_slot s JOIN roster r ON r.id = s.roster_id WHERE r.kind = 'published' ORDER BY s.date, s.role`,
          )
          .all(),
        lastDuty: db.prepare('SELECT id, last_duty_date FROM member ORDER BY id').all(),
      };
    } finally {
      db.close();
    }
  };

  before(async () => {
    ({ backend, cleanup } = await tempBackend({ demoClubPath: writeVersionClub(clubDir) }));
    databaseFile = backend.databaseFile;
    await publishLayout(backend, JUNE_REF, JUNE);
  });
  after(async () => {
    await cleanup();
    rmSync(clubDir, { recursive: true, force: true });
  });

  it('a publish is version 1, "published", with no difference to show', async () => {
    const history = await backend.publishedHistory(JUNE_REF);
    assert.deepEqual(
      history.versions.map((v) => [v.version, v.reason, v.current, v.previous, v.changes.length, v.filledSlots, v.totalSlots]),
      [[1, 'published', true, null, 0, 16, 16]],
    );
    assert.equal((await backend.getPublished(JUNE_REF))!.version, 1);
    assert.equal(await lastDuty('bob'), '2026-06-28');
  });

  it('a cover is the next version with its note and diff; the spacing rule it breaks is a warning', async () => {
    const candidates = await backend.coverCandidates('2026-06-13', 'duty_officer');
    // Ranked like the slot editor: allowed without warnings first, then with warnings, then the rest by reason.
    const tiers = candidates.map((c) => (!c.eligible ? 2 : c.warnings.length > 0 ? 1 : 0));
    assert.deepEqual(tiers, [...tiers].sort());
    assert.equal(candidates.find((c) => c.memberId === 'dan')!.reason, 'not qualified');
    assert.match(candidates.find((c) => c.memberId === 'bob')!.warnings.join(' '), /neighbouring duty day/);

    const change = await backend.coverDuty('2026-06-13', 'duty_officer', 'bob', 'Ann is ill');
    assert.deepEqual(change.months, [{ year: 2026, month: 6, version: 2 }]);
    assert.match(change.message, /Bob Ray covers Ann Lee as Duty Officer on 2026-06-13; June 2026 is now version 2\./);
    assert.deepEqual(change.warnings, ['Bob Ray is also Duty Officer on 2026-06-14, the neighbouring duty day.']);
    const history = await backend.publishedHistory(JUNE_REF);
    assert.deepEqual(
      history.versions.map((v) => [v.version, v.reason, v.note, v.current]),
      [
        [2, 'cover', 'Ann is ill', true],
        [1, 'published', null, false],
      ],
    );
    assert.deepEqual(diffLines(history, 2), ['Duty Officer 2026-06-13: Ann Lee -> Bob Ray']);
    const view = (await backend.getPublished(JUNE_REF))!;
    assert.equal(view.version, 2);
    assert.equal(holder(view, '2026-06-13', 'duty_officer'), 'bob');
  });

  it('a replacement records its own reason; last duty dates follow the change', async () => {
    // Bob's last duty was the instructor slot on the 28th; Ann takes it (the day after her 27th: a warning).
    const change = await backend.replaceDuty('2026-06-28', 'instructor', 'ann', '');
    assert.match(change.message, /^Bob Ray is replaced by Ann Lee as Instructor on 2026-06-28/);
    assert.deepEqual(change.warnings, ['Ann Lee is also Instructor on 2026-06-27, the neighbouring duty day.']);
    const history = await backend.publishedHistory(JUNE_REF);
    assert.deepEqual([history.versions[0].reason, history.versions[0].note], ['replace', null]);
    assert.deepEqual(diffLines(history, 3), ['Instructor 2026-06-28: Bob Ray -> Ann Lee']);
    assert.equal(await lastDuty('bob'), '2026-06-20');
    assert.equal(await lastDuty('ann'), '2026-06-28');
  });

  it('a swap exchanges two duties as one version whose diff lists both slots', async () => {
    const options = await backend.swapOptions('2026-06-07', 'instructor', JUNE_REF);
    const withAnn = options.find((o) => o.date === '2026-06-27' && o.role === 'instructor')!;
    assert.deepEqual([withAnn.memberId, withAnn.refusal], ['ann', null]);
    const change = await backend.swapDuties('2026-06-07', 'instructor', '2026-06-27', 'instructor', 'Bob is away early June');
    assert.match(
      change.message,
      /^Swapped: Ann Lee is Instructor on 2026-06-07, Bob Ray is Instructor on 2026-06-27; June 2026 is now version 4\./,
    );
    assert.deepEqual(withAnn.warnings, change.warnings, 'the option showed the warnings the swap gives');
    assert.ok(change.warnings.some((w) => /Ann Lee is also Instructor on 2026-06-06, the neighbouring duty day/.test(w)));
    const history = await backend.publishedHistory(JUNE_REF);
    assert.equal(history.versions[0].reason, 'swap');
    assert.deepEqual(diffLines(history, 4), ['Instructor 2026-06-07: Bob Ray -> Ann Lee', 'Instructor 2026-06-27: Ann Lee -> Bob Ray']);
    assert.equal(await lastDuty('bob'), '2026-06-27');
  });

  it('a change breaking a hard rule is refused with the rule named, and the database file is unchanged', async () => {
    const unchanged = fileState();
    const refusals: [() => Promise<unknown>, RegExp][] = [
      // Dan to the 20th, where Cat (whom he avoids) is Duty Officer; Bob to the 21st is fine.
      [
        () => backend.swapDuties('2026-06-21', 'instructor', '2026-06-20', 'instructor', null),
        /^Refused by the hard rule "avoids someone on duty": Dan Poe and Cat Fox avoid each other but are both on duty on 2026-06-20\.$/,
      ],
      [
        () => backend.swapDuties('2026-06-06', 'duty_officer', '2026-06-06', 'instructor', null),
        /"not qualified": Cat Fox may not be Instructor/,
      ],
      [() => backend.coverDuty('2026-06-20', 'duty_officer', 'eve', null), /"blacked out": Eve Kim may not be Duty Officer: blacked out\./],
      [
        () => backend.coverDuty('2026-06-06', 'duty_officer', 'gus', null),
        /"at monthly limit": Gus Tan is on duty more than the limit of 1/,
      ],
      [
        () => backend.coverDuty('2026-06-06', 'instructor', 'fay', null),
        /"inactive, opted out or suspended": Fay Orr may not be Instructor/,
      ],
      [
        () => backend.coverDuty('2026-06-14', 'duty_officer', 'ann', null),
        /"already on duty that day": Ann Lee is already Instructor on 2026-06-14\./,
      ],
      [() => backend.coverDuty('2026-06-06', 'instructor', 'dan', null), /"avoids someone on duty": Dan Poe and Cat Fox/],
    ];
    for (const [attempt, message] of refusals) assert.match((await apiError(attempt(), 'conflict')).message, message);
    assert.match((await apiError(backend.coverDuty('2026-06-06', 'instructor', 'ann', null), 'conflict')).message, /already holds/);
    assert.match(
      (await apiError(backend.coverDuty('2026-06-06', 'instructor', 'zed', null), 'bad_input', 'memberId')).message,
      /no member/,
    );
    assert.match(
      (await apiError(backend.coverDuty('2026-06-09', 'instructor', 'bob', null), 'not_found', 'date')).message,
      /Nothing is published/,
    );
    assert.match(
      (await apiError(backend.swapDuties('2026-06-06', 'instructor', '2026-06-06', 'instructor', null), 'conflict')).message,
      /itself/,
    );
    assert.match(
      (await apiError(backend.swapDuties('2026-06-06', 'instructor', '2026-06-14', 'instructor', null), 'conflict')).message,
      /holds both/,
    );
    // The swap options show the same refusal before anything is tried.
    const dan = (await backend.swapOptions('2026-06-21', 'instructor', JUNE_REF)).find(
      (o) => o.date === '2026-06-20' && o.role === 'instructor',
    )!;
    assert.match(dan.refusal ?? '', /avoid each other.*\(avoids someone on duty\)$/);
    assert.deepEqual(fileState(), unchanged);
  });

  it('restoring a version makes it the next version; last duty dates follow; restoring again is refused', async () => {
    const change = await backend.restorePublishedVersion(JUNE_REF, 1, 'back to the plan');
    assert.deepEqual(change.months, [{ year: 2026, month: 6, version: 5 }]);
    assert.equal(change.message, 'Version 1 of June 2026 is restored as version 5.');
    const history = await backend.publishedHistory(JUNE_REF);
    assert.deepEqual([history.versions[0].reason, history.versions[0].note], ['restored v1', 'back to the plan']);
    assert.deepEqual(diffLines(history, 5), [
      'Instructor 2026-06-07: Ann Lee -> Bob Ray',
      'Duty Officer 2026-06-13: Bob Ray -> Ann Lee',
      'Instructor 2026-06-27: Bob Ray -> Ann Lee',
      'Instructor 2026-06-28: Ann Lee -> Bob Ray',
    ]);
    const view = (await backend.getPublished(JUNE_REF))!;
    for (const [date, [instructor, officer]] of Object.entries(JUNE)) {
      assert.deepEqual([holder(view, date, 'instructor'), holder(view, date, 'duty_officer')], [instructor, officer], date);
    }
    assert.equal(view.version, 5);
    assert.equal(await lastDuty('bob'), '2026-06-28');
    assert.equal(await lastDuty('ann'), '2026-06-27');

    const unchanged = fileState();
    assert.match(
      (await apiError(backend.restorePublishedVersion(JUNE_REF, 1, null), 'conflict', 'version')).message,
      /already holds what version 1 holds/,
    );
    assert.match((await apiError(backend.restorePublishedVersion(JUNE_REF, 5, null), 'conflict', 'version')).message, /current version/);
    assert.match(
      (await apiError(backend.restorePublishedVersion(JUNE_REF, 9, null), 'not_found', 'version')).message,
      /no version 9 \(its versions are 1 to 5\)/,
    );
    await apiError(backend.restorePublishedVersion(JULY_REF, 1, null), 'not_found', 'month');
    await apiError(backend.publishedHistory({ year: 2026, month: 6, months: 2 }), 'bad_input', 'month.months');
    assert.deepEqual(fileState(), unchanged);

    // An older version than the last restore can still be restored: back to the swap.
    await backend.restorePublishedVersion(JUNE_REF, 4, null);
    assert.equal(await lastDuty('bob'), '2026-06-27');
    assert.equal(holder((await backend.getPublished(JUNE_REF))!, '2026-06-07', 'instructor'), 'ann');
  });

  it('a swap across two months gives each month its own version, checked and warned on both sides', async () => {
    await publishLayout(backend, JULY_REF, JULY);
    assert.equal((await backend.publishedHistory(JULY_REF)).versions[0].reason, 'published');
    // Bob (instructor, 27 June) and Dan (instructor, 4 July).
    const change = await backend.swapDuties('2026-06-27', 'instructor', '2026-07-04', 'instructor', 'weekend swap');
    assert.deepEqual(change.months, [
      { year: 2026, month: 6, version: 7 },
      { year: 2026, month: 7, version: 2 },
    ]);
    assert.match(change.message, /June 2026 is now version 7 and July 2026 version 2\.$/);
    assert.deepEqual(
      change.warnings.sort(),
      [
        'Bob Ray is also Instructor on 2026-07-05, the neighbouring duty day.',
        'Dan Poe is also Instructor on 2026-06-21, the neighbouring duty day.',
      ].sort(),
    );
    assert.deepEqual(diffLines(await backend.publishedHistory(JUNE_REF), 7), ['Instructor 2026-06-27: Bob Ray -> Dan Poe']);
    const july = await backend.publishedHistory(JULY_REF);
    assert.deepEqual(diffLines(july, 2), ['Instructor 2026-07-04: Dan Poe -> Bob Ray']);
    assert.deepEqual([july.versions[0].reason, july.versions[0].note], ['swap', 'weekend swap']);
    assert.equal(await lastDuty('bob'), '2026-07-05');
    assert.equal(await lastDuty('dan'), '2026-06-27');
    // Swapping back refuses nothing but is a new version again (no undo in place).
    await backend.swapDuties('2026-06-27', 'instructor', '2026-07-04', 'instructor', null);
    assert.deepEqual([(await backend.getPublished(JUNE_REF))!.version, (await backend.getPublished(JULY_REF))!.version], [8, 3]);
    assert.equal(await lastDuty('dan'), '2026-07-04');
  });
});
