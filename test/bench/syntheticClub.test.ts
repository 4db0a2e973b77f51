import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { syntheticClub } from '../../bench/syntheticClub.ts';
import { parseClub, serializeClub } from '../../solver/clubFile.ts';
import { Eligibility } from '../../solver/eligibility.ts';
import { monthRange } from '../../solver/dates.ts';
import { buildProblem } from '../../solver/problem.ts';

describe('syntheticClub', () => {
  it('is determined by the seed', () => {
    const a = syntheticClub({ members: 50, roles: 4, seed: 11 });
    assert.deepEqual(syntheticClub({ members: 50, roles: 4, seed: 11 }), a);
    assert.notDeepEqual(syntheticClub({ members: 50, roles: 4, seed: 12 }), a);
  });

  it('passes the club file validation', () => {
    for (const club of [
      syntheticClub({ members: 20, roles: 4, seed: 1 }),
      syntheticClub({ members: 150, roles: 6, seed: 2, seasonStart: 'First weekend of April', seasonEnd: 'Last weekend of October' }),
      syntheticClub({ members: 1200, roles: 4, seed: 3 }),
    ]) {
      assert.deepEqual(parseClub(serializeClub(club)), club);
    }
  });

  it('has the shift roles in the 6-role variant', () => {
    const club = syntheticClub({ members: 10, roles: 6, seed: 1 });
    assert.deepEqual(
      club.roles.map((r) => `${r.key}:${r.qualification}`),
      [
        'am_instructor:instructor',
        'pm_instructor:instructor',
        'am_tow:towpilot',
        'pm_tow:towpilot',
        'duty_officer:duty_officer',
        'assistant_duty_officer:assistant_duty_officer',
      ],
    );
  });

  it('has a realistic mix with candidates for every role', () => {
    const club = syntheticClub({ members: 150, roles: 4, seed: 7 });
    const share = (q: string) => club.members.filter((m) => m.qualifications.includes(q)).length / club.members.length;
    assert.ok(share('instructor') > 0.1 && share('instructor') < 0.4);
    assert.ok(share('assistant_duty_officer') > 0.5);
    assert.ok(club.members.some((m) => m.maxPerMonth === null) && club.members.some((m) => m.maxPerMonth === 0.5));
    assert.ok(club.members.some((m) => !m.active || m.suspended || m.dontSchedule));
    assert.ok(club.members.some((m) => m.pairWith.length > 0) && club.members.some((m) => m.avoid.length > 0));
    const blackedOut = club.members.reduce((n, m) => n + m.blackouts.length, 0) / (club.members.length * 104);
    assert.ok(blackedOut > 0.05 && blackedOut < 0.15, String(blackedOut));
    const problem = buildProblem(club, monthRange(2026, 6));
    const eligibility = new Eligibility(club, problem.range);
    for (const role of problem.roles) for (const date of problem.dutyDays) assert.ok(eligibility.candidates(role, date).length >= 2);
  });
});
