import type { ClubSettings, ImportPreview, ImportResult } from '../api/contract.ts';
import { ApiError, badInput, conflict, notFound } from '../api/errors.ts';
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
import type { Club, Member } from '../../solver/types.ts';
import { createBackup } from './backups.ts';
import { nowIso, type BackendContext } from './context.ts';

/**
 * Checks a club the way a club file is checked (the one set of rules for club data) and turns the
 * first problem into a bad_input error naming the payload field via `fieldOf`.
 */
function checkedClub(club: Club, fieldOf: (path: string) => string): Club {
  try {
    return parseClub(JSON.parse(JSON.stringify(serializeClub(club))));
  } catch (error) {
    if (error instanceof ClubFileError) throw clubFileProblem(error, fieldOf);
    throw error;
  }
}

function clubFileProblem(error: ClubFileError, fieldOf: (path: string) => string): ApiError {
  const first = error.problems[0];
  return badInput(error.message, first ? fieldOf(first.path) : undefined);
}

export function getClubSettings(ctx: BackendContext): ClubSettings {
  const { club, roles } = loadClub(ctx.db);
  return { name: club.name, defaultMaxPerMonth: club.defaultMaxPerMonth, seasonStart: club.season.start, seasonEnd: club.season.end, roles };
}

const SETTINGS_FIELDS: Record<string, string> = {
  'club.name': 'name',
  'club.defaultMaxPerMonth': 'defaultMaxPerMonth',
  'season.start': 'seasonStart',
  'season.end': 'seasonEnd',
};

export function updateClubSettings(ctx: BackendContext, settings: ClubSettings): ClubSettings {
  const { club } = loadClub(ctx.db);
  const keys = new Set<string>();
  settings.roles.forEach((r, i) => {
    if (keys.has(r.key)) throw badInput(`The role key "${r.key}" appears twice.`, `roles[${i}].key`);
    keys.add(r.key);
  });
  const next: Club = {
    ...club,
    name: settings.name,
    defaultMaxPerMonth: settings.defaultMaxPerMonth,
    season: { start: settings.seasonStart, end: settings.seasonEnd },
    roles: settings.roles.map((r) => ({ key: r.key, title: r.title, qualification: r.qualification })),
  };
  checkedClub(next, (path) => SETTINGS_FIELDS[path] ?? path);
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

export function saveMember(ctx: BackendContext, member: Member): Member {
  const { club } = loadClub(ctx.db);
  const index = club.members.findIndex((m) => m.id === member.id);
  const members = index >= 0 ? club.members.map((m, i) => (i === index ? member : m)) : [...club.members, member];
  const at = index >= 0 ? index : members.length - 1;
  const prefix = `members[${at}]`;
  const checked = checkedClub({ ...club, members }, (path) => (path.startsWith(prefix) ? `member${path.slice(prefix.length)}` : path));
  const saved = checked.members[at]!;
  ctx.db.transaction(() => saveMemberRow(ctx.db, saved)).immediate();
  ctx.log.info(index >= 0 ? 'Member updated' : 'Member added', { member_id: saved.id });
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
    if (error instanceof ClubFileError) throw clubFileProblem(error, (path) => path || 'clubFile');
    throw error;
  }
}

/** The backup made before importing `fileName`: `before-import-of-NAME-<time>.sqlite`. */
export function importBackupPrefix(fileName: string | undefined): string {
  const base = (fileName ?? 'club file').replace(/\.json$/i, '').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-._]+|-+$/g, '').slice(0, 60);
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
      emptiedSlots: emptied.map((s) => ({ date: s.date, role: titles.get(s.role) ?? s.role, memberName: names.get(s.memberId!) ?? s.memberId! })),
    },
  };
}

/**
 * Replaces the club with a club file, all or nothing, after a backup of the database as it was.
 * Drafts stay (slots of members the file no longer has become empty); published months the file
 * repeats unchanged keep their publish time and version.
 */
export async function importClub(ctx: BackendContext, text: string, fileName?: string): Promise<ImportResult> {
  const club = parsedClubFile(text);
  const backup = await createBackup(ctx, importBackupPrefix(fileName));
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
  };
  ctx.log.info('Club imported', { ...result });
  return result;
}

export function exportClub(ctx: BackendContext): string {
  return `${JSON.stringify(serializeClub(loadClub(ctx.db).club), null, 2)}\n`;
}
