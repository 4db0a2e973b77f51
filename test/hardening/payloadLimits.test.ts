import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ClubSettings, Member } from '../../main/api/contract.ts';
import { callApi, type ApiEnvelope } from '../../main/api/dispatch.ts';
import { createBackend, type Backend } from '../../main/backend/index.ts';
import { CLUB_LIMITS } from '../../solver/limits.ts';
import { MEMBER_LIMITS } from '../../solver/memberSchema.ts';
import { tempDataDir } from './fixtures/database.ts';

/**
 * The size limits (solver/limits.ts, memberSchema.ts) through the one API entry every host uses, on a real
 * backend and SQLite file: each is refused as bad input naming the field, never an internal error.
 */

let backend: Backend;
let removeDir: () => void;
let settings: ClubSettings;
let someone: Member;

before(async () => {
  const data = tempDataDir('limits');
  removeDir = data.remove;
  backend = await createBackend({ dataDir: data.dir });
  settings = await backend.getClubSettings();
  someone = (await backend.listMembers())[0];
});

after(async () => {
  await backend.close();
  removeDir();
});

async function refused(method: string, args: unknown[], field: string | RegExp): Promise<string> {
  const envelope: ApiEnvelope = await callApi(backend, method, args, () => assert.fail('no internal error'));
  assert.equal(envelope.ok, false, `${method} was accepted`);
  if (envelope.ok) return '';
  assert.equal(envelope.error.code, 'bad_input', envelope.error.message);
  if (typeof field === 'string') assert.equal(envelope.error.field, field, envelope.error.message);
  else assert.match(envelope.error.field ?? '', field, envelope.error.message);
  return envelope.error.message;
}

const long = (n: number) => 'x'.repeat(n + 1);

describe('API payload limits', () => {
  it('club settings: name, role titles and keys, season phrases, number of roles', async () => {
    await refused('updateClubSettings', [{ ...settings, name: long(CLUB_LIMITS.nameLength) }], 'settings.name');
    const role = settings.roles[0];
    await refused(
      'updateClubSettings',
      [{ ...settings, roles: [{ ...role, title: long(CLUB_LIMITS.roleTitleLength) }] }],
      'settings.roles[0].title',
    );
    await refused('updateClubSettings', [{ ...settings, roles: [{ ...role, key: long(CLUB_LIMITS.keyLength) }] }], 'settings.roles[0].key');
    await refused('updateClubSettings', [{ ...settings, seasonStart: long(CLUB_LIMITS.seasonPhraseLength) }], 'settings.seasonStart');
    const many = Array.from({ length: CLUB_LIMITS.roles + 1 }, (_, i) => ({ ...role, key: `r${i}`, qualification: `r${i}` }));
    await refused('updateClubSettings', [{ ...settings, roles: many }], 'settings.roles');
  });

  it("a member's name, id and lists", async () => {
    await refused('updateMember', [{ ...someone, name: long(MEMBER_LIMITS.nameLength) }], 'member.name');
    await refused('addMember', [{ ...someone, id: long(MEMBER_LIMITS.idLength) }], 'member.id');
    const days = Array.from({ length: MEMBER_LIMITS.blackouts + 1 }, (_, i) =>
      new Date(Date.UTC(2030, 0, 1 + i)).toISOString().slice(0, 10),
    );
    await refused('updateMember', [{ ...someone, blackouts: days }], 'member.blackouts');
  });

  it('a club file beyond a limit or nested too deeply is refused naming the place in the file', async () => {
    const doc = JSON.parse(await backend.exportClub()) as { members: { name: string }[]; club: unknown };
    doc.members[3].name = long(MEMBER_LIMITS.nameLength);
    const message = await refused('importClub', [JSON.stringify(doc)], /.*/);
    assert.match(message, /members\[3\]/);
    const deep = `{"format":"rostermeister-club/1","club":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    assert.match(await refused('importClub', [deep], /.*/), /nested at most 12 levels deep/);
    assert.equal((await backend.getClubSettings()).name, settings.name, 'nothing was imported');
  });

  it('a club already at the member limit takes no further member', async () => {
    const doc = JSON.parse(await backend.exportClub()) as { members: Record<string, unknown>[]; published: unknown[] };
    const template = { ...doc.members[0], pairWith: [], avoid: [] };
    doc.members = Array.from({ length: CLUB_LIMITS.members }, (_, i) => ({ ...template, id: `p${i}`, name: `Person ${i}` }));
    doc.published = [];
    const imported = await callApi(backend, 'importClub', [JSON.stringify(doc)]);
    assert.ok(imported.ok, imported.ok ? '' : imported.error.message);
    await refused('addMember', [{ ...someone, id: 'one-too-many', pairWith: [], avoid: [] }], 'member');
    assert.equal((await backend.listMembers()).length, CLUB_LIMITS.members);
  });
});
