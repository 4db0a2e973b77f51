import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { DraftFigures, RunInfo } from '../../main/api/contract.ts';
import { SCHEDULER_NAMES, percent, seconds } from '../format.ts';
import { Stat } from './Stat.tsx';

const fill = (m: { fill_rate_percent: number; filled_slots: number; total_slots: number }) =>
  `${percent(m.fill_rate_percent)} (${m.filled_slots}/${m.total_slots})`;

/** A figure of the draft as it stands, with the run's own figure beneath it. */
function NowAndGenerated(props: { label: string; now: string; generated: string | null }): React.JSX.Element {
  return (
    <Box role="group" aria-label={props.label} sx={{ minWidth: 96 }}>
      <Typography variant="caption" color="text.secondary" component="div">
        {props.label}
      </Typography>
      <Typography variant="body1" component="div" sx={{ fontWeight: 600 }}>
        {props.now}
      </Typography>
      {props.generated !== null && (
        <Typography variant="caption" color="text.secondary" component="div">
          as generated {props.generated}
        </Typography>
      )}
    </Box>
  );
}

/**
 * Who made the draft and how well. Fill, fairness and spacing breaks are the draft as it stands now
 * (after hand edits, clears, removals and restores); the run's own figures stay beneath as "as generated".
 */
export function RunSummary(props: { run: RunInfo; now: DraftFigures }): React.JSX.Element {
  const { run, now } = props;
  const generated = run.metrics;
  return (
    <Paper sx={{ p: 2 }} aria-label="Draft summary" component="section">
      <Stack direction="row" spacing={3} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'flex-start' }}>
        <Stat label="Made by" value={SCHEDULER_NAMES[run.scheduler]} />
        <Stat label="Status" value={run.status} />
        {run.gap !== null && <Stat label="Gap" value={percent(run.gap * 100)} />}
        <Stat label="Solve time" value={generated === null ? '–' : seconds(generated.solve_time_ms)} />
        <NowAndGenerated label="Fill rate" now={fill(now)} generated={generated === null ? null : fill(generated)} />
        <NowAndGenerated
          label="Fairness variance"
          now={now.fairness_variance.toFixed(4)}
          generated={generated === null ? null : generated.fairness_variance.toFixed(4)}
        />
        <Stat label="Spacing breaks" value={String(now.spacing_breaks)} />
        {now.rule_breaks > 0 && <Stat label="Rule breaks" value={String(now.rule_breaks)} />}
        {run.seed !== null && <Stat label="Seed" value={String(run.seed)} />}
      </Stack>
    </Paper>
  );
}
