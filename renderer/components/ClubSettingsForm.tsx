import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import MenuItem from '@mui/material/MenuItem';
import type { ClubSettings, FairnessWindow } from '../../main/api/contract.ts';
import { api } from '../api.ts';
import { useApp } from '../appContext.tsx';
import { fieldErrorFor, isField } from '../fieldError.ts';

interface Draft {
  name: string;
  defaultMaxPerMonth: string;
  fairnessWindow: FairnessWindow;
  defaultSeasonQuota: string;
}

const toDraft = (club: ClubSettings): Draft => ({
  name: club.name,
  defaultMaxPerMonth: String(club.defaultMaxPerMonth),
  fairnessWindow: club.fairnessWindow ?? 'season',
  defaultSeasonQuota: club.defaultSeasonQuota == null ? '' : String(club.defaultSeasonQuota),
});

/** Club name, default monthly limit, fairness window and season quota (the calendar and the roles have their own forms). */
export function ClubSettingsForm(props: { club: ClubSettings }): React.JSX.Element {
  const { notify, refresh } = useApp();
  const [form, setForm] = useState<Draft>(() => toDraft(props.club));
  const [error, setError] = useState<{ field: string | null; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const fieldError = (name: string) => (error !== null && isField(error.field, name) ? error.message : undefined);

  async function save(): Promise<void> {
    const limit = Number(form.defaultMaxPerMonth);
    if (form.defaultMaxPerMonth.trim() === '' || !Number.isFinite(limit)) {
      setError({ field: 'defaultMaxPerMonth', message: 'Enter the default monthly limit as a number, e.g. 8 or 0.5.' });
      return;
    }
    const quotaText = form.defaultSeasonQuota.trim();
    const quota = quotaText === '' ? null : Number(quotaText);
    if (quota !== null && !Number.isFinite(quota)) {
      setError({
        field: 'defaultSeasonQuota',
        message: 'Enter the default season quota as a whole number of duties, e.g. 6, or leave it empty.',
      });
      return;
    }
    setBusy(true);
    setError(null);
    try {
      // Season and roles as stored now: the calendar and roles forms may have saved them since this form loaded.
      const current = await api.getClubSettings();
      const saved = await api.updateClubSettings({
        ...current,
        name: form.name,
        defaultMaxPerMonth: limit,
        fairnessWindow: form.fairnessWindow,
        defaultSeasonQuota: quota,
      });
      setForm(toDraft(saved));
      await refresh();
      notify('Club settings saved.');
    } catch (caught) {
      setError(fieldErrorFor(caught));
    } finally {
      setBusy(false);
    }
  }

  const otherError =
    error !== null && !['name', 'defaultMaxPerMonth', 'fairnessWindow', 'defaultSeasonQuota'].some((name) => isField(error.field, name));
  return (
    <Paper sx={{ p: 2 }} component="section" aria-labelledby="club-heading">
      <Stack spacing={2}>
        <Typography variant="h6" component="h3" id="club-heading">
          Club
        </Typography>
        <Stack direction="row" spacing={2}>
          <TextField
            label="Club name"
            size="small"
            value={form.name}
            onChange={(e) => setForm({ ...form, name: e.target.value })}
            error={fieldError('name') !== undefined}
            helperText={fieldError('name')}
            sx={{ flex: 2 }}
          />
          <TextField
            label="Default monthly limit"
            size="small"
            value={form.defaultMaxPerMonth}
            onChange={(e) => setForm({ ...form, defaultMaxPerMonth: e.target.value })}
            error={fieldError('defaultMaxPerMonth') !== undefined}
            helperText={fieldError('defaultMaxPerMonth') ?? 'Duties per member per month, 0 to 12'}
            slotProps={{ htmlInput: { inputMode: 'decimal' } }}
            sx={{ flex: 1 }}
          />
        </Stack>
        <Stack direction="row" spacing={2}>
          <TextField
            select
            label="Fairness counts"
            size="small"
            value={form.fairnessWindow}
            onChange={(e) => setForm({ ...form, fairnessWindow: e.target.value as FairnessWindow })}
            error={fieldError('fairnessWindow') !== undefined}
            helperText={fieldError('fairnessWindow') ?? 'Which published duties count when duties are shared out'}
            sx={{ flex: 1 }}
          >
            <MenuItem value="season">This season's duties</MenuItem>
            <MenuItem value="12months">The last 12 months</MenuItem>
            <MenuItem value="range">Only the month being planned</MenuItem>
          </TextField>
          <TextField
            label="Default season quota"
            size="small"
            value={form.defaultSeasonQuota}
            onChange={(e) => setForm({ ...form, defaultSeasonQuota: e.target.value })}
            error={fieldError('defaultSeasonQuota') !== undefined}
            helperText={fieldError('defaultSeasonQuota') ?? 'Duties expected per member per season, 1 to 150; empty = no quota'}
            slotProps={{ htmlInput: { inputMode: 'numeric' } }}
            sx={{ flex: 1 }}
          />
        </Stack>
        {otherError && <Alert severity="error">{error?.message}</Alert>}
        <Stack direction="row" spacing={1}>
          <Button variant="contained" disabled={busy} onClick={() => void save()}>
            Save club settings
          </Button>
          <Button
            disabled={busy}
            onClick={() => {
              setForm(toDraft(props.club));
              setError(null);
            }}
          >
            Reset
          </Button>
        </Stack>
      </Stack>
    </Paper>
  );
}
