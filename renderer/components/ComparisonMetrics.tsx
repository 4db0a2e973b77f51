import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { ComparisonView } from '../../main/api/contract.ts';
import { percent, seconds } from '../format.ts';
import { PassChip } from './PassChip.tsx';

interface MetricRow {
  name: string;
  legacy: string;
  optimizer: string;
  criterion: string;
  passed: boolean | null;
}

function rows(view: ComparisonView): MetricRow[] {
  const legacy = view.legacy.metrics;
  const optimizer = view.optimizer.metrics;
  return [
    { name: 'Solve time', legacy: seconds(legacy.solve_time_ms), optimizer: seconds(optimizer.solve_time_ms), criterion: 'optimizer under 10 s', passed: view.acceptance.solve_time },
    { name: 'Fill rate', legacy: percent(legacy.fill_rate_percent), optimizer: percent(optimizer.fill_rate_percent), criterion: 'optimizer ≥ legacy', passed: view.acceptance.fill_rate },
    { name: 'Fairness variance', legacy: legacy.fairness_variance.toFixed(4), optimizer: optimizer.fairness_variance.toFixed(4), criterion: 'optimizer ≤ legacy', passed: view.acceptance.fairness },
    { name: 'Variance, all eligible', legacy: legacy.fairness_variance_all.toFixed(4), optimizer: optimizer.fairness_variance_all.toFixed(4), criterion: '', passed: null },
    { name: 'Changed slots', legacy: String(view.differences.changed_slots), optimizer: '', criterion: '', passed: null },
    { name: 'Changed dates', legacy: String(view.differences.changed_dates), optimizer: '', criterion: '', passed: null },
  ];
}

/** The metrics of both rosters with a pass/fail chip per acceptance criterion. */
export function ComparisonMetrics(props: { view: ComparisonView }): React.JSX.Element {
  return (
    <TableContainer component={Paper}>
      <Table size="small" aria-label="Metrics" sx={{ '& td, & th': { whiteSpace: 'nowrap', px: 1.25 } }}>
        <TableHead>
          <TableRow>
            <TableCell>Metric</TableCell>
            <TableCell align="right">Legacy</TableCell>
            <TableCell align="right">Optimizer</TableCell>
            <TableCell>Acceptance</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows(props.view).map((row) => (
            <TableRow key={row.name}>
              <TableCell component="th" scope="row">{row.name}</TableCell>
              <TableCell align="right" colSpan={row.optimizer === '' ? 2 : 1}>{row.legacy}</TableCell>
              {row.optimizer !== '' && <TableCell align="right">{row.optimizer}</TableCell>}
              <TableCell>
                {row.passed !== null && <PassChip passed={row.passed} />}
                {row.criterion !== '' && <Typography component="span" variant="body2" color="text.secondary" sx={{ ml: 1 }}>{row.criterion}</Typography>}
              </TableCell>
            </TableRow>
          ))}
          <TableRow>
            <TableCell component="th" scope="row" sx={{ fontWeight: 600 }}>Overall</TableCell>
            <TableCell colSpan={2} />
            <TableCell>
              <PassChip passed={props.view.acceptance.passed} />
              <Typography component="span" variant="body2" color="text.secondary" sx={{ ml: 1 }}>all three</Typography>
            </TableCell>
          </TableRow>
        </TableBody>
      </Table>
    </TableContainer>
  );
}
