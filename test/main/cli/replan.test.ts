import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, it } from 'node:test';
import type { ReplanAccepted, ReplanProposal } from '../../../main/api/contract.ts';
import { createBackend } from '../../../main/backend/index.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'rostermeister-replan-cli-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));

/** The real CLI, as `npm run rostermeister -- ...` runs it, on the test's data folder. */
function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(root, 'bin', 'rostermeister.mjs'), ...args, '--data-dir', dataDir],
      { cwd: root },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
      },
    );
  });
}

describe('rostermeister replan', () => {
  let blackedOut = { name: '', date: '' };

  it('says there is nothing to re-plan while the published month keeps every rule', async () => {
    assert.equal((await cli('propose', '--year', '2026', '--month', '6')).code, 0);
    assert.equal((await cli('publish', '--year', '2026', '--month', '6', '--anyway')).code, 0);
    const run = await cli('replan', '--year', '2026', '--month', '6');
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /No published duty of June 2026 clashes with the club's rules now: nothing to re-plan\./);
  });

  it('prints the proposed diff after a new blackout and changes nothing without --accept', async () => {
    const backend = await createBackend({ dataDir });
    try {
      const view = (await backend.getPublished({ year: 2026, month: 6 }))!;
      const slot = view.days[0].slots.find((s) => s.memberId !== null)!;
      const member = (await backend.listMembers()).find((m) => m.id === slot.memberId)!;
      await backend.updateMember({ ...member, blackouts: [...member.blackouts, view.days[0].date] });
      blackedOut = { name: member.name, date: view.days[0].date };
    } finally {
      await backend.close();
    }
    const run = await cli('replan', '--year', '2026', '--month', '6');
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^Re-plan of June 2026 \(from version 1, legacy scheduler\):/);
    assert.ok(run.stdout.includes(`${blackedOut.name} may not be`), run.stdout);
    assert.match(run.stdout, /Proposed changes \(1 slot\):/);
    assert.ok(run.stdout.includes(`${blackedOut.name}  loses`) || run.stdout.includes(`loses Sat ${blackedOut.date}`), run.stdout);
    assert.match(run.stdout, /Nothing was changed\. Run again with --accept/);

    const json = await cli('replan', '--year', '2026', '--month', '6', '--json');
    const parsed = JSON.parse(json.stdout) as { proposal: ReplanProposal; accepted: ReplanAccepted | null };
    assert.equal(parsed.accepted, null);
    assert.equal(parsed.proposal.changes.length, 1);
    assert.equal(parsed.proposal.changes[0].date, blackedOut.date);
    assert.equal(parsed.proposal.basedOnVersion, 1);
  });

  it('applies the re-plan with --accept as version 2, after which nothing is left to re-plan', async () => {
    const run = await cli('replan', '--year', '2026', '--month', '6', '--accept');
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /Accepted: June 2026 is version 2 now \(1 slot changed\)\./);
    const again = await cli('replan', '--year', '2026', '--month', '6', '--accept', '--json');
    const parsed = JSON.parse(again.stdout) as { proposal: ReplanProposal; accepted: ReplanAccepted | null };
    assert.deepEqual([parsed.proposal.basedOnVersion, parsed.proposal.conflicts, parsed.accepted], [2, [], null]);
  });

  it('answers a user error in one sentence with exit code 2', async () => {
    const none = await cli('replan', '--year', '2026', '--month', '9');
    assert.equal(none.code, 2);
    assert.equal(none.stderr.trim(), 'Nothing is published for September 2026, so there is nothing to re-plan.');
    const missing = await cli('replan', '--year', '2026');
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /--month/);
    assert.doesNotMatch(missing.stderr + none.stderr, /\n\s+at /);
  });
});
