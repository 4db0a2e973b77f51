import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import type { LogEvent } from '../../main/api/contract.ts';
import { dateTime } from '../format.ts';

const LEVEL_COLORS = { info: 'default', warn: 'warning', error: 'error' } as const;

function details(event: LogEvent): string {
  const { time: _time, level: _level, message: _message, ...rest } = event;
  return Object.entries(rest)
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join('  ');
}

/** Log events as written to the log file, in the order given (the page passes the newest first). */
export function LogTable(props: { events: LogEvent[] }): React.JSX.Element {
  return (
    <TableContainer component={Paper} sx={{ maxHeight: 320 }}>
      <Table size="small" stickyHeader aria-label="Log events">
        <TableHead>
          <TableRow>
            <TableCell>Time</TableCell>
            <TableCell>Level</TableCell>
            <TableCell>Message</TableCell>
            <TableCell>Details</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {props.events.map((event, index) => (
            <TableRow key={`${event.time}-${index}`}>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{dateTime(event.time)}</TableCell>
              <TableCell>
                <Chip size="small" label={event.level} color={LEVEL_COLORS[event.level] ?? 'default'} />
              </TableCell>
              <TableCell>{event.message}</TableCell>
              <TableCell sx={{ fontFamily: 'monospace', fontSize: 12, overflowWrap: 'anywhere' }}>{details(event)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
