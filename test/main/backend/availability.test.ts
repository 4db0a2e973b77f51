import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Backend } from '../../../main/backend/index.ts';
import type { UnavailableRule } from '../../../solver/types.ts';
import { apiError, tempBackend } from './helpers.ts';

/** Availability rules in the app, on a real database: import, schedule, edit, export, re-import, reopen. */

const RULES: UnavailableRule[] = [
  { weekday: 'sun', level: 'never' },
  { from: '2026-06-13', to: '2026-06-14', roles: ['towpilot'], level: 'never', note: 'away' },
  { weekday: 'sat', months: [6], level: 'preferNot' },
];

const clubFile = JSON.stringify({
  format: 'rostermeister-club/2',
  club: { name: 'Ridge Soaring Club' },
  roles: [{ key: 'towpilot', title: 'Tow Pilot' }],
  members: [
    { id: 'm001', name: 'Alex Rivera', qualifications: ['towpilot'], blackouts: ['2026-06-20'], unavailable: RULES },
    { id: 'm002', name: 'Zoë Müller', qualifications: ['towpilot'] },
    { id: 'm003', name: 'Kim Lee', qualifications: ['towpilot'] },
  ],
});

describe('availability rules in the app', () => {
  let backend: Backend;
  let dataDir: string;
  let cleanup: () => Promise<void>;
  before(async () => ({ backend, dataDir, cleanup } = await tempBackend()));
  after(() => cleanup());

  const alex = async () => (await backend.listMembers()).find((m) => m.id === 'm001')!;

  it('are kept by an import and an export, and a second import of the export changes nothing', async () => {
    await backend.importClub(clubFile);
    assert.deepEqual((await alex()).unavailable, RULES);
    assert.equal((await backend.listMembers()).find((m) => m.id === 'm002')!.unavailable, undefined);
    const exported = await backend.exportClub();
    const doc = JSON.parse(exported) as { format: string; members: { unavailable?: unknown; blackouts: string[] }[] };
    assert.equal(doc.format, 'rostermeister-club/2');
    assert.deepEqual(doc.members[0].unavailable, RULES);
    assert.deepEqual(doc.members[0].blackouts, ['2026-06-20']);
    await backend.importClub(exported);
    assert.equal(await backend.exportClub(), exported);
  });

  it('keep Alex off Sundays and the tow range in both schedulers and the slot editor', async () => {
    for (const scheduler of ['legacy', 'optimizer'] as const) {
      await backend.updateSettings({ ...(await backend.getSettings()), scheduler });
      const existing = await backend.getDraft({ year: 2026, month: 6 });
      if (existing) await backend.discardDraft(existing.id);
      const draft = await backend.generateDraft({ year: 2026, month: 6 });
      assert.equal(draft.run.scheduler, scheduler);
      const alexDays = draft.slots.filter((s) => s.memberId === 'm001').map((s) => s.date);
      assert.ok(
        alexDays.every((d) => !['2026-06-07', '2026-06-13', '2026-06-14', '2026-06-20', '2026-06-21', '2026-06-28'].includes(d)),
        `${scheduler}: ${alexDays.join(', ')}`,
      );
      const sunday = await backend.slotCandidates(draft.id, '2026-06-07', 'towpilot');
      assert.deepEqual(
        sunday.filter((c) => c.memberId === 'm001').map((c) => [c.eligible, c.reason]),
        [[false, 'unavailable']],
      );
    }
  });

  it('a bad rule is refused naming the field, and nothing is saved', async () => {
    const before = await alex();
    const bad = [...RULES, { from: '2026-07-21', to: '2026-07-01', level: 'never' } as UnavailableRule];
    const error = await apiError(backend.updateMember({ ...before, unavailable: bad }), 'bad_input', 'member.unavailable[3].to');
    assert.match(error.message, /Availability \(rule 4, to\)/);
    assert.deepEqual(await alex(), before);
  });

  it('survive saving the member and reopening the database, every field in its own column; removing them all leaves none', async () => {
    const saved = await backend.updateMember({ ...(await alex()), name: 'Alex Rivera-Cole' });
    assert.deepEqual(saved.unavailable, RULES);
    const db = new Database(join(dataDir, 'rostermeister.db'), { readonly: true });
    try {
      assert.deepEqual(db.prepare('SELECT * FROM member_unavailable ORDER BY position').all(), [
        {
          member_id: 'm001',
          position: 0,
          date: null,
          from_date: null,
          to_date: null,
          weekday: 'sun',
          months: null,
          roles: null,
          level: 'never',
          note: null,
        },
        {
          member_id: 'm001',
          position: 1,
          date: null,
          from_date: '2026-06-13',
          to_date: '2026-06-14',
          weekday: null,
          months: null,
          roles: '["towpilot"]',
          level: 'never',
          note: 'away',
        },
        {
          member_id: 'm001',
          position: 2,
          date: null,
          from_date: null,
          to_date: null,
          weekday: 'sat',
          months: '[6]',
          roles: null,
          level: 'preferNot',
          note: null,
        },
      ]);
    } finally {
      db.close();
    }
    const cleared = await backend.updateMember({ ...(await alex()), unavailable: [] });
    assert.equal(cleared.unavailable, undefined);
    assert.equal((await alex()).unavailable, undefined);
  });

  it('a club file that fails to import leaves the rules as they were', async () => {
    await backend.importClub(clubFile);
    const broken = clubFile.replace('"weekday":"sun"', '"weekday":"sunday"');
    await apiError(backend.importClub(broken), 'bad_input');
    assert.deepEqual((await alex()).unavailable, RULES);
  });

  it('a never rule entered after publishing flags the published duties it covers, a preferNot rule does not', async () => {
    await backend.importClub(clubFile);
    const zoe = (await backend.listMembers()).find((m) => m.id === 'm002')!;
    const existing = await backend.getDraft({ year: 2026, month: 6 });
    if (existing) await backend.discardDraft(existing.id);
    const draft = await backend.generateDraft({ year: 2026, month: 6 });
    await backend.publishDraftAnyway(draft.id);
    const sundays = draft.slots.filter(
      (s) => s.memberId === 'm002' && ['2026-06-07', '2026-06-14', '2026-06-21', '2026-06-28'].includes(s.date),
    );
    assert.ok(sundays.length > 0, 'Zoë has a Sunday duty');
    await backend.updateMember({ ...zoe, unavailable: [{ weekday: 'sat', level: 'preferNot' }] });
    assert.deepEqual(await backend.publishedConflicts('m002'), []);
    await backend.updateMember({ ...zoe, unavailable: [{ weekday: 'sun', level: 'never', note: 'church' }] });
    const flagged = await backend.publishedConflicts('m002');
    assert.deepEqual(
      flagged.map((c) => c.date),
      sundays.map((s) => s.date),
    );
    assert.equal(flagged[0].rule, 'unavailable');
    assert.match(flagged[0].message, /may not be .*: unavailable \(never on Sundays \(church\)\)\.$/);
  });
});
