import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clubWarnings, memberWarnings } from '../../solver/clubWarnings.ts';
import { club, member, INSTRUCTOR, TOW } from './rosterFixtures.ts';

test('a qualification no role uses and percentages over 100 are warned about', () => {
  const m = member('a', ['towpilot', 'towpliot', 'instructor'], { rolePercent: { towpilot: 70, instructor: 50 } });
  assert.deepEqual(memberWarnings(m, [TOW, INSTRUCTOR]), [
    'No role uses the qualification "towpliot" (roles use "towpilot", "instructor"); is it a typo?',
    'The role percentages add up to 120 %, more than 100 %.',
  ]);
});

test('exactly 100 percent and known qualifications give no warning', () => {
  const m = member('b', ['towpilot', 'instructor'], { rolePercent: { towpilot: 60, instructor: 40 } });
  assert.deepEqual(memberWarnings(m, [TOW, INSTRUCTOR]), []);
  assert.deepEqual(clubWarnings(club([m, member('c', ['towpilot'])], [TOW, INSTRUCTOR])), []);
});

test('club warnings name the member', () => {
  const warnings = clubWarnings(club([member('d', ['glider'])], [TOW]));
  assert.deepEqual(warnings, ['Member D (d): No role uses the qualification "glider" (roles use "towpilot"); is it a typo?']);
});
