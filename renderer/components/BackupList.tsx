import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { BackupInfo } from '../../main/api/contract.ts';
import { api } from '../api.ts';
import { useApp } from '../appContext.tsx';
import { bytes, dateTime } from '../format.ts';
import { errorMessage } from '../useLoad.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';

/**
 * Database backups: make one now, or go back to one (the current file is kept aside first). In recovery
 * (`recovery`) there is nothing sound to back up, so only restoring is offered.
 */
export function BackupList(props: { backups: BackupInfo[]; onChanged(): Promise<void>; recovery?: boolean }): React.JSX.Element {
  const { notify, refresh } = useApp();
  const [busy, setBusy] = useState(false);
  const [restoring, setRestoring] = useState<BackupInfo | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function step(run: () => Promise<string>): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      notify(await run());
      await props.onChanged();
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Paper sx={{ p: 2 }} component="section" aria-labelledby="backups-heading">
      <Stack spacing={2}>
        <Stack direction="row" sx={{ alignItems: 'center' }}>
          <Typography variant="h6" component="h3" id="backups-heading" sx={{ flexGrow: 1 }}>
            Backups
          </Typography>
          {!props.recovery && (
            <Button
              variant="outlined"
              disabled={busy}
              onClick={() => void step(async () => `Backup ${(await api.createBackup()).name} created.`)}
            >
              Create backup
            </Button>
          )}
        </Stack>
        {error !== null && <Alert severity="error">{error}</Alert>}
        {props.backups.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            No backups yet.
          </Typography>
        ) : (
          <Table size="small" aria-label="Backups">
            <TableHead>
              <TableRow>
                <TableCell>Backup</TableCell>
                <TableCell>Made</TableCell>
                <TableCell align="right">Size</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {props.backups.map((backup) => (
                <TableRow key={backup.name}>
                  <TableCell>
                    {backup.name}
                    {backup.problem !== null && (
                      <Typography variant="body2" color="error">
                        {backup.problem}
                      </Typography>
                    )}
                  </TableCell>
                  <TableCell>{dateTime(backup.createdAt)}</TableCell>
                  <TableCell align="right">{bytes(backup.sizeBytes)}</TableCell>
                  <TableCell align="right">
                    <Button
                      size="small"
                      disabled={busy || backup.problem !== null}
                      onClick={() => setRestoring(backup)}
                      aria-label={`Restore ${backup.name}`}
                    >
                      Restore
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Stack>
      <ConfirmDialog
        open={restoring !== null}
        title="Restore this backup?"
        text={`Everything goes back to ${restoring === null ? '' : dateTime(restoring.createdAt)}. The current database is kept aside first${props.recovery ? ' (in the set-aside folder)' : ''}.`}
        confirmLabel="Restore"
        danger
        onCancel={() => setRestoring(null)}
        onConfirm={() => {
          const chosen = restoring;
          setRestoring(null);
          if (chosen !== null)
            void step(async () => {
              await api.restoreBackup(chosen.name);
              await refresh();
              return `Restored ${chosen.name}.`;
            });
        }}
      />
    </Paper>
  );
}
