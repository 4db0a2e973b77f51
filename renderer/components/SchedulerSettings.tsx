import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import FormControlLabel from '@mui/material/FormControlLabel';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { Settings } from '../../main/api/contract.ts';
import { api } from '../api.ts';
import { useApp } from '../appContext.tsx';
import { fieldErrorFor, isField } from '../fieldError.ts';
import { BackupDialog } from './BackupDialog.tsx';
import { MonthOverrides } from './MonthOverrides.tsx';

/** The scheduler choice with instant rollback, shadow mode and the optimizer's time limit. */
export function SchedulerSettings(props: {
  settings: Settings;
  onSaved(settings: Settings): void;
  onBackupCreated(): void;
}): React.JSX.Element {
  const { notify } = useApp();
  const { settings } = props;
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [timeLimit, setTimeLimit] = useState(String(settings.timeLimitSeconds));
  const [error, setError] = useState<{ field: string | null; message: string } | null>(null);

  async function save(next: Settings, done: string): Promise<boolean> {
    setBusy(true);
    setError(null);
    try {
      props.onSaved(await api.updateSettings(next));
      notify(done);
      return true;
    } catch (caught) {
      setError(fieldErrorFor(caught));
      return false;
    } finally {
      setBusy(false);
    }
  }

  async function enableOptimizer(backupFirst: boolean): Promise<void> {
    if (backupFirst) {
      setBusy(true);
      try {
        const backup = await api.createBackup();
        props.onBackupCreated();
        notify(`Backup ${backup.name} created.`);
      } catch (caught) {
        setError(fieldErrorFor(caught));
        setBusy(false);
        return;
      }
    }
    if (await save({ ...settings, scheduler: 'optimizer' }, 'The optimization scheduler makes the next generation.')) setAsking(false);
  }

  const optimizerOn = settings.scheduler === 'optimizer';
  return (
    <Paper sx={{ p: 2 }} component="section" aria-labelledby="scheduler-heading">
      <Stack spacing={2}>
        <Typography variant="h6" component="h3" id="scheduler-heading">
          Scheduler
        </Typography>
        <FormControlLabel
          control={
            <Switch
              checked={optimizerOn}
              disabled={busy}
              onChange={(_event, checked) => {
                if (checked) setAsking(true);
                else void save({ ...settings, scheduler: 'legacy' }, 'Back to the legacy scheduler from the next generation.');
              }}
            />
          }
          label="Use optimization scheduler"
        />
        <Typography variant="body2" color="text.secondary" sx={{ mt: '0 !important' }}>
          Off: the legacy scheduler fills the roster day by day with a random draw, as the club has always done. On: an optimizer (GLPK)
          fills as many slots as possible and spreads duties as evenly as it can, within the time limit. If it fails, the legacy scheduler
          steps in and you are told. The change takes effect on the next generation; existing drafts and published rosters are not touched,
          so switching back is an instant rollback.
        </Typography>
        <FormControlLabel
          control={
            <Switch
              checked={settings.shadowMode}
              disabled={busy || optimizerOn}
              onChange={(_event, checked) =>
                void save({ ...settings, shadowMode: checked }, checked ? 'Shadow mode on.' : 'Shadow mode off.')
              }
            />
          }
          label="Shadow mode: also run the optimizer and record a comparison (legacy roster stays the draft)"
        />
        <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
          <TextField
            label="Optimizer time limit (seconds)"
            size="small"
            value={timeLimit}
            onChange={(event) => setTimeLimit(event.target.value)}
            error={isField(error?.field ?? null, 'timeLimitSeconds')}
            helperText={isField(error?.field ?? null, 'timeLimitSeconds') ? error?.message : 'Default 10 seconds.'}
            slotProps={{ htmlInput: { inputMode: 'decimal' } }}
            sx={{ width: 260 }}
          />
          <Button
            variant="outlined"
            disabled={busy || timeLimit === String(settings.timeLimitSeconds)}
            onClick={() => {
              const seconds = Number(timeLimit);
              if (timeLimit.trim() === '' || !Number.isFinite(seconds))
                setError({ field: 'timeLimitSeconds', message: 'Enter the time limit as a number of seconds.' });
              else void save({ ...settings, timeLimitSeconds: seconds }, 'Time limit saved.');
            }}
          >
            Save time limit
          </Button>
        </Stack>
        <Divider />
        <MonthOverrides
          overrides={settings.monthOverrides}
          disabled={busy}
          onChange={(monthOverrides) => void save({ ...settings, monthOverrides }, 'Month overrides saved.')}
        />
        {error !== null && !isField(error.field, 'timeLimitSeconds') && <Alert severity="error">{error.message}</Alert>}
      </Stack>
      <BackupDialog
        open={asking}
        busy={busy}
        onBackup={() => void enableOptimizer(true)}
        onContinue={() => void enableOptimizer(false)}
        onCancel={() => setAsking(false)}
      />
    </Paper>
  );
}
