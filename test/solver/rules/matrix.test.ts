import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generateRoster } from '../../../main/scheduler/generate.ts';
import { diagnoseEmptySlotsInDetail } from '../../../solver/diagnose.ts';
import { runLegacy } from '../../../solver/legacy.ts';
import { HARD_RULES } from '../../../solver/rules/index.ts';
import { SPACING_RULE, SPACING_RULES } from '../../../solver/rules/spacing.ts';
import type { Assignment, SchedulingProblem } from '../../../solver/types.ts';
import { candidatesForSlot, spacingBreaks, spacingSentence, validateRoster } from '../../../solver/validate.ts';
import { HARD_RULE_CASES, SPACING_RULE_CASES, type RuleCase } from './cases.ts';

/**
 * The rule test matrix: for every rule of the catalogue, the validator catches a roster breaking it
 * with the member-facing sentence, the slot editor and the diagnosis name it, and neither scheduler
 * (legacy over several seeds, the optimizer through the app's generation entry with real GLPK in
 * its worker) breaks a hard rule on a problem tempting it.
 */

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

const legacyRosters = (p: SchedulingProblem) => SEEDS.map((seed) => ({ seed, roster: runLegacy(p, seed) }));

/** The optimizer as the app runs it; a roster the validator refuses would come back from the legacy fallback. */
async function optimizerRoster(p: SchedulingProblem): Promise<Assignment[]> {
  const doc = await generateRoster(p, { scheduler: 'optimizer', seed: 1, timeLimitMs: 10_000 });
  assert.equal(doc.fallback, null, `the optimizer fell back: ${doc.fallback?.reason}`);
  assert.equal(doc.scheduler, 'optimizer');
  return doc.assignments;
}

const withEmpty = (roster: Assignment[], at: Assignment) =>
  roster.map((s) => (s.date === at.date && s.role === at.role ? { ...s, memberId: null } : s));

function diagnosisOf(c: RuleCase<string>) {
  const found = diagnoseEmptySlotsInDetail(c.problem, withEmpty(c.breaking, c.at)).find(
    (d) => d.date === c.at.date && d.role === c.at.role,
  );
  assert.ok(found, 'the emptied slot is diagnosed');
  return found;
}

describe('rule matrix', () => {
  it('has a row for every rule of the catalogue, in its order', () => {
    assert.deepEqual(
      [...new Set(HARD_RULE_CASES.map((c) => c.rule))],
      HARD_RULES.map((r) => r.code),
    );
    assert.deepEqual(
      [...new Set(SPACING_RULE_CASES.map((c) => c.rule))],
      SPACING_RULES.map((r) => r.code),
    );
  });

  HARD_RULE_CASES.forEach((c, row) => {
    const rule = HARD_RULES.find((r) => r.code === c.rule)!;
    const again = HARD_RULE_CASES.slice(0, row).filter((other) => other.rule === c.rule).length;
    describe(again === 0 ? c.rule : `${c.rule} (${again + 1})`, () => {
      it('the validator catches a roster breaking it, with its sentence, and nothing else', () => {
        const violations = validateRoster(c.problem, c.breaking);
        assert.deepEqual(
          violations.map((v) => [v.date, v.role, v.memberId, v.rule, v.message]),
          [[c.at.date, c.at.role, c.at.memberId, c.rule, c.sentence]],
        );
      });

      it("the slot editor refuses the member with the rule's reason", () => {
        const candidate = candidatesForSlot(c.problem, c.breaking, c.at.date, c.at.role).find((m) => m.memberId === c.at.memberId);
        assert.deepEqual([candidate?.eligible, candidate?.reason], [false, rule.reason]);
      });

      it("the diagnosis of the slot left empty counts the member under the rule's reason", () => {
        const diagnosis = diagnosisOf(c);
        assert.equal(diagnosis.counts[c.rule], 1);
        const part = `1 ${rule.reason}`;
        assert.ok(
          [`: ${part},`, `, ${part},`].some((text) => `${diagnosis.summary},`.includes(text)),
          diagnosis.summary,
        );
      });

      it('the legacy scheduler never breaks a hard rule, whatever the seed', () => {
        for (const { seed, roster } of legacyRosters(c.problem)) assert.deepEqual(validateRoster(c.problem, roster), [], `seed ${seed}`);
      });

      it('the optimizer never breaks a hard rule', async () => {
        assert.deepEqual(validateRoster(c.problem, await optimizerRoster(c.problem)), []);
      });

      // The rest of the breaking roster locked: the rule must hold against locked slots too.
      const locked: SchedulingProblem = { ...c.problem, locked: c.breaking.filter((s) => s.date !== c.at.date || s.role !== c.at.role) };
      const scheduled = (roster: Assignment[]) => validateRoster(locked, roster).filter((v) => !v.locked);

      it('with the rest of that roster locked, neither scheduler breaks a hard rule', async () => {
        for (const { seed, roster } of legacyRosters(locked)) assert.deepEqual(scheduled(roster), [], `legacy seed ${seed}`);
        assert.deepEqual(scheduled(await optimizerRoster(locked)), []);
      });
    });
  });

  for (const c of SPACING_RULE_CASES) {
    const rule = SPACING_RULE[c.rule];
    const breaksOf = (roster: Assignment[]) => spacingBreaks(c.problem, roster).filter((b) => b.rule === c.rule);
    describe(c.rule, () => {
      it('the validator lists the break of a roster breaking it, with its sentence, and nothing else', () => {
        assert.deepEqual(validateRoster(c.problem, c.breaking), []);
        const found = spacingBreaks(c.problem, c.breaking);
        assert.deepEqual(
          found.map((b) => [b.date, b.role, b.memberId, b.rule]),
          [[c.at.date, c.at.role, c.at.memberId, c.rule]],
        );
        assert.equal(spacingSentence(c.problem, found[0]), c.sentence);
      });

      it('the slot editor warns with the same sentence', () => {
        const candidate = candidatesForSlot(c.problem, c.breaking, c.at.date, c.at.role).find((m) => m.memberId === c.at.memberId);
        assert.equal(candidate?.eligible, true);
        assert.ok(candidate?.warnings.includes(c.sentence), candidate?.warnings.join(' | '));
      });

      it('the diagnosis of the slot left empty counts the member as breaking spacing', () => {
        assert.ok(diagnosisOf(c).counts.would_break_spacing >= 1);
      });

      if (rule.legacyKeeps) {
        it('the legacy scheduler keeps it, whatever the seed', () => {
          for (const { seed, roster } of legacyRosters(c.problem)) {
            assert.deepEqual(validateRoster(c.problem, roster), [], `seed ${seed}`);
            assert.deepEqual(breaksOf(roster), [], `seed ${seed}`);
          }
        });
      } else {
        it('the legacy scheduler does not keep it (as its module says) but breaks no hard rule', () => {
          const rosters = legacyRosters(c.problem);
          for (const { seed, roster } of rosters) assert.deepEqual(validateRoster(c.problem, roster), [], `seed ${seed}`);
          assert.ok(
            rosters.some(({ roster }) => breaksOf(roster).length > 0),
            'no seed broke it: does legacy keep it after all?',
          );
        });
      }

      it('the optimizer keeps it where it can, breaking no hard rule', async () => {
        const roster = await optimizerRoster(c.problem);
        assert.deepEqual(validateRoster(c.problem, roster), []);
        assert.deepEqual(breaksOf(roster), []);
        assert.ok(
          roster.every((s) => s.memberId !== null || c.problem.locked.some((l) => l.date === s.date && l.role === s.role)),
          'every free slot filled',
        );
      });
    });
  }
});
