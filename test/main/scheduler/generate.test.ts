import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { syntheticClub } from '../../../bench/syntheticClub.ts';
import { createLogger, memorySink, type LogEvent } from '../../../main/log.ts';
import { GenerationCancelledError, generateRoster } from '../../../main/scheduler/generate.ts';
import { buildProblem } from '../../../solver/problem.ts';
import type { Member, RosterDocument, SchedulingProblem } from '../../../solver/types.ts';
import { validateRoster } from '../../../solver/validate.ts';

const club = syntheticClub({ members: 24, roles: 4, seed: 7 });
const may = { start: '2026-05-01', end: '2026-05-31' };
const problem = buildProblem(club, may);
/** Keeps each optimizer run short; a run stopped by its limit still returns its best roster. */
const OPTIMIZER_LIMIT_MS = 3000;
/** The fault runs start a worker of their own, and that start counts against the limit. */
const FAULT_LIMIT_MS = 30_000;

function recorder() {
  const ring = memorySink();
  return {
    log: createLogger([ring]),
    events: (message?: string): LogEvent[] => ring.events().filter((e) => !message || e.message === message),
  };
}

function assertWholeRoster(doc: RosterDocument, p: SchedulingProblem) {
  const expected = p.dutyDays.flatMap((date) => p.roles.map((r) => `${date}|${r.key}`));
  assert.deepEqual(
    doc.assignments.map((a) => `${a.date}|${a.role}`),
    expected,
    'every slot, in date then role order',
  );
  assert.deepEqual(validateRoster(p, doc.assignments), []);
  assert.equal(doc.metrics.total_slots, expected.length);
  assert.equal(doc.metrics.filled_slots, doc.assignments.filter((a) => a.memberId !== null).length);
  assert.equal(doc.diagnostics.length, expected.length - doc.metrics.filled_slots, 'every empty slot is diagnosed');
}

async function assertFallsBack(fault: 'throw' | 'crash' | 'hang' | 'invalid', timeLimitMs: number, status: string, reason: RegExp) {
  const { log, events } = recorder();
  const doc = await generateRoster(problem, { scheduler: 'optimizer', seed: 11, timeLimitMs, fault, log });
  assert.equal(doc.scheduler, 'legacy');
  assert.equal(doc.status, 'heuristic');
  assert.equal(doc.seed, 11);
  assert.ok(doc.fallback, 'the fallback is recorded');
  assert.equal(doc.fallback.status, status);
  assert.match(doc.fallback.reason, reason);
  assertWholeRoster(doc, problem);

  const warnings = events('fallback_to_legacy');
  assert.equal(warnings.length, 1);
  assert.equal(warnings[0].level, 'warn');
  assert.equal(warnings[0].reason, doc.fallback.reason);
  assert.equal(warnings[0].status, status);
  const [complete] = events('Roster generation complete');
  assert.equal(complete.scheduler_type, 'legacy');
  assert.equal(events('roster generation failed').length, 0);
}

describe('generateRoster with the legacy scheduler', () => {
  it('returns the whole roster with metrics, diagnostics and the log events', async () => {
    const { log, events } = recorder();
    const doc = await generateRoster(problem, { scheduler: 'legacy', seed: 42, log });
    assert.equal(doc.scheduler, 'legacy');
    assert.equal(doc.status, 'heuristic');
    assert.equal(doc.gap, null);
    assert.equal(doc.seed, 42);
    assert.equal(doc.fallback, null);
    assert.deepEqual(doc.range, may);
    assert.deepEqual(doc.dutyDays, problem.dutyDays);
    assertWholeRoster(doc, problem);

    assert.deepEqual(
      events().map((e) => e.message),
      ['Generating roster', 'Roster generation complete'],
    );
    const [start, complete] = events();
    assert.equal(start.scheduler_type, 'legacy');
    assert.equal(start.year, 2026);
    assert.equal(start.month, 5);
    assert.equal(start.num_days, problem.dutyDays.length);
    assert.equal(start.excluded_dates, 0);
    assert.ok(typeof start.time === 'string' && !Number.isNaN(Date.parse(start.time)));
    assert.equal(complete.solve_time_ms, doc.metrics.solve_time_ms);
    assert.equal(complete.fill_rate_percent, doc.metrics.fill_rate_percent);
    assert.equal(complete.fairness_variance, doc.metrics.fairness_variance);
    assert.equal(complete.status, 'heuristic');
  });

  it('reproduces a roster from its seed and draws a new seed when none is given', async () => {
    const first = await generateRoster(problem, { scheduler: 'legacy' });
    assert.equal(typeof first.seed, 'number');
    const again = await generateRoster(problem, { scheduler: 'legacy', seed: first.seed! });
    assert.deepEqual(again.assignments, first.assignments);
  });

  it('counts removed dates as excluded', async () => {
    const withRemoved = buildProblem(club, may, { removedDates: problem.dutyDays.slice(0, 2) });
    const { log, events } = recorder();
    const doc = await generateRoster(withRemoved, { scheduler: 'legacy', seed: 1, log });
    assert.equal(doc.dutyDays.length, problem.dutyDays.length - 2);
    assert.equal(events('Generating roster')[0].excluded_dates, 2);
    assert.equal(events('Generating roster')[0].num_days, problem.dutyDays.length - 2);
  });

  it('logs "roster generation failed" and rethrows on an unexpected error', async () => {
    const broken = { ...problem, club: { ...club, members: undefined as unknown as Member[] } };
    const { log, events } = recorder();
    await assert.rejects(generateRoster(broken, { scheduler: 'legacy', seed: 1, log }), /^Error: legacy scheduler failed: /);
    const failures = events('roster generation failed');
    assert.equal(failures.length, 1);
    assert.equal(failures[0].level, 'error');
    assert.equal(typeof failures[0].error, 'string');
  });
});

describe('generateRoster with the optimizer (real worker, real GLPK)', () => {
  it('returns a valid optimizer roster without fallback', async () => {
    const { log, events } = recorder();
    const doc = await generateRoster(problem, { scheduler: 'optimizer', timeLimitMs: OPTIMIZER_LIMIT_MS, log });
    assert.equal(doc.fallback, null, `unexpected fallback: ${doc.fallback?.reason}`);
    assert.equal(doc.scheduler, 'optimizer');
    assert.ok(doc.status === 'optimal' || doc.status === 'feasible');
    assert.equal(typeof doc.gap, 'number');
    assert.equal(doc.seed, null);
    assert.equal(doc.fallback, null);
    assertWholeRoster(doc, problem);
    assert.equal(events('fallback_to_legacy').length, 0);
    const [complete] = events('Roster generation complete');
    assert.equal(complete.scheduler_type, 'optimizer');
    assert.equal(complete.status, doc.status);
  });

  it('falls back to legacy when the optimizer throws', () => assertFallsBack('throw', FAULT_LIMIT_MS, 'error', /^optimizer failed: /));

  it('falls back to legacy when the worker crashes', () =>
    assertFallsBack('crash', FAULT_LIMIT_MS, 'crashed', /^optimizer worker crashed \(exit code 1\)$/));

  it('falls back to legacy when the worker hangs past the time limit', () =>
    assertFallsBack('hang', 300, 'timeout', /^no solution within 0\.3 s$/));

  it('falls back to legacy when the optimizer roster breaks a hard rule', () =>
    assertFallsBack('invalid', FAULT_LIMIT_MS, 'invalid', /^optimizer roster broke a hard rule: /));

  it('rejects on cancellation without falling back', async () => {
    const { log, events } = recorder();
    const controller = new AbortController();
    const pending = generateRoster(problem, { scheduler: 'optimizer', timeLimitMs: 60_000, fault: 'hang', log, signal: controller.signal });
    setTimeout(() => controller.abort(), 200);
    await assert.rejects(pending, GenerationCancelledError);
    assert.equal(events('fallback_to_legacy').length, 0);
    assert.equal(events('roster generation failed').length, 0);
    assert.equal(events('Roster generation complete').length, 0);
  });

  it('rejects at once when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(generateRoster(problem, { scheduler: 'legacy', signal: controller.signal }), GenerationCancelledError);
  });
});
