import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import MenuItem from '@mui/material/MenuItem';
import type { ClubSettings, FairnessWindow, RoleSetting } from '../../main/api/contract.ts';
import { api } from '../api.ts';
import { useApp } from '../appContext.tsx';
import { fieldErrorFor, isField } from '../fieldError.ts';

interface Draft {
  name: string;
  defaultMaxPerMonth: string;
  fairnessWindow: FairnessWindow;
  defaultSeasonQuota: string;
  seasonStart: string;
  seasonEnd: string;
  roles: RoleSetting[];
}

const toDraft = (club: ClubSettings): Draft => ({
  name: club.name,
  defaultMaxPerMonth: String(club.defaultMaxPerMonth),
  fairnessWindow: club.fairnessWindow ?? 'season',
  defaultSeasonQuota: club.defaultSeasonQuota == null ? '' : String(club.defaultSeasonQuota),
  seasonStart: club.seasonStart ?? '',
  seasonEnd: club.seasonEnd ?? '',
  roles: club.roles,
});

/** Club name, default monthly limit, season phrases, role titles and which roles are scheduled. */
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
      const saved = await api.updateClubSettings({
        name: form.name,
        defaultMaxPerMonth: limit,
        fairnessWindow: form.fairnessWindow,
        defaultSeasonQuota: quota,
        seasonStart: form.seasonStart.trim() === '' ? null : form.seasonStart.trim(),
        seasonEnd: form.seasonEnd.trim() === '' ? null : form.seasonEnd.trim(),
        roles: form.roles,
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

  const setRole = (index: number, change: Partial<RoleSetting>) =>
    setForm({ ...form, roles: form.roles.map((role, i) => (i === index ? { ...role, ...change } : role)) });

  const roleError = fieldError('roles');
  const otherError =
    error !== null &&
    !['name', 'defaultMaxPerMonth', 'fairnessWindow', 'defaultSeasonQuota', 'seasonStart', 'seasonEnd', 'roles'].some((name) =>
      isField(error.field, name),
    );
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
            label="Season starts"
            size="small"
            value={form.seasonStart}
            placeholder="First weekend of May"
            onChange={(e) => setForm({ ...form, seasonStart: e.target.value })}
            error={fieldError('seasonStart') !== undefined}
            helperText={fieldError('seasonStart') ?? 'e.g. First weekend of May; empty = no start'}
            sx={{ flex: 1 }}
          />
          <TextField
            label="Season ends"
            size="small"
            value={form.seasonEnd}
            placeholder="Last weekend of October"
            onChange={(e) => setForm({ ...form, seasonEnd: e.target.value })}
            error={fieldError('seasonEnd') !== undefined}
            helperText={fieldError('seasonEnd') ?? 'e.g. Last weekend of October; empty = no end'}
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
        <Table size="small" aria-label="Roles">
          <TableHead>
            <TableRow>
              <TableCell>Role</TableCell>
              <TableCell>Title</TableCell>
              <TableCell>Qualification</TableCell>
              <TableCell>Scheduled</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {form.roles.map((role, index) => (
              <TableRow key={role.key}>
                <TableCell>
                  <code>{role.key}</code>
                </TableCell>
                <TableCell>
                  <TextField
                    size="small"
                    value={role.title}
                    onChange={(e) => setRole(index, { title: e.target.value })}
                    slotProps={{ htmlInput: { 'aria-label': `Title of ${role.key}` } }}
                  />
                </TableCell>
                <TableCell>{role.qualification}</TableCell>
                <TableCell>
                  <Switch
                    checked={role.scheduled}
                    onChange={(_e, checked) => setRole(index, { scheduled: checked })}
                    slotProps={{ input: { 'aria-label': `Schedule ${role.title}` } }}
                  />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {roleError !== undefined && <Alert severity="error">{roleError}</Alert>}
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
