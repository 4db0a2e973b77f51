import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { matchesSearch } from '../../renderer/search.ts';
import { searchKey } from '../../solver/textFold.ts';

const demoNames: string[] = (
  JSON.parse(readFileSync(new URL('../../assets/demo-club.json', import.meta.url), 'utf8')) as { members: { name: string }[] }
).members.map((m) => m.name);
const found = (query: string) => demoNames.filter((name) => matchesSearch(query, [name]));

test('plain letters find the demo club members with accents', () => {
  assert.deepEqual(found('Jose'), ['José Núñez']);
  assert.deepEqual(found('zoe'), ['Zoë Müller']);
  assert.deepEqual(found('Soren'), ['Søren Østergaard']);
  assert.deepEqual(found('Ostergaard'), ['Søren Østergaard']);
  assert.deepEqual(found('Lukasz'), ['Łukasz Zieliński']);
  assert.deepEqual(found('zielinski'), ['Łukasz Zieliński']);
  assert.deepEqual(found('Ayse Yilmaz'), ['Ayşe Yılmaz']);
  assert.deepEqual(found("Siobhan O'Connor"), ['Siobhán O’Connor']);
  assert.deepEqual(found('Bjorn'), ['Björn Åkesson']);
});

test('the accented query finds the same member, and a query finds only who it should', () => {
  assert.deepEqual(found('José'), ['José Núñez']);
  assert.deepEqual(found('ŁUKASZ'), ['Łukasz Zieliński']);
  assert.deepEqual(found('Jose Chen'), []);
  assert.deepEqual(found('xyz'), []);
});

test('every word may match a different text; an empty query matches everything', () => {
  assert.equal(matchesSearch('tow pilot', ['Alex Rivera', 'Tow Pilot, Instructor']), true);
  assert.equal(matchesSearch('alex tow', ['Alex Rivera', 'Tow Pilot']), true);
  assert.equal(matchesSearch('alex glider', ['Alex Rivera', 'Tow Pilot']), false);
  assert.equal(matchesSearch('   ', ['anything']), true);
  assert.equal(searchKey('  Straße   Æsir '), 'strasse aesir');
});
