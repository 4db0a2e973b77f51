import { useMemo, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import ListSubheader from '@mui/material/ListSubheader';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import TextField from '@mui/material/TextField';
import type { PublishedChange, SlotCandidate } from '../../main/api/contract.ts';
import { api } from '../api.ts';
import { dayLabel, fairnessChange, readableDates } from '../format.ts';
import { errorMessage, useLoad } from '../useLoad.ts';
import type { PublishedDuty } from './DutyActions.tsx';
import { byReason, capitalised } from './SlotDialog.tsx';

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

  const { fitting, warned, notAllowed } = useMemo(() => {
    const others = (candidates.data ?? []).filter((c) => c.memberId !== duty.memberId);
    return {
      fitting: others.filter((c) => c.eligible && c.warnings.length === 0),
      warned: others.filter((c) => c.eligible && c.warnings.length > 0),
      notAllowed: byReason(others.filter((c) => !c.eligible)),
    };
  }, [candidates.data, duty.memberId]);
  const notAllowedCount = notAllowed.reduce((n, [, group]) => n + group.length, 0);

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
      <ListItemText
        primary={candidate.name}
        secondary={[
          `${candidate.load} of ${candidate.cap} duties this month`,
          `fairness ${fairnessChange(candidate.fairnessDelta)}`,
          ...candidate.warnings.map((w) => `⚠ ${readableDates(w)}`),
        ].join(' · ')}
        slotProps={{ secondary: { color: candidate.warnings.length > 0 ? 'warning.dark' : 'text.secondary' } }}
      />
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
          <List dense aria-label="Members" sx={{ maxHeight: 300, overflow: 'auto' }}>
            <ListSubheader disableSticky>Can take this duty ({fitting.length})</ListSubheader>
            {fitting.map(allowed)}
            {warned.length > 0 && <ListSubheader disableSticky>Allowed, with warnings ({warned.length})</ListSubheader>}
            {warned.map(allowed)}
            {notAllowedCount > 0 && <ListSubheader disableSticky>Not allowed ({notAllowedCount})</ListSubheader>}
            {notAllowed.map(([reason, group]) => (
              <Box component="li" key={reason} sx={{ listStyle: 'none' }}>
                <List dense disablePadding aria-label={`Not allowed: ${reason}`}>
                  <ListSubheader disableSticky sx={{ lineHeight: 2.5, pl: 3, fontStyle: 'italic' }}>
                    {capitalised(reason)} ({group.length})
                  </ListSubheader>
                  {group.map((candidate) => (
                    <ListItemButton key={candidate.memberId} disabled sx={{ pl: 4, py: 0 }}>
                      <ListItemText primary={candidate.name} />
                    </ListItemButton>
                  ))}
                </List>
              </Box>
            ))}
          </List>
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
