import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ClubSettings, Member } from '../../../main/api/contract.ts';
import { ApiError } from '../../../main/api/errors.ts';
import { validateArgs } from '../../../main/api/validate.ts';
import { blankMember } from '../../../solver/memberSchema.ts';

/** The API's checks of the fairness window, the default quota and a member's quota and exemption, named as the forms label them. */

const settings = (over: Partial<ClubSettings> = {}): ClubSettings => ({
  name: 'Ridge Soaring Club',
  defaultMaxPerMonth: 8,
  fairnessWindow: 'season',
  defaultSeasonQuota: null,
  seasonStart: null,
  seasonEnd: null,
  roles: [{ key: 'towpilot', title: 'Tow Pilot', qualification: 'towpilot', scheduled: true }],
  ...over,
});

const member = (over: Partial<Member> = {}): Member => ({ ...blankMember('m001', 'Alex Rivera', ['towpilot']), ...over });

function refusal(method: 'updateClubSettings' | 'updateMember', arg: unknown): ApiError {
  try {
    validateArgs(method, [arg]);
  } catch (error) {
    assert.ok(error instanceof ApiError);
    return error;
  }
  return assert.fail('expected a refusal');
}

describe('API checks: fairness window and quotas', () => {
  it('accepts every window, a quota or none, and settings without the two fields', () => {
    for (const fairnessWindow of ['season', '12months', 'range'] as const)
      validateArgs('updateClubSettings', [settings({ fairnessWindow })]);
    validateArgs('updateClubSettings', [settings({ defaultSeasonQuota: 12 })]);
    const { fairnessWindow: _w, defaultSeasonQuota: _q, ...older } = settings();
    validateArgs('updateClubSettings', [older]);
    validateArgs('updateMember', [member({ seasonQuota: 6, exempt: true })]);
    validateArgs('updateMember', [member({ seasonQuota: null, exempt: false })]);
    validateArgs('updateMember', [member()]);
  });

  it('names the club settings field at fault', () => {
    const window = refusal('updateClubSettings', settings({ fairnessWindow: 'year' as never }));
    assert.equal(window.field, 'settings.fairnessWindow');
    assert.match(window.message, /^Fairness counts must be /);
    for (const quota of [0, 2.5, 151, '4']) {
      const error = refusal('updateClubSettings', settings({ defaultSeasonQuota: quota as never }));
      assert.equal(error.field, 'settings.defaultSeasonQuota');
      assert.match(error.message, /^Default season quota must be /);
    }
  });

  it('names the member field at fault', () => {
    for (const quota of [0, 2.5, 151, '4']) {
      const error = refusal('updateMember', member({ seasonQuota: quota as never }));
      assert.equal(error.field, 'member.seasonQuota');
      assert.match(error.message, /^Season quota must be a whole number of duties per season from 1 to 150/);
    }
    const exempt = refusal('updateMember', member({ exempt: 'yes' as never }));
    assert.equal(exempt.field, 'member.exempt');
    assert.match(exempt.message, /^Exempt from duties must be true or false/);
  });
});
