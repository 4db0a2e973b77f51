import { useMemo, useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import RefreshIcon from '@mui/icons-material/Refresh';
import type { LogEvent } from '../../main/api/contract.ts';
import { api } from '../api.ts';
import { LogTable } from '../components/LogTable.tsx';
import { RunsTable } from '../components/RunsTable.tsx';
import { SolveTimeChart } from '../components/SolveTimeChart.tsx';
import { useLoad } from '../useLoad.ts';

const RUNS = 50;
const EVENTS = 100;

type LevelFilter = 'all' | LogEvent['level'];
const LEVEL_FILTERS: { value: LevelFilter; label: string }[] = [
  { value: 'all', label: 'All levels' },
  { value: 'info', label: 'Info' },
  { value: 'warn', label: 'Warnings' },
  { value: 'error', label: 'Errors' },
];

export function ActivityPage(): React.JSX.Element {
  const runs = useLoad(() => api.listRuns(RUNS), []);
  const log = useLoad(() => api.recentLog(EVENTS), []);
  const [level, setLevel] = useState<LevelFilter>('all');
  // The log file reads oldest first; the page shows the newest first, like the runs.
  const events = useMemo(
    () => [...(log.data ?? [])].reverse().filter((event) => level === 'all' || event.level === level),
    [log.data, level],
  );
  return (
    <Stack spacing={2}>
      <Stack direction="row" sx={{ alignItems: 'center' }}>
        <Typography variant="h5" component="h2" sx={{ flexGrow: 1 }}>
          Activity
        </Typography>
        <Button
          startIcon={<RefreshIcon />}
          onClick={() => {
            void runs.reload();
            void log.reload();
          }}
        >
          Refresh
        </Button>
      </Stack>
      {runs.error !== null && <Alert severity="error">{runs.error}</Alert>}
      {log.error !== null && <Alert severity="error">{log.error}</Alert>}
      {runs.data !== undefined && (
        <>
          <Paper sx={{ p: 2 }} component="section" aria-labelledby="solve-time-heading">
            <Typography variant="h6" component="h3" id="solve-time-heading">
              Solve time
            </Typography>
            <SolveTimeChart runs={runs.data} />
          </Paper>
          <Typography variant="h6" component="h3">
            Recent runs
          </Typography>
          {runs.data.length === 0 ? (
            <Typography color="text.secondary">No roster has been generated yet.</Typography>
          ) : (
            <RunsTable runs={runs.data} />
          )}
        </>
      )}
      {log.data !== undefined && (
        <Stack spacing={1}>
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
            <Typography variant="h6" component="h3">
              Recent log events
            </Typography>
            <TextField
              select
              size="small"
              label="Level"
              value={level}
              onChange={(event) => setLevel(event.target.value as LevelFilter)}
              sx={{ width: 160 }}
            >
              {LEVEL_FILTERS.map((filter) => (
                <MenuItem key={filter.value} value={filter.value}>
                  {filter.label}
                </MenuItem>
              ))}
            </TextField>
            <Typography variant="body2" color="text.secondary">
              {events.length} of {log.data.length}, newest first
            </Typography>
          </Stack>
          <LogTable events={events} />
        </Stack>
      )}
    </Stack>
  );
}
