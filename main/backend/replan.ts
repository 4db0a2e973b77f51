import { createHash } from 'node:crypto';
import type { MonthRef, PublishedConflict, ReplanAccepted, ReplanProposal } from '../api/contract.ts';
import { badInput, conflict, notFound } from '../api/errors.ts';
import { loadClub, type StoredClub } from '../db/clubRepo.ts';
import { publishedRostersIn, replacePublished, type PublishedRoster, type PublishedSlotRow } from '../db/rosterRepo.ts';
import { loadSettings } from '../db/settingsRepo.ts';
import { latestVersion } from '../db/versionRepo.ts';
import { generateRoster } from '../scheduler/generate.ts';
import { MONTH_NAMES, monthsTouched } from '../../solver/dates.ts';
import { MAX_RANGE_MONTHS } from '../../solver/problem.ts';
import { replanDiff, replanProblem, replanSeed } from '../../solver/replan.ts';
import type { Assignment, DateRange } from '../../solver/types.ts';
import { validateRoster } from '../../solver/validate.ts';
import { nowIso, type BackendContext } from './context.ts';
import { asGeneration } from './generation.ts';
import { rangeOf, schedulerFor } from './problems.ts';
import { conflictsIn } from './published.ts';

/**
 * Re-plan of a published month (docs/replan.md): propose the roster closest to the published version
 * that keeps every hard rule, with the scheduler the settings choose for the month; accept it as the
 * month's next version. Nothing is written until the proposal is accepted, and a proposal made before
 * the month changed is refused.
 */

/**
 * What a re-plan of a month covers: the published rosters holding its days, whole, over the range they
 * were published for (a two-month roster is re-planned as one, its limits count over both months).
 */
interface ReplanUnit {
  range: DateRange;
  label: string;
  rosters: PublishedRoster[];
  rows: PublishedSlotRow[];
  version: number;
  token: string;
}

function replanUnit(ctx: BackendContext, ref: MonthRef): ReplanUnit {
  const month = rangeOf({ year: ref.year, month: ref.month });
  const label = `${MONTH_NAMES[ref.month - 1]} ${ref.year}`;
  const rosters = publishedRostersIn(ctx.db, month);
  if (rosters.length === 0) throw notFound(`Nothing is published for ${label}, so there is nothing to re-plan.`, 'month');
  const range = {
    start: rosters.map((r) => r.range.start).reduce((a, b) => (a < b ? a : b)),
    end: rosters.map((r) => r.range.end).reduce((a, b) => (a > b ? a : b)),
  };
  if (monthsTouched(range) > MAX_RANGE_MONTHS)
    throw conflict(
      `The published rosters holding ${label} cover more than ${MAX_RANGE_MONTHS} months; re-plan cannot take them as one.`,
      'month',
    );
  const rows = rosters.flatMap((r) => r.slots).sort((a, b) => a.date.localeCompare(b.date) || a.role.localeCompare(b.role));
  // The version the Published page shows for the month (versionRepo keeps the count per month).
  const version = Math.max(latestVersion(ctx.db, month.start.slice(0, 7)), 1);
  return { range, label: rangeLabel(range), rosters, rows, version, token: tokenOf(version, rows) };
}

function rangeLabel(range: DateRange): string {
  const name = (date: string) => `${MONTH_NAMES[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;
  return name(range.start) === name(range.end) ? name(range.start) : `${name(range.start)} to ${name(range.end)}`;
}

/** Names the published month's content: any change of a slot or the version makes another token. */
function tokenOf(version: number, rows: PublishedSlotRow[]): string {
  const slots = rows.map((r) => `${r.date}|${r.role}|${r.memberId ?? ''}`).sort();
  return `v${version}-${createHash('sha256').update(slots.join('\n')).digest('hex').slice(0, 16)}`;
}

export async function proposeReplan(ctx: BackendContext, ref: MonthRef): Promise<ReplanProposal> {
  const state = replanUnit(ctx, ref);
  const stored = loadClub(ctx.db);
  const problem = replanProblem(stored.club, state.range, state.rows);
  const conflicts = conflictsIn(stored, state.rosters);
  const base = { year: ref.year, month: ref.month, range: state.range, basedOnVersion: state.version, token: state.token, conflicts };
  const settings = loadSettings(ctx.db);
  const scheduler = schedulerFor(settings, state.range);
  if (conflicts.length === 0) return { ...base, scheduler, fallback: null, changes: [], members: [], leftEmpty: 0 };
  const document = await asGeneration(ctx, (signal) =>
    generateRoster(problem, {
      scheduler,
      seed: replanSeed(state.range.start, state.version),
      timeLimitMs: settings.timeLimitSeconds * 1000,
      log: ctx.log,
      fault: ctx.fault,
      signal,
    }),
  );
  const diff = replanDiff(problem, document.assignments);
  const words = wordsOf(stored);
  ctx.log.info('Re-plan proposed', {
    year: ref.year,
    month: ref.month,
    scheduler_type: document.scheduler,
    conflicts: conflicts.length,
    changed_slots: diff.slots.length,
  });
  return {
    ...base,
    scheduler: document.scheduler,
    fallback: document.fallback,
    changes: diff.slots.map((s) => ({
      date: s.date,
      role: s.role,
      roleTitle: words.title(s.role),
      fromId: s.from,
      fromName: s.from === null ? null : words.name(s.from),
      toId: s.to,
      toName: s.to === null ? null : words.name(s.to),
    })),
    members: diff.members.map((m) => ({
      memberId: m.memberId,
      memberName: words.name(m.memberId),
      gains: m.gains.map((d) => ({ ...d, roleTitle: words.title(d.role) })),
      loses: m.loses.map((d) => ({ ...d, roleTitle: words.title(d.role) })),
    })),
    leftEmpty: diff.slots.filter((s) => s.to === null).length,
  };
}

/**
 * Applies the changed slots of a proposal (its `changes`, as date, role and new member) as the month's
 * next version, reason 're-plan'. Refused when the published month changed since the proposal (the
 * token no longer matches) or when a changed slot breaks a hard rule with the club as it is now.
 */
export function acceptReplan(ctx: BackendContext, ref: MonthRef, token: string, changes: Assignment[]): ReplanAccepted {
  return ctx.db.transaction(() => {
    const state = replanUnit(ctx, ref);
    if (state.token !== token) {
      throw conflict(
        `The published roster of ${state.label} has changed since this re-plan was proposed (it is version ${state.version} now). Re-plan again to see what it needs.`,
        'token',
      );
    }
    if (changes.length === 0) throw badInput('The re-plan changes no slot: there is nothing to accept.', 'changes');
    const stored = loadClub(ctx.db);
    const bySlot = new Map(state.rows.map((r) => [`${r.date}|${r.role}`, r]));
    const next = new Map(
      state.rows.map((r): [string, Assignment] => [`${r.date}|${r.role}`, { date: r.date, role: r.role, memberId: r.memberId }]),
    );
    const members = new Set(stored.club.members.map((m) => m.id));
    changes.forEach((c, i) => {
      const key = `${c.date}|${c.role}`;
      if (!bySlot.has(key))
        throw badInput(`Change ${i + 1}: ${state.label} has no published ${c.role} slot on ${c.date}.`, `changes[${i}]`);
      if (c.memberId !== null && !members.has(c.memberId))
        throw badInput(`Change ${i + 1}: no member has the id "${c.memberId}".`, `changes[${i}].memberId`);
      next.set(key, { date: c.date, role: c.role, memberId: c.memberId });
    });
    const slots = [...next.values()];
    const problem = replanProblem(stored.club, state.range, slots);
    const changed = new Set(changes.map((c) => `${c.date}|${c.role}`));
    const broken = validateRoster({ ...problem, locked: [] }, slots).filter(
      (v) => changed.has(`${v.date}|${v.role}`) && v.memberId !== null,
    );
    if (broken.length > 0) {
      throw conflict(`The club has changed since this re-plan was proposed: ${broken[0].message} Re-plan again.`, 'changes');
    }
    const note = noteOf(conflictsIn(stored, state.rosters));
    const { version } = replacePublished(ctx.db, state.range, slots, nowIso(ctx), { reason: 're-plan', note });
    const changedSlots = changes.filter((c) => bySlot.get(`${c.date}|${c.role}`)!.memberId !== c.memberId).length;
    ctx.log.info('Re-plan accepted', { year: ref.year, month: ref.month, version, changed_slots: changedSlots });
    return { version, changedSlots };
  })();
}

/** The version's note: the conflicts that made the re-plan necessary, shortened. */
function noteOf(conflicts: PublishedConflict[]): string {
  const first = conflicts.slice(0, 3).map((c) => c.message);
  const more = conflicts.length > 3 ? ` (and ${conflicts.length - 3} more)` : '';
  return `${first.join(' ')}${more}`.slice(0, 500);
}

function wordsOf(stored: StoredClub): { name: (id: string) => string; title: (role: string) => string } {
  const names = new Map(stored.club.members.map((m) => [m.id, m.name]));
  const titles = new Map(stored.roles.map((r) => [r.key, r.title]));
  return { name: (id) => names.get(id) ?? id, title: (role) => titles.get(role) ?? role };
}
