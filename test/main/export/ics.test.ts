import { test } from 'node:test';
import assert from 'node:assert/strict';
import ICAL from 'ical.js';
import { renderExport } from '../../../main/export/index.ts';
import { escapeText, foldLine } from '../../../main/export/ics.ts';
import { ApiError } from '../../../main/api/errors.ts';
import type { ExportRequest } from '../../../main/api/contract.ts';
import { NAMES, ROLES, decemberView, emptyView } from './views.ts';

const GENERATED = new Date('2026-11-28T12:05:00Z');
const CLUB = 'Skyhigh Gliding Club, Süd';
const request = (extra: Partial<ExportRequest> = {}): ExportRequest => ({ year: 2026, month: 12, format: 'ics', ...extra });
const titleOf = (key: string): string => ROLES.find((role) => role.key === key)?.title ?? key;

interface ParsedEvent {
  uid: string;
  start: string;
  end: string;
  startIsDate: boolean;
  summary: string;
  description: string;
  stamp: string;
}

function parseCalendar(bytes: Buffer): { calendar: ICAL.Component; events: ParsedEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(bytes.toString('utf8')) as unknown[]);
  const events = calendar.getAllSubcomponents('vevent').map((component) => {
    const start = component.getFirstPropertyValue('dtstart') as ICAL.Time;
    const end = component.getFirstPropertyValue('dtend') as ICAL.Time;
    const stamp = component.getFirstPropertyValue('dtstamp') as ICAL.Time;
    return {
      uid: String(component.getFirstPropertyValue('uid')),
      start: start.toString(),
      end: end.toString(),
      startIsDate: start.isDate,
      summary: String(component.getFirstPropertyValue('summary')),
      description: String(component.getFirstPropertyValue('description')),
      stamp: stamp.toJSDate().toISOString(),
    };
  });
  return { calendar, events };
}

test('month calendar: VCALENDAR header, one all-day event per filled slot with role, name and club', async () => {
  const view = decemberView();
  const file = await renderExport(view, request(), GENERATED);
  assert.equal(file.mimeType, 'text/calendar; charset=utf-8');
  assert.equal(file.fileName, 'skyhigh-gliding-club-sud-roster-2026-12.ics');
  const { calendar, events } = parseCalendar(file.bytes);
  assert.equal(calendar.getFirstPropertyValue('version'), '2.0');
  assert.equal(calendar.getFirstPropertyValue('calscale'), 'GREGORIAN');
  assert.equal(calendar.getFirstPropertyValue('method'), 'PUBLISH');
  assert.match(String(calendar.getFirstPropertyValue('prodid')), /Rostermeister/);
  // ical.js keeps X- properties raw; calendar programs read X-WR-CALNAME as escaped TEXT.
  assert.equal(calendar.getFirstPropertyValue('x-wr-calname'), 'Skyhigh Gliding Club\\, Süd duty roster');

  const filled = view.days.flatMap((day) =>
    day.slots.filter((slot) => slot.memberId !== null).map((slot) => ({ date: day.date, ...slot })),
  );
  assert.equal(events.length, filled.length);
  filled.forEach((slot, i) => {
    const event = events[i];
    assert.equal(event.start, slot.date);
    assert.ok(event.startIsDate, 'all-day event');
    assert.equal(event.summary, `${titleOf(slot.role)}: ${slot.memberName} – ${CLUB}`);
    assert.equal(event.stamp, GENERATED.toISOString());
  });
  const firstDay = events.filter((event) => event.start === '2026-12-05');
  assert.equal(firstDay[0].end, '2026-12-06');
  assert.equal(
    firstDay[0].description,
    `Crew on Saturday 5 December 2026:\nDuty officer: ${NAMES.m1}\nWinch driver: ${NAMES.m2}\nTow pilot: ${NAMES.m3}\nInstructor: ${NAMES.m4}`,
  );
  assert.match(events.find((event) => event.start === '2026-12-06')?.description ?? '', /Tow pilot: \(open\)/);
  assert.equal(new Set(events.map((event) => event.uid)).size, events.length, 'UIDs are unique');
});

test('UIDs are stable across renders (re-publishing updates events) and differ per member of a slot', async () => {
  const first = parseCalendar((await renderExport(decemberView(), request(), GENERATED)).bytes).events;
  const later = new Date('2026-12-02T08:00:00Z');
  const second = parseCalendar((await renderExport(decemberView(), request(), later)).bytes).events;
  assert.deepEqual(
    second.map((event) => event.uid),
    first.map((event) => event.uid),
  );
  assert.ok(second.every((event) => event.stamp === later.toISOString()));

  const changed = decemberView();
  changed.days[0].slots[0] = { role: 'duty_officer', memberId: 'm2', memberName: NAMES.m2 };
  const third = parseCalendar((await renderExport(changed, request(), GENERATED)).bytes).events;
  assert.notEqual(third[0].uid, first[0].uid);
  assert.deepEqual(
    third.slice(1).map((event) => event.uid),
    first.slice(1).map((event) => event.uid),
  );
});

test("a member's calendar holds only their duties, named for them", async () => {
  const view = decemberView();
  const file = await renderExport(view, request({ memberId: 'm3' }), GENERATED);
  assert.equal(file.fileName, 'skyhigh-gliding-club-sud-roster-2026-12-unal-sahin.ics');
  const { calendar, events } = parseCalendar(file.bytes);
  assert.equal(calendar.getFirstPropertyValue('x-wr-calname'), `Skyhigh Gliding Club\\, Süd – duties of ${NAMES.m3}`);
  const expected = view.days.flatMap((day) =>
    day.slots.filter((slot) => slot.memberId === 'm3').map((slot) => ({ date: day.date, role: slot.role })),
  );
  assert.deepEqual(
    events.map((event) => [event.start, event.summary]),
    expected.map((slot) => [slot.date, `${titleOf(slot.role)} duty – ${CLUB}`]),
  );
  const whole = parseCalendar((await renderExport(view, request(), GENERATED)).bytes).events;
  const wholeUids = new Set(whole.map((event) => event.uid));
  assert.ok(
    events.every((event) => wholeUids.has(event.uid)),
    'same UIDs as in the month calendar',
  );

  const greek = await renderExport(view, request({ memberId: 'm5' }), GENERATED);
  assert.equal(greek.fileName, 'skyhigh-gliding-club-sud-roster-2026-12-m5.ics', 'non-Latin names fall back to the id');
});

test('lines are CRLF, at most 75 octets, never split inside a UTF-8 character, and unfold to the long names', async () => {
  const view = decemberView();
  const bytes = (await renderExport(view, request(), GENERATED)).bytes;
  const text = bytes.toString('utf8');
  assert.ok(text.endsWith('\r\n'));
  assert.equal(text.replace(/\r\n/g, '').includes('\n'), false);
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
  const summaries = parseCalendar(bytes).events.map((event) => event.summary);
  assert.ok(summaries.includes(`Duty officer: ${NAMES.m5} – ${CLUB}`));
  assert.ok(summaries.includes(`Tow pilot: ${NAMES.m4} – ${CLUB}`));
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

test('a month with no published roster gives a clear error instead of an empty calendar', async () => {
  await assert.rejects(renderExport(emptyView(), request(), GENERATED), (error: unknown) => {
    assert.ok(error instanceof ApiError);
    assert.equal(error.code, 'not_found');
    assert.equal(error.message, 'No published roster for December 2026 — publish a draft first.');
    return true;
  });
});
