import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import CircularProgress from '@mui/material/CircularProgress';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { MonthRef, PublishedChange, PublishedVersionView, VersionSlotChange } from '../../main/api/contract.ts';
import { api } from '../api.ts';
import { EMPTY_SLOT, dateTime, dayLabel, monthLabel } from '../format.ts';
import { errorMessage, useLoad } from '../useLoad.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { capitalised } from './CandidateList.tsx';

/** "Duty Officer, Sat 13 Jun: Ann Lee → Bob Ray". */
function changeText(c: VersionSlotChange): string {
  const from = c.kind === 'added' ? 'new slot' : (c.fromName ?? EMPTY_SLOT);
  const to = c.kind === 'removed' ? 'slot removed' : (c.toName ?? EMPTY_SLOT);
  return `${c.roleTitle}, ${dayLabel(c.date)}: ${from} → ${to}`;
}

function VersionEntry(props: { version: PublishedVersionView; busy: boolean; onRestore(): void }): React.JSX.Element {
  const v = props.version;
  const heading = `Version ${v.version}`;
  return (
    <Paper variant="outlined" component="section" aria-label={heading} sx={{ p: 1.5 }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
          {heading}
        </Typography>
        <Chip size="small" label={capitalised(v.reason)} />
        {v.current && <Chip size="small" color="primary" label="Current" />}
        <Typography variant="body2" color="text.secondary">
          {dateTime(v.createdAt)} · {v.filledSlots} of {v.totalSlots} slots filled
        </Typography>
        <span style={{ flexGrow: 1 }} />
        {!v.current && (
          <Button size="small" variant="outlined" disabled={props.busy} onClick={props.onRestore}>
            Restore this version
          </Button>
        )}
      </Stack>
      {v.note !== null && (
        <Typography variant="body2" sx={{ fontStyle: 'italic', mt: 0.5 }}>
          “{v.note}”
        </Typography>
      )}
      {v.previous === null ? (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
          First version of the month.
        </Typography>
      ) : v.changes.length === 0 ? (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
          Same duties as version {v.previous}.
        </Typography>
      ) : (
        <List dense disablePadding aria-label={`Changes from version ${v.previous}`}>
          {v.changes.map((c) => (
            <ListItem key={`${c.date}/${c.role}`} disableGutters sx={{ py: 0 }}>
              <Typography variant="body2">{changeText(c)}</Typography>
            </ListItem>
          ))}
        </List>
      )}
    </Paper>
  );
}

/**
 * Every version of a published month, newest first, each with what it changed against the one before
 * (slot by slot, in the club's words). An earlier version can be restored: it becomes the next version,
 * so nothing in the history is lost.
 */
export function VersionHistory(props: { month: MonthRef; onClose(): void; onChanged(change: PublishedChange): void }): React.JSX.Element {
  const history = useLoad(() => api.publishedHistory(props.month), [props.month.year, props.month.month]);
  const [restoring, setRestoring] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const current = history.data?.versions.find((v) => v.current)?.version ?? 0;

  async function restore(version: number): Promise<void> {
    setRestoring(null);
    setBusy(true);
    setError(null);
    try {
      const change = await api.restorePublishedVersion(props.month, version, null);
      await history.reload();
      props.onChanged(change);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open onClose={props.onClose} aria-labelledby="history-title" fullWidth maxWidth="md" scroll="paper">
      <DialogTitle id="history-title">History of {monthLabel(props.month)}</DialogTitle>
      <DialogContent dividers>
        {error !== null && (
          <Alert severity="error" sx={{ mb: 2 }} role="alert">
            {error}
          </Alert>
        )}
        {history.error !== null && <Alert severity="error">{history.error}</Alert>}
        {history.loading && history.data === undefined && <CircularProgress aria-label="Loading the history" />}
        <Stack spacing={1.5}>
          {history.data?.versions.map((v) => (
            <VersionEntry key={v.version} version={v} busy={busy} onRestore={() => setRestoring(v.version)} />
          ))}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>Close</Button>
      </DialogActions>
      <ConfirmDialog
        open={restoring !== null}
        title={`Restore version ${restoring ?? ''}?`}
        text={`The duties of version ${restoring ?? ''} become the published roster of ${monthLabel(props.month)} again, as version ${current + 1}. Every version stays in the history, so this can be undone by restoring version ${current}.`}
        confirmLabel="Restore"
        onConfirm={() => restoring !== null && void restore(restoring)}
        onCancel={() => setRestoring(null)}
      />
    </Dialog>
  );
}
