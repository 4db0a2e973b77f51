import Alert from '@mui/material/Alert';
import CircularProgress from '@mui/material/CircularProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { api } from '../api.ts';
import { useApp } from '../appContext.tsx';
import { BackupList } from '../components/BackupList.tsx';
import { ClubSettingsForm } from '../components/ClubSettingsForm.tsx';
import { SchedulerSettings } from '../components/SchedulerSettings.tsx';
import { useLoad } from '../useLoad.ts';

export function SettingsPage(): React.JSX.Element {
  const { refresh } = useApp();
  const settings = useLoad(() => api.getSettings(), []);
  const club = useLoad(() => api.getClubSettings(), []);
  const backups = useLoad(() => api.listBackups(), []);

  return (
    <Stack spacing={2} sx={{ maxWidth: 1100 }}>
      <Typography variant="h5" component="h2">
        Settings
      </Typography>
      {[settings.error, club.error, backups.error]
        .filter((e) => e !== null)
        .map((e) => (
          <Alert key={e} severity="error">
            {e}
          </Alert>
        ))}
      {settings.loading && settings.data === undefined && <CircularProgress aria-label="Loading settings" />}
      {settings.data !== undefined && (
        <SchedulerSettings
          settings={settings.data}
          onSaved={(saved) => {
            settings.set(saved);
            void refresh();
          }}
          onBackupCreated={() => void backups.reload()}
        />
      )}
      {club.data !== undefined && <ClubSettingsForm key={JSON.stringify(club.data)} club={club.data} />}
      {backups.data !== undefined && (
        <BackupList
          backups={backups.data}
          onChanged={async () => {
            await Promise.all([backups.reload(), settings.reload(), club.reload()]);
          }}
        />
      )}
    </Stack>
  );
}
