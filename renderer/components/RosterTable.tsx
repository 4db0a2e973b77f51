import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import type { IsoDate, RoleSetting } from '../../main/api/contract.ts';
import { EMPTY_SLOT, dayLabel } from '../format.ts';

export interface RosterCell {
  name: string | null;
  highlighted: boolean;
  /** Shown under the name, e.g. why an empty slot is empty. */
  note?: string | null;
}

/** A read-only roster grid (duty days x roles); highlighted cells are marked for sight and for screen readers. */
export function RosterTable(props: {
  label: string;
  dutyDays: IsoDate[];
  roles: RoleSetting[];
  cell(date: IsoDate, role: string): RosterCell;
  maxHeight?: number | string;
  /** Read out after a highlighted cell's name, e.g. "changed". */
  highlightLabel: string;
  /** Tighter cells, for two rosters side by side. */
  dense?: boolean;
  /** Makes each cell a button (named "Role, day: member") that opens a menu at it. */
  onOpenCell?(date: IsoDate, role: string, anchor: HTMLElement): void;
}): React.JSX.Element {
  const { onOpenCell } = props;
  return (
    <TableContainer component={Paper} sx={{ maxHeight: props.maxHeight }}>
      <Table
        size="small"
        stickyHeader
        aria-label={props.label}
        sx={props.dense ? { '& td, & th': { fontSize: '0.8rem', px: 0.75, lineHeight: 1.3 } } : undefined}
      >
        <TableHead>
          <TableRow>
            <TableCell>Duty day</TableCell>
            {props.roles.map((role) => (
              <TableCell key={role.key}>{role.title}</TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {props.dutyDays.map((date) => (
            <TableRow key={date}>
              <TableCell component="th" scope="row" sx={{ whiteSpace: 'nowrap' }}>
                {dayLabel(date)}
              </TableCell>
              {props.roles.map((role) => {
                const { name, highlighted, note } = props.cell(date, role.key);
                return (
                  <TableCell
                    key={role.key}
                    data-changed={highlighted ? 'true' : undefined}
                    sx={{
                      bgcolor: highlighted ? 'rgba(178, 106, 0, 0.16)' : undefined,
                      fontWeight: highlighted ? 600 : undefined,
                      color: name === null ? 'error.main' : undefined,
                    }}
                  >
                    {onOpenCell === undefined ? (
                      (name ?? EMPTY_SLOT)
                    ) : (
                      <Button
                        size="small"
                        color="inherit"
                        aria-haspopup="menu"
                        aria-label={`${role.title}, ${dayLabel(date)}: ${name ?? EMPTY_SLOT}`}
                        onClick={(event) => onOpenCell(date, role.key, event.currentTarget)}
                        sx={{
                          textTransform: 'none',
                          font: 'inherit',
                          color: 'inherit',
                          justifyContent: 'flex-start',
                          px: 0.5,
                          minWidth: 0,
                        }}
                      >
                        {name ?? EMPTY_SLOT}
                      </Button>
                    )}
                    {note != null && <span style={{ display: 'block', fontWeight: 400, fontSize: '0.75rem' }}>{note}</span>}
                    {highlighted && (
                      <span style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>
                        {' '}
                        ({props.highlightLabel})
                      </span>
                    )}
                  </TableCell>
                );
              })}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
