import type { MonthRef, PublishedChange, PublishedHistory, PublishedVersionView, VersionSlotChange } from '../api/contract.ts';
import { conflict, notFound } from '../api/errors.ts';
import { loadClub } from '../db/clubRepo.ts';
import { replacePublished } from '../db/rosterRepo.ts';
import { latestVersion, listVersions, versionSlots } from '../db/versionRepo.ts';
import { checkPublishedChange } from '../../solver/publishedChange.ts';
import type { Assignment } from '../../solver/types.ts';
import { nowIso, type BackendContext } from './context.ts';
import { monthKeyOf, monthSlots, monthWords, noteOf, rangeOfKey } from './publishedWrites.ts';
import { rangeOf } from './problems.ts';

/**
 * The version history of a published month: each version is a full snapshot (main/db/versionRepo.ts),
 * shown with its slot-by-slot difference from the version before. Restoring one makes it the next version.
 */

const key = (s: { date: string; role: string }) => `${s.date}|${s.role}`;

function diff(
  before: Assignment[],
  after: Assignment[],
  names: (id: string | null) => string | null,
  titles: Map<string, string>,
  roleOrder: Map<string, number>,
): VersionSlotChange[] {
  const old = new Map(before.map((s) => [key(s), s]));
  const next = new Map(after.map((s) => [key(s), s]));
  const changes: VersionSlotChange[] = [];
  const push = (slot: Assignment, from: string | null, to: string | null, kind: VersionSlotChange['kind']) =>
    changes.push({
      date: slot.date,
      role: slot.role,
      roleTitle: titles.get(slot.role) ?? slot.role,
      fromMemberId: from,
      fromName: names(from),
      toMemberId: to,
      toName: names(to),
      kind,
    });
  for (const slot of after) {
    const was = old.get(key(slot));
    if (was === undefined) push(slot, null, slot.memberId, 'added');
    else if (was.memberId !== slot.memberId) push(slot, was.memberId, slot.memberId, 'changed');
  }
  for (const slot of before) if (!next.has(key(slot))) push(slot, slot.memberId, null, 'removed');
  return changes.sort(
    (a, b) => a.date.localeCompare(b.date) || (roleOrder.get(a.role) ?? 99) - (roleOrder.get(b.role) ?? 99) || a.role.localeCompare(b.role),
  );
}

export function publishedHistory(ctx: BackendContext, ref: MonthRef): PublishedHistory {
  rangeOf(ref);
  const month = monthKeyOf(ref);
  const versions = listVersions(ctx.db, month);
  if (versions.length === 0) throw notFound(`Nothing has been published for ${monthWords(month)}.`, 'month');
  const { club, roles } = loadClub(ctx.db);
  const memberNames = new Map(club.members.map((m) => [m.id, m.name]));
  const names = (id: string | null) => (id === null ? null : (memberNames.get(id) ?? id));
  const titles = new Map(roles.map((r) => [r.key, r.title]));
  const roleOrder = new Map(roles.map((r, i) => [r.key, i]));
  const current = versions.at(-1)!.version;
  let previous: { version: number; slots: Assignment[] } | null = null;
  const views: PublishedVersionView[] = [];
  for (const v of versions) {
    const slots = versionSlots(ctx.db, month, v.version);
    views.push({
      version: v.version,
      reason: v.reason,
      note: v.note,
      createdAt: v.createdAt,
      current: v.version === current,
      filledSlots: slots.filter((s) => s.memberId !== null).length,
      totalSlots: slots.length,
      previous: previous?.version ?? null,
      changes: previous === null ? [] : diff(previous.slots, slots, names, titles, roleOrder),
    });
    previous = { version: v.version, slots };
  }
  return { year: ref.year, month: ref.month, versions: views.reverse() };
}

const sameSlots = (a: Assignment[], b: Assignment[]): boolean =>
  a.length === b.length && a.every((s) => b.some((t) => key(t) === key(s) && t.memberId === s.memberId));

/** Makes version `version` of the month the current one again, as its next version ("restored vN"). */
export function restorePublishedVersion(ctx: BackendContext, ref: MonthRef, version: number, note: string | null): PublishedChange {
  rangeOf(ref);
  const month = monthKeyOf(ref);
  const words = monthWords(month);
  const made = ctx.db
    .transaction(() => {
      const latest = latestVersion(ctx.db, month);
      if (latest === 0) throw notFound(`Nothing has been published for ${words}.`, 'month');
      if (!listVersions(ctx.db, month).some((v) => v.version === version))
        throw notFound(`${words} has no version ${version} (its versions are 1 to ${latest}).`, 'version');
      if (version === latest)
        throw conflict(`Version ${version} is the current version of ${words}; there is nothing to restore.`, 'version');
      const slots = versionSlots(ctx.db, month, version);
      if (slots.length === 0)
        throw conflict(
          `Version ${version} of ${words} holds no duties (the month had been taken out of the published history); it cannot be restored.`,
          'version',
        );
      if (sameSlots(slots, monthSlots(ctx.db, month)))
        throw conflict(
          `The current version of ${words} already holds what version ${version} holds; there is nothing to restore.`,
          'version',
        );
      const members = new Set(loadClub(ctx.db).club.members.map((m) => m.id));
      const gone = slots.find((s) => s.memberId !== null && !members.has(s.memberId));
      if (gone)
        throw conflict(
          `Version ${version} of ${words} has "${gone.memberId}" on duty, who is no longer a member; it cannot be restored.`,
          'version',
        );
      // Any version may be restored; what it breaks now (a blackout added since) is said, not refused.
      const current = new Map(monthSlots(ctx.db, month).map((s) => [key(s), s.memberId]));
      const check = checkPublishedChange(
        loadClub(ctx.db).club,
        slots.filter((s) => current.has(key(s)) && current.get(key(s)) !== s.memberId),
      );
      replacePublished(ctx.db, rangeOfKey(month), slots, nowIso(ctx), { reason: `restored v${version}`, note: noteOf(note) });
      return { version: latestVersion(ctx.db, month), warnings: [...check.refusals.map((r) => r.sentence), ...check.warnings] };
    })
    .immediate();
  ctx.log.info('Published version restored', { month, restored: version, version: made.version });
  return {
    months: [{ year: ref.year, month: ref.month, version: made.version }],
    message: `Version ${version} of ${words} is restored as version ${made.version}.`,
    warnings: made.warnings,
  };
}
