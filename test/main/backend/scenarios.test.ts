import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ScenarioChanges } from '../../../main/api/contract.ts';
import { NO_CHANGES } from '../../../solver/scenario.ts';
import { apiError, tempBackend } from './helpers.ts';

const june = { year: 2026, month: 6 };
const filled = (slots: { memberId: string | null }[]) => slots.filter((s) => s.memberId !== null);

describe('what-if scenarios', () => {
  it('generate with a member away apart from the real draft, show the difference, and adopt it (undoable)', async () => {
    const { backend, dataDir, cleanup } = await tempBackend();
    try {
      const draft = await backend.generateDraft(june);
      const busiest = Object.entries(draft.loads).sort((a, b) => b[1] - a[1])[0][0];
      const membersBefore = await backend.listMembers();
      const scenario = await backend.createScenario(june, 'Busiest member away');
      assert.equal(scenario.result, null);
      const changes: ScenarioChanges = { ...NO_CHANGES, away: [{ memberId: busiest, from: '2026-06-01', to: '2026-06-30' }] };
      await backend.updateScenario(scenario.id, 'Busiest member away', changes);
      const generated = await backend.generateScenario(scenario.id);
      const roster = generated.result!.roster;
      assert.equal(roster.assignments.filter((a) => a.memberId === busiest).length, 0, 'the away member has no duty in the scenario');
      const difference = generated.difference!;
      assert.equal(difference.against, 'draft');
      const lost = draft.slots.filter((s) => s.memberId === busiest);
      for (const slot of lost)
        assert.ok(
          difference.slots.some((d) => d.date === slot.date && d.role === slot.role && d.before === busiest),
          `${slot.date} ${slot.role} shows as changed`,
        );
      assert.deepEqual(
        difference.members.find((m) => m.memberId === busiest),
        { memberId: busiest, name: membersBefore.find((m) => m.id === busiest)!.name, before: lost.length, after: 0 },
      );
      assert.equal(difference.baseMetrics!.filled_slots, filled(draft.slots).length);

      // Nothing real changed: the draft, the member's record, the run list.
      const draftAfter = (await backend.getDraft(june))!;
      assert.deepEqual(
        draftAfter.slots.map((s) => s.memberId),
        draft.slots.map((s) => s.memberId),
      );
      assert.deepEqual(await backend.listMembers(), membersBefore);
      const runsBefore = (await backend.listRuns(100)).length;

      const adopted = await backend.adoptScenario(scenario.id);
      assert.deepEqual(
        adopted.draft.slots.map((s) => [s.date, s.role, s.memberId]),
        roster.assignments.map((a) => [a.date, a.role, a.memberId]),
      );
      assert.equal(adopted.check.ruleBreaks.length, 0, 'a member away only in the scenario breaks no real rule');
      assert.equal((await backend.listRuns(100)).length, runsBefore + 1, 'the adopted roster has its run recorded');
      assert.equal((await backend.listScenarios()).length, 1, 'the scenario stays in the list');
      const back = await backend.restoreReplacedDraft();
      assert.deepEqual(
        back.slots.map((s) => s.memberId),
        draft.slots.map((s) => s.memberId),
      );
      assert.ok(dataDir.length > 0);
    } finally {
      await cleanup();
    }
  });

  it('keeps a role switched off out of the scenario, and adopting leaves its real slots empty', async () => {
    const { backend, cleanup } = await tempBackend();
    try {
      const scenario = await backend.createScenario(june, 'No towing');
      await backend.updateScenario(scenario.id, 'No towing', { ...NO_CHANGES, rolesOff: ['towpilot'], scheduler: 'optimizer' });
      const generated = await backend.generateScenario(scenario.id);
      assert.ok(!generated.result!.roster.assignments.some((a) => a.role === 'towpilot'));
      assert.equal(generated.result!.requestedScheduler, 'optimizer');
      assert.equal(generated.difference!.against, 'nothing');
      const adopted = await backend.adoptScenario(scenario.id);
      const tows = adopted.draft.slots.filter((s) => s.role === 'towpilot');
      assert.ok(tows.length > 0 && tows.every((s) => s.memberId === null));
    } finally {
      await cleanup();
    }
  });

  it('refuses bad changes naming them, drops the roster when the inputs change, and cannot adopt without one', async () => {
    const { backend, cleanup } = await tempBackend();
    try {
      const scenario = await backend.createScenario(june, 'Trials');
      const bad = async (changes: Partial<ScenarioChanges>, words: RegExp) => {
        const error = await apiError(backend.updateScenario(scenario.id, 'Trials', { ...NO_CHANGES, ...changes }), 'bad_input', 'changes');
        assert.match(error.message, words);
      };
      await bad({ away: [{ memberId: 'nobody', from: '2026-06-01', to: '2026-06-02' }] }, /Away: there is no member with id "nobody"/);
      const someone = (await backend.listMembers())[0].id;
      await bad({ away: [{ memberId: someone, from: '2026-07-01', to: '2026-07-05' }] }, /outside this scenario/);
      await bad({ away: [{ memberId: someone, from: '2026-06-20', to: '2026-06-05' }] }, /after/);
      const roles = (await backend.getClubSettings()).roles.filter((r) => r.scheduled).map((r) => r.key);
      await bad({ rolesOff: roles }, /at least one role/);
      await bad({ rolesOff: ['gliding_cat'] }, /no role "gliding_cat"/);
      await apiError(backend.adoptScenario(scenario.id), 'conflict', 'scenarioId');

      await backend.generateScenario(scenario.id);
      const edited = await backend.updateScenario(scenario.id, 'Trials 2', {
        ...NO_CHANGES,
        limits: [{ memberId: someone, maxPerMonth: 0 }],
      });
      assert.equal(edited.result, null, 'changed inputs drop the old roster');
      assert.equal(edited.name, 'Trials 2');
      const again = await backend.generateScenario(scenario.id);
      assert.ok(!again.result!.roster.assignments.some((a) => a.memberId === someone), 'a limit of 0 keeps the member out');

      await backend.deleteScenario(scenario.id);
      await apiError(backend.generateScenario(scenario.id), 'not_found', 'scenarioId');
      await apiError(backend.deleteScenario(scenario.id), 'not_found', 'scenarioId');
      assert.deepEqual(await backend.listScenarios(), []);
    } finally {
      await cleanup();
    }
  });

  it('starts from the real draft’s locked slots and removed dates', async () => {
    const { backend, cleanup } = await tempBackend();
    try {
      const draft = await backend.generateDraft(june);
      const kept = draft.slots.find((s) => s.memberId !== null)!;
      await backend.setSlotLocked(draft.id, kept.date, kept.role, true);
      const gone = draft.dutyDays.at(-1)!;
      await backend.setDateRemoved(draft.id, gone, true);
      const scenario = await backend.createScenario(june, 'Same base');
      assert.deepEqual(scenario.base.removedDates, [gone]);
      assert.deepEqual(scenario.base.locked, [{ date: kept.date, role: kept.role, memberId: kept.memberId }]);
      const generated = await backend.generateScenario(scenario.id);
      assert.ok(!generated.result!.dutyDays.includes(gone));
      assert.equal(generated.result!.roster.assignments.find((a) => a.date === kept.date && a.role === kept.role)!.memberId, kept.memberId);
    } finally {
      await cleanup();
    }
  });
});

describe('a legacy what-if', () => {
  it('draws with the real draft’s seed, so without changes it is the draft itself', async () => {
    const { backend, cleanup } = await tempBackend();
    try {
      const draft = await backend.generateDraft(june);
      const scenario = await backend.createScenario(june, 'Nothing changed');
      const generated = await backend.generateScenario(scenario.id);
      assert.equal(generated.result!.roster.seed, draft.run.seed);
      assert.deepEqual(generated.difference!.slots, []);
    } finally {
      await cleanup();
    }
  });
});
