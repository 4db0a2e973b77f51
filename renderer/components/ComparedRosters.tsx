import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ComparisonView, SchedulerKind } from '../../main/api/contract.ts';
import { SCHEDULER_NAMES } from '../format.ts';
import { RosterTable } from './RosterTable.tsx';

/** Both rosters side by side, slots that differ highlighted in each, with a button to adopt either. */
export function ComparedRosters(props: { view: ComparisonView; disabled: boolean; onAdopt(side: SchedulerKind): void }): React.JSX.Element {
  const { view } = props;
  const roles = view.roles.filter((role) => role.scheduled && view.legacy.assignments.some((a) => a.role === role.key));
  const changed = new Set(view.differences.slot_differences.map((d) => `${d.date}/${d.role}`));
  const sides: SchedulerKind[] = ['legacy', 'optimizer'];
  return (
    <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
      {sides.map((side) => {
        const roster = view[side];
        const byslot = new Map(roster.assignments.map((a) => [`${a.date}/${a.role}`, a.memberId]));
        return (
          <Stack key={side} spacing={1} sx={{ flex: 1, minWidth: 0 }} component="section" aria-label={`${SCHEDULER_NAMES[side]} roster`}>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
              <Typography variant="h6" component="h3" sx={{ flexGrow: 1 }}>
                {SCHEDULER_NAMES[side]} roster
                <Typography component="span" variant="body2" color="text.secondary"> · {roster.status}{roster.fallback === null ? '' : ` (fallback: ${roster.fallback.reason})`}</Typography>
              </Typography>
              <Button variant="outlined" size="small" disabled={props.disabled} onClick={() => props.onAdopt(side)}>
                Adopt {SCHEDULER_NAMES[side].toLowerCase()}
              </Button>
            </Stack>
            <RosterTable
              label={`${SCHEDULER_NAMES[side]} roster`}
              dutyDays={view.dutyDays}
              roles={roles}
              maxHeight={520}
              dense
              highlightLabel="changed"
              cell={(date, role) => {
                const id = byslot.get(`${date}/${role}`) ?? null;
                return { name: id === null ? null : (view.memberNames[id] ?? id), highlighted: changed.has(`${date}/${role}`) };
              }}
            />
          </Stack>
        );
      })}
    </Stack>
  );
}
