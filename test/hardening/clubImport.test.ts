import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import '../fuzzSeed.ts';
import { callApi } from '../../main/api/dispatch.ts';
import { createBackend, type Backend } from '../../main/backend/index.ts';
import { parseClubFile, serializeClub } from '../../solver/clubFile.ts';
import { syntheticClub } from '../../bench/syntheticClub.ts';
import { dumpTables, STRESS, tempDataDir } from './fixtures/database.ts';
import { applyMutations, mutation } from './fixtures/mutations.ts';

/**
 * Club import is all or nothing: a mutated or random club file is either refused with bad_input (every
 * table as it was) or imported completely (the exported club is exactly the file's club).
 */

const RUNS = STRESS
  ? { mutatedDocument: 5_000, mutatedText: 3_000, randomText: 3_000 }
  : { mutatedDocument: 400, mutatedText: 250, randomText: 300 };

let backend: Backend;
let reader: Database.Database;
let removeDir: () => void;
let baseline: string;
let baselineDump: string;
const counts = { cases: 0, imported: 0, refused: 0 };

const dataVersion = (): number => reader.pragma('data_version', { simple: true }) as number;

/** Imports `text`; checks all-or-nothing, then puts the baseline club back if the import went through. */
async function importAndCheck(text: string): Promise<void> {
  const version = dataVersion();
  const reply = await callApi(backend, 'importClub', [text], () => {});
  counts.cases++;
  if (!reply.ok) {
    counts.refused++;
    assert.equal(reply.error.code, 'bad_input', `import ended in ${reply.error.code}: ${reply.error.message}`);
    assert.ok(reply.error.message.length > 0);
    assert.equal(typeof reply.error.field, 'string', 'an import error names the field at fault');
    if (dataVersion() !== version) assert.ok(dumpTables(reader) === baselineDump, 'a refused import changed the database');
    return;
  }
  counts.imported++;
  const expected = serializeClub(parseClubFile(text));
  const stored = JSON.parse(await backend.exportClub()) as Doc & { club: { id?: string } };
  // A file without a club id keeps the stored one (docs/calendars.md).
  if (expected.club.id === undefined) delete stored.club.id;
  assert.deepEqual(asSets(stored), asSets(JSON.parse(JSON.stringify(expected)) as Doc), 'the whole file, and only it, was imported');
  assert.equal((reply.value as { members: number }).members, expected.members.length);
  await backend.importClub(baseline);
  assert.ok(dumpTables(reader) === baselineDump, 'the baseline club is back');
}

type Doc = { members: { blackouts: string[] }[]; extraDutyDays: string[]; removedDates: string[]; published: { date: string }[] };

/** The store keeps dates as sets (sorted), so a file listing them in another order round-trips sorted. */
function asSets(doc: Doc): Doc {
  const sorted = (dates: string[]) => [...dates].sort();
  return {
    ...doc,
    members: doc.members.map((m) => ({ ...m, blackouts: sorted(m.blackouts) })),
    extraDutyDays: sorted(doc.extraDutyDays),
    removedDates: sorted(doc.removedDates),
    published: [...doc.published].sort((a, b) => a.date.localeCompare(b.date)),
  };
}

before(async () => {
  const temp = tempDataDir('import-fuzz');
  removeDir = temp.remove;
  backend = await createBackend({ dataDir: temp.dir, now: () => new Date('2026-05-01T10:00:00Z') });
  // A club with every feature in use: pairs, avoidances, blackouts, published history.
  baseline = `${JSON.stringify(serializeClub(syntheticClub({ members: 40, roles: 6, seed: 7 })), null, 2)}\n`;
  await backend.importClub(baseline);
  reader = new Database(backend.databaseFile, { readonly: true });
  baselineDump = dumpTables(reader);
});

after(async () => {
  reader.close();
  await backend.close();
  removeDir();
});

describe('club import with mutated and random club files', () => {
  it('imports a mutated club document whole or refuses it naming the field', async (t) => {
    const document: unknown = JSON.parse(baseline);
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 4 }), async (ms) => {
        const mutated = applyMutations(document, ms);
        const text = JSON.stringify(mutated) ?? 'undefined';
        await importAndCheck(text);
      }),
      { numRuns: RUNS.mutatedDocument },
    );
    t.diagnostic(`mutated club documents so far: ${counts.cases} (imported ${counts.imported})`);
  });

  it('refuses a damaged club file text (cut, spliced, re-encoded) without changing anything', async () => {
    const edit = fc.record({ at: fc.nat(), cut: fc.nat({ max: 40 }), insert: fc.string({ maxLength: 8, unit: 'binary' }) });
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 3 }), async (edits) => {
        let text = baseline;
        for (const { at, cut, insert } of edits) {
          const i = at % (text.length + 1);
          text = text.slice(0, i) + insert + text.slice(i + cut);
        }
        await importAndCheck(text);
      }),
      { numRuns: RUNS.mutatedText },
    );
  });

  it('refuses random text and random JSON', async () => {
    const text = fc.oneof(
      fc.string({ maxLength: 200, unit: 'binary' }),
      fc.json({ maxDepth: 4 }),
      fc.constantFrom('', '\uFEFF', 'null', '[]', '{}', '{"format":"rostermeister-club/1"}', '\u0000'.repeat(100)),
    );
    await fc.assert(fc.asyncProperty(text, importAndCheck), { numRuns: RUNS.randomText });
  });

  it('reports the case counts', (t) => {
    const line = `Club import fuzz summary: ${counts.cases} files, ${counts.imported} imported whole, ${counts.refused} refused with the database unchanged`;
    t.diagnostic(line);
    console.log(line);
    assert.ok(counts.refused > 0);
  });
});
