import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { DraftFigures, RunInfo } from '../../main/api/contract.ts';
import { SCHEDULER_NAMES, percent, seconds } from '../format.ts';
import { Stat } from './Stat.tsx';

const fill = (m: { fill_rate_percent: number; filled_slots: number; total_slots: number }) => `${percent(m.fill_rate_percent)} (${m.filled_slots}/${m.total_slots})`;

/**
 * Who made the draft and how well. Fill, fairness and breaks are the draft as it stands now (after hand
 * edits, clears, removals and restores); the run's own figures stay beside them as "as generated".
 */
export function RunSummary(props: { run: RunInfo; now: DraftFigures }): React.JSX.Element {
  const { run, now } = props;
  const generated = run.metrics;
  const changed = generated !== null && (generated.filled_slots !== now.filled_slots || generated.total_slots !== now.total_slots || generated.fairness_variance !== now.fairness_variance);
  return (
    <Paper sx={{ p: 2 }} aria-label="Draft summary" component="section">
      <Stack direction="row" spacing={4} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'flex-start' }}>
        <Stat label="Made by" value={SCHEDULER_NAMES[run.scheduler]} />
        <Stat label="Status" value={run.status} />
        <Stat label="Gap" value={run.gap === null ? '–' : percent(run.gap * 100)} />
        <Stat label="Solve time" value={generated === null ? '–' : seconds(generated.solve_time_ms)} />
        <Stat label="Fill rate" value={fill(now)} />
        <Stat label="Fairness variance" value={now.fairness_variance.toFixed(4)} />
        <Stat label="Spacing breaks" value={String(now.spacing_breaks)} />
        {now.rule_breaks > 0 && <Stat label="Rule breaks" value={String(now.rule_breaks)} />}
        {run.seed !== null && <Stat label="Seed" value={String(run.seed)} />}
        {generated !== null && (
          <Box role="group" aria-label="As generated" sx={{ minWidth: 96 }}>
            <Typography variant="caption" color="text.secondary" component="div">As generated{changed ? ' (since changed)' : ''}</Typography>
            <Typography variant="body2" color="text.secondary" component="div">
              {fill(generated)}, variance {generated.fairness_variance.toFixed(4)}
            </Typography>
          </Box>
        )}
      </Stack>
    </Paper>
  );
}
