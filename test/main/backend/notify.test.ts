import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Backend } from '../../../main/backend/index.ts';
import { openDatabase } from '../../../main/db/connection.ts';
import { publishedSlots, replacePublished } from '../../../main/db/rosterRepo.ts';
import type { Assignment } from '../../../solver/types.ts';
import { readCalendar } from '../export/calendarReaders.ts';
import { readMail } from '../export/mailReader.ts';
import { apiError, tempBackend } from './helpers.ts';

/** Telling members on a real database: the demo club's November 2026, changed as a cover changes it. */

const NOVEMBER = { start: '2026-11-01', end: '2026-11-30' };
let backend: Backend;
let cleanup: () => Promise<void>;

before(async () => {
  ({ backend, cleanup } = await tempBackend({ now: () => new Date('2026-11-02T08:00:00Z') }));
});
after(() => cleanup());

function change(edit: (slot: Assignment) => string | null, at: string): void {
  const db = openDatabase(backend.databaseFile);
  try {
    const slots = publishedSlots(db, NOVEMBER).map((s) => ({ date: s.date, role: s.role, memberId: edit(s) }));
    db.transaction(() => replacePublished(db, NOVEMBER, slots, at, { reason: 'cover' })).immediate();
  } finally {
    db.close();
  }
}

const shortDay = (iso: string) =>
  new Date(`${iso}T12:00:00Z`)
    .toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' })
    .replace(',', '');

describe('telling members what changed (demo club, real database)', () => {
  it('the first publication tells every member with duties their duties', async () => {
    const view = await backend.tellMembers({ year: 2026, month: 11 }, null);
    const published = (await backend.getPublished({ year: 2026, month: 11 }))!;
    const holders = new Set(published.days.flatMap((d) => d.slots.map((s) => s.memberId)).filter((id) => id !== null));
    assert.deepEqual(view.members.map((m) => m.memberId).sort(), [...holders].sort());
    assert.equal(view.since, null);
    assert.ok(view.members.every((m) => m.subject === `Kestrel Ridge Gliding Club: your duties in November 2026` && m.duties.length > 0));
    assert.match(view.copyAll, /^Kestrel Ridge Gliding Club: duty roster November 2026 is published\.\n\n/);
  });

  it('after a cover: the two members affected, in club words, with a mailto link and an .eml draft carrying their calendar', async () => {
    const published = (await backend.getPublished({ year: 2026, month: 11 }))!;
    const day = published.days[1];
    const slot = day.slots.find((s) => s.memberId !== null)!;
    const title = published.roles.find((r) => r.key === slot.role)!.title;
    const members = await backend.listMembers();
    const busy = new Set(day.slots.map((s) => s.memberId));
    const cover = members.find((m) => !busy.has(m.id) && m.active)!;
    const old = members.find((m) => m.id === slot.memberId)!;
    change((s) => (s.date === day.date && s.role === slot.role ? cover.id : s.memberId), '2026-11-10T09:30:00.000Z');

    const view = await backend.tellMembers({ year: 2026, month: 11 }, null);
    assert.deepEqual([view.version, view.since], [2, 1]);
    assert.deepEqual(
      view.members.map((m) => [m.memberId, m.changes]),
      [
        [old.id, [`No longer: ${title} on ${shortDay(day.date)} (${cover.name} takes it over)`]],
        [cover.id, [`New: ${title} on ${shortDay(day.date)}`]],
      ].sort((a, b) => members.find((m) => m.id === a[0])!.name.localeCompare(members.find((m) => m.id === b[0])!.name)),
    );
    assert.equal(
      view.copyAll,
      `Kestrel Ridge Gliding Club: duty roster November 2026, version 2 (changes since version 1).\n\n` +
        view.members.map((m) => `${m.memberName}\n- ${m.changes[0]}`).join('\n\n') +
        '\n',
    );

    const notice = view.members.find((m) => m.memberId === old.id)!;
    assert.equal(notice.subject, 'Kestrel Ridge Gliding Club: changes to your duties in November 2026');
    const link = new URL(notice.mailto);
    assert.equal(link.protocol, 'mailto:');
    assert.equal(link.pathname, '', 'no recipient: members have no address in Rostermeister');
    assert.equal(link.searchParams.get('subject'), notice.subject);
    assert.equal(link.searchParams.get('body'), notice.body.replace(/\n/g, '\r\n'));

    const eml = Buffer.from(notice.eml.base64, 'base64');
    assert.match(notice.eml.fileName, /^kestrel-ridge-gliding-club-roster-2026-11-.+\.eml$/);
    assert.equal(eml.toString('latin1').replace(/\r\n/g, '').includes('\n'), false, 'CRLF line endings only');
    assert.ok(
      eml
        .toString('latin1')
        .split('\r\n')
        .every((line) => line.length <= 78),
      'no line longer than 78',
    );
    const mail = readMail(eml);
    assert.deepEqual(mail.defects, []);
    assert.equal(mail.unsent, '1');
    assert.equal(mail.subject, notice.subject);
    assert.equal(mail.contentType, 'multipart/mixed');
    assert.equal(mail.text.replace(/\r\n/g, '\n'), notice.body);
    assert.match(mail.text, new RegExp(`Hello ${old.name},`));
    assert.equal(mail.attachments.length, 1);
    assert.equal(mail.attachments[0].contentType, 'text/calendar');
    assert.match(mail.attachments[0].filename ?? '', /^kestrel-ridge-gliding-club-season-2026-.+\.ics$/);
    const events = readCalendar(mail.attachments[0].text);
    const lost = events.find((e) => e.start === day.date && e.status === 'CANCELLED');
    assert.ok(lost, "the old holder's attached calendar cancels the duty they lost");
    assert.ok(lost.sequence > 0);

    const coverMail = readMail(Buffer.from(view.members.find((m) => m.memberId === cover.id)!.eml.base64, 'base64'));
    const gained = readCalendar(coverMail.attachments[0].text).find((e) => e.uid === lost.uid);
    assert.equal(gained?.status, 'CONFIRMED', "the new holder's calendar has the same UID");
  });

  it('a duty moved to another day reads as one move; names outside ASCII survive the subject', async () => {
    const published = (await backend.getPublished({ year: 2026, month: 11 }))!;
    const first = published.days[0];
    const role = first.slots[0].role;
    const mover = first.slots[0].memberId!;
    const last = published.days.findLast((d) => !d.slots.some((s) => s.memberId === mover))!;
    const lastHolder = last.slots.find((s) => s.role === role)!.memberId;
    assert.ok(!first.slots.some((s) => s.memberId === lastHolder), 'the swap partner is free on the first day');
    change((s) => {
      if (s.date === first.date && s.role === role) return lastHolder;
      if (s.date === last.date && s.role === role) return mover;
      return s.memberId;
    }, '2026-11-11T09:30:00.000Z');
    const view = await backend.tellMembers({ year: 2026, month: 11 }, null);
    const title = published.roles.find((r) => r.key === role)!.title;
    assert.deepEqual(view.members.find((m) => m.memberId === mover)?.changes, [
      `Moved: ${title} from ${shortDay(first.date)} to ${shortDay(last.date)}`,
    ]);

    const settings = await backend.getClubSettings();
    await backend.updateClubSettings({ ...settings, name: 'Segelflugverein Süd – Zürich Überland Fliegergruppe e.V.' });
    const again = await backend.tellMembers({ year: 2026, month: 11 }, 2);
    const mail = readMail(Buffer.from(again.members[0].eml.base64, 'base64'));
    assert.deepEqual(mail.defects, []);
    assert.equal(mail.subject, 'Segelflugverein Süd – Zürich Überland Fliegergruppe e.V.: changes to your duties in November 2026');
  });

  it('refuses a version to compare with that does not exist, and a month never published', async () => {
    const wrong = await apiError(backend.tellMembers({ year: 2026, month: 11 }, 3), 'bad_input', 'since');
    assert.equal(wrong.message, 'Compare with a version from 1 to 2, not 3.');
    await apiError(backend.tellMembers({ year: 2026, month: 10 }, 1), 'bad_input', 'since');
    const none = await apiError(backend.tellMembers({ year: 2027, month: 5 }, null), 'not_found', 'month');
    assert.equal(none.message, 'No published roster for May 2027 — publish a draft first.');
  });
});
