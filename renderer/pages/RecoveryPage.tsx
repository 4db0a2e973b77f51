import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { DatabaseStatus } from '../../main/api/contract.ts';
import { api } from '../api.ts';
import { useApp } from '../appContext.tsx';
import { BackupList } from '../components/BackupList.tsx';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { errorMessage, useLoad } from '../useLoad.ts';

/**
 * Shown instead of the app when the database cannot be used (damaged, empty, foreign, newer): what is
 * wrong, the backups to restore one of, or a fresh start with the demo club. Either way the unusable
 * file is kept in the set-aside folder.
 */
export function RecoveryPage(props: { status: DatabaseStatus }): React.JSX.Element {
  const { refresh, notify } = useApp();
  const backups = useLoad(() => api.listBackups(), []);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function startAfresh(): Promise<void> {
    setConfirming(false);
    setBusy(true);
    setError(null);
    try {
      await api.startAfresh();
      notify('Started afresh with the demo club. The old file is in the set-aside folder.');
      await refresh();
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack spacing={2} sx={{ maxWidth: 1000, mx: 'auto', p: 3 }} component="main">
      <Typography variant="h5" component="h1">
        Recover the database
      </Typography>
      <Alert severity="error">{props.status.message}</Alert>
      {backups.error !== null && <Alert severity="error">{backups.error}</Alert>}
      {backups.data === undefined && backups.error === null && <CircularProgress aria-label="Loading backups" />}
      {backups.data !== undefined && <BackupList backups={backups.data} recovery onChanged={backups.reload} />}
      <Paper sx={{ p: 2 }} component="section" aria-labelledby="afresh-heading">
        <Stack spacing={1} sx={{ alignItems: 'flex-start' }}>
          <Typography variant="h6" component="h3" id="afresh-heading">
            Start afresh
          </Typography>
          <Typography variant="body2">
            No backup to go back to? Start with the demo club and import your club file from the Members page.
          </Typography>
          {error !== null && <Alert severity="error">{error}</Alert>}
          <Button variant="outlined" color="error" disabled={busy} onClick={() => setConfirming(true)}>
            Start afresh
          </Button>
        </Stack>
      </Paper>
      <ConfirmDialog
        open={confirming}
        title="Start afresh with the demo club?"
        text="The database that cannot be used is kept in the set-aside folder; the app starts with the demo club."
        confirmLabel="Start afresh"
        danger
        onCancel={() => setConfirming(false)}
        onConfirm={() => void startAfresh()}
      />
    </Stack>
  );
}
