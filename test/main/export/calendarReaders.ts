import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import assert from 'node:assert/strict';
import ICAL from 'ical.js';

/**
 * Two independent iCalendar readers for the tests: ical.js (the npm package) and Python's icalendar
 * (Debian's python3-icalendar). Both give the events in the same plain shape, so a test can demand that
 * they agree.
 */

export interface ReadEvent {
  uid: string;
  sequence: number;
  status: string;
  /** YYYY-MM-DD (all-day). */
  start: string;
  summary: string;
  description: string;
  /** ISO time, or null when absent. */
  lastModified: string | null;
}

export interface ReadCalendar {
  name: string;
  events: ReadEvent[];
}

export function readWithIcalJs(text: string): ReadCalendar {
  const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
  assert.equal(calendar.name, 'vcalendar');
  const events = calendar.getAllSubcomponents('vevent').map((event) => {
    const start = event.getFirstPropertyValue('dtstart') as ICAL.Time;
    assert.ok(start.isDate, 'all-day event');
    const modified = event.getFirstPropertyValue('last-modified') as ICAL.Time | null;
    return {
      uid: String(event.getFirstPropertyValue('uid')),
      sequence: Number(event.getFirstPropertyValue('sequence') ?? 0),
      status: String(event.getFirstPropertyValue('status') ?? ''),
      start: start.toString(),
      summary: String(event.getFirstPropertyValue('summary')),
      description: String(event.getFirstPropertyValue('description')),
      lastModified: modified === null ? null : modified.toJSDate().toISOString(),
    };
  });
  return { name: String(calendar.getFirstPropertyValue('x-wr-calname')), events };
}

/** Debian's interpreter has python3-icalendar; ROSTERMEISTER_PYTHON names another one. */
const PYTHON = process.env.ROSTERMEISTER_PYTHON ?? (existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3');

const PYTHON_READER = `
import json, sys
import icalendar
cal = icalendar.Calendar.from_ical(sys.stdin.buffer.read())
assert cal.name == 'VCALENDAR', cal.name
events = []
for ev in cal.walk('VEVENT'):
    modified = ev.decoded('LAST-MODIFIED') if 'LAST-MODIFIED' in ev else None
    events.append({
        'uid': str(ev['UID']),
        'sequence': int(ev.get('SEQUENCE', 0)),
        'status': str(ev.get('STATUS', '')),
        'start': ev.decoded('DTSTART').isoformat(),
        'summary': str(ev['SUMMARY']),
        'description': str(ev['DESCRIPTION']),
        'lastModified': None if modified is None else modified.isoformat(),
    })
print(json.dumps({'name': str(cal.get('X-WR-CALNAME', '')), 'events': events}))
`;

export function readWithPython(text: string): ReadCalendar {
  const out = execFileSync(PYTHON, ['-c', PYTHON_READER], { input: Buffer.from(text, 'utf8'), encoding: 'utf8' });
  const parsed = JSON.parse(out) as ReadCalendar;
  return {
    name: parsed.name,
    events: parsed.events.map((e) => ({ ...e, lastModified: e.lastModified === null ? null : new Date(e.lastModified).toISOString() })),
  };
}

/** Reads the file with both readers, checks they agree on every event, and returns the events. */
export function readCalendar(text: string): ReadEvent[] {
  const js = readWithIcalJs(text);
  const py = readWithPython(text);
  assert.deepEqual(py.events, js.events, 'ical.js and Python icalendar read the same events');
  return js.events;
}
