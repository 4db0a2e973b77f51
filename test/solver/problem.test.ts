import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { syntheticClub } from '../../bench/syntheticClub.ts';
import { monthRange } from '../../solver/dates.ts';
import { buildProblem } from '../../solver/problem.ts';

const club = syntheticClub({ members: 30, roles: 4, seed: 5, seasonStart: 'First weekend of April', seasonEnd: 'Last weekend of October' });
const june = monthRange(2026, 6);

describe('buildProblem', () => {
  it('takes the duty days of the range and every role by default', () => {
    const problem = buildProblem(club, june);
    assert.equal(problem.club, club);
    assert.deepEqual(problem.range, june);
    assert.deepEqual(problem.dutyDays, [
      '2026-06-06',
      '2026-06-07',
      '2026-06-13',
      '2026-06-14',
      '2026-06-20',
      '2026-06-21',
      '2026-06-27',
      '2026-06-28',
    ]);
    assert.deepEqual(
      problem.roles.map((r) => r.key),
      ['instructor', 'towpilot', 'duty_officer', 'assistant_duty_officer'],
    );
    assert.deepEqual(problem.locked, []);
  });

  it('removes the dates given for this generation', () => {
    const problem = buildProblem(club, june, { removedDates: ['2026-06-13', '2026-06-14'] });
    assert.equal(problem.dutyDays.length, 6);
    assert.ok(!problem.dutyDays.includes('2026-06-13'));
  });

  it('keeps only the chosen roles, in club order', () => {
    const problem = buildProblem(club, june, { roleKeys: ['duty_officer', 'instructor'] });
    assert.deepEqual(
      problem.roles.map((r) => r.key),
      ['instructor', 'duty_officer'],
    );
  });

  it('refuses an unknown role key', () => {
    assert.throws(() => buildProblem(club, june, { roleKeys: ['winch_driver'] }), /"winch_driver"/);
  });

  it('keeps locked slots only on duty days of the range and for scheduled roles, sorted, first one per slot', () => {
    const problem = buildProblem(club, june, {
      roleKeys: ['instructor', 'duty_officer'],
      removedDates: ['2026-06-20'],
      locked: [
        { date: '2026-06-14', role: 'duty_officer', memberId: 'm003' },
        { date: '2026-06-06', role: 'duty_officer', memberId: null },
        { date: '2026-06-06', role: 'instructor', memberId: 'm001' },
        { date: '2026-06-06', role: 'instructor', memberId: 'm002' },
        { date: '2026-06-20', role: 'instructor', memberId: 'm001' },
        { date: '2026-06-10', role: 'instructor', memberId: 'm001' },
        { date: '2026-07-04', role: 'instructor', memberId: 'm001' },
        { date: '2026-06-07', role: 'towpilot', memberId: 'm001' },
        { date: '2026-06-07', role: 'glider_pilot', memberId: 'm001' },
      ],
    });
    assert.deepEqual(problem.locked, [
      { date: '2026-06-06', role: 'instructor', memberId: 'm001' },
      { date: '2026-06-06', role: 'duty_officer', memberId: null },
      { date: '2026-06-14', role: 'duty_officer', memberId: 'm003' },
    ]);
  });

  it('refuses a malformed range', () => {
    assert.throws(() => buildProblem(club, { start: '2026-06-31', end: '2026-07-01' }), /valid dates/);
    assert.throws(() => buildProblem(club, { start: '2026-07-01', end: '2026-06-01' }), /after it ends/);
    assert.throws(() => buildProblem(club, { start: '2026-01-01', end: '2027-01-01' }), /more than 12 months/);
  });

  it('accepts a full year', () => {
    assert.equal(buildProblem(club, monthRange(2026, 1, 12)).dutyDays.length > 50, true);
  });
});
