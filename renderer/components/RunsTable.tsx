import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import type { RunInfo } from '../../main/api/contract.ts';
import { PURPOSE_NAMES, SCHEDULER_NAMES, dateTime, percent, rangeLabel, seconds } from '../format.ts';

function outcome(run: RunInfo): React.JSX.Element | string {
  if (run.error !== null)
    return (
      <>
        <Chip size="small" color="error" label="Error" sx={{ mr: 1 }} />
        {run.error}
      </>
    );
  if (run.fallback !== null)
    return (
      <>
        <Chip size="small" color="warning" label="Fallback" sx={{ mr: 1 }} />
        {run.fallback.reason}
      </>
    );
  return '';
}

/** Recent generation runs, newest first. */
export function RunsTable(props: { runs: RunInfo[] }): React.JSX.Element {
  return (
    <TableContainer component={Paper} sx={{ maxHeight: 360 }}>
      <Table size="small" stickyHeader aria-label="Recent runs" sx={{ '& th, & td': { px: 1 } }}>
        <TableHead>
          <TableRow>
            <TableCell>When</TableCell>
            <TableCell>For</TableCell>
            <TableCell>Range</TableCell>
            <TableCell>Scheduler</TableCell>
            <TableCell>Status</TableCell>
            <TableCell align="right">Solve time</TableCell>
            <TableCell align="right">Fill</TableCell>
            <TableCell align="right">Fairness</TableCell>
            <TableCell>Fallback / error</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {props.runs.map((run) => {
            const slow = (run.metrics?.solve_time_ms ?? 0) > 10_000;
            return (
              <TableRow key={run.id} data-purpose={run.purpose}>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{dateTime(run.createdAt)}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{PURPOSE_NAMES[run.purpose]}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{rangeLabel(run.range)}</TableCell>
                <TableCell>
                  {SCHEDULER_NAMES[run.scheduler]}
                  {run.requestedScheduler !== run.scheduler && ` (asked: ${SCHEDULER_NAMES[run.requestedScheduler]})`}
                </TableCell>
                <TableCell>{run.status}</TableCell>
                <TableCell
                  align="right"
                  sx={{ whiteSpace: 'nowrap', color: slow ? 'error.main' : undefined, fontWeight: slow ? 600 : undefined }}
                >
                  {run.metrics === null ? '–' : seconds(run.metrics.solve_time_ms)}
                </TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                  {run.metrics === null ? '–' : percent(run.metrics.fill_rate_percent)}
                </TableCell>
                <TableCell align="right">{run.metrics === null ? '–' : run.metrics.fairness_variance.toFixed(4)}</TableCell>
                <TableCell sx={{ minWidth: 120 }}>{outcome(run)}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
