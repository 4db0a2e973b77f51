import type { DraftChanges, RoleSetting, RolesSaved } from '../api/contract.ts';
import { badInput, conflict } from '../api/errors.ts';
import { loadClub, writeRoles, type StoredClub } from '../db/clubRepo.ts';
import { deleteDraftSlotsOfRole, roleHasPublishedSlots, touchDraft } from '../db/rosterRepo.ts';
import { nowIso, type BackendContext } from './context.ts';
import { draftChangesOf } from './draftChanges.ts';

/**
 * The club's roles as the Settings page edits them: the whole list in display order. A new key adds a
 * role, a changed title renames it (only the title: drafts, published rosters and exports keep the key),
 * the order is the display order. Retiring a role stops scheduling it and takes its slots out of the
 * drafts; published rosters keep it. A role left out of the list is deleted, which only a role that no
 * published roster holds can be.
 */

/** Retired roles are never scheduled; the stored list as it will be. */
const normalised = (roles: RoleSetting[]): RoleSetting[] =>
  roles.map((r) =>
    r.retired === true
      ? { ...r, scheduled: false, retired: true }
      : { key: r.key, title: r.title, qualification: r.qualification, scheduled: r.scheduled },
  );

function storedWith(stored: StoredClub, roles: RoleSetting[]): StoredClub {
  return {
    roles,
    club: { ...stored.club, roles: roles.map((r) => ({ key: r.key, title: r.title, qualification: r.qualification })) },
  };
}

function checked(roles: RoleSetting[]): RoleSetting[] {
  const next = normalised(roles);
  if (!next.some((r) => r.scheduled)) {
    throw badInput('At least one role must be scheduled: switch one on (or bring a retired one back).', 'roles');
  }
  return next;
}

export function previewRoles(ctx: BackendContext, roles: RoleSetting[]): DraftChanges {
  const stored = loadClub(ctx.db);
  return draftChangesOf(ctx.db, stored, storedWith(stored, checked(roles)), 'preview');
}

export function updateRoles(ctx: BackendContext, roles: RoleSetting[]): RolesSaved {
  const changes = ctx.db
    .transaction(() => {
      const stored = loadClub(ctx.db);
      const next = checked(roles);
      const keys = new Set(next.map((r) => r.key));
      for (const gone of stored.roles.filter((r) => !keys.has(r.key))) {
        if (roleHasPublishedSlots(ctx.db, gone.key)) {
          throw conflict(`The role "${gone.title}" appears in published rosters, so it cannot be deleted. Retire it instead.`, 'roles');
        }
      }
      const found = draftChangesOf(ctx.db, stored, storedWith(stored, next), 'saved');
      // A retired or deleted role's draft slots go; a role only switched off keeps them out of sight.
      for (const role of stored.roles) {
        const now = next.find((r) => r.key === role.key);
        if (now === undefined || (now.retired === true && role.retired !== true)) deleteDraftSlotsOfRole(ctx.db, role.key);
      }
      writeRoles(ctx.db, next);
      for (const change of found.drafts) touchDraft(ctx.db, change.draftId, nowIso(ctx));
      return found;
    })
    .immediate();
  const saved = loadClub(ctx.db).roles;
  ctx.log.info('Roles saved', {
    roles: saved.length,
    retired: saved.filter((r) => r.retired === true).length,
    drafts_affected: changes.drafts.length,
  });
  return { ...changes, roles: saved };
}
