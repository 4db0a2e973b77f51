import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import ListSubheader from '@mui/material/ListSubheader';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import type { MonthRef, PublishedChange, SwapOption } from '../../main/api/contract.ts';
import { api } from '../api.ts';
import { dayLabel, monthKey, monthLabel, parseMonthKey, readableDates } from '../format.ts';
import { errorMessage, useLoad } from '../useLoad.ts';
import type { PublishedDuty } from './DutyActions.tsx';

/**
 * The member of a published duty exchanges it with the member of another published duty, of this month
 * or another published one. Each duty offered says whether the swap breaks a hard rule (then it cannot
 * be chosen) or a spacing rule (a warning). The swap is the next version of each month it touches.
 */
export function SwapDialog(props: { duty: PublishedDuty; onClose(): void; onChanged(change: PublishedChange): void }): React.JSX.Element {
  const { duty } = props;
  const [month, setMonth] = useState<MonthRef>({ year: Number(duty.date.slice(0, 4)), month: Number(duty.date.slice(5, 7)) });
  const months = useLoad(() => api.listPublishedMonths(), []);
  const options = useLoad(() => api.swapOptions(duty.date, duty.role, month), [duty.date, duty.role, month.year, month.month]);
  const [chosen, setChosen] = useState<SwapOption | null>(null);
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const allowed = (options.data ?? []).filter((o) => o.refusal === null);
  const refused = (options.data ?? []).filter((o) => o.refusal !== null);

  async function swap(): Promise<void> {
    if (chosen === null) return;
    setSaving(true);
    setError(null);
    try {
      props.onChanged(await api.swapDuties(duty.date, duty.role, chosen.date, chosen.role, note.trim() === '' ? null : note));
    } catch (caught) {
      setError(errorMessage(caught));
      setSaving(false);
    }
  }

  const label = (o: SwapOption) => `${dayLabel(o.date)}, ${o.roleTitle}: ${o.memberName}`;
  return (
    <Dialog open onClose={props.onClose} aria-labelledby="swap-title" fullWidth maxWidth="sm">
      <DialogTitle id="swap-title">
        Swap: {duty.roleTitle} on {dayLabel(duty.date)}
      </DialogTitle>
      <DialogContent dividers sx={{ minHeight: 240 }}>
        <DialogContentText sx={{ mb: 2 }}>
          {duty.memberName} gives this duty to the member of the duty you choose and takes theirs.
        </DialogContentText>
        <TextField
          select
          size="small"
          label="Duties of"
          value={monthKey(month)}
          onChange={(e) => {
            const picked = parseMonthKey(e.target.value);
            if (picked !== null) {
              setMonth(picked);
              setChosen(null);
            }
          }}
          sx={{ width: 220, mb: 1 }}
        >
          {(months.data ?? [{ ...month, filledSlots: 0, totalSlots: 0, publishedAt: '' }]).map((m) => (
            <MenuItem key={monthKey(m)} value={monthKey(m)}>
              {monthLabel(m)}
            </MenuItem>
          ))}
        </TextField>
        {error !== null && (
          <Alert severity="error" sx={{ mb: 2 }} role="alert">
            {readableDates(error)}
          </Alert>
        )}
        {options.error !== null && <Alert severity="error">{options.error}</Alert>}
        {options.loading && <CircularProgress aria-label="Loading duties" />}
        {options.data !== undefined && (
          <List dense aria-label="Duties to swap with" sx={{ maxHeight: 300, overflow: 'auto' }}>
            <ListSubheader disableSticky>Can swap ({allowed.length})</ListSubheader>
            {allowed.map((o) => (
              <ListItemButton
                key={`${o.date}/${o.role}`}
                selected={chosen?.date === o.date && chosen.role === o.role}
                disabled={saving}
                onClick={() => setChosen(o)}
              >
                <ListItemText
                  primary={label(o)}
                  secondary={o.warnings.length > 0 ? o.warnings.map((w) => `⚠ ${readableDates(w)}`).join(' ') : null}
                  slotProps={{ secondary: { color: 'warning.dark' } }}
                />
              </ListItemButton>
            ))}
            {refused.length > 0 && <ListSubheader disableSticky>Not allowed ({refused.length})</ListSubheader>}
            {refused.map((o) => (
              <ListItemButton key={`${o.date}/${o.role}`} disabled sx={{ '&.Mui-disabled': { opacity: 0.75 } }}>
                <ListItemText
                  primary={label(o)}
                  secondary={readableDates(o.refusal ?? '')}
                  slotProps={{ secondary: { color: 'error.main' } }}
                />
              </ListItemButton>
            ))}
          </List>
        )}
        {chosen !== null && chosen.warnings.length > 0 && (
          <Alert severity="warning" sx={{ mt: 1 }}>
            {readableDates(chosen.warnings.join(' '))}
          </Alert>
        )}
        <TextField
          label="Note"
          placeholder="Why, e.g. Ann is away that weekend"
          size="small"
          fullWidth
          value={note}
          onChange={(e) => setNote(e.target.value)}
          slotProps={{ htmlInput: { maxLength: 500 } }}
          sx={{ mt: 2 }}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>Cancel</Button>
        <Button variant="contained" disabled={chosen === null || saving} onClick={() => void swap()}>
          {chosen === null ? 'Swap' : `Swap with ${chosen.memberName}`}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
