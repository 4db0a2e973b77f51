import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import type { RunInfo } from '../../main/api/contract.ts';
import { SCHEDULER_NAMES, percent, seconds } from '../format.ts';
import { Stat } from './Stat.tsx';

/** Who made the draft and how well: scheduler, status, gap, solve time, fill rate, fairness. */
export function RunSummary(props: { run: RunInfo }): React.JSX.Element {
  const { run } = props;
  const metrics = run.metrics;
  return (
    <Paper sx={{ p: 2 }} aria-label="Draft summary" component="section">
      <Stack direction="row" spacing={4} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <Stat label="Made by" value={SCHEDULER_NAMES[run.scheduler]} />
        <Stat label="Status" value={run.status} />
        <Stat label="Gap" value={run.gap === null ? '–' : percent(run.gap * 100)} />
        <Stat label="Solve time" value={metrics === null ? '–' : seconds(metrics.solve_time_ms)} />
        <Stat label="Fill rate" value={metrics === null ? '–' : `${percent(metrics.fill_rate_percent)} (${metrics.filled_slots}/${metrics.total_slots})`} />
        <Stat label="Fairness variance" value={metrics === null ? '–' : metrics.fairness_variance.toFixed(4)} />
        {run.seed !== null && <Stat label="Seed" value={String(run.seed)} />}
      </Stack>
    </Paper>
  );
}
