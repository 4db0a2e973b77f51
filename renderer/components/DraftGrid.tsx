import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { DraftView, IsoDate, SlotView } from '../../main/api/contract.ts';
import { dayLabel } from '../format.ts';
import { SlotCell } from './SlotCell.tsx';

/** The draft as duty days x roles; removed dates stay listed so they can be restored. */
export function DraftGrid(props: {
  draft: DraftView;
  disabled: boolean;
  onOpenSlot(slot: SlotView): void;
  onToggleLock(slot: SlotView): void;
  onSetRemoved(date: IsoDate, removed: boolean): void;
}): React.JSX.Element {
  const { draft, disabled } = props;
  const roles = draft.roles.filter((role) => role.scheduled);
  const slots = new Map(draft.slots.map((slot) => [`${slot.date}/${slot.role}`, slot]));
  const removed = new Set(draft.removedDates);
  const dates = [...new Set([...draft.dutyDays, ...draft.removedDates])].sort();
  return (
    <TableContainer component={Paper} sx={{ maxHeight: 'calc(100vh - 330px)', minHeight: 240 }}>
      <Table size="small" stickyHeader aria-label="Draft roster">
        <TableHead>
          <TableRow>
            <TableCell sx={{ width: 130 }}>Duty day</TableCell>
            {roles.map((role) => (
              <TableCell key={role.key}>{role.title}</TableCell>
            ))}
            <TableCell sx={{ width: 110 }} />
          </TableRow>
        </TableHead>
        <TableBody>
          {dates.map((date) =>
            removed.has(date) ? (
              <TableRow key={date} sx={{ bgcolor: 'action.hover' }}>
                <TableCell sx={{ textDecoration: 'line-through', color: 'text.secondary' }}>{dayLabel(date)}</TableCell>
                <TableCell colSpan={roles.length}>
                  <Typography variant="body2" color="text.secondary">
                    Removed: no duty this day
                  </Typography>
                </TableCell>
                <TableCell align="right">
                  <Button
                    size="small"
                    disabled={disabled}
                    onClick={() => props.onSetRemoved(date, false)}
                    aria-label={`Restore ${dayLabel(date)}`}
                  >
                    Restore
                  </Button>
                </TableCell>
              </TableRow>
            ) : (
              <TableRow key={date} hover>
                <TableCell component="th" scope="row" sx={{ whiteSpace: 'nowrap', fontWeight: 500 }}>
                  {dayLabel(date)}
                </TableCell>
                {roles.map((role) => {
                  const slot = slots.get(`${date}/${role.key}`);
                  return slot === undefined ? (
                    <TableCell key={role.key} />
                  ) : (
                    <SlotCell
                      key={role.key}
                      slot={slot}
                      roleTitle={role.title}
                      disabled={disabled}
                      onOpen={() => props.onOpenSlot(slot)}
                      onToggleLock={() => props.onToggleLock(slot)}
                    />
                  );
                })}
                <TableCell align="right">
                  <Button
                    size="small"
                    color="inherit"
                    disabled={disabled}
                    onClick={() => props.onSetRemoved(date, true)}
                    aria-label={`Remove ${dayLabel(date)}`}
                  >
                    Remove
                  </Button>
                </TableCell>
              </TableRow>
            ),
          )}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
