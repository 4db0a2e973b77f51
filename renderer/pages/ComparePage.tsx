import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import CompareArrowsIcon from '@mui/icons-material/CompareArrows';
import type { SchedulerKind } from '../../main/api/contract.ts';
import { ApiError, api } from '../api.ts';
import { useApp } from '../appContext.tsx';
import { ComparedRosters } from '../components/ComparedRosters.tsx';
import { ComparisonMetrics } from '../components/ComparisonMetrics.tsx';
import { GenerationProgress } from '../components/GenerationProgress.tsx';
import { LoadChart } from '../components/LoadChart.tsx';
import { RangePicker } from '../components/RangePicker.tsx';
import { SCHEDULER_NAMES, dateTime, monthsLabel } from '../format.ts';
import { errorMessage, useLoad } from '../useLoad.ts';

export function ComparePage(): React.JSX.Element {
  const { month, setMonth, navigate, notify, settings } = useApp();
  const comparison = useLoad(() => api.latestComparison(month), [month.year, month.month, month.months]);
  const [running, setRunning] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const view = comparison.data ?? null;

  async function run(): Promise<void> {
    setRunning(true);
    setError(null);
    try {
      comparison.set(await api.compare(month));
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'cancelled') notify('Comparison cancelled.', 'info');
      else setError(errorMessage(caught));
    } finally {
      setRunning(false);
      setCancelling(false);
    }
  }

  async function adopt(side: SchedulerKind): Promise<void> {
    if (view === null) return;
    setError(null);
    try {
      const adopted = await api.adoptComparison(view.id, side);
      const locked = adopted.slots.filter((s) => s.locked).length;
      notify(
        `The ${SCHEDULER_NAMES[side].toLowerCase()} roster is now the draft of ${monthsLabel(month)}` +
          `${locked > 0 ? `, with its ${locked} locked slot(s) kept` : ''}. The draft it replaced can be brought back on this page.`,
      );
      navigate('Propose');
    } catch (caught) {
      setError(errorMessage(caught));
    }
  }

  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography variant="h5" component="h2">
          Compare schedulers
        </Typography>
        <RangePicker value={month} onChange={setMonth} disabled={running} />
        <Button
          variant="contained"
          startIcon={<CompareArrowsIcon />}
          disabled={running}
          onClick={() => void run()}
          sx={{ ml: 'auto !important' }}
        >
          {view === null ? 'Run comparison' : 'Run again'}
        </Button>
      </Stack>
      {running && (
        <GenerationProgress
          label={`Running both schedulers on ${monthsLabel(month)}…`}
          limitSeconds={settings?.timeLimitSeconds}
          cancelling={cancelling}
          onCancel={() => {
            setCancelling(true);
            void api.cancelGeneration().catch((caught: unknown) => setError(errorMessage(caught)));
          }}
        />
      )}
      {error !== null && (
        <Alert severity="error" onClose={() => setError(null)}>
          {error}
        </Alert>
      )}
      {comparison.error !== null && <Alert severity="error">{comparison.error}</Alert>}
      {view === null && !comparison.loading && !running && (
        <Paper sx={{ p: 4, textAlign: 'center' }}>
          <Typography variant="h6" component="p">
            No comparison for {monthsLabel(month)} yet.
          </Typography>
          <Typography color="text.secondary">
            Run both schedulers on the same month and see their rosters and metrics side by side.
          </Typography>
        </Paper>
      )}
      {view !== null && (
        <>
          <Typography variant="body2" color="text.secondary">
            Compared {dateTime(view.createdAt)}.{view.optimizer === null ? '' : ' Highlighted slots differ between the two rosters.'}
          </Typography>
          {view.optimizerFailure !== null && (
            <Alert severity="error" role="alert">
              The optimizer failed on {monthsLabel(month)}, so there is no optimizer roster to compare and no acceptance. Reason:{' '}
              {view.optimizerFailure.reason}
            </Alert>
          )}
          <Stack direction={{ xs: 'column', lg: 'row' }} spacing={2} sx={{ alignItems: { xs: 'stretch', lg: 'flex-start' } }}>
            <Stack spacing={1} sx={{ flex: 3, minWidth: 0 }}>
              <Typography variant="h6" component="h3">
                Metrics
              </Typography>
              <ComparisonMetrics view={view} />
            </Stack>
            <Paper sx={{ p: 2, flex: 2, minWidth: 0 }} component="section" aria-label="Duties per member">
              <Typography variant="h6" component="h3">
                Duties per member
              </Typography>
              <LoadChart
                names={view.memberNames}
                series={
                  view.optimizer === null
                    ? [{ label: 'Legacy', loads: view.legacy.loads }]
                    : [
                        { label: 'Legacy', loads: view.legacy.loads },
                        { label: 'Optimizer', loads: view.optimizer.loads },
                      ]
                }
              />
            </Paper>
          </Stack>
          <ComparedRosters view={view} disabled={running} onAdopt={(side) => void adopt(side)} />
        </>
      )}
    </Stack>
  );
}
