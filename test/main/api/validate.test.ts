import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import '../../fuzzSeed.ts';
import type { ClubCalendar, ClubSettings, Member, Settings } from '../../../main/api/contract.ts';
import { API_METHODS, type ApiMethod } from '../../../main/api/methods.ts';
import { ApiError } from '../../../main/api/errors.ts';
import { isApiMethod, validateArgs } from '../../../main/api/validate.ts';

const member = (): Member => ({
  id: 'm001',
  name: 'Alex Rivera',
  active: true,
  qualifications: ['instructor', 'towpilot'],
  rolePercent: { instructor: 50, towpilot: 50 },
  maxPerMonth: 2.5,
  preferredDay: 'sat',
  allowWeekendDouble: false,
  dontSchedule: false,
  suspended: false,
  blackouts: ['2026-06-06'],
  pairWith: ['m002'],
  avoid: ['m007'],
  lastDutyDate: null,
});

const clubSettings = (): ClubSettings => ({
  name: 'Ridge Soaring Club',
  defaultMaxPerMonth: 8,
  seasonStart: 'first weekend of April',
  seasonEnd: null,
  roles: [{ key: 'duty_officer', title: 'Duty Officer', qualification: 'duty_officer', scheduled: true }],
});

const calendar = (): ClubCalendar => ({
  operatingWeekdays: ['sat', 'sun', 'wed'],
  seasonStart: 'First weekend of May',
  seasonEnd: null,
  extraDutyDays: [
    { from: '2026-05-25', to: '2026-05-25', label: 'Bank holiday' },
    { from: '2026-07-20', to: '2026-07-26', label: null },
  ],
  removedDates: [{ date: '2026-06-13', reason: 'Airfield closed' }],
});

const settings = (): Settings => ({
  scheduler: 'legacy',
  monthOverrides: { '2026-07': 'optimizer' },
  shadowMode: false,
  timeLimitSeconds: 30,
});

/** One well-formed call per method. */
const VALID: Record<ApiMethod, unknown[]> = {
  getClubSettings: [],
  updateClubSettings: [clubSettings()],
  getClubCalendar: [],
  previewClubCalendar: [calendar()],
  updateClubCalendar: [calendar()],
  previewRoles: [clubSettings().roles],
  updateRoles: [[...clubSettings().roles, { key: 'am_tow', title: 'AM Tow', qualification: 'towpilot', scheduled: false, retired: true }]],
  listMembers: [],
  addMember: [{ ...member(), id: 'm999' }],
  updateMember: [member()],
  deleteMember: ['m001'],
  importClub: ['{"format":"rostermeister-club/1"}'],
  importClubFile: ['{"format":"rostermeister-club/1"}', 'club.json'],
  previewClubImport: ['{"format":"rostermeister-club/1"}'],
  exportClub: [],
  previewMemberSheet: ['members.csv', 'bmFtZQpBbm4K', null],
  importMemberSheet: ['members.csv', 'bmFtZQpBbm4K', { name: 'name', Notes: null }],
  getDraft: [{ year: 2026, month: 6 }],
  generateDraft: [{ year: 2026, month: 6, months: 12 }],
  rollDraft: [3],
  rollDraftWith: [3, 'optimizer'],
  cancelGeneration: [],
  setDateRemoved: [3, '2026-06-06', true],
  slotCandidates: [3, '2026-06-06', 'towpilot'],
  setSlot: [3, '2026-06-06', 'towpilot', null],
  setSlotLocked: [3, '2026-06-06', 'towpilot', false],
  publishDraft: [3],
  publishDraftAnyway: [3],
  publishCheck: [3],
  monthStatus: [{ year: 2026, month: 1 }],
  restoreReplacedDraft: [],
  discardDraft: [3],
  compare: [{ year: 2026, month: 6 }],
  latestComparison: [{ year: 2026, month: 6 }],
  adoptComparison: [1, 'optimizer'],
  listScenarios: [],
  createScenario: [{ year: 2026, month: 6, months: 3 }, 'Bob away'],
  updateScenario: [
    1,
    'Bob away',
    {
      away: [{ memberId: 'm001', from: '2026-06-01', to: '2026-06-14' }],
      rolesOff: ['towpilot'],
      limits: [{ memberId: 'm002', maxPerMonth: 0.5 }],
      defaultMaxPerMonth: null,
      scheduler: 'optimizer',
    },
  ],
  generateScenario: [1],
  adoptScenario: [1],
  deleteScenario: [1],
  listPublishedMonths: [],
  getPublished: [{ year: 2026, month: 6 }],
  publishedConflicts: ['m001'],
  proposeReplan: [{ year: 2026, month: 6 }],
  acceptReplan: [{ year: 2026, month: 6 }, 'v2-0123456789abcdef', [{ date: '2026-06-06', role: 'towpilot', memberId: null }]],
  exportPublished: [{ year: 2026, month: 6, format: 'ics', memberId: 'm001', bom: false, paper: 'Letter' }],
  seasonDashboard: [2026],
  exportSeasonDashboard: [2026, 'xlsx'],
  whyMember: ['m001', { year: 2026, month: 6 }, { date: '2026-06-06', role: 'towpilot' }],
  publishedHistory: [{ year: 2026, month: 6 }],
  restorePublishedVersion: [{ year: 2026, month: 6 }, 2, 'back to the first plan'],
  coverCandidates: ['2026-06-06', 'towpilot'],
  coverDuty: ['2026-06-06', 'towpilot', 'm001', null],
  replaceDuty: ['2026-06-06', 'towpilot', 'm001', 'Ann is ill'],
  swapOptions: ['2026-06-06', 'towpilot', { year: 2026, month: 7 }],
  swapDuties: ['2026-06-06', 'towpilot', '2026-07-04', 'duty_officer', ''],
  exportSeasonCalendar: [{ year: 2026, memberId: 'm001' }],
  tellMembers: [{ year: 2026, month: 6 }, null],
  getSettings: [],
  updateSettings: [settings()],
  listBackups: [],
  createBackup: [],
  restoreBackup: ['rostermeister-2026-06-01T10-00-00.db'],
  databaseStatus: [],
  startAfresh: [],
  listRuns: [20],
  recentLog: [200],
};

function rejects(method: ApiMethod, args: unknown, field: string): void {
  assert.throws(
    () => validateArgs(method, args),
    (error: unknown) => {
      assert.ok(error instanceof ApiError, `expected an ApiError, got ${String(error)}`);
      assert.equal(error.code, 'bad_input');
      assert.equal(error.field, field);
      assert.ok(error.message.length > 0);
      return true;
    },
  );
}

describe('validateArgs', () => {
  it('accepts one well-formed call of every method', () => {
    for (const method of API_METHODS) assert.deepEqual(validateArgs(method, VALID[method]), VALID[method]);
  });

  it('knows exactly the contract methods', () => {
    for (const method of API_METHODS) assert.ok(isApiMethod(method));
    for (const name of ['constructor', '__proto__', 'toString', 'close', '', 42]) assert.equal(isApiMethod(name), false);
  });

  it('refuses a wrong number of arguments or a non-list', () => {
    rejects('listRuns', [], 'args');
    rejects('getClubSettings', [1], 'args');
    rejects('getDraft', { year: 2026, month: 6 }, 'args');
    rejects('rollDraft', [undefined], 'draftId');
  });

  it('names the member field at fault', () => {
    rejects('updateMember', [{ ...member(), maxPerMonth: 13 }], 'member.maxPerMonth');
    rejects('updateMember', [{ ...member(), maxPerMonth: -1 }], 'member.maxPerMonth');
    rejects('updateMember', [{ ...member(), maxPerMonth: Number.NaN }], 'member.maxPerMonth');
    rejects('updateMember', [{ ...member(), rolePercent: { towpilot: 101 } }], 'member.rolePercent.towpilot');
    rejects('updateMember', [{ ...member(), preferredDay: 'mon' }], 'member.preferredDay');
    rejects('updateMember', [{ ...member(), blackouts: ['2026-06-06', '2026-02-30'] }], 'member.blackouts[1]');
    rejects('updateMember', [{ ...member(), blackouts: ['2026-06-06', '2026-06-06'] }], 'member.blackouts[1]');
    rejects('updateMember', [{ ...member(), name: '   ' }], 'member.name');
    rejects('updateMember', [{ ...member(), id: 'a\u0000b' }], 'member.id');
    rejects('updateMember', [{ ...member(), active: 'yes' }], 'member.active');
    rejects('updateMember', [{ ...member(), lastDutyDate: '1999-12-31' }], 'member.lastDutyDate');
    const { suspended: _omitted, ...withoutSuspended } = member();
    rejects('updateMember', [withoutSuspended], 'member.suspended');
  });

  it('refuses unknown fields, prototype keys included', () => {
    rejects('updateMember', [{ ...member(), isAdmin: true }], 'member.isAdmin');
    rejects('updateMember', [JSON.parse('{"__proto__": {"x": 1}}') as unknown], 'member.__proto__');
    rejects(
      'updateSettings',
      [{ ...settings(), monthOverrides: JSON.parse('{"__proto__": "legacy"}') as unknown }],
      'settings.monthOverrides.__proto__',
    );
    rejects('getDraft', [{ year: 2026, month: 6, day: 1 }], 'month.day');
    rejects('exportPublished', [{ year: 2026, month: 6, format: 'csv', path: '/etc/passwd' }], 'request.path');
  });

  it('checks months, years and ranges', () => {
    rejects('getDraft', [{ year: 1999, month: 6 }], 'month.year');
    rejects('getDraft', [{ year: 2101, month: 6 }], 'month.year');
    rejects('getDraft', [{ year: 2026.5, month: 6 }], 'month.year');
    rejects('getDraft', [{ year: '2026', month: 6 }], 'month.year');
    rejects('generateDraft', [{ year: 2026, month: 13 }], 'month.month');
    rejects('generateDraft', [{ year: 2026, month: 0 }], 'month.month');
    rejects('generateDraft', [{ year: 2026, month: 1, months: 13 }], 'month.months');
    rejects('generateDraft', [{ year: 2026, month: 1, months: 0 }], 'month.months');
    rejects('generateDraft', [null], 'month');
    rejects('generateDraft', [[2026, 6]], 'month');
  });

  it('checks the season year, the member and the slot asked about', () => {
    rejects('seasonDashboard', [1999], 'year');
    rejects('exportSeasonDashboard', ['2026', 'csv'], 'year');
    rejects('exportSeasonDashboard', [2026, 'docx'], 'format');
    rejects('whyMember', ['', { year: 2026, month: 6 }, null], 'memberId');
    rejects('whyMember', ['m001', { year: 2026, month: 13 }, null], 'month.month');
    rejects('whyMember', ['m001', { year: 2026, month: 6 }, { date: '2026-06-31', role: 'towpilot' }], 'slot.date');
    rejects('whyMember', ['m001', { year: 2026, month: 6 }, { date: '2026-06-06', role: 'Tow Pilot' }], 'slot.role');
    assert.deepEqual(validateArgs('whyMember', ['m001', { year: 2026, month: 6 }, null]), ['m001', { year: 2026, month: 6 }, null]);
  });

  it('checks settings', () => {
    rejects('updateSettings', [{ ...settings(), scheduler: 'greedy' }], 'settings.scheduler');
    rejects('updateSettings', [{ ...settings(), timeLimitSeconds: 0 }], 'settings.timeLimitSeconds');
    rejects('updateSettings', [{ ...settings(), timeLimitSeconds: 601 }], 'settings.timeLimitSeconds');
    rejects('updateSettings', [{ ...settings(), monthOverrides: { '2026-13': 'legacy' } }], 'settings.monthOverrides.2026-13');
    rejects('updateSettings', [{ ...settings(), monthOverrides: { '2026-07': 'fast' } }], 'settings.monthOverrides.2026-07');
    rejects('updateSettings', [{ ...settings(), shadowMode: 1 }], 'settings.shadowMode');
    rejects('updateClubSettings', [{ ...clubSettings(), defaultMaxPerMonth: 12.5 }], 'settings.defaultMaxPerMonth');
    const twice = clubSettings();
    twice.roles.push({ ...twice.roles[0] });
    rejects('updateClubSettings', [twice], 'settings.roles[1].key');
    rejects(
      'updateClubSettings',
      [{ ...clubSettings(), roles: [{ key: 'Tow Pilot', title: 'x', qualification: 'x', scheduled: true }] }],
      'settings.roles[0].key',
    );
  });

  it('checks the club calendar and the role list, naming the entry as the form shows it', () => {
    const messageOf = (method: ApiMethod, args: unknown[]) => {
      try {
        validateArgs(method, args);
      } catch (error) {
        return (error as Error).message;
      }
      return assert.fail('expected a refusal');
    };
    const bad = (change: Partial<ClubCalendar>) => [{ ...calendar(), ...change }];
    const feb30 = bad({ extraDutyDays: [{ from: '2026-02-30', to: '2026-02-30', label: null }] });
    rejects('updateClubCalendar', feb30, 'calendar.extraDutyDays[0].from');
    assert.match(messageOf('updateClubCalendar', feb30), /^Extra duty day: 2026-02-30 is not a date \(/);
    const backwards = bad({ extraDutyDays: [{ from: '2026-07-26', to: '2026-07-20', label: 'Competition week' }] });
    rejects('previewClubCalendar', backwards, 'calendar.extraDutyDays[0].to');
    assert.match(messageOf('previewClubCalendar', backwards), /ends before it starts/);
    rejects('updateClubCalendar', bad({ removedDates: [{ date: '13/06/2026', reason: null }] }), 'calendar.removedDates[0].date');
    rejects('updateClubCalendar', bad({ removedDates: [{ date: '2026-06-13', reason: 'a\nb' }] }), 'calendar.removedDates[0].reason');
    rejects('updateClubCalendar', bad({ operatingWeekdays: ['sat', 'saturday'] as never }), 'calendar.operatingWeekdays[1]');
    rejects('updateClubCalendar', bad({ operatingWeekdays: ['sat', 'sat'] }), 'calendar.operatingWeekdays[1]');
    assert.match(messageOf('updateClubCalendar', bad({ operatingWeekdays: ['sat', 'sat'] })), /^Operating weekdays \(entry 2\)/);
    rejects('updateRoles', [[...clubSettings().roles, ...clubSettings().roles]], 'roles[1].key');
    rejects('updateRoles', [[{ key: 'am_tow', title: ' ', qualification: 'towpilot', scheduled: true }]], 'roles[0].title');
    rejects('previewRoles', [[{ key: 'am_tow', title: 'AM Tow', qualification: 'Tow Pilot', scheduled: true }]], 'roles[0].qualification');
  });

  it('names a form field as the form labels it, not by its payload path', () => {
    const messageOf = (method: ApiMethod, args: unknown[]) => {
      try {
        validateArgs(method, args);
      } catch (error) {
        return (error as Error).message;
      }
      return assert.fail('expected a refusal');
    };
    assert.match(messageOf('updateMember', [{ ...member(), maxPerMonth: 20 }]), /^Monthly limit must be .*0 to 12.*, not 20\.$/);
    assert.match(messageOf('addMember', [{ ...member(), blackouts: ['2026-06-06', '2026-06-06'] }]), /^Blackout days \(entry 2\) /);
    assert.match(messageOf('updateMember', [{ ...member(), rolePercent: { towpilot: 101 } }]), /^Percent for towpilot /);
    assert.match(
      messageOf('updateSettings', [{ ...settings(), timeLimitSeconds: 601 }]),
      /^Optimizer time limit \(seconds\) must be a number from 1 to 600\.$/,
    );
    assert.match(messageOf('updateClubSettings', [{ ...clubSettings(), name: ' ' }]), /^Club name must be /);
    assert.match(messageOf('updateClubSettings', [{ ...clubSettings(), seasonEnd: 7 }]), /^Season ends must be /);
    for (const message of [
      messageOf('updateMember', [{ ...member(), maxPerMonth: 20 }]),
      messageOf('updateSettings', [{ ...settings(), shadowMode: 1 }]),
    ]) {
      assert.doesNotMatch(message, /member\.|settings\./);
    }
  });

  it('checks ids, dates, roles and names of the roster workflow', () => {
    rejects('rollDraft', [0], 'draftId');
    rejects('rollDraft', [1.5], 'draftId');
    rejects('rollDraft', ['3'], 'draftId');
    rejects('setDateRemoved', [3, '2026-6-6', true], 'date');
    rejects('setSlot', [3, '2026-06-06', 'DROP TABLE', null], 'role');
    rejects('setSlot', [3, '2026-06-06', 'towpilot', 7], 'memberId');
    rejects('adoptComparison', [1, 'both'], 'side');
    rejects('exportPublished', [{ year: 2026, month: 6, format: 'docx' }], 'request.format');
    rejects('restoreBackup', ['../../etc/passwd'], 'name');
    rejects('restoreBackup', ['.hidden'], 'name');
    rejects('listRuns', [0], 'limit');
    rejects('recentLog', [1e9], 'limit');
    rejects('importClub', [42], 'clubFileText');
  });

  it('never fails with anything but a bad_input ApiError, whatever it is given', () => {
    let cases = 0;
    fc.assert(
      fc.property(fc.constantFrom(...API_METHODS), fc.array(fc.anything(), { maxLength: 5 }), (method, args) => {
        cases++;
        try {
          validateArgs(method, args);
        } catch (error) {
          assert.ok(error instanceof ApiError && error.code === 'bad_input' && typeof error.field === 'string');
        }
      }),
      { numRuns: 2000 },
    );
    // Near misses: each valid call with one field of its first object replaced by junk.
    fc.assert(
      fc.property(
        fc.constantFrom(...API_METHODS.filter((m) => typeof VALID[m][0] === 'object')),
        fc.anything(),
        fc.nat(),
        (method, junk, pick) => {
          cases++;
          const first = structuredClone(VALID[method][0]) as Record<string, unknown>;
          const keys = Object.keys(first);
          first[keys[pick % keys.length]] = junk;
          try {
            validateArgs(method, [first, ...VALID[method].slice(1)]);
          } catch (error) {
            assert.ok(error instanceof ApiError && error.code === 'bad_input' && typeof error.field === 'string');
          }
        },
      ),
      { numRuns: 2000 },
    );
    assert.equal(cases, 4000);
  });
});
