import { useState } from 'react';
import Alert from '@mui/material/Alert';
import CircularProgress from '@mui/material/CircularProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { api } from '../api.ts';
import { useApp } from '../appContext.tsx';
import { BackupList } from '../components/BackupList.tsx';
import { ClubCalendarForm } from '../components/ClubCalendarForm.tsx';
import { ClubSettingsForm } from '../components/ClubSettingsForm.tsx';
import { RolesForm } from '../components/RolesForm.tsx';
import { SchedulerSettings } from '../components/SchedulerSettings.tsx';
import { useLoad } from '../useLoad.ts';

export function SettingsPage(): React.JSX.Element {
  const { refresh } = useApp();
  const settings = useLoad(() => api.getSettings(), []);
  const club = useLoad(() => api.getClubSettings(), []);
  const backups = useLoad(() => api.listBackups(), []);
  // The calendar and roles forms start afresh only when a backup is restored; after their own save they keep their result.
  const [restored, setRestored] = useState(0);
  const calendar = useLoad(() => api.getClubCalendar(), []);
  const members = useLoad(() => api.listMembers(), []);
  const held = [...new Set((members.data ?? []).flatMap((m) => m.qualifications))].sort();

  return (
    <Stack spacing={2} sx={{ maxWidth: 1100 }}>
      <Typography variant="h5" component="h2">
        Settings
      </Typography>
      {[settings.error, club.error, backups.error, calendar.error, members.error]
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
      {calendar.data !== undefined && (
        <ClubCalendarForm key={`calendar-${restored}`} calendar={calendar.data} onSaved={(saved) => calendar.set(saved)} />
      )}
      {club.data !== undefined && members.data !== undefined && (
        <RolesForm
          key={`roles-${restored}`}
          roles={club.data.roles}
          heldQualifications={held}
          onSaved={(roles) => club.set({ ...club.data!, roles })}
        />
      )}
      {backups.data !== undefined && (
        <BackupList
          backups={backups.data}
          onChanged={async () => {
            await Promise.all([backups.reload(), settings.reload(), club.reload(), calendar.reload(), members.reload()]);
            setRestored((n) => n + 1);
          }}
        />
      )}
    </Stack>
  );
}
