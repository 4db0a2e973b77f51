import type { MonthRef, PublishedChange, SlotCandidate, SwapOption } from '../api/contract.ts';
import { badInput, conflict, notFound } from '../api/errors.ts';
import { loadClub, type StoredClub } from '../db/clubRepo.ts';
import type { Db } from '../db/connection.ts';
import { checkPublishedChange, coverCandidates as rankedCoverCandidates, type ChangeCheck } from '../../solver/publishedChange.ts';
import type { Assignment, IsoDate } from '../../solver/types.ts';
import { nowIso, type BackendContext } from './context.ts';
import { rangeOf } from './problems.ts';
import { monthKeyOf, monthSlots, versionWords, writeChanges } from './publishedWrites.ts';

/**
 * Changes of a published month: a swap (two members exchange duties), a cover (another member takes a
 * duty, or fills an empty one) and a replacement (the rostermeister puts another member in). Each is
 * checked by the rule catalogue (solver/publishedChange.ts) for every member it puts on duty, made in one
 * transaction as the next version of each month it touches, or refused with the rule and nothing changed.
 */

interface PublishedSlot extends Assignment {
  roleTitle: string;
}

function titleOf(stored: StoredClub, role: string): string {
  return stored.roles.find((r) => r.key === role)?.title ?? role;
}

function nameOf(stored: StoredClub, memberId: string | null): string {
  if (memberId === null) return 'nobody';
  return stored.club.members.find((m) => m.id === memberId)?.name ?? memberId;
}

/** The published slot (date, role), or not_found in the club's words. */
function requirePublished(db: Db, stored: StoredClub, date: IsoDate, role: string, field: string): PublishedSlot {
  const found = monthSlots(db, date.slice(0, 7)).find((s) => s.date === date && s.role === role);
  const roleTitle = titleOf(stored, role);
  if (!found) throw notFound(`Nothing is published for ${roleTitle} on ${date}.`, field);
  return { ...found, roleTitle };
}

/** The refusal of a change that breaks a hard rule: the rule named, then its sentence. */
function refuseIfBroken(check: ChangeCheck, field: string): void {
  const first = check.refusals[0];
  if (first) throw conflict(`Refused by the hard rule "${first.ruleText}": ${first.sentence}`, field);
}

export function coverCandidates(ctx: BackendContext, date: IsoDate, role: string): SlotCandidate[] {
  const stored = loadClub(ctx.db);
  requirePublished(ctx.db, stored, date, role, 'date');
  return rankedCoverCandidates(stored.club, { date, role });
}

/**
 * `memberId` takes the published duty (date, role) from its holder, or fills it when it is empty.
 * `cover` and `replace` differ only in the reason the version records.
 */
export function coverDuty(
  ctx: BackendContext,
  date: IsoDate,
  role: string,
  memberId: string,
  note: string | null,
  reason: 'cover' | 'replace',
): PublishedChange {
  const made = ctx.db
    .transaction(() => {
      const stored = loadClub(ctx.db);
      const slot = requirePublished(ctx.db, stored, date, role, 'date');
      if (!stored.club.members.some((m) => m.id === memberId)) throw badInput(`There is no member with id "${memberId}".`, 'memberId');
      if (slot.memberId === memberId)
        throw conflict(`${nameOf(stored, memberId)} already holds the ${slot.roleTitle} duty on ${date}.`, 'memberId');
      const check = checkPublishedChange(stored.club, [{ date, role, memberId }]);
      refuseIfBroken(check, 'memberId');
      const months = writeChanges(ctx.db, [{ date, role, memberId }], nowIso(ctx), { reason, note });
      return { stored, slot, months, warnings: check.warnings };
    })
    .immediate();
  const { stored, slot, months, warnings } = made;
  const who = nameOf(stored, memberId);
  const what =
    slot.memberId === null
      ? `${who} fills the empty ${slot.roleTitle} duty on ${date}`
      : reason === 'cover'
        ? `${who} covers ${nameOf(stored, slot.memberId)} as ${slot.roleTitle} on ${date}`
        : `${nameOf(stored, slot.memberId)} is replaced by ${who} as ${slot.roleTitle} on ${date}`;
  ctx.log.info(reason === 'cover' ? 'Published duty covered' : 'Published duty replaced', {
    date,
    role,
    member_id: memberId,
    was_member_id: slot.memberId,
    versions: months.map((m) => m.version),
  });
  return { months, message: `${what}; ${versionWords(months)}.`, warnings };
}

/** The two slots of a swap, each with the other's member. */
function swapChanges(a: PublishedSlot, b: PublishedSlot): Assignment[] {
  return [
    { date: a.date, role: a.role, memberId: b.memberId },
    { date: b.date, role: b.role, memberId: a.memberId },
  ];
}

/** Why two published duties cannot be swapped before any rule is asked, or null. */
function swapMisfit(stored: StoredClub, a: PublishedSlot, b: PublishedSlot): string | null {
  if (a.date === b.date && a.role === b.role) return 'A duty cannot be swapped with itself.';
  for (const s of [a, b])
    if (s.memberId === null) return `The ${s.roleTitle} duty on ${s.date} is empty; fill it with Cover / replace instead.`;
  if (a.memberId === b.memberId) return `${nameOf(stored, a.memberId)} holds both duties; there is nothing to swap.`;
  return null;
}

/** The members of (date, role) and (withDate, withRole) exchange their published duties. */
export function swapDuties(
  ctx: BackendContext,
  date: IsoDate,
  role: string,
  withDate: IsoDate,
  withRole: string,
  note: string | null,
): PublishedChange {
  const made = ctx.db
    .transaction(() => {
      const stored = loadClub(ctx.db);
      const a = requirePublished(ctx.db, stored, date, role, 'date');
      const b = requirePublished(ctx.db, stored, withDate, withRole, 'withDate');
      const misfit = swapMisfit(stored, a, b);
      if (misfit !== null) throw conflict(misfit, 'withDate');
      const changes = swapChanges(a, b);
      const check = checkPublishedChange(stored.club, changes);
      refuseIfBroken(check, 'withDate');
      return { stored, a, b, months: writeChanges(ctx.db, changes, nowIso(ctx), { reason: 'swap', note }), warnings: check.warnings };
    })
    .immediate();
  const { stored, a, b, months, warnings } = made;
  ctx.log.info('Published duties swapped', {
    date,
    role,
    with_date: withDate,
    with_role: withRole,
    versions: months.map((m) => m.version),
  });
  const message =
    `Swapped: ${nameOf(stored, b.memberId)} is ${a.roleTitle} on ${a.date}, ${nameOf(stored, a.memberId)} is ${b.roleTitle} on ${b.date}; ` +
    `${versionWords(months)}.`;
  return { months, message, warnings };
}

/**
 * Every filled published duty of `month` the duty (date, role) could be swapped with, each with why the
 * swap is refused or the spacing rules it would break: allowed ones first (without warnings first), in date order.
 */
export function swapOptions(ctx: BackendContext, date: IsoDate, role: string, month: MonthRef): SwapOption[] {
  rangeOf(month);
  const key = monthKeyOf(month);
  const stored = loadClub(ctx.db);
  const a = requirePublished(ctx.db, stored, date, role, 'date');
  if (a.memberId === null) throw conflict(`The ${a.roleTitle} duty on ${date} is empty; fill it with Cover / replace instead.`, 'date');
  const roleOrder = new Map(stored.roles.map((r, i) => [r.key, i]));
  const options = monthSlots(ctx.db, key)
    .map((s) => ({ ...s, roleTitle: titleOf(stored, s.role) }))
    .filter((b) => swapMisfit(stored, a, b) === null)
    .sort((x, y) => x.date.localeCompare(y.date) || (roleOrder.get(x.role) ?? 99) - (roleOrder.get(y.role) ?? 99))
    .map((b): SwapOption => {
      const check = checkPublishedChange(stored.club, swapChanges(a, b));
      const refused = check.refusals[0];
      return {
        date: b.date,
        role: b.role,
        roleTitle: b.roleTitle,
        memberId: b.memberId!,
        memberName: nameOf(stored, b.memberId),
        refusal: refused ? `${refused.sentence} (${refused.ruleText})` : null,
        warnings: check.warnings,
      };
    });
  const tier = (o: SwapOption) => (o.refusal !== null ? 2 : o.warnings.length > 0 ? 1 : 0);
  return options
    .map((o, i) => ({ o, i }))
    .sort((x, y) => tier(x.o) - tier(y.o) || x.i - y.i)
    .map(({ o }) => o);
}
