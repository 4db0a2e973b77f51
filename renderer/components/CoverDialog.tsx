import { useMemo, useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import ListItemButton from '@mui/material/ListItemButton';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import TextField from '@mui/material/TextField';
import type { PublishedChange, SlotCandidate } from '../../main/api/contract.ts';
import { api } from '../api.ts';
import { dayLabel, readableDates } from '../format.ts';
import { errorMessage, useLoad } from '../useLoad.ts';
import type { PublishedDuty } from './DutyActions.tsx';
import { CandidateList, CandidateText } from './CandidateList.tsx';

/**
 * Another member takes a published duty (or fills an empty one). The members are ranked as in the slot
 * editor; the ones a hard rule keeps out are listed under the rule. The change becomes the month's next
 * version, recorded as a cover (the member asked) or a replacement (the rostermeister decided).
 */
export function CoverDialog(props: { duty: PublishedDuty; onClose(): void; onChanged(change: PublishedChange): void }): React.JSX.Element {
  const { duty } = props;
  const candidates = useLoad(() => api.coverCandidates(duty.date, duty.role), [duty.date, duty.role]);
  const [chosen, setChosen] = useState<SlotCandidate | null>(null);
  const [kind, setKind] = useState<'cover' | 'replace'>('cover');
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const others = useMemo(() => (candidates.data ?? []).filter((c) => c.memberId !== duty.memberId), [candidates.data, duty.memberId]);

  async function record(): Promise<void> {
    if (chosen === null) return;
    setSaving(true);
    setError(null);
    try {
      const why = note.trim() === '' ? null : note;
      props.onChanged(
        kind === 'cover'
          ? await api.coverDuty(duty.date, duty.role, chosen.memberId, why)
          : await api.replaceDuty(duty.date, duty.role, chosen.memberId, why),
      );
    } catch (caught) {
      setError(errorMessage(caught));
      setSaving(false);
    }
  }

  const allowed = (candidate: SlotCandidate) => (
    <ListItemButton
      key={candidate.memberId}
      selected={candidate.memberId === chosen?.memberId}
      disabled={saving}
      onClick={() => setChosen(candidate)}
    >
      <CandidateText candidate={candidate} primary={candidate.name} duties="duties this month" />
    </ListItemButton>
  );

  const where = `${duty.roleTitle} on ${dayLabel(duty.date)}`;
  return (
    <Dialog open onClose={props.onClose} aria-labelledby="cover-title" fullWidth maxWidth="sm">
      <DialogTitle id="cover-title">Cover / replace: {where}</DialogTitle>
      <DialogContent dividers sx={{ minHeight: 240 }}>
        <DialogContentText sx={{ mb: 1 }}>
          {duty.memberName === null
            ? 'This duty is empty. Choose who fills it.'
            : `${duty.memberName} is on duty now. Choose who takes over.`}
        </DialogContentText>
        {error !== null && (
          <Alert severity="error" sx={{ mb: 2 }} role="alert">
            {readableDates(error)}
          </Alert>
        )}
        {candidates.error !== null && <Alert severity="error">{candidates.error}</Alert>}
        {candidates.loading && <CircularProgress aria-label="Loading members" />}
        {candidates.data !== undefined && (
          <CandidateList
            sx={{ maxHeight: 300, overflow: 'auto' }}
            candidates={others}
            fittingLabel="Can take this duty"
            allowed={allowed}
          />
        )}
        {chosen !== null && chosen.warnings.length > 0 && (
          <Alert severity="warning" sx={{ mt: 1 }}>
            {readableDates(chosen.warnings.join(' '))}
          </Alert>
        )}
        <RadioGroup row aria-label="Record as" value={kind} onChange={(e) => setKind(e.target.value as 'cover' | 'replace')} sx={{ mt: 1 }}>
          <FormControlLabel value="cover" control={<Radio size="small" />} label="Cover (the member asked)" />
          <FormControlLabel value="replace" control={<Radio size="small" />} label="Replacement (your decision)" />
        </RadioGroup>
        <TextField
          label="Note"
          placeholder="Why, e.g. Ann is ill"
          size="small"
          fullWidth
          value={note}
          onChange={(e) => setNote(e.target.value)}
          slotProps={{ htmlInput: { maxLength: 500 } }}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>Cancel</Button>
        <Button variant="contained" disabled={chosen === null || saving} onClick={() => void record()}>
          {chosen === null ? 'Record' : `Record: ${chosen.name} takes over`}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
