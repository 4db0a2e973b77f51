import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { ComparisonView, RosterSide } from '../../main/api/contract.ts';
import { percent, seconds } from '../format.ts';
import { PassChip } from './PassChip.tsx';

interface MetricRow {
  name: string;
  legacy: string;
  optimizer: string;
  criterion: string;
  passed: boolean | null;
}

const FAILED = 'failed';

function rows(view: ComparisonView): MetricRow[] {
  const legacy = view.legacy;
  const optimizer = view.optimizer;
  const acc = view.acceptance;
  const figure = (pick: (side: RosterSide) => string) => ({
    legacy: pick(legacy),
    optimizer: optimizer === null ? FAILED : pick(optimizer),
  });
  const breaks = (side: RosterSide) => (side.spacingBreaks === null ? '–' : String(side.spacingBreaks));
  return [
    {
      name: 'Solve time',
      ...figure((s) => seconds(s.metrics.solve_time_ms)),
      criterion: 'optimizer under 10 s',
      passed: acc?.solve_time ?? null,
    },
    {
      name: 'Fill rate',
      ...figure((s) => percent(s.metrics.fill_rate_percent)),
      criterion: 'optimizer ≥ legacy',
      passed: acc?.fill_rate ?? null,
    },
    {
      name: 'Fairness variance',
      ...figure((s) => s.metrics.fairness_variance.toFixed(4)),
      criterion: 'optimizer ≤ legacy',
      passed: acc?.fairness ?? null,
    },
    { name: 'Variance, all eligible', ...figure((s) => s.metrics.fairness_variance_all.toFixed(4)), criterion: '', passed: null },
    {
      name: 'Window variance',
      ...figure((s) => windowFigure(s.metrics.window_fairness_variance, 4)),
      criterion: 'published duties in the fairness window counted',
      passed: null,
    },
    { name: 'Window sum of squares', ...figure((s) => windowFigure(s.metrics.window_sum_of_squares, 0)), criterion: '', passed: null },
    ...(legacy.metrics.window_quota_distance == null
      ? []
      : [
          {
            name: 'Window distance to quota',
            ...figure((s) => windowFigure(s.metrics.window_quota_distance, 4)),
            criterion: 'lower is closer to quotas',
            passed: null,
          },
        ]),
    { name: 'Spacing breaks', ...figure(breaks), criterion: 'strict spacing rules broken', passed: null },
    ...(view.differences === null
      ? []
      : [
          { name: 'Changed slots', legacy: String(view.differences.changed_slots), optimizer: '', criterion: '', passed: null },
          { name: 'Changed dates', legacy: String(view.differences.changed_dates), optimizer: '', criterion: '', passed: null },
        ]),
  ];
}

/** A window figure; '–' for a comparison recorded before the window was measured. */
function windowFigure(value: number | null | undefined, digits: number): string {
  return value === undefined || value === null ? '–' : value.toFixed(digits);
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
              <TableCell component="th" scope="row">
                {row.name}
              </TableCell>
              <TableCell align="right" colSpan={row.optimizer === '' ? 2 : 1}>
                {row.legacy}
              </TableCell>
              {row.optimizer !== '' && (
                <TableCell align="right" sx={row.optimizer === FAILED ? { color: 'error.main', fontWeight: 600 } : undefined}>
                  {row.optimizer}
                </TableCell>
              )}
              <TableCell sx={{ whiteSpace: 'normal !important' }}>
                {row.passed !== null && <PassChip passed={row.passed} />}
                {row.criterion !== '' && (
                  <Typography component="span" variant="body2" color="text.secondary" sx={{ ml: row.passed === null ? 0 : 1 }}>
                    {row.criterion}
                  </Typography>
                )}
              </TableCell>
            </TableRow>
          ))}
          <TableRow>
            <TableCell component="th" scope="row" sx={{ fontWeight: 600 }}>
              Overall
            </TableCell>
            <TableCell colSpan={2} />
            <TableCell sx={{ whiteSpace: 'normal !important' }}>
              {props.view.acceptance === null ? (
                <Typography component="span" variant="body2" sx={{ color: 'error.main', fontWeight: 600 }}>
                  None: the optimizer failed
                </Typography>
              ) : (
                <>
                  <PassChip passed={props.view.acceptance.passed} />
                  <Typography component="span" variant="body2" color="text.secondary" sx={{ ml: 1 }}>
                    all three
                  </Typography>
                </>
              )}
            </TableCell>
          </TableRow>
        </TableBody>
      </Table>
    </TableContainer>
  );
}
