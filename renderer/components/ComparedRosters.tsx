import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ComparisonView, RosterSide, SchedulerKind } from '../../main/api/contract.ts';
import { SCHEDULER_NAMES, readableDates } from '../format.ts';
import { RosterTable } from './RosterTable.tsx';

/**
 * Both rosters side by side, slots that differ highlighted in each, empty slots with their diagnosis,
 * and a button to adopt either. After an optimizer failure its column says so and offers nothing.
 */
export function ComparedRosters(props: { view: ComparisonView; disabled: boolean; onAdopt(side: SchedulerKind): void }): React.JSX.Element {
  const { view } = props;
  const roles = view.roles.filter((role) => role.scheduled && view.legacy.assignments.some((a) => a.role === role.key));
  const changed = new Set((view.differences?.slot_differences ?? []).map((d) => `${d.date}/${d.role}`));
  const column = (side: SchedulerKind, roster: RosterSide | null) => (
    <Stack key={side} spacing={1} sx={{ flex: 1, minWidth: 0 }} component="section" aria-label={`${SCHEDULER_NAMES[side]} roster`}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', minHeight: 36 }}>
        <Typography variant="h6" component="h3" sx={{ flexGrow: 1 }}>
          {SCHEDULER_NAMES[side]} roster
          {roster !== null && (
            <Typography component="span" variant="body2" color="text.secondary">
              {' '}
              · {roster.status}
            </Typography>
          )}
        </Typography>
        {roster !== null && (
          <Button variant="outlined" size="small" disabled={props.disabled} onClick={() => props.onAdopt(side)}>
            Adopt {SCHEDULER_NAMES[side].toLowerCase()}
          </Button>
        )}
      </Stack>
      {roster === null ? (
        <Alert severity="error">
          The optimizer failed, so it has no roster here. The legacy scheduler made one in its place; that one is not the optimizer&apos;s,
          so it is not shown, measured or offered for adoption. Run the comparison again to retry.
        </Alert>
      ) : (
        <RosterTable
          label={`${SCHEDULER_NAMES[side]} roster`}
          dutyDays={view.dutyDays}
          roles={roles}
          maxHeight={520}
          dense
          highlightLabel="changed"
          cell={(date, role) => {
            const id = roster.assignments.find((a) => a.date === date && a.role === role)?.memberId ?? null;
            const diagnosis = id === null ? roster.diagnostics.find((d) => d.date === date && d.role === role)?.summary : undefined;
            return {
              name: id === null ? null : (view.memberNames[id] ?? id),
              highlighted: changed.has(`${date}/${role}`),
              note: diagnosis === undefined ? null : readableDates(diagnosis),
            };
          }}
        />
      )}
    </Stack>
  );
  return (
    <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
      {column('legacy', view.legacy)}
      {column('optimizer', view.optimizer)}
    </Stack>
  );
}
