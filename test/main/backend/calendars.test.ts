import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Backend } from '../../../main/backend/index.ts';
import { openDatabase } from '../../../main/db/connection.ts';
import { publishedSlots, replacePublished } from '../../../main/db/rosterRepo.ts';
import type { Assignment } from '../../../solver/types.ts';
import { readCalendar, type ReadEvent } from '../export/calendarReaders.ts';
import { apiError, tempBackend } from './helpers.ts';

/**
 * Calendars on a real database: the demo club (October and November 2026 published), changed the way the
 * app changes a published month (replacePublished with a reason, as publish and cover do).
 */

const NOVEMBER = { start: '2026-11-01', end: '2026-11-30' };
const COVER_TIME = '2026-11-10T09:30:00.000Z';

let backend: Backend;
let cleanup: () => Promise<void>;

before(async () => {
  ({ backend, cleanup } = await tempBackend({ now: () => new Date('2026-11-02T08:00:00Z') }));
});
after(() => cleanup());

const decode = (file: { base64: string }) => Buffer.from(file.base64, 'base64').toString('utf8');
const season = async (memberId?: string) =>
  readCalendar(decode(await backend.exportSeasonCalendar({ year: 2026, ...(memberId === undefined ? {} : { memberId }) })));

/** Changes the published month in the store as a cover does: one slot to another member. */
function changeSlot(date: string, role: string, memberId: string | null, reason: 'cover' | 'replace' = 'cover', at = COVER_TIME): void {
  const db = openDatabase(backend.databaseFile);
  try {
    const slots: Assignment[] = publishedSlots(db, NOVEMBER).map((s) => ({
      date: s.date,
      role: s.role,
      memberId: s.date === date && s.role === role ? memberId : s.memberId,
    }));
    db.transaction(() => replacePublished(db, NOVEMBER, slots, at, { reason })).immediate();
  } finally {
    db.close();
  }
}

function eventOn(events: ReadEvent[], date: string, uid?: string): ReadEvent {
  const found = events.filter((e) => e.start === date && (uid === undefined || e.uid === uid));
  assert.equal(found.length, 1, `one event on ${date}: ${JSON.stringify(found)}`);
  return found[0];
}

describe('calendars that follow the roster (demo club, real database)', () => {
  let date: string;
  let role: string;
  let oldHolder: string;
  let newHolder: string;
  let uid: string;
  let sequenceBefore: number;

  it("every member's season file and the club feed: all published months, read alike by ical.js and Python", async () => {
    const published = (await backend.getPublished({ year: 2026, month: 11 }))!;
    const slot = published.days[0].slots.find((s) => s.memberId !== null)!;
    date = published.days[0].date;
    role = slot.role;
    oldHolder = slot.memberId!;
    const members = await backend.listMembers();
    const busy = new Set(published.days.find((d) => d.date === date)!.slots.map((s) => s.memberId));
    newHolder = members.find((m) => !busy.has(m.id))!.id;

    const feed = await season();
    const october = (await backend.getPublished({ year: 2026, month: 10 }))!;
    const slotCount = (view: typeof published) => view.days.reduce((n, d) => n + d.slots.length, 0);
    assert.equal(feed.length, slotCount(published) + slotCount(october), 'every slot of the season, open ones too');
    assert.ok(feed.every((e) => e.status === 'CONFIRMED' && e.sequence === 0));
    assert.equal(new Set(feed.map((e) => e.uid)).size, feed.length);
    const file = await backend.exportSeasonCalendar({ year: 2026 });
    assert.equal(file.fileName, 'kestrel-ridge-gliding-club-season-2026.ics');
    assert.match(decode(file), /REFRESH-INTERVAL;VALUE=DURATION:PT12H/);

    const mine = await season(oldHolder);
    const held = [...october.days, ...published.days].flatMap((d) => d.slots.filter((s) => s.memberId === oldHolder).map(() => d.date));
    assert.deepEqual(mine.map((e) => e.start).sort(), held.sort(), "the member's duties of both months");
    const event = eventOn(
      mine,
      date,
      feed.find((e) => e.start === date && e.summary.startsWith(published.roles.find((r) => r.key === role)!.title))!.uid,
    );
    uid = event.uid;
    sequenceBefore = event.sequence;
    assert.equal(event.status, 'CONFIRMED');
  });

  it('a member without any duty gets a valid file; an unknown member or an empty year is refused clearly', async () => {
    const members = await backend.listMembers();
    const feed = await season();
    const names = feed.map((e) => e.summary).join('\n');
    const idle = members.find((m) => !names.includes(`: ${m.name} –`))!;
    assert.ok(idle, 'the demo club has a member without duties');
    const file = await backend.exportSeasonCalendar({ year: 2026, memberId: idle.id });
    assert.deepEqual(readCalendar(decode(file)), []);
    assert.match(decode(file), /^BEGIN:VCALENDAR\r\n[\s\S]*END:VCALENDAR\r\n$/);
    const month = await backend.exportPublished({ year: 2026, month: 11, format: 'ics', memberId: idle.id });
    assert.deepEqual(readCalendar(decode(month)), [], "the month's file too");

    const unknown = await apiError(backend.exportSeasonCalendar({ year: 2026, memberId: 'nobody' }), 'not_found', 'memberId');
    assert.equal(unknown.message, 'There is no member with id "nobody".');
    const empty = await apiError(backend.exportSeasonCalendar({ year: 2030 }), 'not_found', 'year');
    assert.equal(empty.message, 'Nothing is published for 2030 yet — publish a month first.');
  });

  it("after a cover the old holder's file cancels the UID with a higher SEQUENCE and the new holder's file has it", async () => {
    changeSlot(date, role, newHolder);

    const old = eventOn(await season(oldHolder), date, uid);
    assert.equal(old.status, 'CANCELLED');
    assert.ok(old.sequence > sequenceBefore, `SEQUENCE ${old.sequence} > ${sequenceBefore}`);
    assert.equal(old.lastModified, COVER_TIME);

    const next = eventOn(await season(newHolder), date, uid);
    assert.equal(next.status, 'CONFIRMED');
    assert.equal(next.sequence, old.sequence);
    assert.equal(next.lastModified, COVER_TIME);

    const feed = await season();
    const names = new Map((await backend.listMembers()).map((m) => [m.id, m.name]));
    assert.match(eventOn(feed, date, uid).summary, new RegExp(`: ${names.get(newHolder)} –`));
    const monthFile = readCalendar(decode(await backend.exportPublished({ year: 2026, month: 11, format: 'ics', memberId: oldHolder })));
    assert.equal(eventOn(monthFile, date, uid).status, 'CANCELLED', "the month's file of the old holder cancels it too");
    // October did not change: its events keep SEQUENCE 0.
    assert.ok(feed.filter((e) => e.start.startsWith('2026-10')).every((e) => e.sequence === 0));
  });

  it('SEQUENCE grows with every version that changes the event, and stays when a version leaves it alone', async () => {
    const before = eventOn(await season(newHolder), date, uid).sequence;
    changeSlot(date, role, oldHolder, 'replace', '2026-11-11T09:00:00.000Z');
    const back = eventOn(await season(oldHolder), date, uid);
    assert.deepEqual([back.status, back.sequence, back.lastModified], ['CONFIRMED', before + 1, '2026-11-11T09:00:00.000Z']);
    assert.equal(eventOn(await season(newHolder), date, uid).status, 'CANCELLED', 'who covered and gave it back sees it cancelled');

    const other = (await backend.getPublished({ year: 2026, month: 11 }))!.days.at(-1)!;
    const untouched = eventOn(await season(oldHolder), date, uid);
    changeSlot(other.date, other.slots[0].role, null, 'replace', '2026-11-12T09:00:00.000Z');
    assert.deepEqual(eventOn(await season(oldHolder), date, uid), untouched, 'another day changed: this event did not');
  });

  it("a cover recorded by the app (coverDuty) cancels the old holder's event and gives the new holder the same UID", async () => {
    const october = (await backend.getPublished({ year: 2026, month: 10 }))!;
    const day = october.days[0];
    const slot = day.slots.find((s) => s.memberId !== null)!;
    const candidate = (await backend.coverCandidates(day.date, slot.role)).find((c) => c.eligible && c.memberId !== slot.memberId)!;
    assert.ok(candidate, 'someone may cover');
    const feedUid = eventOn(await season(slot.memberId!), day.date).uid;
    const before = eventOn(await season(slot.memberId!), day.date, feedUid).sequence;
    await backend.coverDuty(day.date, slot.role, candidate.memberId, 'ill');
    const old = eventOn(await season(slot.memberId!), day.date, feedUid);
    assert.deepEqual([old.status, old.sequence > before], ['CANCELLED', true]);
    const next = (await season(candidate.memberId)).find((e) => e.uid === feedUid);
    assert.deepEqual([next?.status, next?.sequence], ['CONFIRMED', old.sequence]);
    const told = await backend.tellMembers({ year: 2026, month: 10 }, null);
    assert.deepEqual(told.members.map((m) => m.memberId).sort(), [slot.memberId!, candidate.memberId].sort());
  });

  it('renaming the club changes no UID; the club file carries the permanent id', async () => {
    const before = (await season()).map((e) => e.uid);
    const settings = await backend.getClubSettings();
    await backend.updateClubSettings({ ...settings, name: 'Kestrel Ridge Soaring Society' });
    const after = await season();
    assert.deepEqual(
      after.map((e) => e.uid),
      before,
    );
    assert.ok(after.every((e) => e.summary.endsWith('– Kestrel Ridge Soaring Society')));
    assert.equal((await backend.exportSeasonCalendar({ year: 2026 })).fileName, 'kestrel-ridge-soaring-society-season-2026.ics');

    const club = JSON.parse(await backend.exportClub()) as { club: { id?: string } };
    assert.match(club.club.id ?? '', /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.ok(
      before.every((u) => u.includes(club.club.id!.replace(/-/g, '%2D'))),
      'every UID carries the club id',
    );
  });

  it("importing a file without an id keeps the club's id; a file with another club's id brings that id", async () => {
    const exported = JSON.parse(await backend.exportClub()) as { club: { id?: string; name: string } };
    const id = exported.club.id!;
    const before = (await season()).map((e) => e.uid);
    delete exported.club.id;
    await backend.importClub(JSON.stringify({ ...exported, club: { ...exported.club, name: 'Renamed Again' } }));
    assert.deepEqual(
      (await season()).map((e) => e.uid),
      before,
      'same club, file without an id',
    );
    assert.equal((JSON.parse(await backend.exportClub()) as { club: { id: string } }).club.id, id);

    await backend.importClub(JSON.stringify({ ...exported, club: { ...exported.club, id: 'other-club-2026' } }));
    const other = await season();
    assert.ok(
      other.every((e) => e.uid.includes('other%2Dclub%2D2026@')),
      other[0].uid,
    );

    const bad = await apiError(
      backend.importClub(JSON.stringify({ ...exported, club: { ...exported.club, id: 'has space' } })),
      'bad_input',
      'club.id',
    );
    assert.match(bad.message, /club\.id: "has space" — expected the club's permanent id/);
  });
});
