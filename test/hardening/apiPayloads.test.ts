import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import '../fuzzSeed.ts';
import type { Member, Settings } from '../../main/api/contract.ts';
import { API_METHODS, type ApiMethod } from '../../main/api/methods.ts';
import { callApi, type ApiEnvelope } from '../../main/api/dispatch.ts';
import { blankMember, freeMemberId } from '../../solver/memberSchema.ts';
import { createBackend, type Backend } from '../../main/backend/index.ts';
import { dumpTables, STRESS, tempDataDir } from './fixtures/database.ts';
import { applyMutations, hostileValue, mutation } from './fixtures/mutations.ts';

/**
 * Every API payload, fuzzed through the one entry all hosts use (callApi) against a real backend on a
 * real SQLite file: the call never throws, never ends in an internal error, answers bad input with a
 * bad_input error naming the field, and a refused call leaves every table exactly as it was.
 */

const RUNS = STRESS ? { garbage: 20_000, nearValid: 20_000, members: 5_000 } : { garbage: 1_500, nearValid: 2_000, members: 500 };
const CALM_SETTINGS: Settings = { scheduler: 'legacy', monthOverrides: {}, shadowMode: false, timeLimitSeconds: 1 };
const DRAFT_MONTH = { year: 2026, month: 6 };

let backend: Backend;
let reader: Database.Database;
let removeDir: () => void;
let backupName: string;
const counts = { calls: 0, accepted: 0, refused: new Map<string, number>() };

let stateCache: Promise<{ draftId: number; date: string; role: string; memberId: string }> | null = null;

/** The draft the mutated calls point at; re-read only after an accepted call (a refused one changes nothing). */
function draftState(): Promise<{ draftId: number; date: string; role: string; memberId: string }> {
  stateCache ??= readDraftState();
  return stateCache;
}

async function readDraftState(): Promise<{ draftId: number; date: string; role: string; memberId: string }> {
  const view = (await backend.getDraft(DRAFT_MONTH)) ?? (await backend.generateDraft(DRAFT_MONTH));
  const members = await backend.listMembers();
  // An accepted fuzzed call may leave the month without duty days (a calendar or role change): then any
  // date of the month and the first role still make well-formed arguments.
  const slot = view.slots.find((s) => s.memberId !== null) ??
    view.slots[0] ?? {
      date: `${DRAFT_MONTH.year}-${String(DRAFT_MONTH.month).padStart(2, '0')}-01`,
      role: (await backend.getClubSettings()).roles[0].key,
      memberId: null,
    };
  return { draftId: view.id, date: slot.date, role: slot.role, memberId: slot.memberId ?? members[0].id };
}

const argsCache = new Map<ApiMethod, Promise<unknown[]>>();

function validArgs(method: ApiMethod): Promise<unknown[]> {
  let args = argsCache.get(method);
  if (!args) argsCache.set(method, (args = readValidArgs(method)));
  return args;
}

/** One well-formed argument list per method, pointing at real rows so mutations reach the backend's own checks. */
async function readValidArgs(method: ApiMethod): Promise<unknown[]> {
  const s = await draftState();
  switch (method) {
    case 'updateClubSettings':
      return [await backend.getClubSettings()];
    case 'previewClubCalendar':
    case 'updateClubCalendar':
      return [await backend.getClubCalendar()];
    case 'previewRoles':
    case 'updateRoles':
      return [(await backend.getClubSettings()).roles];
    case 'updateMember':
      return [(await backend.listMembers())[1]];
    case 'addMember':
      return [blankMember(freeMemberId((await backend.listMembers()).map((m) => m.id)), 'New Member', ['towpilot'])];
    case 'deleteMember':
      return [s.memberId];
    case 'importClub':
      return [await backend.exportClub()];
    case 'getDraft':
    case 'generateDraft':
    case 'compare':
    case 'latestComparison':
    case 'getPublished':
      return [{ ...DRAFT_MONTH, months: 1 }];
    case 'rollDraft':
    case 'publishDraft':
    case 'discardDraft':
      return [s.draftId];
    case 'setDateRemoved':
      return [s.draftId, s.date, true];
    case 'slotCandidates':
      return [s.draftId, s.date, s.role];
    case 'setSlot':
      return [s.draftId, s.date, s.role, s.memberId];
    case 'setSlotLocked':
      return [s.draftId, s.date, s.role, true];
    case 'adoptComparison':
      return [1, 'optimizer'];
    case 'exportPublished':
      return [{ year: 2026, month: 10, format: 'csv', memberId: s.memberId, bom: true, paper: 'A4' }];
    case 'updateSettings':
      return [CALM_SETTINGS];
    case 'restoreBackup':
      return [backupName];
    case 'listRuns':
    case 'recentLog':
      return [20];
    case 'seasonDashboard':
      return [2026];
    case 'exportSeasonDashboard':
      return [2026, 'xlsx'];
    case 'whyMember':
      return [s.memberId, DRAFT_MONTH, { date: s.date, role: s.role }];
    default:
      return [];
  }
}

const ERROR_CODES = new Set(['bad_input', 'not_found', 'conflict', 'cancelled']);

let lastDump = '';
const dataVersion = (): number => reader.pragma('data_version', { simple: true }) as number;

/**
 * Calls the API and checks the universal promises; returns the envelope for method-specific checks.
 * "Database unchanged": SQLite's data_version tells whether anyone committed since the last look;
 * only then are all tables dumped and compared.
 */
async function checkedCall(method: unknown, args: unknown): Promise<ApiEnvelope> {
  const version = dataVersion();
  // A fuzzed method may be an object whose toString is not a function, so String(method) would throw here.
  const name = typeof method === 'string' ? method : `a ${typeof method}`;
  let reply: ApiEnvelope;
  try {
    reply = await callApi(backend, method, args, () => {});
  } catch (error) {
    assert.fail(`callApi threw for ${name}: ${String(error)}`);
  }
  counts.calls++;
  if (reply.ok) {
    counts.accepted++;
    assert.doesNotThrow(() => JSON.stringify(reply.value), 'the reply must be serialisable');
    // A fuzzed call may be valid; keep the settings calm so a valid compare stays short.
    if (method === 'updateSettings') await backend.updateSettings(CALM_SETTINGS);
    stateCache = null;
    argsCache.clear();
    lastDump = dumpTables(reader);
    return reply;
  }
  const { code, message, field } = reply.error;
  assert.ok(ERROR_CODES.has(code), `${name} ended in "${code}": ${message}`);
  assert.equal(typeof message, 'string');
  assert.ok(message.trim().length > 0, 'the error needs a message');
  assert.ok(field === undefined || typeof field === 'string');
  if (dataVersion() !== version) assert.ok(dumpTables(reader) === lastDump, `refused ${name} (${code}: ${message}) changed the database`);
  const key = `${code}`;
  counts.refused.set(key, (counts.refused.get(key) ?? 0) + 1);
  return reply;
}

before(async () => {
  const temp = tempDataDir('api-fuzz');
  removeDir = temp.remove;
  backend = await createBackend({ dataDir: temp.dir });
  await backend.updateSettings(CALM_SETTINGS);
  backupName = (await backend.createBackup()).name;
  reader = new Database(backend.databaseFile, { readonly: true });
  lastDump = dumpTables(reader);
});

after(async () => {
  reader.close();
  await backend.close();
  removeDir();
});

describe('API payload fuzzing through callApi on a real backend', () => {
  it('answers arbitrary methods and argument lists with a clear error or a valid result', async (t) => {
    const start = counts.calls;
    const method = fc.oneof({ weight: 9, arbitrary: fc.constantFrom<unknown>(...API_METHODS) }, { weight: 1, arbitrary: fc.anything() });
    const args = fc.oneof(fc.array(fc.anything({ maxDepth: 3 }), { maxLength: 5 }), fc.anything({ maxDepth: 3 }));
    await fc.assert(
      fc.asyncProperty(method, args, async (m, a) => {
        const reply = await checkedCall(m, a);
        if (typeof m !== 'string' || !(API_METHODS as readonly string[]).includes(m)) {
          assert.equal(reply.ok, false);
          if (!reply.ok) assert.equal(reply.error.code, 'not_found');
        }
      }),
      { numRuns: RUNS.garbage },
    );
    t.diagnostic(`garbage calls: ${counts.calls - start}`);
  });

  it('refuses mutated well-formed arguments of every method with bad_input naming the field, database unchanged', async (t) => {
    const start = counts.calls;
    const methods = API_METHODS.filter((m) => m !== 'importClub');
    let namedFields = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...methods), fc.array(mutation, { minLength: 1, maxLength: 3 }), async (method, ms) => {
        const mutated = applyMutations(await validArgs(method), ms);
        const reply = await checkedCall(method, mutated);
        if (!reply.ok && reply.error.code === 'bad_input' && reply.error.field !== undefined) namedFields++;
      }),
      { numRuns: RUNS.nearValid },
    );
    t.diagnostic(`mutated argument calls: ${counts.calls - start}, bad_input errors naming a field: ${namedFields}`);
  });

  it('saves a mutated member only when it is valid, otherwise names the member field and changes nothing', async (t) => {
    const start = counts.calls;
    const memberFields = fc.constantFrom<keyof Member>(
      'id',
      'name',
      'active',
      'qualifications',
      'rolePercent',
      'maxPerMonth',
      'preferredDay',
      'allowWeekendDouble',
      'dontSchedule',
      'suspended',
      'blackouts',
      'pairWith',
      'avoid',
      'lastDutyDate',
    );
    const fieldEdit = fc.record({ field: memberFields, value: fc.oneof(hostileValue, fc.array(hostileValue, { maxLength: 3 })) });
    let saved = 0;
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.array(fieldEdit, { minLength: 1, maxLength: 3 }), async (pick, edits) => {
        const members = await backend.listMembers();
        const original = members[pick % members.length];
        const edited: Record<string, unknown> = { ...structuredClone(original) };
        for (const { field, value } of edits) edited[field] = value;
        const reply = await checkedCall('updateMember', [edited]);
        if (reply.ok) {
          saved++;
          const stored = (await backend.listMembers()).find((m) => m.id === (reply.value as Member).id);
          assert.deepEqual(stored, reply.value, 'the saved member is what the list shows');
          await backend.updateMember(original);
          lastDump = dumpTables(reader);
        } else if (reply.error.code === 'bad_input') {
          assert.match(reply.error.field ?? '', /^member(\.|\[|$)/, `field "${reply.error.field}" should name the member part`);
        }
      }),
      { numRuns: RUNS.members },
    );
    t.diagnostic(`mutated members: ${counts.calls - start}, of which saved (valid): ${saved}`);
  });

  it('reports the case counts', (t) => {
    const refused = [...counts.refused].map(([code, n]) => `${code} ${n}`).join(', ');
    const line = `API fuzz summary: ${counts.calls} calls, ${counts.accepted} accepted, refused: ${refused}`;
    t.diagnostic(line);
    console.log(line);
    assert.ok(counts.calls > 0);
  });
});
