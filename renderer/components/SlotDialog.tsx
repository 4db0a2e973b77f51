import { useMemo, useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import IconButton from '@mui/material/IconButton';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import HelpOutlineIcon from '@mui/icons-material/HelpOutlineOutlined';
import type { DraftView, SlotCandidate, SlotView } from '../../main/api/contract.ts';
import { api } from '../api.ts';
import { dayLabel, readableDates } from '../format.ts';
import { matchesSearch } from '../search.ts';
import { errorMessage, useLoad } from '../useLoad.ts';
import { CandidateList, CandidateText } from './CandidateList.tsx';
import { WhyDialog } from './WhyDialog.tsx';

const SEARCH_FROM = 10;

/** Moves the focus to the next or previous enabled candidate (arrow keys, Home, End). */
function moveFocus(event: React.KeyboardEvent<HTMLElement>, list: HTMLElement | null): void {
  const steps: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, Home: -Infinity, End: Infinity };
  const step = steps[event.key];
  if (step === undefined || list === null) return;
  const items = [...list.querySelectorAll<HTMLElement>('[data-candidate]:not(.Mui-disabled)')];
  if (items.length === 0) return;
  event.preventDefault();
  const at = items.indexOf(document.activeElement as HTMLElement);
  const next =
    step === -Infinity
      ? 0
      : step === Infinity
        ? items.length - 1
        : at < 0
          ? step > 0
            ? 0
            : items.length - 1
          : Math.min(items.length - 1, Math.max(0, at + step));
  items[next]?.focus();
}

/**
 * Pick the member for one slot. The backend ranks the members: allowed ones by how much the season's
 * fairness changes (warnings last), the others grouped by why they are not allowed.
 */
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
  const [list, setList] = useState<HTMLElement | null>(null);
  const [whyNot, setWhyNot] = useState<SlotCandidate | null>(null);

  const shown = useMemo(
    () => (candidates.data ?? []).filter((c) => matchesSearch(search, [c.name, c.memberId])),
    [candidates.data, search],
  );

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

  const whyButton = (candidate: SlotCandidate) =>
    candidate.memberId === slot.memberId ? undefined : (
      <Tooltip title="Why not?">
        <IconButton edge="end" size="small" aria-label={`Why not ${candidate.name}?`} onClick={() => setWhyNot(candidate)}>
          <HelpOutlineIcon fontSize="small" />
        </IconButton>
      </Tooltip>
    );

  const allowed = (candidate: SlotCandidate) => (
    <ListItem key={candidate.memberId} disablePadding secondaryAction={whyButton(candidate)}>
      <ListItemButton
        data-candidate
        selected={candidate.memberId === slot.memberId}
        disabled={saving}
        onClick={() => void choose(candidate)}
      >
        <CandidateText
          candidate={candidate}
          primary={candidate.memberId === slot.memberId ? `${candidate.name} (on duty now)` : candidate.name}
          duties="duties"
        />
      </ListItemButton>
    </ListItem>
  );

  const title = `${props.roleTitle} on ${dayLabel(slot.date)}`;
  return (
    <Dialog open onClose={props.onClose} aria-labelledby="slot-title" fullWidth maxWidth="sm">
      <DialogTitle id="slot-title">{title}</DialogTitle>
      <DialogContent dividers sx={{ minHeight: 240 }}>
        {slot.memberId === null && slot.diagnosis !== null && (
          <Alert severity="error" sx={{ mb: 2 }}>
            Empty slot. {readableDates(slot.diagnosis)}
          </Alert>
        )}
        {slot.warnings.length > 0 && (
          <Alert severity="warning" sx={{ mb: 2 }}>
            {readableDates(slot.warnings.join(' '))}
          </Alert>
        )}
        {error !== null && (
          <Alert severity="error" sx={{ mb: 2 }}>
            {error}
          </Alert>
        )}
        {candidates.error !== null && <Alert severity="error">{candidates.error}</Alert>}
        {candidates.loading && <CircularProgress aria-label="Loading members" />}
        {(candidates.data?.length ?? 0) > SEARCH_FROM && (
          <TextField
            label="Find member"
            size="small"
            fullWidth
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'ArrowDown') moveFocus(event, list);
            }}
            sx={{ mb: 1 }}
          />
        )}
        {candidates.data !== undefined && (
          <CandidateList
            ref={setList}
            onKeyDown={(event) => moveFocus(event, list)}
            candidates={shown}
            fittingLabel="Can take this slot"
            allowed={allowed}
            notAllowedAction={whyButton}
          />
        )}
      </DialogContent>
      <DialogActions>
        <Button color="error" disabled={saving || slot.memberId === null} onClick={() => void choose(null)}>
          Clear slot
        </Button>
        <Button onClick={props.onClose}>Close</Button>
      </DialogActions>
      {whyNot !== null && (
        <WhyDialog
          memberId={whyNot.memberId}
          memberName={whyNot.name}
          month={{ year: Number(slot.date.slice(0, 4)), month: Number(slot.date.slice(5, 7)) }}
          slot={{ date: slot.date, role: slot.role, roleTitle: props.roleTitle }}
          onClose={() => setWhyNot(null)}
        />
      )}
    </Dialog>
  );
}
