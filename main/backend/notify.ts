import type { MemberNotice, MonthRef, NotifyView } from '../api/contract.ts';
import { badInput } from '../api/errors.ts';
import { loadClub } from '../db/clubRepo.ts';
import { latestVersion, versionSlots } from '../db/versionRepo.ts';
import { fileStem, memberFileSuffix, nothingPublished, shortDate } from '../export/common.ts';
import { draftEml, mailtoLink } from '../export/eml.ts';
import { changeText, memberChanges, type MemberChanges, type Wording } from '../export/memberChanges.ts';
import { MONTH_NAMES } from '../../solver/dates.ts';
import { seasonCalendars } from './calendars.ts';
import type { BackendContext } from './context.ts';

/**
 * Telling people: after a publish or a change of a month, who is affected and what changed for each, as
 * messages the rostermeister sends from their own mail program. Nothing is sent from here.
 */

function messageFor(
  person: MemberChanges,
  name: string,
  words: Wording,
  context: { club: string; title: string; version: number; first: boolean },
): { subject: string; body: string; changes: string[]; duties: string[] } {
  const changes = person.changes.map((c) => changeText(c, words));
  const duties = person.duties.map((d) => `${shortDate(d.date)}: ${words.roleTitle(d.role)}`);
  const subject = context.first
    ? `${context.club}: your duties in ${context.title}`
    : `${context.club}: changes to your duties in ${context.title}`;
  const body = [
    `Hello ${name},`,
    '',
    context.first
      ? `The duty roster for ${context.title} is published.`
      : `The duty roster for ${context.title} has changed (version ${context.version}).`,
    ...(context.first ? [] : ['', 'What changed for you:', ...changes.map((c) => `- ${c}`)]),
    '',
    duties.length === 0 ? `You have no duties in ${context.title} now.` : `Your duties in ${context.title}:`,
    ...duties.map((d) => `- ${d}`),
    '',
    'The attached calendar file holds all your duties of the season: open it with your calendar program and',
    'changed duties move, and the ones you no longer have are removed.',
    '',
    context.club,
  ].join('\n');
  return { subject, body, changes, duties };
}

/** The members version `latest` of the month affects against version `since` (default: the version before it). */
export function tellMembers(ctx: BackendContext, ref: MonthRef, since: number | null = null): NotifyView {
  const key = `${ref.year}-${String(ref.month).padStart(2, '0')}`;
  const version = latestVersion(ctx.db, key);
  if (version === 0) throw nothingPublished({ year: ref.year, month: ref.month });
  if (since !== null && (since < 1 || since >= version)) {
    throw badInput(
      version === 1
        ? `${MONTH_NAMES[ref.month - 1]} ${ref.year} has only version 1, so there is nothing to compare it with.`
        : `Compare with a version from 1 to ${version - 1}, not ${since}.`,
      'since',
    );
  }
  const base = since ?? (version > 1 ? version - 1 : null);
  const { club, roles } = loadClub(ctx.db);
  const names = new Map(club.members.map((m) => [m.id, m.name]));
  const titles = new Map(roles.map((r) => [r.key, r.title]));
  const words: Wording = { roleTitle: (role) => titles.get(role) ?? role, memberName: (id) => names.get(id) ?? id };
  const title = `${MONTH_NAMES[ref.month - 1]} ${ref.year}`;
  const context = { club: club.name, title, version, first: base === null };
  const people = memberChanges(base === null ? null : versionSlots(ctx.db, key, base), versionSlots(ctx.db, key, version));
  const calendars = seasonCalendars(ctx, ref.year);
  const stem = fileStem(club.name, { year: ref.year, month: ref.month });
  const members = people
    .map((person): MemberNotice => {
      const name = words.memberName(person.memberId);
      const message = messageFor(person, name, words, context);
      const calendar = calendars(person.memberId);
      const eml = draftEml({
        subject: message.subject,
        body: message.body,
        date: ctx.now(),
        attachment: { fileName: calendar.fileName, mimeType: 'text/calendar; charset=utf-8', bytes: calendar.bytes },
      });
      return {
        memberId: person.memberId,
        memberName: name,
        changes: message.changes,
        duties: message.duties,
        subject: message.subject,
        body: message.body,
        mailto: mailtoLink(message.subject, message.body),
        eml: {
          fileName: `${stem}-${memberFileSuffix(name, person.memberId)}.eml`,
          mimeType: 'message/rfc822',
          base64: eml.toString('base64'),
        },
      };
    })
    .sort((a, b) => a.memberName.localeCompare(b.memberName));
  ctx.log.info('Member messages made', { year: ref.year, month: ref.month, version, since: base, members: members.length });
  return { year: ref.year, month: ref.month, version, since: base, members, copyAll: copyAllText(members, context, base) };
}

/** One text for a club mailing list: each affected member with their changes (or duties, when first published). */
function copyAllText(members: MemberNotice[], context: { club: string; title: string; version: number }, since: number | null): string {
  const head =
    since === null
      ? `${context.club}: duty roster ${context.title} is published.`
      : `${context.club}: duty roster ${context.title}, version ${context.version} (changes since version ${since}).`;
  if (members.length === 0) return `${head}\n\nNobody's duties changed.\n`;
  const blocks = members.map((m) => [m.memberName, ...(since === null ? m.duties : m.changes).map((line) => `- ${line}`)].join('\n'));
  return `${[head, ...blocks].join('\n\n')}\n`;
}
