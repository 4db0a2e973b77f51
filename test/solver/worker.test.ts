import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Worker } from 'node:worker_threads';
import type { Club, Member, SchedulingProblem } from '../../solver/types.ts';
import { validateRoster } from '../../solver/validate.ts';
import type { WorkerFault, WorkerReply, WorkerRequest } from '../../solver/worker.ts';
import { club as clubOf, DUTY, member as memberWith } from './rosterFixtures.ts';

const WORKER_URL = new URL('../../solver/worker.ts', import.meta.url);

/**
 * Node 20 does not apply `execArgv: ['--import', 'tsx']` to a worker's entry module, so the worker
 * registers tsx itself before importing the TypeScript entry.
 */
function startWorker(): Worker {
  const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(WORKER_URL.href)}); })`;
  return new Worker(bootstrap, { eval: true });
}

type Outcome = { kind: 'reply'; reply: WorkerReply } | { kind: 'exit'; code: number } | { kind: 'timeout' };

const REQUEST_ID = 7;

function run(problem: SchedulingProblem, fault?: WorkerFault, waitMs = 20_000): Promise<Outcome> {
  const worker = startWorker();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      void worker.terminate();
      resolve({ kind: 'timeout' });
    }, waitMs);
    worker.once('message', (reply: WorkerReply) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve({ kind: 'reply', reply });
    });
    worker.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ kind: 'exit', code });
    });
    worker.postMessage({ id: REQUEST_ID, problem, timeLimitMs: 5_000, fault } satisfies WorkerRequest);
  });
}

const member = (id: string): Member => memberWith(id, ['duty_officer']);

const roles = [DUTY];
const club: Club = clubOf(['a', 'b', 'c'].map(member), roles);
const problem: SchedulingProblem = {
  club,
  range: { start: '2026-05-01', end: '2026-05-31' },
  dutyDays: ['2026-05-02', '2026-05-03', '2026-05-09'],
  roles,
  locked: [],
};
// A second role makes "the same member twice on one day" possible for the 'invalid' fault.
const twoRoles = [...roles, { key: 'assistant_duty_officer', title: 'Assistant Duty Officer', qualification: 'duty_officer' }];
const twoRoleProblem: SchedulingProblem = { ...problem, club: { ...club, roles: twoRoles }, roles: twoRoles };

describe('solver/worker.ts in a worker thread', () => {
  it('solves and replies with the result', async () => {
    const outcome = await run(problem);
    assert.equal(outcome.kind, 'reply');
    assert.ok(outcome.kind === 'reply' && outcome.reply.ok);
    assert.equal(outcome.reply.id, REQUEST_ID, 'the reply carries the request id');
    const { result } = outcome.reply;
    assert.equal(result.status, 'optimal');
    assert.equal(result.assignments.length, 3);
    assert.deepEqual(validateRoster(problem, result.assignments), []);
  });

  it("answers each further request on the same worker with that request's id", async () => {
    const worker = startWorker();
    let answer: (reply: WorkerReply) => void = () => {};
    worker.on('message', (reply: WorkerReply) => answer(reply));
    try {
      const replies: WorkerReply[] = [];
      for (const id of [1, 2]) {
        const reply = new Promise<WorkerReply>((resolve) => (answer = resolve));
        worker.postMessage({ id, problem, timeLimitMs: 5_000 } satisfies WorkerRequest);
        replies.push(await reply);
      }
      assert.deepEqual(
        replies.map((r) => [r.id, r.ok]),
        [
          [1, true],
          [2, true],
        ],
      );
    } finally {
      await worker.terminate();
    }
  });

  it('replies with the error when the solve throws', async () => {
    const outcome = await run(problem, 'throw');
    assert.deepEqual(outcome, {
      kind: 'reply',
      reply: { id: REQUEST_ID, ok: false, error: 'Forced optimizer failure (test fault "throw").' },
    });
  });

  it('ends the worker with exit code 1 on a crash', async () => {
    assert.deepEqual(await run(problem, 'crash'), { kind: 'exit', code: 1 });
  });

  it('never answers when it hangs, so the parent must terminate it', async () => {
    assert.deepEqual(await run(problem, 'hang', 1_500), { kind: 'timeout' });
  });

  it('returns a roster the validator rejects for the invalid fault', async () => {
    const outcome = await run(twoRoleProblem, 'invalid');
    assert.ok(outcome.kind === 'reply' && outcome.reply.ok);
    const { result } = outcome.reply;
    const rules = validateRoster(twoRoleProblem, result.assignments).map((v) => v.rule);
    assert.ok(rules.includes('on_duty_that_day'), `got ${rules.join(', ')}`);
  });
});
