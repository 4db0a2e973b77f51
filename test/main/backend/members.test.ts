import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { callApi } from '../../../main/api/dispatch.ts';
import type { Backend } from '../../../main/backend/index.ts';
import { blankMember } from '../../../solver/memberSchema.ts';
import { dumpTables } from '../../hardening/fixtures/database.ts';
import { apiError, tempBackend } from './helpers.ts';

/** Adding and editing members on a real backend and SQLite file (the demo club: m001 is Alex Rivera). */
describe('adding and editing members', () => {
  let backend: Backend;
  let cleanup: () => Promise<void>;
  let reader: Database.Database;

  before(async () => {
    ({ backend, cleanup } = await tempBackend());
    reader = new Database(backend.databaseFile, { readonly: true });
  });

  after(async () => {
    reader.close();
    await cleanup();
  });

  const october = { year: 2026, month: 10 };
  const publishedNameOf = async (date: string, role: string) =>
    (await backend.getPublished(october))?.days.find((d) => d.date === date)?.slots.find((s) => s.role === role)?.memberName;
  /** A duty m001 (Alex Rivera) holds in the demo's published October. */
  const alexDuty = async () => {
    const days = (await backend.getPublished(october))!.days;
    const day = days.find((d) => d.slots.some((s) => s.memberId === 'm001'))!;
    return { date: day.date, role: day.slots.find((s) => s.memberId === 'm001')!.role };
  };

  it('refuses to add someone under a taken id, naming who has it and proposing a free id; nothing changes', async () => {
    const alex = (await backend.listMembers()).find((m) => m.id === 'm001')!;
    assert.equal(alex.name, 'Alex Rivera');
    const duty = await alexDuty();
    assert.equal(await publishedNameOf(duty.date, duty.role), 'Alex Rivera');
    const before = dumpTables(reader);

    const error = await apiError(backend.addMember(blankMember('m001', 'Sam Newcomer', ['towpilot'])), 'conflict', 'member.id');
    assert.match(error.message, /^m001 is already Alex Rivera\./);
    assert.match(error.message, /m046/, 'proposes the next free id after m045');

    assert.equal(dumpTables(reader), before, 'the database is exactly as it was');
    assert.deepEqual(
      (await backend.listMembers()).find((m) => m.id === 'm001'),
      alex,
    );
    assert.equal(await publishedNameOf(duty.date, duty.role), 'Alex Rivera', 'the published roster still shows Alex');
  });

  it('refuses it through the API too, which all hosts use', async () => {
    const envelope = await callApi(backend, 'addMember', [blankMember('m001', 'Sam Newcomer', ['towpilot'])], () => {});
    assert.equal(envelope.ok, false);
    assert.equal(envelope.ok ? null : envelope.error.code, 'conflict');
    assert.match(envelope.ok ? '' : envelope.error.message, /^m001 is already Alex Rivera\./);
    assert.equal((await backend.listMembers()).find((m) => m.id === 'm001')!.name, 'Alex Rivera');
  });

  it('adds a member under a free id once; the same add a second time is refused', async () => {
    const count = (await backend.listMembers()).length;
    const added = await backend.addMember(blankMember('m046', 'Sam Newcomer', ['towpilot']));
    assert.equal(added.name, 'Sam Newcomer');
    const members = await backend.listMembers();
    assert.equal(members.length, count + 1);
    assert.equal(members.at(-1)!.id, 'm046', 'a new member goes last');

    const again = await apiError(backend.addMember(blankMember('m046', 'Sam Newcomer', ['towpilot'])), 'conflict', 'member.id');
    assert.match(again.message, /^m046 is already Sam Newcomer\. .*m047/);
    assert.equal((await backend.listMembers()).length, count + 1);
  });

  it('edits only an existing member: an unknown id is not_found and adds nobody', async () => {
    const count = (await backend.listMembers()).length;
    await apiError(backend.updateMember(blankMember('m999', 'Ghost', [])), 'not_found', 'member.id');
    assert.equal((await backend.listMembers()).length, count);
    assert.equal(
      (await backend.listMembers()).some((m) => m.id === 'm999'),
      false,
    );

    const zoe = (await backend.listMembers()).find((m) => m.id === 'm002')!;
    const others = (await backend.listMembers()).filter((m) => m.id !== 'm002');
    const saved = await backend.updateMember({ ...zoe, name: 'Zoë Müller-Brandt' });
    assert.equal(saved.name, 'Zoë Müller-Brandt');
    assert.deepEqual(
      (await backend.listMembers()).filter((m) => m.id !== 'm002'),
      others,
      'nobody else changed',
    );
  });

  it('names the field as the form labels it, and saves nothing', async () => {
    const alex = (await backend.listMembers()).find((m) => m.id === 'm001')!;
    const limit = await apiError(backend.updateMember({ ...alex, maxPerMonth: 40 }), 'bad_input', 'member.maxPerMonth');
    assert.match(limit.message, /^Monthly limit must be .*from 0 to 12.*, not 40\.$/);
    assert.doesNotMatch(limit.message, /member\.|club file/);

    const other = (await backend.listMembers()).find((m) => m.id !== 'm001' && !alex.pairWith.includes(m.id))!;
    const pair = await apiError(
      backend.updateMember({ ...alex, pairWith: [...alex.pairWith, 'm999'] }),
      'bad_input',
      `member.pairWith[${alex.pairWith.length}]`,
    );
    assert.match(pair.message, /^Likes to work with \(entry \d+\) must be the id of a member of the club, not "m999"\.$/);

    // Someone who avoids Alex cannot become Alex's partner.
    await backend.updateMember({ ...other, avoid: ['m001'] });
    const contradiction = await apiError(backend.updateMember({ ...alex, pairWith: [other.id] }), 'bad_input', 'member.pairWith[0]');
    assert.match(contradiction.message, new RegExp(`^${other.name} avoids Alex Rivera`));
    assert.deepEqual(
      (await backend.listMembers()).find((m) => m.id === 'm001'),
      alex,
    );
  });
});
