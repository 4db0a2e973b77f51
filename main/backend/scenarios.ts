import type { MonthRef, PublishCheck, DraftView, RoleSetting, ScenarioDifference, ScenarioView } from '../api/contract.ts';
import { badInput, conflict, notFound } from '../api/errors.ts';
import type { StoredClub } from '../db/clubRepo.ts';
import { draftsOverlapping, publishedSlots, slotKey } from '../db/rosterRepo.ts';
import { getRun, insertRun } from '../db/runRepo.ts';
import {
  deleteScenarioRow,
  getScenario,
  insertScenario,
  listScenarioRows,
  saveScenarioResult,
  updateScenarioInputs,
  type ScenarioRow,
} from '../db/scenarioRepo.ts';
import { loadSettings } from '../db/settingsRepo.ts';
import { inRange } from '../../solver/dates.ts';
import { memberLoads, rosterMetrics } from '../../solver/metrics.ts';
import {
  clubInScenario,
  NO_CHANGES,
  rolesInScenario,
  scenarioDifferences,
  scenarioProblem,
  type ScenarioChanges,
} from '../../solver/scenario.ts';
import type { Assignment, DateRange } from '../../solver/types.ts';
import { rosterSide } from './comparisons.ts';
import { nowIso, type BackendContext } from './context.ts';
import { publishCheck, remembered, saveGeneratedDraft } from './drafts.ts';
import { assignmentsOf, draftGrid, draftView } from './draftView.ts';
import { asGeneration, unrecordedGeneration } from './generation.ts';
import { problemFor, rangeOf, schedulerFor, storedClub } from './problems.ts';

/**
 * What-if scenarios: a range copied with its draft's removed dates and locked slots, inputs changed
 * only inside the scenario (a member away, a role off, other limits, another scheduler), generated
 * apart from the real draft. Nothing of the club's data changes until the scenario is adopted, which
 * makes its roster the real draft of the range (the draft it replaces can be brought back).
 */

/** Scenarios are kept until deleted; this many at most, so the list stays one a person can read. */
const MAX_SCENARIOS = 50;

function requireScenario(ctx: BackendContext, id: number): ScenarioRow {
  const row = getScenario(ctx.db, id);
  if (!row) throw notFound(`There is no what-if ${id}; it may have been deleted.`, 'scenarioId');
  return row;
}

const scheduledRoles = (stored: StoredClub): string[] => stored.roles.filter((r) => r.scheduled).map((r) => r.key);

function checkChanges(stored: StoredClub, range: DateRange, changes: ScenarioChanges): void {
  const problem = scenarioProblem(stored.club, range, changes, scheduledRoles(stored));
  if (problem !== null) throw badInput(problem, 'changes');
}

/** The club and problem a scenario generates for. */
function scenarioInputs(stored: StoredClub, row: ScenarioRow) {
  const on = new Set(rolesInScenario(scheduledRoles(stored), row.changes));
  const inScenario: StoredClub = {
    club: clubInScenario(stored.club, row.range, row.changes),
    roles: stored.roles.map((r) => ({ ...r, scheduled: on.has(r.key) })),
  };
  return problemFor(inScenario, row.range, row.base.removedDates, row.base.locked);
}

/** The real roster the scenario is compared with: the range's draft, else what is published there. */
function realRoster(ctx: BackendContext, range: DateRange): { against: ScenarioDifference['against']; assignments: Assignment[] } {
  const draft = draftsOverlapping(ctx.db, range)[0];
  if (draft) {
    const grid = draftGrid(ctx, draft.id);
    return { against: 'draft', assignments: assignmentsOf(grid.slots).filter((a) => inRange(a.date, range)) };
  }
  const published = publishedSlots(ctx.db, range).map(({ date, role, memberId }) => ({ date, role, memberId }));
  return published.length > 0 ? { against: 'published', assignments: published } : { against: 'nothing', assignments: [] };
}

function differenceOf(ctx: BackendContext, stored: StoredClub, row: ScenarioRow): ScenarioDifference | null {
  if (!row.result) return null;
  const real = realRoster(ctx, row.range);
  const after = row.result.roster.assignments;
  const titles = new Map(stored.roles.map((r) => [r.key, r.title]));
  const slots = scenarioDifferences(
    real.assignments,
    after,
    stored.roles.map((r) => r.key),
  ).map((d) => ({ ...d, roleTitle: titles.get(d.role) ?? d.role }));
  const names = new Map(stored.club.members.map((m) => [m.id, m.name]));
  const before = memberLoads(real.assignments);
  const now = memberLoads(after);
  const members = [...new Set([...Object.keys(before), ...Object.keys(now)])]
    .filter((id) => (before[id] ?? 0) !== (now[id] ?? 0))
    .map((id) => ({ memberId: id, name: names.get(id) ?? id, before: before[id] ?? 0, after: now[id] ?? 0 }))
    .sort((a, b) => b.after - b.before - (a.after - a.before) || a.name.localeCompare(b.name));
  let baseMetrics: ScenarioDifference['baseMetrics'] = null;
  if (real.against !== 'nothing') {
    const m = rosterMetrics(problemFor(stored, row.range, row.base.removedDates, []), real.assignments, 0);
    baseMetrics = {
      fill_rate_percent: m.fill_rate_percent,
      fairness_variance: m.fairness_variance,
      filled_slots: m.filled_slots,
      total_slots: m.total_slots,
    };
  }
  return { against: real.against, baseMetrics, slots, members };
}

function viewOf(ctx: BackendContext, stored: StoredClub, row: ScenarioRow): ScenarioView {
  return { ...row, difference: differenceOf(ctx, stored, row) };
}

export function listScenarios(ctx: BackendContext): ScenarioView[] {
  const stored = storedClub(ctx);
  return listScenarioRows(ctx.db).map((row) => viewOf(ctx, stored, row));
}

function getScenarioView(ctx: BackendContext, id: number): ScenarioView {
  return viewOf(ctx, storedClub(ctx), requireScenario(ctx, id));
}

/** A new what-if for a range, starting from the real draft's removed dates and locked slots. */
export function createScenario(ctx: BackendContext, month: MonthRef, name: string): ScenarioView {
  const range = rangeOf(month);
  const id = ctx.db
    .transaction(() => {
      if (listScenarioRows(ctx.db).length >= MAX_SCENARIOS)
        throw conflict(`There are ${MAX_SCENARIOS} what-ifs already. Delete one you no longer need first.`, 'name');
      const { removed, locked } = remembered(ctx, range);
      return insertScenario(
        ctx.db,
        { name: name.trim(), range, changes: NO_CHANGES, base: { removedDates: removed, locked } },
        nowIso(ctx),
      );
    })
    .immediate();
  ctx.log.info('What-if created', { scenario_id: id, range_start: range.start, range_end: range.end });
  return getScenarioView(ctx, id);
}

/** New name and changes; the scenario's roster is dropped until it is generated again. */
export function updateScenario(ctx: BackendContext, id: number, name: string, changes: ScenarioChanges): ScenarioView {
  const row = requireScenario(ctx, id);
  const stored = storedClub(ctx);
  checkChanges(stored, row.range, changes);
  ctx.db.transaction(() => updateScenarioInputs(ctx.db, id, name.trim(), changes, nowIso(ctx))).immediate();
  ctx.log.info('What-if changed', {
    scenario_id: id,
    members_away: changes.away.length,
    roles_off: changes.rolesOff.length,
    limits: changes.limits.length,
  });
  return getScenarioView(ctx, id);
}

export async function generateScenario(ctx: BackendContext, id: number): Promise<ScenarioView> {
  const row = requireScenario(ctx, id);
  const stored = storedClub(ctx);
  checkChanges(stored, row.range, row.changes);
  const problem = scenarioInputs(stored, row);
  const scheduler = row.changes.scheduler ?? schedulerFor(loadSettings(ctx.db), row.range);
  const seed = scheduler === 'legacy' ? realDraftSeed(ctx, row.range) : undefined;
  const document = await asGeneration(ctx, (signal) => unrecordedGeneration(ctx, problem, scheduler, signal, seed));
  const roles: RoleSetting[] = stored.roles.filter((r) => problem.roles.some((p) => p.key === r.key));
  const now = nowIso(ctx);
  // The scenario may have been deleted while it generated: then there is nothing to save.
  ctx.db
    .transaction(() => {
      if (!getScenario(ctx.db, id)) throw notFound(`The what-if ${id} was deleted while it was generated.`, 'scenarioId');
      saveScenarioResult(
        ctx.db,
        id,
        { generatedAt: now, requestedScheduler: scheduler, roster: rosterSide(problem, document), roles, dutyDays: problem.dutyDays },
        now,
      );
    })
    .immediate();
  ctx.log.info('What-if generated', {
    scenario_id: id,
    scheduler: document.scheduler,
    fill_rate_percent: document.metrics.fill_rate_percent,
    fairness_variance: document.metrics.fairness_variance,
  });
  return getScenarioView(ctx, id);
}

/**
 * Legacy draws with the seed of the real draft's run when it has one, so the what-if differs from the
 * draft by what its changes cause, not by a new random draw.
 */
function realDraftSeed(ctx: BackendContext, range: DateRange): number | undefined {
  const draft = draftsOverlapping(ctx.db, range)[0];
  const run = draft?.runId == null ? null : getRun(ctx.db, draft.runId);
  return run?.seed ?? undefined;
}

export interface AdoptedScenario {
  draft: DraftView;
  /** The adopted draft checked against the club's real data (a limit raised only in the scenario breaks the cap there). */
  check: PublishCheck;
}

/**
 * Makes the scenario's roster the real draft of its range. The draft there is replaced (and kept to be
 * brought back); the real draft's locked slots win over the scenario's. The scenario stays in the list.
 */
export function adoptScenario(ctx: BackendContext, id: number): AdoptedScenario {
  const row = requireScenario(ctx, id);
  const result = row.result;
  if (!result) throw conflict('Generate this what-if first: it has no roster to adopt yet.', 'scenarioId');
  const now = remembered(ctx, row.range);
  const locks = new Map(now.locked.map((a) => [slotKey(a.date, a.role), a]));
  const side = result.roster.assignments;
  const sideKeys = new Set(side.map((a) => slotKey(a.date, a.role)));
  const assignments = [
    ...side.map((a) => locks.get(slotKey(a.date, a.role)) ?? a),
    ...[...locks].filter(([key]) => !sideKeys.has(key)).map(([, a]) => a),
  ];
  const draftId = ctx.db
    .transaction(() => {
      // The run that made the adopted roster: recorded now that the club's data holds its roster.
      const runId = insertRun(ctx.db, {
        purpose: 'draft',
        requestedScheduler: result.requestedScheduler,
        scheduler: result.roster.scheduler,
        seed: result.roster.seed,
        status: result.roster.status,
        gap: result.roster.gap,
        metrics: result.roster.metrics,
        fallback: result.roster.fallback,
        error: null,
        range: row.range,
        createdAt: result.generatedAt,
      });
      return saveGeneratedDraft(ctx, {
        range: row.range,
        assignments,
        runId,
        locked: new Set(locks.keys()),
        removed: [...new Set([...row.base.removedDates, ...now.removed])].sort(),
        parked: now.parked,
        action: 'adopt',
      });
    })
    .immediate();
  ctx.log.info('What-if adopted', { scenario_id: id, draft_id: draftId, range_start: row.range.start, range_end: row.range.end });
  return { draft: draftView(ctx, draftId), check: publishCheck(ctx, draftId) };
}

export function deleteScenario(ctx: BackendContext, id: number): void {
  requireScenario(ctx, id);
  ctx.db.transaction(() => deleteScenarioRow(ctx.db, id)).immediate();
  ctx.log.info('What-if deleted', { scenario_id: id });
}
