import { useMemo, useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import ListSubheader from '@mui/material/ListSubheader';
import TextField from '@mui/material/TextField';
import type { DraftView, SlotCandidate, SlotView } from '../../main/api/contract.ts';
import { api } from '../api.ts';
import { dayLabel } from '../format.ts';
import { errorMessage, useLoad } from '../useLoad.ts';

const SEARCH_FROM = 10;

/** Pick the member for one slot: eligible members to choose from, the others greyed out with their reason. */
export function SlotDialog(props: {
  draft: DraftView;
  slot: SlotView;
  roleTitle: string;
  onClose(): void;
  onChanged(draft: DraftView, chosen: SlotCandidate | null): void;
}): React.JSX.Element {
  const { draft, slot } = props;
  const candidates = useLoad(() => api.slotCandidates(draft.id, slot.date, slot.role), [draft.id, slot.date, slot.role]);
  const [search, setSearch] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const [eligible, ineligible] = useMemo(() => {
    const needle = search.trim().toLowerCase();
    const shown = (candidates.data ?? []).filter((c) => needle === '' || c.name.toLowerCase().includes(needle));
    const byFit = (a: SlotCandidate, b: SlotCandidate) => a.warnings.length - b.warnings.length || a.load - b.load || a.name.localeCompare(b.name);
    return [shown.filter((c) => c.eligible).sort(byFit), shown.filter((c) => !c.eligible).sort((a, b) => a.name.localeCompare(b.name))];
  }, [candidates.data, search]);

  async function choose(candidate: SlotCandidate | null): Promise<void> {
    setSaving(true);
    setError(null);
    try {
      props.onChanged(await api.setSlot(draft.id, slot.date, slot.role, candidate?.memberId ?? null), candidate);
    } catch (caught) {
      setError(errorMessage(caught));
      setSaving(false);
    }
  }

  const title = `${props.roleTitle} on ${dayLabel(slot.date)}`;
  return (
    <Dialog open onClose={props.onClose} aria-labelledby="slot-title" fullWidth maxWidth="sm">
      <DialogTitle id="slot-title">{title}</DialogTitle>
      <DialogContent dividers sx={{ minHeight: 240 }}>
        {slot.memberId === null && slot.diagnosis !== null && (
          <Alert severity="error" sx={{ mb: 2 }}>Empty slot. {slot.diagnosis}</Alert>
        )}
        {slot.warnings.length > 0 && (
          <Alert severity="warning" sx={{ mb: 2 }}>{slot.warnings.join(' ')}</Alert>
        )}
        {error !== null && <Alert severity="error" sx={{ mb: 2 }}>{error}</Alert>}
        {candidates.error !== null && <Alert severity="error">{candidates.error}</Alert>}
        {candidates.loading && <CircularProgress aria-label="Loading members" />}
        {(candidates.data?.length ?? 0) > SEARCH_FROM && (
          <TextField
            label="Find member"
            size="small"
            fullWidth
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            sx={{ mb: 1 }}
          />
        )}
        {candidates.data !== undefined && (
          <List dense aria-label="Members">
            <ListSubheader disableSticky>Can take this slot ({eligible.length})</ListSubheader>
            {eligible.map((candidate) => (
              <ListItemButton
                key={candidate.memberId}
                selected={candidate.memberId === slot.memberId}
                disabled={saving}
                onClick={() => void choose(candidate)}
              >
                <ListItemText
                  primary={candidate.memberId === slot.memberId ? `${candidate.name} (on duty now)` : candidate.name}
                  secondary={[`${candidate.load} of ${candidate.cap} duties`, ...candidate.warnings.map((w) => `⚠ ${w}`)].join(' · ')}
                  slotProps={{ secondary: { color: candidate.warnings.length > 0 ? 'warning.dark' : 'text.secondary' } }}
                />
              </ListItemButton>
            ))}
            {ineligible.length > 0 && <ListSubheader disableSticky>Not allowed ({ineligible.length})</ListSubheader>}
            {ineligible.map((candidate) => (
              <ListItemButton key={candidate.memberId} disabled>
                <ListItemText primary={candidate.name} secondary={candidate.reason ?? 'Not allowed'} />
              </ListItemButton>
            ))}
          </List>
        )}
      </DialogContent>
      <DialogActions>
        <Button color="error" disabled={saving || slot.memberId === null} onClick={() => void choose(null)}>
          Clear slot
        </Button>
        <Button onClick={props.onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  );
}
