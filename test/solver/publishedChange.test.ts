import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkPublishedChange, coverCandidates, publishedMonthProblem } from '../../solver/publishedChange.ts';
import { club, DUTY, INSTRUCTOR, member, slot } from './rosterFixtures.ts';

const a = member('a', ['instructor', 'duty_officer']);
const b = member('b', ['instructor', 'duty_officer']);
const c = member('c', ['duty_officer'], { avoid: ['d'] });
const d = member('d', ['instructor']);

/** Late June and early July 2026 published; 14 June lost its duty officer slot (a role switched off then). */
const history = club(
  [a, b, c, d],
  [INSTRUCTOR, DUTY],
  [
    { date: '2026-06-14', slots: { instructor: 'd' } },
    { date: '2026-06-27', slots: { instructor: 'a', duty_officer: 'c' } },
    { date: '2026-06-28', slots: { instructor: 'b', duty_officer: null } },
    { date: '2026-07-04', slots: { instructor: 'd', duty_officer: 'a' } },
  ],
);

describe('checking a change of published months', () => {
  it('takes a published month as it was published: its dates and the roles it holds', () => {
    const june = publishedMonthProblem(history, '2026-06');
    assert.deepEqual(june.dutyDays, ['2026-06-14', '2026-06-27', '2026-06-28']);
    assert.deepEqual(
      june.roles.map((r) => r.key),
      ['instructor', 'duty_officer'],
    );
    assert.deepEqual(june.range, { start: '2026-06-01', end: '2026-06-30' });
  });

  it('holds the member it puts on duty to the catalogue, against the month as it would stand', () => {
    // D avoids C, who is Duty Officer on the 27th.
    const avoid = checkPublishedChange(history, [slot('2026-06-27', 'instructor', 'd')]).refusals;
    assert.deepEqual(
      avoid.map((r) => [r.rule, r.sentence]),
      [['avoids_someone_on_duty', 'Member D and Member C avoid each other but are both on duty on 2026-06-27.']],
    );
    // Taking C off the 27th in the same change clears it: the rest of the change counts.
    assert.deepEqual(
      checkPublishedChange(history, [slot('2026-06-27', 'instructor', 'd'), slot('2026-06-27', 'duty_officer', 'b')]).refusals,
      [],
    );
    assert.equal(checkPublishedChange(history, [slot('2026-06-28', 'duty_officer', 'd')]).refusals[0].rule, 'not_qualified');
    assert.equal(checkPublishedChange(history, [slot('2026-06-28', 'duty_officer', 'zz')]).refusals[0].rule, 'unknown_member');
    // Emptying a slot breaks no rule.
    assert.deepEqual(checkPublishedChange(history, [slot('2026-06-27', 'instructor', null)]), { refusals: [], warnings: [] });
  });

  it('warns of spacing breaks the change makes, from the changed slot, across the month boundary too', () => {
    // B as Duty Officer on the 28th: July's first Duty Officer is A, so no carry-over; A on the 28th is.
    assert.deepEqual(checkPublishedChange(history, [slot('2026-06-28', 'duty_officer', 'b')]).warnings, []);
    assert.deepEqual(checkPublishedChange(history, [slot('2026-06-28', 'duty_officer', 'a')]).warnings, [
      'Member A was Duty Officer on the last published day (2026-06-28).',
    ]);
    // B on 27 June as Instructor: he is Instructor on the 28th (said from the 27th).
    assert.deepEqual(checkPublishedChange(history, [slot('2026-06-27', 'instructor', 'b')]).warnings, [
      'Member B is also Instructor on 2026-06-28, the neighbouring duty day.',
    ]);
    // A break the months had before the change (B carries over into July) is not the change's.
    const known = club(history.members, history.roles, [
      ...history.published.slice(0, 3),
      { date: '2026-07-04', slots: { instructor: 'b', duty_officer: 'a' } },
    ]);
    assert.deepEqual(checkPublishedChange(known, [slot('2026-06-14', 'instructor', 'b')]).warnings, []);
  });

  it('ranks the members for a cover as the slot editor does', () => {
    const ranked = coverCandidates(history, { date: '2026-06-27', role: 'instructor' });
    assert.deepEqual(
      ranked.map((r) => [r.memberId, r.eligible, r.reason]),
      [
        ['a', true, null],
        ['b', true, null],
        ['d', false, 'avoids someone on duty'],
        ['c', false, 'not qualified'],
      ],
    );
    assert.match(ranked[1].warnings.join(' '), /neighbouring duty day/);
  });
});
