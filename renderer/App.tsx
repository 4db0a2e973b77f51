import { useCallback, useEffect, useMemo, useState } from 'react';
import Alert from '@mui/material/Alert';
import type { AlertColor } from '@mui/material/Alert';
import Box from '@mui/material/Box';
import GlobalStyles from '@mui/material/GlobalStyles';
import Snackbar from '@mui/material/Snackbar';
import type { ClubSettings, DatabaseStatus, MonthRef, Settings } from '../main/api/contract.ts';
import { api } from './api.ts';
import { AppContext } from './appContext.tsx';
import type { AppContextValue, PageName } from './appContext.tsx';
import { NavigationDrawer } from './components/NavigationDrawer.tsx';
import { TitleBar } from './components/TitleBar.tsx';
import { nextMonth } from './format.ts';
import { ActivityPage } from './pages/ActivityPage.tsx';
import { ComparePage } from './pages/ComparePage.tsx';
import { MembersPage } from './pages/MembersPage.tsx';
import { ProposePage } from './pages/ProposePage.tsx';
import { PublishedPage } from './pages/PublishedPage.tsx';
import { RecoveryPage } from './pages/RecoveryPage.tsx';
import { SeasonPage } from './pages/SeasonPage.tsx';
import { SettingsPage } from './pages/SettingsPage.tsx';
import { WhatIfPage } from './pages/WhatIfPage.tsx';
import { errorMessage } from './useLoad.ts';

const PAGE_VIEWS: Record<PageName, () => React.JSX.Element> = {
  Propose: ProposePage,
  Compare: ComparePage,
  'What-if': WhatIfPage,
  Members: MembersPage,
  Season: SeasonPage,
  Settings: SettingsPage,
  Activity: ActivityPage,
  Published: PublishedPage,
};

const PRINT_STYLES = {
  '@media print': {
    '.no-print': { display: 'none !important' },
    body: { background: '#fff' },
    main: { padding: '0 !important', margin: '0 !important' },
  },
};

interface Notice {
  key: number;
  message: string;
  severity: AlertColor;
}

export function App(): React.JSX.Element {
  const [page, setPage] = useState<PageName>('Propose');
  const [month, setMonth] = useState<MonthRef>(() => nextMonth());
  const [settings, setSettings] = useState<Settings | null>(null);
  const [club, setClub] = useState<ClubSettings | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [status, setStatus] = useState<DatabaseStatus | null>(null);
  // Pages wait for the first answer, so none of them calls a database that turns out to need recovery.
  const [checked, setChecked] = useState(false);

  const notify = useCallback((message: string, severity: AlertColor = 'success') => {
    setNotice({ key: Date.now(), message, severity });
  }, []);

  const refresh = useCallback(async () => {
    try {
      const nextStatus = await api.databaseStatus();
      setStatus(nextStatus);
      if (nextStatus.state === 'recovery') return;
      const [nextSettings, nextClub] = await Promise.all([api.getSettings(), api.getClubSettings()]);
      setSettings(nextSettings);
      setClub(nextClub);
    } catch (caught) {
      notify(errorMessage(caught), 'error');
    } finally {
      setChecked(true);
    }
  }, [notify]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useEffect(() => {
    document.title = club === null ? 'Rostermeister' : `${club.name} – Rostermeister`;
  }, [club]);

  const context = useMemo<AppContextValue>(
    () => ({ month, setMonth, navigate: setPage, settings, club, refresh, notify }),
    [month, settings, club, refresh, notify],
  );

  const View = PAGE_VIEWS[page];
  return (
    <AppContext.Provider value={context}>
      <GlobalStyles styles={PRINT_STYLES} />
      {status?.state === 'recovery' ? (
        <RecoveryPage status={status} />
      ) : (
        <Box sx={{ display: 'flex', minHeight: '100vh' }}>
          <TitleBar />
          <NavigationDrawer page={page} onNavigate={setPage} />
          <Box component="main" sx={{ flexGrow: 1, minWidth: 0, p: 3, mt: 8 }}>
            {checked && <View key={page} />}
          </Box>
        </Box>
      )}
      <Snackbar
        key={notice?.key}
        open={notice !== null}
        autoHideDuration={5000}
        onClose={() => setNotice(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
      >
        {notice === null ? undefined : (
          <Alert severity={notice.severity} variant="filled" onClose={() => setNotice(null)}>
            {notice.message}
          </Alert>
        )}
      </Snackbar>
    </AppContext.Provider>
  );
}
