import { Fragment } from 'react';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import EventBusyIcon from '@mui/icons-material/EventBusy';
import type { DraftView, IsoDate, SlotView } from '../../main/api/contract.ts';
import { dayLabel, monthLabel } from '../format.ts';
import { SlotCell } from './SlotCell.tsx';

/** Room the sticky column header takes, so a month jumped to is not hidden under it. */
const HEADER_HEIGHT = 64;

function RemovedRow(props: { date: IsoDate; note: string; columns: number; action: string; disabled: boolean; onRestore(): void }) {
  return (
    <TableRow sx={{ bgcolor: 'action.hover' }}>
      <TableCell sx={{ textDecoration: 'line-through', color: 'text.secondary', whiteSpace: 'nowrap' }}>{dayLabel(props.date)}</TableCell>
      <TableCell colSpan={props.columns}>
        <Typography variant="body2" color="text.secondary">
          {props.note}
        </Typography>
      </TableCell>
      <TableCell align="right">
        <Button size="small" disabled={props.disabled} onClick={props.onRestore} aria-label={`${props.action} ${dayLabel(props.date)}`}>
          Restore
        </Button>
      </TableCell>
    </TableRow>
  );
}

/**
 * The draft as duty days x roles; dates removed from the draft or by the club calendar stay listed so
 * they can be restored. A draft of several months is grouped by month, with a row of links to each.
 */
export function DraftGrid(props: {
  draft: DraftView;
  disabled: boolean;
  onOpenSlot(slot: SlotView): void;
  onToggleLock(slot: SlotView): void;
  onSetRemoved(date: IsoDate, removed: boolean): void;
  onRestoreClubDate(date: IsoDate, reason: string | null): void;
}): React.JSX.Element {
  const { draft, disabled } = props;
  const roles = draft.roles.filter((role) => role.scheduled);
  const slots = new Map(draft.slots.map((slot) => [`${slot.date}/${slot.role}`, slot]));
  const removed = new Set(draft.removedDates);
  const clubRemoved = new Map(draft.clubRemovedDates.map((r) => [r.date, r.reason]));
  const dates = [...new Set([...draft.dutyDays, ...draft.removedDates, ...clubRemoved.keys()])].sort();
  const months = [...new Set(dates.map((d) => d.slice(0, 7)))];
  const grouped = draft.range.start.slice(0, 7) !== draft.range.end.slice(0, 7);
  const nameOf = (key: string) => monthLabel({ year: Number(key.slice(0, 4)), month: Number(key.slice(5, 7)) });
  // "Jan", "Feb", ...; the year on the first month and on each January.
  const shortNameOf = (key: string, withYear: boolean) => {
    const name = nameOf(key);
    return withYear ? `${name.slice(0, 3)} ${key.slice(0, 4)}` : name.slice(0, 3);
  };
  const columns = roles.length + 2;
  // Six or more roles: narrower cells, so a 1024 px window still shows every column.
  const dense = roles.length > 4;

  const row = (date: IsoDate) => {
    if (clubRemoved.has(date)) {
      const reason = clubRemoved.get(date) ?? null;
      return (
        <RemovedRow
          key={date}
          date={date}
          note={`Removed for the club${reason === null ? '' : `: ${reason}`}`}
          columns={roles.length}
          action="Restore for the club"
          disabled={disabled}
          onRestore={() => props.onRestoreClubDate(date, reason)}
        />
      );
    }
    if (removed.has(date)) {
      return (
        <RemovedRow
          key={date}
          date={date}
          note="Removed: no duty this day"
          columns={roles.length}
          action="Restore"
          disabled={disabled}
          onRestore={() => props.onSetRemoved(date, false)}
        />
      );
    }
    const label = draft.dayLabels[date];
    return (
      <TableRow key={date} hover>
        <TableCell component="th" scope="row" sx={{ whiteSpace: 'nowrap', fontWeight: 500 }}>
          {dayLabel(date)}
          {label !== undefined && (
            <Typography variant="caption" component="div" color="text.secondary" sx={{ whiteSpace: 'normal', maxWidth: 130 }}>
              {label}
            </Typography>
          )}
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
              dense={dense}
              disabled={disabled}
              onOpen={() => props.onOpenSlot(slot)}
              onToggleLock={() => props.onToggleLock(slot)}
            />
          );
        })}
        <TableCell align="right">
          <Tooltip title="Remove this day from the draft">
            <span>
              <IconButton
                size="small"
                disabled={disabled}
                onClick={() => props.onSetRemoved(date, true)}
                aria-label={`Remove ${dayLabel(date)}`}
              >
                <EventBusyIcon fontSize="small" />
              </IconButton>
            </span>
          </Tooltip>
        </TableCell>
      </TableRow>
    );
  };

  return (
    <Stack spacing={1}>
      {grouped && (
        <Stack
          direction="row"
          spacing={0.5}
          useFlexGap
          sx={{ flexWrap: 'wrap', alignItems: 'center' }}
          component="nav"
          aria-label="Months of the draft"
        >
          <Typography variant="body2" color="text.secondary" sx={{ mr: 1 }}>
            {draft.dutyDays.length} duty days. Go to:
          </Typography>
          {months.map((key) => (
            <Button
              key={key}
              size="small"
              variant="outlined"
              aria-label={nameOf(key)}
              title={nameOf(key)}
              onClick={() => document.getElementById(`draft-month-${key}`)?.scrollIntoView({ block: 'start' })}
              sx={{ minWidth: 0, px: 1 }}
            >
              {shortNameOf(key, key === months[0] || key.endsWith('-01'))}
            </Button>
          ))}
        </Stack>
      )}
      <TableContainer component={Paper} sx={{ maxHeight: 'calc(100vh - 330px)', minHeight: 240 }}>
        <Table size="small" stickyHeader aria-label="Draft roster">
          <TableHead>
            <TableRow>
              <TableCell sx={{ width: 130 }}>Duty day</TableCell>
              {roles.map((role) => (
                <TableCell key={role.key} sx={dense ? { px: 0.75 } : undefined}>
                  {role.title}
                </TableCell>
              ))}
              <TableCell sx={{ width: 48 }} />
            </TableRow>
          </TableHead>
          <TableBody>
            {grouped
              ? months.map((key) => {
                  const inMonth = dates.filter((d) => d.startsWith(key));
                  const duty = inMonth.filter((d) => draft.dutyDays.includes(d)).length;
                  return (
                    <Fragment key={key}>
                      <TableRow id={`draft-month-${key}`} sx={{ scrollMarginTop: HEADER_HEIGHT }}>
                        <TableCell colSpan={columns} component="th" scope="rowgroup" sx={{ bgcolor: 'rgba(29, 79, 145, 0.07)', py: 0.75 }}>
                          <Typography variant="subtitle2" component="span">
                            {nameOf(key)}
                          </Typography>
                          <Typography variant="body2" component="span" color="text.secondary" sx={{ ml: 1 }}>
                            {duty} duty {duty === 1 ? 'day' : 'days'}
                          </Typography>
                        </TableCell>
                      </TableRow>
                      {inMonth.map(row)}
                    </Fragment>
                  );
                })
              : dates.map(row)}
          </TableBody>
        </Table>
      </TableContainer>
    </Stack>
  );
}
