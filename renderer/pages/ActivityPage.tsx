import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import RefreshIcon from '@mui/icons-material/Refresh';
import { api } from '../api.ts';
import { LogTable } from '../components/LogTable.tsx';
import { RunsTable } from '../components/RunsTable.tsx';
import { SolveTimeChart } from '../components/SolveTimeChart.tsx';
import { useLoad } from '../useLoad.ts';

const RUNS = 50;
const EVENTS = 100;

export function ActivityPage(): React.JSX.Element {
  const runs = useLoad(() => api.listRuns(RUNS), []);
  const log = useLoad(() => api.recentLog(EVENTS), []);
  return (
    <Stack spacing={2}>
      <Stack direction="row" sx={{ alignItems: 'center' }}>
        <Typography variant="h5" component="h2" sx={{ flexGrow: 1 }}>Activity</Typography>
        <Button startIcon={<RefreshIcon />} onClick={() => { void runs.reload(); void log.reload(); }}>Refresh</Button>
      </Stack>
      {runs.error !== null && <Alert severity="error">{runs.error}</Alert>}
      {log.error !== null && <Alert severity="error">{log.error}</Alert>}
      {runs.data !== undefined && (
        <>
          <Paper sx={{ p: 2 }} component="section" aria-labelledby="solve-time-heading">
            <Typography variant="h6" component="h3" id="solve-time-heading">Solve time</Typography>
            <SolveTimeChart runs={runs.data} />
          </Paper>
          <Typography variant="h6" component="h3">Recent runs</Typography>
          {runs.data.length === 0 ? <Typography color="text.secondary">No roster has been generated yet.</Typography> : <RunsTable runs={runs.data} />}
        </>
      )}
      {log.data !== undefined && (
        <Stack spacing={1}>
          <Typography variant="h6" component="h3">Recent log events</Typography>
          <LogTable events={log.data} />
        </Stack>
      )}
    </Stack>
  );
}
