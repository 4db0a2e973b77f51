import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import '../fuzzSeed.ts';
import { ClubFileError, parseClub, parseClubFile, serializeClub } from '../../solver/clubFile.ts';
import type { Club } from '../../solver/types.ts';

/**
 * Property-based tests of the club file loader: whatever arrives (random text, random JSON, a valid club
 * document with random damage), the loader returns a valid Club or throws a ClubFileError whose problems name
 * where in the document they are. Any other exception is a crash.
 */

const DEMO_TEXT = readFileSync(new URL('../../assets/demo-club.json', import.meta.url), 'utf8');
const SEED = 20261128;

/** The demo club cut down to a few members and published days (every field still present), so cases stay fast. */
function smallClub(): Club {
  const demo = parseClubFile(DEMO_TEXT);
  const members = demo.members.slice(0, 8);
  const kept = new Set(members.map((m) => m.id));
  return {
    ...demo,
    members: members.map((m) => ({ ...m, pairWith: m.pairWith.filter((id) => kept.has(id)), avoid: m.avoid.filter((id) => kept.has(id)) })),
    published: demo.published.slice(0, 4).map((day) => ({
      date: day.date,
      slots: Object.fromEntries(Object.entries(day.slots).map(([role, id]) => [role, id !== null && kept.has(id) ? id : null])),
    })),
  };
}

const BASE = JSON.parse(JSON.stringify(serializeClub(smallClub()))) as unknown;
const BASE_TEXT = JSON.stringify(BASE, null, 2);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * Walks `path` (`members[3].avoid[0]`, object keys may contain dots) through `doc`: every step but the last must
 * exist; the last may be missing (a required field that is absent).
 */
function pathResolves(doc: unknown, path: string): boolean {
  if (path === '') return true;
  let node: unknown = doc;
  let rest = path;
  while (rest !== '') {
    if (rest.startsWith('.')) rest = rest.slice(1);
    const index = /^\[(\d+)\]/.exec(rest);
    let next: unknown;
    let consumed: number;
    if (index) {
      if (!Array.isArray(node)) return false;
      next = node[Number(index[1])];
      consumed = index[0].length;
    } else {
      if (typeof node !== 'object' || node === null || Array.isArray(node)) return false;
      const keys = Object.keys(node)
        .filter((key) => rest === key || rest.startsWith(`${key}.`) || rest.startsWith(`${key}[`))
        .sort((a, b) => b.length - a.length);
      if (keys.length === 0) return !/[.[]/.test(rest); // a missing last field
      next = (node as Record<string, unknown>)[keys[0]];
      consumed = keys[0].length;
    }
    rest = rest.slice(consumed);
    if (rest === '') return true;
    if (next === undefined) return false;
    node = next;
  }
  return true;
}

let cases = 0;
let loaded = 0;

/** The loader's contract for one input; `doc` is the parsed JSON the problem paths refer to (if any). */
function checkOutcome(load: () => Club, doc: unknown): void {
  cases++;
  let club: Club;
  try {
    club = load();
  } catch (error) {
    if (!(error instanceof ClubFileError))
      throw new Error(`crash: ${error instanceof Error ? error.stack : String(error)}`, { cause: error });
    assert.ok(error.problems.length > 0, 'a ClubFileError lists at least one problem');
    for (const problem of error.problems) {
      assert.equal(typeof problem.path, 'string');
      assert.ok(typeof problem.expected === 'string' && problem.expected.length > 0, 'each problem says what was expected');
      assert.ok(pathResolves(doc, problem.path), `problem path "${problem.path}" points into the document`);
      const shown = problem.path.replace(/^members\[\d+\]/, '');
      assert.ok(error.message.includes(shown), `the message names ${problem.path}`);
    }
    return;
  }
  loaded++;
  // A club that loads is a real club: it survives a save and reload unchanged.
  assert.deepEqual(parseClub(JSON.parse(JSON.stringify(serializeClub(club)))), club);
}

function collectPaths(value: Json, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(at);
  if (Array.isArray(value)) value.forEach((item, i) => collectPaths(item, [...at, i], out));
  else if (value !== null && typeof value === 'object')
    for (const [key, item] of Object.entries(value)) collectPaths(item, [...at, key], out);
  return out;
}

/** Values that are wrong in interesting ways somewhere in a club file. */
const nasty: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(
    null,
    true,
    false,
    0,
    -1,
    0.5,
    13,
    1e308,
    -1e308,
    '',
    ' ',
    'x',
    '2026-02-30',
    '2026-13-01',
    '2026-1-1',
    '2027-02-28',
    'sat',
    'Sun',
    'duty_officer',
    'Duty Officer',
    'm001',
    'm999',
    '__proto__',
    'constructor',
    [],
    {},
    [null],
    { x: 1 },
  ),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.integer({ min: -1000, max: 1000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
);

type Mutation =
  | { kind: 'replace'; pick: number; value: Json }
  | { kind: 'delete'; pick: number }
  | { kind: 'addField'; pick: number; key: string; value: Json }
  | { kind: 'duplicate'; pick: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('replace' as const), pick: fc.nat(), value: nasty }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({
    kind: fc.constant('addField' as const),
    pick: fc.nat(),
    key: fc.oneof(fc.constantFrom('__proto__', 'constructor', 'toString', 'id', 'extra', 'a.b', 'x[0]'), fc.string({ maxLength: 8 })),
    value: nasty,
  }),
  fc.record({ kind: fc.constant('duplicate' as const), pick: fc.nat() }),
);

function mutate(doc: Json, mutations: Mutation[]): Json {
  let root = structuredClone(doc);
  for (const change of mutations) {
    const paths = collectPaths(root);
    const path = paths[change.pick % paths.length];
    if (path.length === 0) {
      if (change.kind === 'replace') root = change.value;
      continue;
    }
    let parent: Json = root;
    for (const step of path.slice(0, -1)) parent = (parent as Record<string | number, Json>)[step];
    const last = path[path.length - 1];
    const target = (parent as Record<string | number, Json>)[last];
    if (change.kind === 'replace') (parent as Record<string | number, Json>)[last] = change.value;
    else if (change.kind === 'delete') {
      if (Array.isArray(parent)) parent.splice(Number(last), 1);
      else delete (parent as Record<string, Json>)[last];
    } else if (change.kind === 'addField') {
      if (target !== null && typeof target === 'object' && !Array.isArray(target)) {
        Object.defineProperty(target, change.key, { value: change.value, enumerable: true, writable: true, configurable: true });
      }
    } else if (Array.isArray(parent)) parent.splice(Number(last), 0, structuredClone(target));
  }
  return root;
}

test('the base document of the mutations loads, with members, avoidance and published days', () => {
  checkOutcome(() => parseClubFile(BASE_TEXT), BASE);
  const club = parseClubFile(BASE_TEXT);
  assert.equal(club.members.length, 8);
  assert.ok(club.published.length > 0);
});

test('random text never crashes the loader', () => {
  fc.assert(
    fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ maxLength: 50 })), (text) => {
      checkOutcome(() => parseClubFile(text), safeJson(text));
    }),
    { numRuns: 1000, seed: SEED },
  );
});

test('random JSON documents never crash the loader', () => {
  fc.assert(
    fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
      checkOutcome(() => parseClubFile(JSON.stringify(value)), value);
    }),
    { numRuns: 1000, seed: SEED },
  );
});

test('club-shaped objects with random fields never crash the loader', () => {
  const clubLike = fc.record(
    {
      format: fc.oneof(fc.constant('rostermeister-club/1'), nasty),
      club: fc.oneof(fc.record({ name: nasty, defaultMaxPerMonth: nasty }, { requiredKeys: [] }), nasty),
      season: fc.oneof(fc.record({ start: nasty, end: nasty }, { requiredKeys: [] }), nasty),
      operatingWeekdays: fc.oneof(fc.array(nasty, { maxLength: 4 }), nasty),
      roles: fc.array(fc.record({ key: nasty, title: nasty, qualification: nasty }, { requiredKeys: [] }), { maxLength: 3 }),
      members: fc.array(
        fc.record(
          {
            id: nasty,
            name: nasty,
            qualifications: fc.array(nasty, { maxLength: 3 }),
            maxPerMonth: nasty,
            avoid: fc.array(nasty, { maxLength: 2 }),
          },
          { requiredKeys: [] },
        ),
        { maxLength: 4 },
      ),
      published: fc.array(
        fc.record({ date: nasty, slots: fc.dictionary(fc.string({ maxLength: 6 }), nasty, { maxKeys: 3 }) }, { requiredKeys: [] }),
        {
          maxLength: 3,
        },
      ),
    },
    { requiredKeys: [] },
  );
  fc.assert(
    fc.property(clubLike, (value) => {
      checkOutcome(() => parseClub(value), value);
    }),
    { numRuns: 1500, seed: SEED },
  );
});

test('a valid club document with random damage loads or names the damaged places, never crashes', () => {
  fc.assert(
    fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
      const doc = mutate(BASE as Json, mutations);
      checkOutcome(() => parseClub(doc), doc);
      checkOutcome(() => parseClubFile(JSON.stringify(doc)), JSON.parse(JSON.stringify(doc)));
    }),
    { numRuns: 2500, seed: SEED },
  );
});

test('a club file cut short or with stray characters never crashes the loader', () => {
  fc.assert(
    fc.property(fc.nat(), fc.string({ unit: 'binary', maxLength: 3 }), fc.boolean(), (at, insert, cut) => {
      const position = at % (BASE_TEXT.length + 1);
      const text = cut ? BASE_TEXT.slice(0, position) : BASE_TEXT.slice(0, position) + insert + BASE_TEXT.slice(position);
      checkOutcome(() => parseClubFile(text), safeJson(text));
    }),
    { numRuns: 1000, seed: SEED },
  );
});

test('fuzz cases run', (t) => {
  assert.ok(cases >= 9000, `${cases} cases`);
  assert.ok(loaded > 100 && cases - loaded > 100, 'both outcomes are exercised');
  t.diagnostic(`club file fuzz cases: ${cases} (${loaded} loaded, ${cases - loaded} rejected with a ClubFileError)`);
});

test('the path check itself rejects paths that lead nowhere', () => {
  assert.ok(pathResolves(BASE, 'members[0].name'));
  assert.ok(pathResolves(BASE, 'members[0].missingField'));
  assert.ok(!pathResolves(BASE, 'members[99].name'));
  assert.ok(!pathResolves(BASE, 'nothing.deeper'));
});

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return undefined;
  }
}
