import type { ReplanAccepted, ReplanProposal } from '../api/contract.ts';
import { createBackend } from '../backend/index.ts';
import { resolveDataDir } from '../dataDir.ts';
import { MONTH_NAMES } from '../../solver/dates.ts';
import { FIRST_YEAR, LAST_YEAR } from '../../solver/limits.ts';
import { flag, requiredInteger } from './args.ts';
import { MONTH_OPTION, YEAR_OPTION } from './club.ts';
import { registerCommand } from './command.ts';
import { dayLabel, table } from './rosterText.ts';

/**
 * `replan`: the re-plan of a published month whose duties clash with the club now (docs/replan.md),
 * printed as a diff; `--accept` applies it as the month's next version.
 */

const duty = (d: { date: string; roleTitle: string }) => `${dayLabel(d.date)} ${d.roleTitle}`;

function rangeLabel(range: { start: string; end: string }): string {
  const name = (date: string) => `${MONTH_NAMES[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;
  return name(range.start) === name(range.end) ? name(range.start) : `${name(range.start)} to ${name(range.end)}`;
}

function proposalText(p: ReplanProposal, label: string): string {
  if (p.conflicts.length === 0) return `No published duty of ${label} clashes with the club's rules now: nothing to re-plan.`;
  const lines = [`Re-plan of ${rangeLabel(p.range)} (from version ${p.basedOnVersion}, ${p.scheduler} scheduler):`, '', 'Conflicts:'];
  for (const c of p.conflicts) lines.push(`  ${duty(c)}: ${c.message}`);
  if (p.fallback) lines.push('', `The optimizer fell back to legacy: ${p.fallback.reason}`);
  lines.push('', `Proposed changes (${p.changes.length} ${p.changes.length === 1 ? 'slot' : 'slots'}):`);
  lines.push(
    table(p.changes.map((c) => [`  ${dayLabel(c.date)}`, c.roleTitle, c.fromName ?? '(empty)', '->', c.toName ?? '(left empty)'])),
  );
  lines.push('', 'Who gains and who loses a duty:');
  lines.push(
    table(
      p.members.map((m) => [
        `  ${m.memberName}`,
        [...m.gains.map((g) => `gains ${duty(g)}`), ...m.loses.map((l) => `loses ${duty(l)}`)].join(', '),
      ]),
    ),
  );
  if (p.leftEmpty > 0)
    lines.push('', `${p.leftEmpty} broken ${p.leftEmpty === 1 ? 'duty stays' : 'duties stay'} empty: nobody can take it.`);
  return lines.join('\n');
}

registerCommand({
  name: 'replan',
  summary: 'Propose the fewest changes that clear the conflicts of a published month; --accept applies them as a new version.',
  usage: 'replan --year Y --month M [--accept] [--json] [--data-dir DIR]',
  options: {
    year: YEAR_OPTION,
    month: MONTH_OPTION,
    accept: { type: 'boolean', description: 'apply the proposed changes as the month’s next published version' },
    json: { type: 'boolean', description: 'print the proposal (and what was accepted) as JSON' },
  },
  async run(args, ctx) {
    const month = {
      year: requiredInteger(args, 'year', { min: FIRST_YEAR, max: LAST_YEAR }),
      month: requiredInteger(args, 'month', { min: 1, max: 12 }),
    };
    const label = `${MONTH_NAMES[month.month - 1]} ${month.year}`;
    const accept = flag(args, 'accept');
    const backend = await createBackend({ dataDir: resolveDataDir(ctx.dataDir), logger: ctx.log, access: accept ? 'write' : 'read' });
    let proposal: ReplanProposal;
    let accepted: ReplanAccepted | null = null;
    try {
      proposal = await backend.proposeReplan(month);
      if (accept && proposal.changes.length > 0) {
        accepted = await backend.acceptReplan(
          month,
          proposal.token,
          proposal.changes.map((c) => ({ date: c.date, role: c.role, memberId: c.toId })),
        );
      }
    } finally {
      await backend.close();
    }
    if (flag(args, 'json')) {
      ctx.out(JSON.stringify({ proposal, accepted }, null, 2));
      return 0;
    }
    ctx.out(proposalText(proposal, label));
    if (proposal.changes.length === 0) return 0;
    ctx.out(
      accepted
        ? `\nAccepted: ${label} is version ${accepted.version} now (${accepted.changedSlots} ${accepted.changedSlots === 1 ? 'slot' : 'slots'} changed).`
        : '\nNothing was changed. Run again with --accept to apply this re-plan.',
    );
    return 0;
  },
});
