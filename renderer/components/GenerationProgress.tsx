import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';

/** Shown while a roster is being generated; the window stays usable and the run can be cancelled. */
export function GenerationProgress(props: { label: string; cancelling: boolean; onCancel(): void }): React.JSX.Element {
  return (
    <Paper sx={{ p: 2 }} role="status" aria-live="polite">
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography sx={{ whiteSpace: 'nowrap' }}>{props.label}</Typography>
        <LinearProgress sx={{ flexGrow: 1 }} aria-label="Generating" />
        <Button variant="outlined" color="inherit" onClick={props.onCancel} disabled={props.cancelling}>
          {props.cancelling ? 'Cancelling…' : 'Cancel'}
        </Button>
      </Stack>
    </Paper>
  );
}
