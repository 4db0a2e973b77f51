import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseClub } from '../../solver/clubFile.ts';
import { blankMember, freeMemberId, MEMBER_FIELDS, memberFieldLabel, memberProblemMessage, readMember } from '../../solver/memberSchema.ts';

describe('member schema', () => {
  it('gives the club file loader and the form the same defaults', () => {
    const doc = {
      format: 'rostermeister-club/1',
      club: { name: 'Ridge Soaring Club' },
      roles: [{ key: 'towpilot', title: 'Tow Pilot' }],
      members: [{ id: 'm001', name: 'Alex Rivera', qualifications: ['towpilot'] }],
    };
    assert.deepEqual(parseClub(doc).members[0], blankMember('m001', 'Alex Rivera', ['towpilot']));
    // Every field but the optional ones, which a member without them leaves out.
    const optional = ['qualificationExpiry', 'seasonQuota', 'exempt', 'unavailable'];
    assert.deepEqual(
      Object.keys(blankMember('x', 'y', [])),
      MEMBER_FIELDS.filter((key) => !optional.includes(key)),
    );
  });

  it('does not share default lists between blank members', () => {
    const a = blankMember('a', 'A', []);
    a.blackouts.push('2026-06-06');
    assert.deepEqual(blankMember('b', 'B', []).blackouts, []);
  });

  it('requires every field when asked to (the API), not in a club file', () => {
    const problems: string[] = [];
    readMember({ id: 'm001', name: 'Alex', qualifications: [] }, (path) => problems.push(path), { complete: true });
    assert.ok(problems.includes('suspended') && problems.includes('lastDutyDate'), problems.join(', '));
    const none: string[] = [];
    readMember({ id: 'm001', name: 'Alex', qualifications: [] }, (path) => none.push(path));
    assert.deepEqual(none, []);
  });

  it('names fields as the member form labels them', () => {
    assert.equal(memberFieldLabel('maxPerMonth'), 'Monthly limit');
    assert.equal(memberFieldLabel('blackouts[2]'), 'Blackout days (entry 3)');
    assert.equal(memberFieldLabel('rolePercent.towpilot'), 'Percent for towpilot');
    assert.equal(memberFieldLabel('qualificationExpiry.towpilot'), 'Last valid date of towpilot');
    assert.equal(memberFieldLabel('pairWith[0]'), 'Likes to work with (entry 1)');
    assert.equal(memberProblemMessage('suspended', undefined, 'true or false'), 'Suspended is missing.');
    assert.equal(memberProblemMessage('isAdmin', true, 'x'), 'There is no member field "isAdmin".');
  });
});

describe('freeMemberId', () => {
  it("follows the club's numbering, at its width", () => {
    assert.equal(freeMemberId(['m001', 'm002', 'm045']), 'm046');
    assert.equal(freeMemberId(['m9', 'm10']), 'm11');
    assert.equal(freeMemberId(['M-0099', 'M-0100', 'guest']), 'M-0101');
  });

  it('takes the most common prefix, and never an id that is taken', () => {
    assert.equal(freeMemberId(['m001', 'm002', 'x7']), 'm003');
    assert.equal(freeMemberId([]), 'm001');
    assert.equal(freeMemberId(['alex', 'zoe']), 'm001');
    const taken = ['m001', 'm002', 'm003'];
    assert.ok(!taken.includes(freeMemberId(taken)));
  });

  it('ignores numbers too long to count on', () => {
    assert.equal(freeMemberId(['m001', 'm12345678901234567890', 'm12345678901234567891']), 'm002');
  });
});
