import type { BackupInfo, ClubSettings, ImportPreview, ImportResult } from '../api/contract.ts';
import { badInput, conflict, notFound } from '../api/errors.ts';
import { CLUB_SETTINGS_LABELS } from '../api/payloads.ts';
import { loadClub, replaceClub, saveMemberRow, writeClubHeader, writeRoles } from '../db/clubRepo.ts';
import {
  clearMemberFromDrafts,
  deleteDraftSlotsOfRole,
  draftSlots,
  listDrafts,
  memberHasPublishedDuty,
  publishedDays,
  publishedMonthChanges,
  roleHasPublishedSlots,
} from '../db/rosterRepo.ts';
import { ClubFileError, parseClub, parseClubFile, serializeClub } from '../../solver/clubFile.ts';
import { clubWarnings } from '../../solver/clubWarnings.ts';
import { CLUB_LIMITS } from '../../solver/limits.ts';
import { checkMemberRelations, freeMemberId, memberProblemMessage, readMember } from '../../solver/memberSchema.ts';
import type { Club, Member } from '../../solver/types.ts';
import { nowIso, type BackendContext } from './context.ts';

/** Where a club-file path of the club settings sits in the Settings form: payload field and label. */
function settingsPlace(path: string): { field: string; label: string } {
  const top: Record<string, keyof typeof CLUB_SETTINGS_LABELS> = {
    'club.name': 'name',
    'club.defaultMaxPerMonth': 'defaultMaxPerMonth',
    'club.fairnessWindow': 'fairnessWindow',
    'club.defaultSeasonQuota': 'defaultSeasonQuota',
    'season.start': 'seasonStart',
    'season.end': 'seasonEnd',
  };
  const key = top[path];
  if (key !== undefined) return { field: key, label: CLUB_SETTINGS_LABELS[key] };
  const role = /^roles\[(\d+)\]\.?(.*)$/.exec(path);
  if (role) return { field: path, label: `${CLUB_SETTINGS_LABELS.roles} (entry ${Number(role[1]) + 1})${role[2] ? `: ${role[2]}` : ''}` };
  return { field: path, label: path };
}

/** Checks club settings with the club file's rules; the first problem becomes a bad_input naming the form's field. */
function checkSettingsAsClub(club: Club): void {
  try {
    parseClub(JSON.parse(JSON.stringify(serializeClub(club))));
  } catch (error) {
    if (!(error instanceof ClubFileError)) throw error;
    const first = error.problems[0];
    const { field, label } = settingsPlace(first.path);
    throw badInput(
      first.value === undefined ? `${label} is missing.` : `${label} must be ${first.expected}, not ${JSON.stringify(first.value)}.`,
      field,
    );
  }
}

/** The fairness window and default quota as the club model keeps them (left out at their defaults); a field not sent stays. */
function fairnessSettings(club: Club, settings: ClubSettings): Pick<Club, 'fairnessWindow' | 'defaultSeasonQuota'> {
  const window = settings.fairnessWindow ?? club.fairnessWindow ?? 'season';
  const quota = settings.defaultSeasonQuota === undefined ? club.defaultSeasonQuota : settings.defaultSeasonQuota;
  return { ...(window !== 'season' ? { fairnessWindow: window } : {}), ...(quota != null ? { defaultSeasonQuota: quota } : {}) };
}

export function getClubSettings(ctx: BackendContext): ClubSettings {
  const { club, roles } = loadClub(ctx.db);
  return {
    name: club.name,
    defaultMaxPerMonth: club.defaultMaxPerMonth,
    fairnessWindow: club.fairnessWindow ?? 'season',
    defaultSeasonQuota: club.defaultSeasonQuota ?? null,
    seasonStart: club.season.start,
    seasonEnd: club.season.end,
    roles,
  };
}

export function updateClubSettings(ctx: BackendContext, settings: ClubSettings): ClubSettings {
  const { club } = loadClub(ctx.db);
  const keys = new Set<string>();
  settings.roles.forEach((r, i) => {
    if (keys.has(r.key)) throw badInput(`The role key "${r.key}" appears twice.`, `roles[${i}].key`);
    keys.add(r.key);
  });
  const { fairnessWindow: _window, defaultSeasonQuota: _quota, ...rest } = club;
  const next: Club = {
    ...rest,
    name: settings.name,
    defaultMaxPerMonth: settings.defaultMaxPerMonth,
    ...fairnessSettings(club, settings),
    season: { start: settings.seasonStart, end: settings.seasonEnd },
    roles: settings.roles.map((r) => ({ key: r.key, title: r.title, qualification: r.qualification })),
  };
  checkSettingsAsClub(next);
  const dropped = club.roles.filter((r) => !keys.has(r.key));
  const write = ctx.db.transaction(() => {
    for (const role of dropped) {
      if (roleHasPublishedSlots(ctx.db, role.key)) {
        throw conflict(`The role "${role.title}" appears in published rosters, so it cannot be deleted. Switch it off instead.`, 'roles');
      }
      deleteDraftSlotsOfRole(ctx.db, role.key);
    }
    writeClubHeader(ctx.db, next);
    writeRoles(ctx.db, settings.roles);
  });
  write.immediate();
  ctx.log.info('Club settings saved', { roles: settings.roles.length });
  return getClubSettings(ctx);
}

export function listMembers(ctx: BackendContext): Member[] {
  return loadClub(ctx.db).club.members;
}

/**
 * A member checked by the member schema and the rules between members, as it will be stored; the
 * first problem is a bad_input naming the member's field as the form labels it.
 */
function checkedMember(others: readonly Member[], member: Member): Member {
  const refuse = (path: string, value: unknown, expected: string): never => {
    throw badInput(memberProblemMessage(path, value, expected), path === '' ? 'member' : `member.${path}`);
  };
  const read = readMember(structuredClone(member), refuse, { complete: true });
  const members = [...others, read];
  const self = members.length - 1;
  const problems: { index: number; path: string; value: unknown; expected: string }[] = [];
  checkMemberRelations(members, (index, path, value, expected) => problems.push({ index, path, value, expected }));
  const own = problems.find((p) => p.index === self);
  if (own) refuse(own.path, own.value, own.expected);
  // Another member avoiding this one, who now pairs with them.
  const avoider = problems.find((p) => p.value === read.id);
  if (avoider) {
    const other = members[avoider.index];
    throw badInput(
      `${other.name} avoids ${read.name}, so they cannot be paired (Likes to work with).`,
      `member.pairWith[${read.pairWith.indexOf(other.id)}]`,
    );
  }
  return read;
}

/** Adds a new member; an id someone already has is refused (adding never replaces anyone). */
export function addMember(ctx: BackendContext, member: Member): Member {
  const saved = ctx.db
    .transaction(() => {
      const { club } = loadClub(ctx.db);
      const holder = club.members.find((m) => m.id === member.id);
      if (holder) {
        const free = freeMemberId(club.members.map((m) => m.id));
        throw conflict(`${member.id} is already ${holder.name}. Choose another id, for example ${free}.`, 'member.id');
      }
      if (club.members.length >= CLUB_LIMITS.members) {
        throw badInput(`The club has ${CLUB_LIMITS.members} members, the most Rostermeister keeps; remove one first.`, 'member');
      }
      const checked = checkedMember(club.members, member);
      saveMemberRow(ctx.db, checked);
      return checked;
    })
    .immediate();
  ctx.log.info('Member added', { member_id: saved.id });
  return saved;
}

/** Changes an existing member (found by id); nobody else is touched. */
export function updateMember(ctx: BackendContext, member: Member): Member {
  const saved = ctx.db
    .transaction(() => {
      const { club } = loadClub(ctx.db);
      if (!club.members.some((m) => m.id === member.id)) {
        throw notFound(`There is no member with id "${member.id}" to change. To add someone new, use Add member.`, 'member.id');
      }
      const checked = checkedMember(
        club.members.filter((m) => m.id !== member.id),
        member,
      );
      saveMemberRow(ctx.db, checked);
      return checked;
    })
    .immediate();
  ctx.log.info('Member updated', { member_id: saved.id });
  return saved;
}

/** Deletes a member who has never been on a published roster; their draft slots become empty. */
export function deleteMember(ctx: BackendContext, memberId: string): void {
  ctx.db
    .transaction(() => {
      const row = ctx.db.prepare('SELECT name FROM member WHERE id = ?').get(memberId) as { name: string } | undefined;
      if (!row) throw notFound(`There is no member with id "${memberId}".`, 'memberId');
      if (memberHasPublishedDuty(ctx.db, memberId)) {
        throw conflict(`${row.name} appears in published rosters, so they cannot be deleted. Mark them inactive instead.`, 'memberId');
      }
      clearMemberFromDrafts(ctx.db, memberId);
      ctx.db.prepare('DELETE FROM member WHERE id = ?').run(memberId);
    })
    .immediate();
  ctx.log.info('Member deleted', { member_id: memberId });
}

function parsedClubFile(text: string): Club {
  try {
    return parseClubFile(text);
  } catch (error) {
    if (error instanceof ClubFileError) throw badInput(error.message, error.problems[0]?.path || 'clubFile');
    throw error;
  }
}

/** The backup made before importing `fileName`: `before-import-of-NAME-<time>.sqlite`. */
function importBackupPrefix(fileName: string | undefined): string {
  const base = (fileName ?? 'club file')
    .replace(/\.json$/i, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-._]+|-+$/g, '')
    .slice(0, 60);
  return `before-import-of-${base || 'club-file'}`;
}

/** What importing `text` would replace and keep, without changing anything. */
export function previewClubImport(ctx: BackendContext, text: string): ImportPreview {
  const next = parsedClubFile(text);
  const { club, roles } = loadClub(ctx.db);
  const nextIds = new Set(next.members.map((m) => m.id));
  const oldIds = new Set(club.members.map((m) => m.id));
  const names = new Map(club.members.map((m) => [m.id, m.name]));
  const titles = new Map(roles.map((r) => [r.key, r.title]));
  const drafts = listDrafts(ctx.db);
  const emptied = drafts.flatMap((d) => draftSlots(ctx.db, d.id)).filter((s) => s.memberId !== null && !nextIds.has(s.memberId));
  const nextRoles = new Set(next.roles.map((r) => r.key));
  return {
    clubName: next.name,
    members: {
      kept: next.members.filter((m) => oldIds.has(m.id)).length,
      added: next.members.filter((m) => !oldIds.has(m.id)).map((m) => m.name),
      removed: club.members.filter((m) => !nextIds.has(m.id)).map((m) => m.name),
    },
    roles: {
      added: next.roles.filter((r) => !titles.has(r.key)).map((r) => r.title),
      removed: roles.filter((r) => !nextRoles.has(r.key)).map((r) => r.title),
    },
    publishedMonths: publishedMonthChanges(publishedDays(ctx.db), next.published),
    drafts: {
      kept: drafts.length,
      emptiedSlots: emptied.map((s) => ({
        date: s.date,
        role: titles.get(s.role) ?? s.role,
        memberName: names.get(s.memberId!) ?? s.memberId!,
      })),
    },
  };
}

/**
 * Replaces the club with a club file, all or nothing, after a backup of the database as it was.
 * Drafts stay (slots of members the file no longer has become empty); published months the file
 * repeats unchanged keep their publish time and version.
 */
export async function importClub(
  ctx: BackendContext,
  backUp: (prefix: string) => Promise<BackupInfo>,
  text: string,
  fileName?: string,
): Promise<ImportResult> {
  // The running generation would save its roster for members the import removed.
  if (ctx.generations.busy) throw conflict('A roster is being generated. Wait for it to finish (or cancel it) before importing a club.');
  const club = parsedClubFile(text);
  const backup = await backUp(importBackupPrefix(fileName));
  const changes = ctx.db.transaction(() => replaceClub(ctx.db, club, nowIso(ctx))).immediate();
  const result: ImportResult = {
    members: club.members.length,
    roles: club.roles.length,
    publishedDays: club.published.length,
    backup: backup.name,
    draftsKept: listDrafts(ctx.db).length,
    emptiedDraftSlots: changes.emptiedDraftSlots.length,
    publishedMonthsKept: changes.published.kept.length,
    publishedMonthsReplaced: changes.published.replaced.length + changes.published.added.length,
    warnings: clubWarnings(club),
  };
  ctx.log.info('Club imported', { ...result, warnings: result.warnings.length });
  return result;
}

export function exportClub(ctx: BackendContext): string {
  return `${JSON.stringify(serializeClub(loadClub(ctx.db).club), null, 2)}\n`;
}
