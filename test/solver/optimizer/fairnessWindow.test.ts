import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Eligibility, RosterState } from '../../../solver/eligibility.ts';
import { solveOptimizer } from '../../../solver/optimizer/index.ts';
import { seededRandom } from '../../../solver/random.ts';
import type { Assignment, Club, FairnessWindow, Member, PublishedDay, Role, SchedulingProblem } from '../../../solver/types.ts';
import { spacingBreaks, validateRoster } from '../../../solver/validate.ts';
import { club as clubOf, member as memberWith } from '../rosterFixtures.ts';

/**
 * The optimizer's fairness over a window against an exhaustive search written here: with April
 * published and skewed, May's draft must reach the least sum of squared window loads (or, with
 * quotas, of squared loads over quota) among the rosters of the best fill and fewest spacing breaks.
 * The window and its costs are recomputed from the club's published days, not from solver/.
 */

const ROLES: Role[] = [
  { key: 'instructor', title: 'Instructor', qualification: 'instructor' },
  { key: 'towpilot', title: 'Tow Pilot', qualification: 'towpilot' },
];
const MAY = { start: '2026-05-01', end: '2026-05-31' };
const MAY_DAYS = ['2026-05-02', '2026-05-03', '2026-05-09', '2026-05-10', '2026-05-16', '2026-05-17'];
const APRIL_DAYS = ['2026-04-04', '2026-04-05', '2026-04-11', '2026-04-12', '2026-04-18', '2026-04-19', '2026-04-25', '2026-04-26'];

interface Case {
  problem: SchedulingProblem;
  /** Member id -> duties that count before the draft (April, or none for the range window). */
  before: Map<string, number>;
  /** Member id -> quota, when the club uses quotas. */
  quotas: Map<string, number> | null;
}

/** 3 to 5 members, April published with most duties on the first one or two, May with 3 or 4 days. */
function skewedCase(seed: number, window: FairnessWindow, withQuotas: boolean): Case {
  const random = seededRandom(seed);
  const count = 3 + Math.floor(random() * 3);
  const ids = Array.from({ length: count }, (_, i) => `m${i + 1}`);
  const members: Member[] = ids.map((id) => {
    const quals = ROLES.map((r) => r.key).filter(() => random() < 0.75);
    return memberWith(id, quals.length > 0 ? quals : ['towpilot'], {
      maxPerMonth: [1, 2, 3, 8][Math.floor(random() * 4)],
      blackouts: MAY_DAYS.filter(() => random() < 0.15),
      ...(withQuotas ? { seasonQuota: [2, 4, 6, 8][Math.floor(random() * 4)] } : {}),
    });
  });
  // The skew: the first member (and often the second) did most of April.
  const busy = random() < 0.5 ? [ids[0]] : [ids[0], ids[1]];
  const published: PublishedDay[] = APRIL_DAYS.map((date) => ({
    date,
    slots: Object.fromEntries(ROLES.map((r) => [r.key, random() < 0.8 ? busy[Math.floor(random() * busy.length)] : ids[count - 1]])),
  }));
  const club: Club = { ...clubOf(members, ROLES, published), fairnessWindow: window };
  // Small enough to search every roster: (members + 1) ^ slots leaves.
  const days = MAY_DAYS.filter(() => random() < 0.6).slice(0, count <= 3 ? 4 : 3);
  if (days.length < 3) days.splice(0, days.length, ...MAY_DAYS.slice(0, 3));
  const problem: SchedulingProblem = { club, range: MAY, dutyDays: days, roles: ROLES, locked: [] };

  const before = new Map<string, number>();
  if (window !== 'range') {
    for (const day of published) for (const id of Object.values(day.slots)) if (id) before.set(id, (before.get(id) ?? 0) + 1);
  }
  const quotas = withQuotas ? new Map(members.map((m) => [m.id, m.seasonQuota!])) : null;
  return { problem, before, quotas };
}

interface Score {
  filled: number;
  breaks: number;
  /** Sum of squared window loads, or of squared window loads over quota. */
  fairness: number;
}

function score(c: Case, assignments: Assignment[]): Score {
  const loads = new Map(c.before);
  let filled = 0;
  for (const a of assignments) {
    if (a.memberId === null) continue;
    filled++;
    loads.set(a.memberId, (loads.get(a.memberId) ?? 0) + 1);
  }
  let fairness = 0;
  for (const [id, load] of loads) fairness += (load * load) / (c.quotas?.get(id) ?? 1);
  return { filled, breaks: spacingBreaks(c.problem, assignments).length, fairness };
}

const EPS = 1e-9;
function better(a: Score, b: Score): boolean {
  if (a.filled !== b.filled) return a.filled > b.filled;
  if (a.breaks !== b.breaks) return a.breaks < b.breaks;
  return a.fairness < b.fairness - EPS;
}

/** The best score of every roster keeping the hard rules, by exhaustive search; also counting the draft alone. */
function bestByExhaustiveSearch(c: Case): { best: Score; draftOnly: Score } {
  const { problem } = c;
  const state = new RosterState(new Eligibility(problem.club, problem.range));
  const slots = problem.dutyDays.flatMap((date) => problem.roles.map((role) => ({ date, role })));
  const chosen: Assignment[] = [];
  const draft: Case = { ...c, before: new Map() };
  let best: Score | null = null;
  let draftOnly: Score | null = null;
  const visit = (i: number): void => {
    if (i === slots.length) {
      const s = score(c, chosen);
      if (best === null || better(s, best)) best = s;
      const d = score(draft, chosen);
      if (draftOnly === null || better(d, draftOnly)) draftOnly = d;
      return;
    }
    const { date, role } = slots[i];
    for (const memberId of [null, ...problem.club.members.map((m) => m.id)]) {
      if (memberId !== null && state.block(memberId, role, date) !== null) continue;
      chosen.push({ date, role: role.key, memberId });
      if (memberId !== null) state.assign(date, role.key, memberId);
      visit(i + 1);
      if (memberId !== null) state.unassign(date, memberId);
      chosen.pop();
    }
  };
  visit(0);
  return { best: best!, draftOnly: draftOnly! };
}

async function checkAgainstSearch(window: FairnessWindow, withQuotas: boolean, seeds: number): Promise<number> {
  let differsFromDraftOnly = 0;
  for (let seed = 1; seed <= seeds; seed++) {
    const c = skewedCase(seed, window, withQuotas);
    const result = await solveOptimizer(c.problem, { timeLimitMs: 20_000 });
    assert.deepEqual(validateRoster(c.problem, result.assignments), [], `seed ${seed}`);
    assert.equal(result.status, 'optimal', `seed ${seed}`);
    const got = score(c, result.assignments);
    const { best, draftOnly } = bestByExhaustiveSearch(c);
    assert.equal(got.filled, best.filled, `seed ${seed}: fill`);
    assert.equal(got.breaks, best.breaks, `seed ${seed}: spacing breaks`);
    assert.ok(Math.abs(got.fairness - best.fairness) < EPS, `seed ${seed}: window fairness ${got.fairness}, best ${best.fairness}`);
    // Blind to April the roster would not be best: the window decided it.
    if (Math.abs(score({ ...c, before: new Map() }, result.assignments).fairness - draftOnly.fairness) > EPS) differsFromDraftOnly++;
  }
  return differsFromDraftOnly;
}

describe('optimizer: fairness over the window', () => {
  it('season window, April published and skewed: May minimises the window`s sum of squared loads (exhaustive search)', async () => {
    const decidedByWindow = await checkAgainstSearch('season', false, 30);
    // Not a test of the optimizer but of this test: April's skew must matter in some cases.
    assert.ok(decidedByWindow > 0, 'no case where the window changes the best roster');
  });

  it('with quotas: May minimises the window`s sum of squared loads over quota (exhaustive search)', async () => {
    const decidedByWindow = await checkAgainstSearch('12months', true, 25);
    assert.ok(decidedByWindow > 0, 'no case where the window changes the best roster');
  });

  it('range window: only the draft counts, April is ignored', async () => {
    assert.equal(await checkAgainstSearch('range', false, 15), 0);
  });

  it('keeps the busy member of April off May, where a draft-only spread would use everyone', async () => {
    const members = ['a', 'b', 'c'].map((id) => memberWith(id, ['instructor', 'towpilot']));
    // April: a four duties, b one.
    const published = APRIL_DAYS.slice(0, 4).map((date, i) => ({ date, slots: { instructor: 'a', towpilot: i === 0 ? 'b' : null } }));
    const problem: SchedulingProblem = {
      club: clubOf(members, ROLES, published),
      range: MAY,
      dutyDays: MAY_DAYS.slice(0, 2),
      roles: ROLES,
      locked: [],
    };
    const counts = (assignments: Assignment[]) => ['a', 'b', 'c'].map((id) => assignments.filter((x) => x.memberId === id).length);
    // Window loads a 4 + x, b 1 + y, c z with x + y + z = 4, at most one a day: b and c both days (16 + 9 + 4).
    assert.deepEqual(counts((await solveOptimizer(problem, { timeLimitMs: 20_000 })).assignments), [0, 2, 2]);
    // Counting May only, 2 + 1 + 1 is the even spread.
    const rangeOnly = { ...problem, club: { ...problem.club, fairnessWindow: 'range' as const } };
    assert.deepEqual(counts((await solveOptimizer(rangeOnly, { timeLimitMs: 20_000 })).assignments).sort(), [1, 1, 2]);
  });
});
