import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { after, before, describe, it } from 'node:test';
import type { Backend } from '../../../main/backend/index.ts';
import { apiError, tempBackend } from './helpers.ts';

/** The Season page and "why not me" on a real database: import, generate, publish, explain, export. */

const clubFile = JSON.stringify({
  format: 'rostermeister-club/1',
  club: { name: 'Ridge Soaring Club', defaultMaxPerMonth: 4 },
  season: { start: 'First weekend of May', end: 'Last weekend of October' },
  roles: [
    { key: 'instructor', title: 'Instructor' },
    { key: 'towpilot', title: 'Tow Pilot' },
  ],
  members: [
    { id: 'm001', name: 'Alex Rivera', qualifications: ['instructor', 'towpilot'], qualificationExpiry: { instructor: '2026-07-31' } },
    { id: 'm002', name: 'Zoë Müller', qualifications: ['towpilot'] },
    { id: 'm003', name: 'Kim Lee', qualifications: ['instructor'], blackouts: ['2026-06-13'] },
    { id: 'm004', name: 'Sam Okafor', qualifications: ['instructor', 'towpilot'], seasonQuota: 2 },
    { id: 'm005', name: 'Pat Doyle', qualifications: ['towpilot'], active: false },
  ],
  published: [
    { date: '2026-05-02', slots: { instructor: 'm001', towpilot: 'm002' } },
    { date: '2026-05-03', slots: { instructor: 'm003', towpilot: 'm004' } },
  ],
});

const JUNE = { year: 2026, month: 6 };

describe('the season dashboard and why-not on the database', () => {
  let backend: Backend;
  let cleanup: () => Promise<void>;
  before(async () => {
    ({ backend, cleanup } = await tempBackend({ now: () => new Date('2026-04-20T09:00:00Z') }));
    await backend.importClub(clubFile);
  });
  after(() => cleanup());

  it('shows the published season before anything is drafted', async () => {
    const view = await backend.seasonDashboard(2026);
    assert.deepEqual(view.range, { start: '2026-05-02', end: '2026-11-01' });
    assert.deepEqual(
      view.roles.map((r) => r.title),
      ['Instructor', 'Tow Pilot'],
    );
    const alex = view.members.find((m) => m.memberId === 'm001')!;
    assert.deepEqual([alex.published, alex.drafted, alex.total, alex.byRole.instructor, alex.byWeekday.sat], [1, 0, 1, 1, 1]);
    assert.deepEqual(alex.lapsing, [{ qualification: 'instructor', lastValid: '2026-07-31' }]);
    assert.equal(view.qualificationTitles.instructor, 'Instructor');
    const sam = view.members.find((m) => m.memberId === 'm004')!;
    assert.deepEqual([sam.expected, sam.expectedFrom, sam.difference], [2, 'quota', -1]);
    // Alex, Zoë and Kim are counted (one duty each); Pat is inactive.
    assert.equal(view.average, 1);
    assert.equal(view.members.find((m) => m.memberId === 'm005')!.expected, null);
  });

  it('changes when a draft is generated and again not when it is published', async () => {
    const draft = await backend.generateDraft(JUNE);
    const filled = draft.slots.filter((s) => s.memberId !== null).length;
    const drafted = await backend.seasonDashboard(2026);
    assert.equal(
      drafted.members.reduce((n, m) => n + m.drafted, 0),
      filled,
    );
    for (const m of drafted.members) assert.equal(m.total, m.published + m.drafted);

    await backend.publishDraft(draft.id);
    const published = await backend.seasonDashboard(2026);
    for (const m of published.members) {
      const before = drafted.members.find((d) => d.memberId === m.memberId)!;
      assert.deepEqual([m.drafted, m.total, m.published], [0, before.total, before.published + before.drafted], m.name);
    }
  });

  it('explains a member month: duties, hard rules and who was preferred', async () => {
    const why = await backend.whyMember('m003', JUNE, null);
    assert.equal(why.source, 'published');
    assert.equal(why.name, 'Kim Lee');
    assert.equal(why.days.length, 8);
    assert.equal(why.duties, why.days.filter((d) => d.onDuty !== null).length);
    const blackedOut = why.days.find((d) => d.date === '2026-06-13')!;
    if (blackedOut.onDuty === null) {
      assert.equal(blackedOut.slots[0].rule, 'blackout');
      assert.equal(blackedOut.summary, 'Kim Lee may not be Instructor: blacked out.');
    }
    for (const day of why.days.filter((d) => d.onDuty === null)) {
      assert.deepEqual(
        day.slots.map((s) => s.role),
        ['instructor'],
      );
      assert.ok(day.summary.length > 0);
    }
  });

  it('answers about one slot, from the slot editor, on the draft', async () => {
    const draft = await backend.generateDraft({ year: 2026, month: 7 });
    const holder = draft.slots.find((s) => s.role === 'towpilot' && s.memberId !== null && s.memberId !== 'm002')!;
    const why = await backend.whyMember('m002', { year: 2026, month: 7 }, { date: holder.date, role: 'towpilot' });
    assert.equal(why.source, 'draft');
    assert.equal(why.scheduler, draft.run.scheduler);
    assert.equal(why.slot?.holderId, holder.memberId);
    assert.ok((why.slot?.text ?? '').length > 0);
    const pat = await backend.whyMember('m005', { year: 2026, month: 7 }, null);
    assert.ok(pat.days.every((d) => d.slots.every((s) => s.rule === 'not_available')));
  });

  it('refuses an unknown member and a month with nothing planned, in one sentence', async () => {
    const unknown = await apiError(backend.whyMember('m999', JUNE, null), 'not_found', 'memberId');
    assert.match(unknown.message, /no member with the id "m999"/);
    const nothing = await apiError(backend.whyMember('m001', { year: 2026, month: 9 }, null), 'not_found', 'month');
    assert.match(nothing.message, /Nothing is drafted or published for 2026-09 yet/);
  });

  it('exports the dashboard as CSV that reads back', async () => {
    const file = await backend.exportSeasonDashboard(2026, 'csv');
    assert.equal(file.fileName, 'ridge-soaring-club-season-2026.csv');
    const rows = parse<Record<string, string>>(Buffer.from(file.base64, 'base64').toString('utf8'), { columns: true });
    const view = await backend.seasonDashboard(2026);
    assert.equal(rows.length, view.members.length);
    const alex = rows.find((r) => r.member_id === 'm001')!;
    const alexView = view.members.find((m) => m.memberId === 'm001')!;
    assert.equal(alex.name, 'Alex Rivera');
    assert.equal(Number(alex.total), alexView.total);
    assert.equal(Number(alex.Instructor) + Number(alex['Tow Pilot']), alexView.total);
    assert.equal(alex.lapsing_qualifications, 'Instructor until 2026-07-31');
    assert.equal(rows.find((r) => r.member_id === 'm005')!.expected, '');
  });

  it('exports the dashboard as XLSX with the figures as numbers, read back by openpyxl', async () => {
    const file = await backend.exportSeasonDashboard(2026, 'xlsx');
    assert.equal(file.fileName, 'ridge-soaring-club-season-2026.xlsx');
    const dir = mkdtempSync(join(tmpdir(), 'rm-season-xlsx-'));
    try {
      const path = join(dir, file.fileName);
      writeFileSync(path, Buffer.from(file.base64, 'base64'));
      // Debian's Python (a pyenv python3 may come first on PATH) with python3-openpyxl: an independent reader.
      const script = [
        'import json, sys, openpyxl',
        'ws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]',
        'print(json.dumps([ws.title, [[c.value for c in row] for row in ws.iter_rows()]]))',
      ].join('\n');
      const [title, rows] = JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, path], { encoding: 'utf8' })) as [
        string,
        (string | number | null)[][],
      ];
      assert.equal(title, 'Season 2026');
      const [header, ...body] = rows;
      const view = await backend.seasonDashboard(2026);
      assert.equal(body.length, view.members.length);
      const alex = body.find((r) => r[0] === 'm001')!;
      assert.equal(alex[header.indexOf('total')], view.members.find((m) => m.memberId === 'm001')!.total, 'a number cell');
      assert.equal(alex[header.indexOf('lapsing_qualifications')], 'Instructor until 2026-07-31');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('shows a year with nothing in it as all zeros, the quota still expected', async () => {
    const view = await backend.seasonDashboard(2030);
    assert.ok(view.members.every((m) => m.total === 0 && m.published === 0));
    // Only Sam has a quota (2): the rest are at the average of 0.
    assert.equal(view.furthestBehind, 'm004');
    assert.equal(view.furthestAhead, null);
  });
});
