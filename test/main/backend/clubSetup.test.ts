import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import type { ClubCalendar, RoleSetting } from '../../../main/api/contract.ts';
import { callApi } from '../../../main/api/dispatch.ts';
import type { Backend } from '../../../main/backend/index.ts';
import { dumpTables } from '../../hardening/fixtures/database.ts';
import { apiError, tempBackend } from './helpers.ts';

/**
 * The club calendar and the roles edited through the API on a real backend and SQLite file (the demo
 * club: weekends from the first weekend of March to the last of November, four roles, October and
 * November 2026 published), and what the changes do to drafts and published history.
 */
describe('club calendar and roles in the settings', () => {
  let backend: Backend;
  let cleanup: () => Promise<void>;
  let reader: Database.Database;
  const june = { year: 2027, month: 6 };
  const july = { year: 2027, month: 7 };
  const october2026 = { year: 2026, month: 10 };

  before(async () => {
    ({ backend, cleanup } = await tempBackend());
    reader = new Database(backend.databaseFile, { readonly: true });
  });

  after(async () => {
    reader.close();
    await cleanup();
  });

  const withCalendar = async (change: (c: ClubCalendar) => ClubCalendar) => change(await backend.getClubCalendar());

  it('says before saving which drafts an extra duty day and a removed date affect, and changes nothing', async () => {
    await backend.generateDraft(june);
    const julyDraft = await backend.generateDraft(july);
    await backend.setSlotLocked(julyDraft.id, '2027-07-03', 'instructor', true);
    const state = dumpTables(reader);

    const calendar = await withCalendar((c) => ({
      ...c,
      extraDutyDays: [...c.extraDutyDays, { from: '2027-06-09', to: '2027-06-09', label: 'Bank holiday' }],
      removedDates: [...c.removedDates, { date: '2027-07-03', reason: 'Airfield closed' }],
    }));
    const preview = await backend.previewClubCalendar(calendar);
    assert.equal(
      preview.summary,
      'Affects the June 2027 draft (1 duty day added: 4 empty slots to fill) and the July 2027 draft (1 duty day removed: 4 slots leave it (4 filled, 1 locked)).',
    );
    assert.deepEqual(
      preview.drafts.map((d) => [d.range.start, d.daysAdded, d.daysRemoved]),
      [
        ['2027-06-01', ['2027-06-09'], []],
        ['2027-07-01', [], ['2027-07-03']],
      ],
    );
    assert.equal(dumpTables(reader), state, 'a preview writes nothing');
  });

  it('saves the calendar: the new day has empty slots and its label, the removed day shows with its reason, published months stay', async () => {
    const publishedBefore = await backend.getPublished(october2026);
    const julyBefore = (await backend.getDraft(july))!;
    const heldOn3rd = julyBefore.slots.filter((s) => s.date === '2027-07-03');
    const calendar = await withCalendar((c) => ({
      ...c,
      operatingWeekdays: ['sat', 'sun'],
      extraDutyDays: [
        ...c.extraDutyDays,
        { from: '2027-06-09', to: '2027-06-09', label: 'Bank holiday' },
        { from: '2027-08-16', to: '2027-08-20', label: 'Competition week' },
      ],
      removedDates: [...c.removedDates, { date: '2027-07-03', reason: 'Airfield closed' }],
    }));
    const saved = await backend.updateClubCalendar(calendar);
    assert.match(
      saved.summary,
      /^The June 2027 draft: 1 duty day added: 4 empty slots added\. The July 2027 draft: 1 duty day removed: 4 slots taken out \(4 filled, 1 locked\)\. Published rosters stay as they were\.$/,
    );
    assert.deepEqual(
      saved.calendar.extraDutyDays.filter((r) => r.label !== null),
      [
        { from: '2027-06-09', to: '2027-06-09', label: 'Bank holiday' },
        { from: '2027-08-16', to: '2027-08-20', label: 'Competition week' },
      ],
      'a run reads back as one entry with its label',
    );
    assert.deepEqual(
      (await backend.getClubCalendar()).removedDates.find((r) => r.date === '2027-07-03'),
      { date: '2027-07-03', reason: 'Airfield closed' },
    );

    const juneDraft = (await backend.getDraft(june))!;
    assert.ok(juneDraft.dutyDays.includes('2027-06-09'));
    assert.deepEqual(
      juneDraft.slots.filter((s) => s.date === '2027-06-09').map((s) => s.memberId),
      [null, null, null, null],
    );
    assert.deepEqual(juneDraft.dayLabels, { '2027-06-09': 'Bank holiday' });
    const julyDraft = (await backend.getDraft(july))!;
    assert.ok(!julyDraft.dutyDays.includes('2027-07-03'));
    assert.ok(julyDraft.clubRemovedDates.some((r) => r.date === '2027-07-03' && r.reason === 'Airfield closed'));
    assert.deepEqual(await backend.getPublished(october2026), publishedBefore);

    // Restoring the club's removed date brings the day back with the slots it had, lock included.
    const restored = await backend.updateClubCalendar(
      await withCalendar((c) => ({ ...c, removedDates: c.removedDates.filter((r) => r.date !== '2027-07-03') })),
    );
    assert.match(restored.summary, /^The July 2027 draft: 1 duty day added: 4 empty slots added\./);
    const back = (await backend.getDraft(july))!.slots.filter((s) => s.date === '2027-07-03');
    assert.deepEqual(
      back.map((s) => [s.role, s.memberId, s.locked]),
      heldOn3rd.map((s) => [s.role, s.memberId, s.role === 'instructor']),
    );
  });

  it('refuses a bad calendar with a message naming the form field, and changes nothing', async () => {
    const state = dumpTables(reader);
    const base = await backend.getClubCalendar();
    const overlap = await apiError(
      backend.updateClubCalendar({
        ...base,
        extraDutyDays: [
          { from: '2027-09-01', to: '2027-09-05', label: 'Competition week' },
          { from: '2027-09-04', to: '2027-09-04', label: 'Open day' },
        ],
      }),
      'bad_input',
      'extraDutyDays[1].from',
    );
    assert.equal(overlap.message, 'Extra duty day: 2027-09-04 is already in entry 1 of the list.');
    await apiError(backend.updateClubCalendar({ ...base, seasonStart: 'Fifth weekend of Marchember' }), 'bad_input', 'seasonStart');
    await apiError(
      backend.updateClubCalendar({ ...base, removedDates: [...base.removedDates, base.removedDates[0]] }),
      'bad_input',
      `removedDates[${base.removedDates.length}].date`,
    );
    const feb30 = await callApi(backend, 'updateClubCalendar', [
      { ...base, extraDutyDays: [{ from: '2027-02-30', to: '2027-02-30', label: null }] },
    ]);
    assert.equal(feb30.ok, false);
    assert.match(feb30.ok ? '' : feb30.error.message, /^Extra duty day: 2027-02-30 is not a date/);
    assert.equal(dumpTables(reader), state);
  });

  it('keeps labels and reasons through a club file export and import', async () => {
    await backend.updateClubCalendar(
      await withCalendar((c) => ({ ...c, removedDates: [...c.removedDates, { date: '2027-09-04', reason: 'Club dinner' }] })),
    );
    const before = await backend.getClubCalendar();
    const text = await backend.exportClub();
    const file = JSON.parse(text) as {
      extraDutyDays: unknown[];
      extraDutyDayLabels: Record<string, string>;
      removedDateReasons: Record<string, string>;
    };
    assert.equal(file.extraDutyDayLabels['2027-08-18'], 'Competition week');
    assert.deepEqual(file.removedDateReasons, { '2027-09-04': 'Club dinner' }, 'the restored date took its reason with it');
    assert.ok(
      file.extraDutyDays.every((d) => typeof d === 'string'),
      'the dates stay plain strings (format 1)',
    );
    await backend.importClub(text);
    assert.deepEqual(await backend.getClubCalendar(), before);
  });

  it('adds AM and PM tow roles that share the tow pilot qualification, and a three-month range schedules them', async () => {
    const { roles } = await backend.getClubSettings();
    const next: RoleSetting[] = [
      ...roles,
      { key: 'am_tow', title: 'AM Tow', qualification: 'towpilot', scheduled: true },
      { key: 'pm_tow', title: 'PM Tow', qualification: 'towpilot', scheduled: true },
    ];
    const preview = await backend.previewRoles(next);
    assert.match(
      preview.summary,
      /^Affects the June 2027 draft \(AM Tow and PM Tow added: 18 empty slots to fill\) and the July 2027 draft/,
    );
    const saved = await backend.updateRoles(next);
    assert.deepEqual(
      saved.roles.slice(-2).map((r) => [r.key, r.qualification]),
      [
        ['am_tow', 'towpilot'],
        ['pm_tow', 'towpilot'],
      ],
    );

    const range = await backend.generateDraft({ year: 2027, month: 6, months: 3 });
    assert.deepEqual(range.range, { start: '2027-06-01', end: '2027-08-31' });
    assert.deepEqual([...new Set(range.dutyDays.map((d) => d.slice(0, 7)))], ['2027-06', '2027-07', '2027-08']);
    assert.ok(range.dutyDays.includes('2027-08-18'), 'the competition week is in the range');
    assert.deepEqual(
      range.roles.map((r) => r.key),
      ['instructor', 'towpilot', 'duty_officer', 'assistant_duty_officer', 'am_tow', 'pm_tow'],
    );
    const members = new Map((await backend.listMembers()).map((m) => [m.id, m]));
    const tows = range.slots.filter((s) => (s.role === 'am_tow' || s.role === 'pm_tow') && s.memberId !== null);
    assert.ok(tows.length > range.dutyDays.length, 'most tow shifts are filled');
    for (const s of tows) assert.ok(members.get(s.memberId!)!.qualifications.includes('towpilot'), `${s.memberId} tows on ${s.date}`);
    for (const day of range.dutyDays) {
      const onDuty = range.slots.filter((s) => s.date === day && s.memberId !== null).map((s) => s.memberId);
      assert.equal(new Set(onDuty).size, onDuty.length, `one role per member on ${day}`);
    }
    assert.equal((await backend.getDraft(june))!.id, range.id, 'the range replaced the June and July drafts');
  });

  it('renames and reorders (titles and order only), retires a role with published history, and refuses to delete it', async () => {
    const { roles } = await backend.getClubSettings();
    const byKey = (key: string) => roles.find((r) => r.key === key)!;
    const draftBefore = (await backend.getDraft(june))!;
    const towSlots = draftBefore.slots.filter((s) => s.role === 'towpilot');
    const octoberBefore = (await backend.getPublished(october2026))!;
    const state = dumpTables(reader);

    const deleted = await apiError(backend.updateRoles(roles.filter((r) => r.key !== 'towpilot')), 'conflict', 'roles');
    assert.match(deleted.message, /Tow Pilot.*published rosters.*Retire it instead/);
    await apiError(backend.updateRoles(roles.map((r) => ({ ...r, scheduled: false }))), 'bad_input', 'roles');
    assert.equal(dumpTables(reader), state, 'refused changes leave everything as it was');

    const next: RoleSetting[] = [
      { ...byKey('am_tow'), title: 'Morning Tow' },
      byKey('pm_tow'),
      { ...byKey('instructor'), title: 'Flight Instructor' },
      byKey('duty_officer'),
      byKey('assistant_duty_officer'),
      { ...byKey('towpilot'), retired: true },
    ];
    const saved = await backend.updateRoles(next);
    assert.equal(
      saved.summary,
      `The June 2027 to August 2027 draft: Tow Pilot no longer scheduled: ${towSlots.length} slots taken out (${towSlots.filter((s) => s.memberId !== null).length} filled). Published rosters stay as they were.`,
    );
    assert.deepEqual(saved.roles.at(-1), {
      key: 'towpilot',
      title: 'Tow Pilot',
      qualification: 'towpilot',
      scheduled: false,
      retired: true,
    });

    const draft = (await backend.getDraft(june))!;
    assert.deepEqual(
      draft.roles.map((r) => [r.key, r.title]),
      [
        ['am_tow', 'Morning Tow'],
        ['pm_tow', 'PM Tow'],
        ['instructor', 'Flight Instructor'],
        ['duty_officer', 'Duty Officer'],
        ['assistant_duty_officer', 'Assistant Duty Officer'],
      ],
    );
    assert.equal(draft.slots.filter((s) => s.role === 'towpilot').length, 0);
    const stored = reader
      .prepare(`SELECT COUNT(*) AS n FROM roster_slot s JOIN roster r ON r.id = s.roster_id WHERE r.kind = 'draft' AND s.role = 'towpilot'`)
      .get() as { n: number };
    assert.equal(stored.n, 0, 'the retired role has no draft slots left');
    // The renamed instructor keeps every slot it had.
    assert.deepEqual(
      draft.slots.filter((s) => s.role === 'instructor').map((s) => s.memberId),
      draftBefore.slots.filter((s) => s.role === 'instructor').map((s) => s.memberId),
    );

    const october = (await backend.getPublished(october2026))!;
    assert.ok(
      october.roles.some((r) => r.key === 'towpilot' && r.title === 'Tow Pilot'),
      'published history keeps the retired role',
    );
    assert.deepEqual(
      october.days.map((d) => d.slots.filter((s) => s.role === 'towpilot').map((s) => s.memberId)),
      octoberBefore.days.map((d) => d.slots.filter((s) => s.role === 'towpilot').map((s) => s.memberId)),
    );
    const csv = Buffer.from((await backend.exportPublished({ ...october2026, format: 'csv' })).base64, 'base64').toString('utf8');
    assert.match(csv.split('\n')[0], /Tow Pilot/, 'exports still show the retired role');

    // A role with no published slots can be deleted; a retired one can be brought back.
    const again = await backend.updateRoles([
      ...saved.roles.filter((r) => r.key !== 'pm_tow' && r.key !== 'towpilot'),
      { ...saved.roles.find((r) => r.key === 'towpilot')!, retired: false, scheduled: true },
    ]);
    assert.deepEqual(
      again.roles.map((r) => r.key),
      ['am_tow', 'instructor', 'duty_officer', 'assistant_duty_officer', 'towpilot'],
    );
    assert.equal(again.roles.at(-1)!.retired, undefined);
    assert.match(again.summary, /PM Tow no longer scheduled/);
    assert.match(again.summary, /Tow Pilot added/);
  });
});
