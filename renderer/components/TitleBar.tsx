import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import { activeSchedulerFor } from '../activeScheduler.ts';
import { useApp } from '../appContext.tsx';
import { monthLabel } from '../format.ts';
import { ActiveSchedulerChip } from './ActiveSchedulerChip.tsx';

export function TitleBar(): React.JSX.Element {
  const { club, settings, month } = useApp();
  const active = settings === null ? null : activeSchedulerFor(settings, month);
  return (
    <AppBar position="fixed" elevation={0} className="no-print" sx={{ zIndex: (theme) => theme.zIndex.drawer + 1 }}>
      <Toolbar sx={{ gap: 2 }}>
        <Typography variant="h6" component="div" sx={{ whiteSpace: 'nowrap' }}>
          Rostermeister
        </Typography>
        <Typography
          variant="h6"
          component="h1"
          sx={{ fontWeight: 400, flexGrow: 1, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}
        >
          {club?.name ?? ''}
        </Typography>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }} aria-label={`Scheduler for ${monthLabel(month)}`} role="status">
          <Typography variant="body2" sx={{ opacity: 0.85 }}>
            {monthLabel(month)}
          </Typography>
          {active !== null && <ActiveSchedulerChip scheduler={active.scheduler} overridden={active.overridden} onDark />}
        </Box>
      </Toolbar>
    </AppBar>
  );
}
