import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import type { PublishedConflict } from '../../main/api/contract.ts';
import { api } from '../api.ts';
import { dayLabel, readableDates } from '../format.ts';
import { useLoad } from '../useLoad.ts';

/**
 * Published duties that break a hard rule now (a blackout, a suspension, a lost qualification...),
 * each in its rule's words, with the way out: a re-plan of the month.
 */
export function ConflictList(props: { conflicts: PublishedConflict[]; onReplan(): void }): React.JSX.Element | null {
  const { conflicts } = props;
  if (conflicts.length === 0) return null;
  return (
    <Alert
      severity="warning"
      aria-label="Published duties in conflict"
      action={
        <Button color="inherit" size="small" variant="outlined" onClick={props.onReplan} sx={{ whiteSpace: 'nowrap' }}>
          Re-plan…
        </Button>
      }
    >
      <AlertTitle>
        {conflicts.length === 1 ? '1 published duty clashes' : `${conflicts.length} published duties clash`} with the club's rules now
      </AlertTitle>
      {conflicts.map((c) => (
        <div key={`${c.date}/${c.role}`}>
          {dayLabel(c.date)}, {c.roleTitle}: {readableDates(c.message)}
        </div>
      ))}
      Choose such a duty in the roster below to find cover for it, or re-plan: the fewest changes that clear them all, shown as who gains
      and who loses a duty before anything changes.
    </Alert>
  );
}

/** The member dialog's list: this member's published duties that break a rule now. */
export function MemberConflicts(props: { memberId: string }): React.JSX.Element | null {
  const conflicts = useLoad(() => api.publishedConflicts(props.memberId), [props.memberId]);
  if ((conflicts.data?.length ?? 0) === 0) return null;
  return (
    <Alert severity="warning" aria-label="This member's published duties in conflict">
      {conflicts.data!.map((c) => (
        <div key={`${c.date}/${c.role}`}>
          {dayLabel(c.date)} {c.date.slice(0, 4)}, {c.roleTitle}: {readableDates(c.message)}
        </div>
      ))}
      Re-plan the month on the Published page.
    </Alert>
  );
}
