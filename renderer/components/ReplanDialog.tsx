import { useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { MonthRef, ReplanAccepted, ReplanProposal } from '../../main/api/contract.ts';
import { api } from '../api.ts';
import { dayLabel, monthLabel } from '../format.ts';
import { errorMessage } from '../useLoad.ts';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const duty = (d: { date: string; roleTitle: string }) => `${dayLabel(d.date)} ${d.roleTitle}`;

/** The proposed changes, slot by slot. */
function ChangeTable(props: { proposal: ReplanProposal }): React.JSX.Element {
  return (
    <Table size="small" aria-label="Proposed changes">
      <TableHead>
        <TableRow>
          <TableCell>Day</TableCell>
          <TableCell>Role</TableCell>
          <TableCell>Published</TableCell>
          <TableCell>Becomes</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.proposal.changes.map((c) => (
          <TableRow key={`${c.date}/${c.role}`}>
            <TableCell>{dayLabel(c.date)}</TableCell>
            <TableCell>{c.roleTitle}</TableCell>
            <TableCell sx={{ textDecoration: 'line-through', color: 'text.secondary' }}>{c.fromName ?? 'empty'}</TableCell>
            <TableCell sx={{ fontWeight: 600 }}>{c.toName ?? 'left empty: nobody can take it'}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** Who gains and who loses a duty, one line per member. */
function MemberChanges(props: { proposal: ReplanProposal }): React.JSX.Element {
  return (
    <Stack component="ul" aria-label="Who gains and who loses a duty" sx={{ m: 0, pl: 2.5 }} spacing={0.5}>
      {props.proposal.members.map((m) => (
        <Typography component="li" variant="body2" key={m.memberId}>
          <strong>{m.memberName}</strong>
          {m.gains.length > 0 && ` gains ${m.gains.map(duty).join(', ')}`}
          {m.gains.length > 0 && m.loses.length > 0 && ';'}
          {m.loses.length > 0 && ` loses ${m.loses.map(duty).join(', ')}`}
        </Typography>
      ))}
    </Stack>
  );
}

/**
 * Re-plan of a published month: asks for a proposal, shows the diff in the club's words, and applies
 * it only on "Accept" (as the month's next version).
 */
export function ReplanDialog(props: { month: MonthRef; onClose(): void; onAccepted(result: ReplanAccepted): void }): React.JSX.Element {
  const [proposal, setProposal] = useState<ReplanProposal | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [accepting, setAccepting] = useState(false);

  useEffect(() => {
    let current = true;
    api.proposeReplan({ year: props.month.year, month: props.month.month }).then(
      (value) => {
        if (current) setProposal(value);
      },
      (caught: unknown) => {
        if (current) setError(errorMessage(caught));
      },
    );
    return () => {
      current = false;
    };
  }, [props.month.year, props.month.month]);

  const accept = async () => {
    if (proposal === null) return;
    setAccepting(true);
    try {
      const changes = proposal.changes.map((c) => ({ date: c.date, role: c.role, memberId: c.toId }));
      props.onAccepted(await api.acceptReplan({ year: proposal.year, month: proposal.month }, proposal.token, changes));
    } catch (caught) {
      setError(errorMessage(caught));
      setAccepting(false);
    }
  };

  const canAccept = proposal !== null && proposal.changes.length > 0 && !accepting && error === null;
  return (
    <Dialog open onClose={props.onClose} aria-labelledby="replan-title" maxWidth="md" fullWidth>
      <DialogTitle id="replan-title">Re-plan {monthLabel(props.month)}</DialogTitle>
      <DialogContent>
        <Stack spacing={2}>
          {error !== null && <Alert severity="error">{error}</Alert>}
          {proposal === null && error === null && (
            <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
              <CircularProgress size={20} />
              <DialogContentText>Looking for the fewest changes…</DialogContentText>
            </Stack>
          )}
          {proposal !== null && proposal.conflicts.length === 0 && (
            <DialogContentText>No published duty of this month clashes with the club's rules now: nothing to re-plan.</DialogContentText>
          )}
          {proposal !== null && proposal.changes.length > 0 && (
            <>
              <DialogContentText>
                To clear {plural(proposal.conflicts.length, 'conflict', 'conflicts')}, the {proposal.scheduler} scheduler changes{' '}
                {plural(proposal.changes.length, 'published duty', 'published duties')} of version {proposal.basedOnVersion}; every other
                duty stays as published. Nothing changes until you accept.
              </DialogContentText>
              {proposal.fallback !== null && <Alert severity="info">The optimizer fell back to legacy: {proposal.fallback.reason}</Alert>}
              {proposal.leftEmpty > 0 && (
                <Alert severity="warning">
                  {plural(proposal.leftEmpty, 'duty stays', 'duties stay')} empty: nobody can take{' '}
                  {proposal.leftEmpty === 1 ? 'it' : 'them'}.
                </Alert>
              )}
              <ChangeTable proposal={proposal} />
              <Typography variant="subtitle2" component="h3">
                Who gains and who loses a duty
              </Typography>
              <MemberChanges proposal={proposal} />
            </>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose} autoFocus>
          {canAccept ? 'Cancel' : 'Close'}
        </Button>
        {proposal !== null && proposal.changes.length > 0 && (
          <Button variant="contained" onClick={() => void accept()} disabled={!canAccept}>
            Accept as version {proposal.basedOnVersion + 1}
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
