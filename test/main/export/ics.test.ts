import { test } from 'node:test';
import assert from 'node:assert/strict';
import ICAL from 'ical.js';
import type { Assignment } from '../../../main/api/contract.ts';
import { clubEvents, memberEvents, type CalendarSource } from '../../../main/export/calendarEvents.ts';
import { calendarIcs, escapeText, eventUid, foldLine } from '../../../main/export/ics.ts';
import { slotStories, type MonthVersion } from '../../../main/export/slotHistory.ts';
import { readCalendar, readWithIcalJs } from './calendarReaders.ts';
import { NAMES, ROLES, decemberView, viewIcs } from './views.ts';

const GENERATED = new Date('2026-11-28T12:05:00Z');
const CLUB = 'Skyhigh Gliding Club, Süd';
const CLUB_ID = '6f1c2a9e-8d4b-4c1e-9a7f-3b2d1e0c5a48';

const slot = (date: string, role: string, memberId: string | null): Assignment => ({ date, role, memberId });
const version = (n: number, createdAt: string, slots: Assignment[]): MonthVersion => ({ version: n, createdAt, slots });

/** Four versions of two December days: v2 hands m1's duty to m2, v3 changes only the 13th, v4 takes the 13th out. */
const HISTORY: MonthVersion[] = [
  version(1, '2026-11-20T10:00:00.000Z', [
    slot('2026-12-12', 'tow', 'm1'),
    slot('2026-12-12', 'winch', 'm3'),
    slot('2026-12-13', 'tow', 'm4'),
  ]),
  version(2, '2026-11-25T10:00:00.000Z', [
    slot('2026-12-12', 'tow', 'm2'),
    slot('2026-12-12', 'winch', 'm3'),
    slot('2026-12-13', 'tow', 'm4'),
  ]),
  version(3, '2026-11-26T10:00:00.000Z', [
    slot('2026-12-12', 'tow', 'm2'),
    slot('2026-12-12', 'winch', 'm3'),
    slot('2026-12-13', 'tow', null),
  ]),
  version(4, '2026-11-27T10:00:00.000Z', [slot('2026-12-12', 'tow', 'm2'), slot('2026-12-12', 'winch', 'm3')]),
];

function source(versions: MonthVersion[], overrides: Partial<CalendarSource> = {}): CalendarSource {
  return {
    clubId: CLUB_ID,
    clubName: CLUB,
    roles: ROLES,
    names: new Map(Object.entries(NAMES)),
    stories: slotStories(versions),
    ...overrides,
  };
}

const text = (bytes: Buffer) => bytes.toString('utf8');

test('a slot story counts the versions that changed its day and remembers who held it', () => {
  const stories = slotStories(HISTORY);
  const tow12 = stories.find((s) => s.date === '2026-12-12' && s.role === 'tow')!;
  assert.deepEqual(tow12, {
    date: '2026-12-12',
    role: 'tow',
    current: true,
    holder: 'm2',
    formerHolders: ['m1'],
    sequence: 1,
    lastModified: '2026-11-25T10:00:00.000Z',
  });
  const winch12 = stories.find((s) => s.date === '2026-12-12' && s.role === 'winch')!;
  assert.equal(winch12.sequence, 1, 'the crew of its day changed, and the description lists the crew');
  const tow13 = stories.find((s) => s.date === '2026-12-13')!;
  assert.deepEqual(
    { current: tow13.current, holder: tow13.holder, formerHolders: tow13.formerHolders, sequence: tow13.sequence },
    { current: false, holder: null, formerHolders: ['m4'], sequence: 2 },
  );
  assert.equal(tow13.lastModified, '2026-11-27T10:00:00.000Z');
  assert.deepEqual(
    slotStories([HISTORY[0]]).map((s) => s.sequence),
    [0, 0, 0],
    'a first version changes nothing',
  );
  assert.deepEqual(slotStories([]), []);
  // A version that repeats the one before changes no event.
  const repeated = [...HISTORY, version(5, '2026-11-28T10:00:00.000Z', HISTORY[3].slots)];
  assert.deepEqual(
    slotStories(repeated).map((s) => [s.sequence, s.lastModified]),
    slotStories(HISTORY).map((s) => [s.sequence, s.lastModified]),
  );
});

test('UID is the slot: club id, date and role; never the holder or the club name', () => {
  const uid = eventUid(CLUB_ID, '2026-12-12', 'tow');
  assert.equal(uid, '20261212-tow-6f1c2a9e%2D8d4b%2D4c1e%2D9a7f%2D3b2d1e0c5a48@rostermeister');
  assert.notEqual(eventUid('other-club', '2026-12-12', 'tow'), uid, "another club's events stay apart");
  assert.notEqual(eventUid(CLUB_ID, '2026-12-12', 'winch'), uid);
  assert.notEqual(eventUid(CLUB_ID, '2026-12-13', 'tow'), uid);
  assert.notEqual(eventUid('a-b', '2026-12-12', 'c'), eventUid('a', '2026-12-12', 'b-c'), 'dashes inside parts are escaped');

  const before = clubEvents(source(HISTORY.slice(0, 1)));
  const after = clubEvents(source(HISTORY.slice(0, 2), { clubName: 'Renamed Soaring Club' }));
  assert.deepEqual(
    after.map((e) => e.uid),
    before.map((e) => e.uid),
    'a new holder and a renamed club keep every UID',
  );
  assert.ok(after.every((e) => !e.uid.includes('m1') && !e.uid.includes('m2') && !/skyhigh|renamed/i.test(e.uid)));
});

test("after a cover the old holder's file cancels the UID with a higher SEQUENCE; the new holder's has it", () => {
  const uid = eventUid(CLUB_ID, '2026-12-12', 'tow');
  const beforeCover = readCalendar(
    text(calendarIcs({ name: 'm1', description: '' }, memberEvents(source(HISTORY.slice(0, 1)), 'm1'), GENERATED)),
  );
  assert.deepEqual(
    beforeCover.map((e) => [e.uid, e.status, e.sequence]),
    [[uid, 'CONFIRMED', 0]],
  );
  const oldHolder = readCalendar(
    text(calendarIcs({ name: 'm1', description: '' }, memberEvents(source(HISTORY.slice(0, 2)), 'm1'), GENERATED)),
  );
  assert.equal(oldHolder.length, 1);
  assert.equal(oldHolder[0].uid, uid);
  assert.equal(oldHolder[0].status, 'CANCELLED');
  assert.ok(oldHolder[0].sequence > beforeCover[0].sequence, 'SEQUENCE went up');
  assert.equal(oldHolder[0].lastModified, '2026-11-25T10:00:00.000Z');
  assert.match(oldHolder[0].description, new RegExp(`${NAMES.m2} has it now`));

  const newHolder = readCalendar(
    text(calendarIcs({ name: 'm2', description: '' }, memberEvents(source(HISTORY.slice(0, 2)), 'm2'), GENERATED)),
  );
  assert.deepEqual(
    newHolder.map((e) => [e.uid, e.status, e.sequence, e.start]),
    [[uid, 'CONFIRMED', 1, '2026-12-12']],
  );
  assert.equal(newHolder[0].summary, `Tow pilot duty – ${CLUB}`);
  assert.equal(newHolder[0].description, `Crew on Saturday 12 December 2026:\nWinch driver: ${NAMES.m3}\nTow pilot: ${NAMES.m2}`);
});

test('a day taken out cancels its events in the club feed and for the member who had it', () => {
  const club = readCalendar(text(calendarIcs({ name: 'club', description: '', feed: true }, clubEvents(source(HISTORY)), GENERATED)));
  const gone = club.find((e) => e.start === '2026-12-13')!;
  assert.equal(gone.status, 'CANCELLED');
  assert.equal(gone.sequence, 2);
  assert.deepEqual(
    club.filter((e) => e.start === '2026-12-12').map((e) => e.status),
    ['CONFIRMED', 'CONFIRMED'],
  );
  const m4 = readCalendar(text(calendarIcs({ name: 'm4', description: '' }, memberEvents(source(HISTORY), 'm4'), GENERATED)));
  assert.deepEqual(
    m4.map((e) => [e.uid, e.status, e.sequence]),
    [[eventUid(CLUB_ID, '2026-12-13', 'tow'), 'CANCELLED', 2]],
  );
  // An open slot is an event of the club's feed too, so filling it later updates the same event.
  const open = readCalendar(text(calendarIcs({ name: 'club', description: '' }, clubEvents(source(HISTORY.slice(0, 3))), GENERATED)));
  assert.equal(open.find((e) => e.start === '2026-12-13')?.summary, `Tow pilot: open – ${CLUB}`);
});

test('a member without duties gets a valid, empty calendar', () => {
  const ics = text(calendarIcs({ name: 'Nobody', description: 'none' }, memberEvents(source(HISTORY), 'm8'), GENERATED));
  assert.deepEqual(readCalendar(ics), []);
  assert.match(ics, /^BEGIN:VCALENDAR\r\nVERSION:2\.0\r\n/);
  assert.match(ics, /END:VCALENDAR\r\n$/);
});

test('month calendar of a view: header, an event per slot with role, name and club, the crew in the description', () => {
  const view = decemberView();
  const calendar = readWithIcalJs(text(viewIcs(view, GENERATED)));
  const component = new ICAL.Component(ICAL.parse(text(viewIcs(view, GENERATED))) as unknown[]);
  assert.equal(component.getFirstPropertyValue('version'), '2.0');
  assert.equal(component.getFirstPropertyValue('method'), 'PUBLISH');
  assert.match(String(component.getFirstPropertyValue('prodid')), /Rostermeister/);
  const events = readCalendar(text(viewIcs(view, GENERATED)));
  assert.deepEqual(events, calendar.events);
  assert.equal(events.length, view.days.length * ROLES.length);
  const first = events.find((e) => e.start === '2026-12-05' && e.summary.startsWith('Duty officer'))!;
  assert.equal(first.summary, `Duty officer: ${NAMES.m1} – ${CLUB}`);
  assert.equal(
    first.description,
    `Crew on Saturday 5 December 2026:\nDuty officer: ${NAMES.m1}\nWinch driver: ${NAMES.m2}\nTow pilot: ${NAMES.m3}\nInstructor: ${NAMES.m4}`,
  );
  assert.equal(new Set(events.map((e) => e.uid)).size, events.length, 'UIDs are unique');
  assert.ok(events.every((e) => e.status === 'CONFIRMED' && e.sequence === 0 && e.lastModified === view.publishedAt));
});

test('lines are CRLF, at most 75 octets, never split inside a UTF-8 character, and unfold to the long names', () => {
  const bytes = viewIcs(decemberView(), GENERATED);
  const ics = text(bytes);
  assert.ok(ics.endsWith('\r\n'));
  assert.equal(ics.replace(/\r\n/g, '').includes('\n'), false);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let folded = 0;
  let start = 0;
  for (let i = 0; i < bytes.length - 1; i++) {
    if (bytes[i] !== 0x0d || bytes[i + 1] !== 0x0a) continue;
    const line = bytes.subarray(start, i);
    assert.ok(line.length <= 75, `line of ${line.length} octets: ${line.toString('utf8')}`);
    assert.doesNotThrow(() => decoder.decode(line), 'each physical line is whole UTF-8');
    if (line[0] === 0x20) folded++;
    start = i + 2;
  }
  assert.ok(folded > 0, 'the long Greek name forced folding');
  const summaries = readCalendar(ics).map((event) => event.summary);
  assert.ok(summaries.includes(`Duty officer: ${NAMES.m5} – ${CLUB}`));
  assert.ok(summaries.includes(`Instructor: ${NAMES.m7} – ${CLUB}`), 'semicolon and backslash survive');
});

test('foldLine keeps multi-byte characters whole; escapeText escapes what RFC 5545 asks', () => {
  const line = `SUMMARY:${'€'.repeat(60)}${'李'.repeat(40)}😀😀`;
  const folded = foldLine(line);
  for (const physical of folded.split('\r\n')) assert.ok(Buffer.byteLength(physical, 'utf8') <= 75);
  assert.equal(folded.replace(/\r\n /g, ''), line);
  assert.equal(escapeText('a\\b;c,d\ne'), 'a\\\\b\\;c\\,d\\ne');
  const component = new ICAL.Component(
    ICAL.parse(`BEGIN:VEVENT\r\n${foldLine(`SUMMARY:${escapeText('a\\b;c,d\ne')}`)}\r\nEND:VEVENT\r\n`) as unknown[],
  );
  assert.equal(component.getFirstPropertyValue('summary'), 'a\\b;c,d\ne');
});
