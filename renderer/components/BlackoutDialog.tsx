import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { IsoDate, Member, MonthRef } from '../../main/api/contract.ts';
import { api } from '../api.ts';
import { dayLabel } from '../format.ts';
import { errorMessage } from '../useLoad.ts';
import { BlackoutCalendar } from './BlackoutCalendar.tsx';
import { MonthPicker } from './MonthPicker.tsx';

/** A member's days off: toggle dates month by month, then save them with the member. */
export function BlackoutDialog(props: {
  member: Member;
  month: MonthRef;
  onClose(): void;
  onSaved(member: Member): void;
}): React.JSX.Element {
  const [month, setMonth] = useState(props.month);
  const [blackouts, setBlackouts] = useState(() => new Set(props.member.blackouts));
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  function toggle(date: IsoDate): void {
    const next = new Set(blackouts);
    if (next.has(date)) next.delete(date);
    else next.add(date);
    setBlackouts(next);
  }

  async function save(): Promise<void> {
    setSaving(true);
    setError(null);
    try {
      props.onSaved(await api.updateMember({ ...props.member, blackouts: [...blackouts].sort() }));
    } catch (caught) {
      setError(errorMessage(caught));
      setSaving(false);
    }
  }

  const sorted = [...blackouts].sort();
  return (
    <Dialog open onClose={props.onClose} aria-labelledby="blackout-title">
      <DialogTitle id="blackout-title">Blackout days of {props.member.name}</DialogTitle>
      <DialogContent dividers>
        <Stack spacing={2}>
          {error !== null && <Alert severity="error">{error}</Alert>}
          <MonthPicker value={month} onChange={setMonth} label="Show month" />
          <BlackoutCalendar month={month} blackouts={blackouts} onToggle={toggle} />
          <Typography variant="subtitle2" component="h3">
            All blackout days ({sorted.length})
          </Typography>
          <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap', maxWidth: 340 }}>
            {sorted.map((date) => (
              <Chip key={date} size="small" label={`${dayLabel(date)} ${date.slice(0, 4)}`} onDelete={() => toggle(date)} />
            ))}
          </Stack>
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose} disabled={saving}>
          Cancel
        </Button>
        <Button variant="contained" onClick={() => void save()} disabled={saving}>
          Save blackouts
        </Button>
      </DialogActions>
    </Dialog>
  );
}
