import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnoseEmptySlots, diagnoseEmptySlotsInDetail } from '../../solver/diagnose.ts';
import { runLegacy } from '../../solver/legacy.ts';
import type { Role } from '../../solver/types.ts';
import { club, DUTY, INSTRUCTOR, JUNE_WEEKENDS, member, problem, slot, TOW } from './rosterFixtures.ts';

const SAT = '2026-06-06';
const SUN = '2026-06-07';

describe('diagnoseEmptySlots', () => {
  it('counts the first blocking rule of every member, in rule order', () => {
    const c = club(
      [
        member('a', ['towpilot'], { maxPerMonth: 1 }),
        member('b', ['duty_officer', 'towpilot']),
        member('c', ['duty_officer']),
        member('d', ['duty_officer']),
        member('e', ['towpilot'], { suspended: true, blackouts: [SUN] }),
        member('f', ['towpilot'], { blackouts: [SUN] }),
        member('g', ['towpilot', 'instructor'], { rolePercent: { towpilot: 0, instructor: 100 } }),
        member('h', ['towpilot'], { maxPerMonth: 0 }),
        member('i', ['towpilot'], { avoid: ['d'] }),
      ],
      [TOW, DUTY],
    );
    const p = problem(c, [SAT, SUN]);
    const roster = [
      slot(SAT, 'towpilot', 'a'),
      slot(SAT, 'duty_officer', 'c'),
      slot(SUN, 'towpilot', null),
      slot(SUN, 'duty_officer', 'b'),
    ];
    // b is on duty that day; i (who avoids d) is free
    assert.deepEqual(diagnoseEmptySlots(p, roster), [
      {
        date: SUN,
        role: 'towpilot',
        summary:
          '1 member is free to fill it: 1 inactive, opted out or suspended, 2 not qualified, 1 blacked out, 1 role set to 0%, 1 monthly limit 0, 1 already on duty that day, 1 at monthly limit',
      },
    ]);
    const [detail] = diagnoseEmptySlotsInDetail(p, roster);
    assert.equal(detail.counts.free, 1);
    assert.equal(detail.counts.avoids_someone_on_duty, 0);

    // with d on duty instead of b: b is free, i avoids d
    const withD = roster.map((s) => (s.date === SUN && s.role === 'duty_officer' ? { ...s, memberId: 'd' } : s));
    assert.equal(
      diagnoseEmptySlots(p, withD)[0].summary,
      '1 member is free to fill it: 1 inactive, opted out or suspended, 2 not qualified, 1 blacked out, 1 role set to 0%, 1 monthly limit 0, 1 avoids someone on duty, 1 at monthly limit',
    );

    // without i nobody is free
    const withoutI = problem(
      club(
        c.members.filter((m) => m.id !== 'i'),
        [TOW, DUTY],
      ),
      [SAT, SUN],
    );
    assert.equal(
      diagnoseEmptySlots(withoutI, roster)[0].summary,
      'No qualified member free: 1 inactive, opted out or suspended, 2 not qualified, 1 blacked out, 1 role set to 0%, 1 monthly limit 0, 1 already on duty that day, 1 at monthly limit',
    );
  });

  it('puts members who would only break spacing in their own bucket', () => {
    const c = club([member('a', ['towpilot']), member('b', ['duty_officer'])], [TOW], [{ date: '2026-05-31', slots: { towpilot: 'a' } }]);
    const p = problem(c, JUNE_WEEKENDS.slice(0, 3));
    const roster = runLegacy(p, 1);
    assert.deepEqual(
      roster.map((s) => s.memberId),
      [null, 'a', null],
    );
    assert.deepEqual(diagnoseEmptySlots(p, roster), [
      { date: '2026-06-06', role: 'towpilot', summary: 'Only members who would break spacing: 1 not qualified, 1 would break spacing' },
      { date: '2026-06-13', role: 'towpilot', summary: 'Only members who would break spacing: 1 not qualified, 1 would break spacing' },
    ]);
  });

  it('counts the 7-day rule as spacing unless the member allows weekend doubles', () => {
    const days = ['2026-06-06', '2026-06-07', '2026-06-13'];
    const roster = [slot('2026-06-06', 'towpilot', null), slot('2026-06-07', 'towpilot', null), slot('2026-06-13', 'towpilot', 'a')];
    const summaries = (allow: boolean) =>
      diagnoseEmptySlots(problem(club([member('a', ['towpilot'], { allowWeekendDouble: allow })], [TOW]), days), roster).map(
        (d) => d.summary,
      );
    // 06-06 is 7 days before a's 06-13; 06-07 is its neighbouring duty day either way
    assert.deepEqual(summaries(false), [
      'Only members who would break spacing: 1 would break spacing',
      'Only members who would break spacing: 1 would break spacing',
    ]);
    assert.deepEqual(summaries(true), ['1 member is free to fill it', 'Only members who would break spacing: 1 would break spacing']);
  });

  it('says when nobody holds the qualification, using the club title of the qualification', () => {
    const amTow: Role = { key: 'am_tow', title: 'Tow Pilot (AM)', qualification: 'towpilot' };
    const c = club([member('a', ['instructor'])], [INSTRUCTOR, TOW, amTow]);
    const p = problem(c, [SAT], { roles: [INSTRUCTOR, amTow] });
    const roster = runLegacy(p, 3);
    assert.deepEqual(diagnoseEmptySlots(p, roster), [{ date: SAT, role: 'am_tow', summary: 'Nobody holds the Tow Pilot qualification' }]);
    const onlyShift = problem(club([member('a', ['instructor'])], [amTow]), [SAT]);
    assert.equal(diagnoseEmptySlots(onlyShift, [])[0].summary, 'Nobody holds the Tow Pilot (AM) qualification');
  });

  it('diagnoses unlisted slots as empty and leaves filled ones alone', () => {
    const c = club([member('a', ['duty_officer'])], [DUTY, TOW]);
    const p = problem(c, [SAT]);
    assert.deepEqual(
      diagnoseEmptySlots(p, [slot(SAT, 'duty_officer', 'a')]).map((d) => d.role),
      ['towpilot'],
    );
    assert.deepEqual(
      diagnoseEmptySlots(p, []).map((d) => d.role),
      ['duty_officer', 'towpilot'],
    );
  });
});
