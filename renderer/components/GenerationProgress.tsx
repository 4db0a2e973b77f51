import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';

/**
 * Shown while a roster is being generated; the window stays usable and the run can be cancelled. With the
 * optimizer, `limitSeconds` is its time limit, which covers the whole wait: the bar shows the time used of it.
 */
export function GenerationProgress(props: {
  label: string;
  cancelling: boolean;
  onCancel(): void;
  limitSeconds?: number | null;
}): React.JSX.Element {
  const elapsed = useElapsedSeconds();
  const limit = props.limitSeconds ?? null;
  return (
    <Paper sx={{ p: 2 }} role="status" aria-live="polite">
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography sx={{ whiteSpace: 'nowrap' }}>{props.label}</Typography>
        {limit === null ? (
          <LinearProgress sx={{ flexGrow: 1 }} aria-label="Generating" />
        ) : (
          <>
            <LinearProgress
              sx={{ flexGrow: 1 }}
              aria-label="Time used of the limit"
              variant="determinate"
              value={Math.min(100, (100 * elapsed) / limit)}
            />
            <Typography variant="body2" color="text.secondary" sx={{ whiteSpace: 'nowrap' }} aria-label="Time used">
              {Math.min(elapsed, limit)} s of {limit} s
            </Typography>
          </>
        )}
        <Button variant="outlined" color="inherit" onClick={props.onCancel} disabled={props.cancelling}>
          {props.cancelling ? 'Cancelling…' : 'Cancel'}
        </Button>
      </Stack>
    </Paper>
  );
}

/** Whole seconds since the component appeared. */
function useElapsedSeconds(): number {
  const [elapsed, setElapsed] = useState(0);
  useEffect(() => {
    const started = Date.now();
    const timer = setInterval(() => setElapsed(Math.floor((Date.now() - started) / 1000)), 250);
    return () => clearInterval(timer);
  }, []);
  return elapsed;
}
