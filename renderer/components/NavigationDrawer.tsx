import Drawer from '@mui/material/Drawer';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Toolbar from '@mui/material/Toolbar';
import Tooltip from '@mui/material/Tooltip';
import { useTheme } from '@mui/material/styles';
import useMediaQuery from '@mui/material/useMediaQuery';
import CompareArrowsIcon from '@mui/icons-material/CompareArrows';
import EditCalendarIcon from '@mui/icons-material/EditCalendar';
import EventAvailableIcon from '@mui/icons-material/EventAvailable';
import GroupIcon from '@mui/icons-material/Group';
import LeaderboardIcon from '@mui/icons-material/Leaderboard';
import PsychologyAltIcon from '@mui/icons-material/PsychologyAlt';
import SettingsIcon from '@mui/icons-material/Settings';
import TimelineIcon from '@mui/icons-material/Timeline';
import { PAGES } from '../appContext.tsx';
import type { PageName } from '../appContext.tsx';

const WIDTH = 200;
/** Below this window width (MUI's `lg`, 1200 px) the navigation is a rail of icons, giving the page the room. */
const RAIL_WIDTH = 64;

const ICONS: Record<PageName, React.JSX.Element> = {
  Propose: <EditCalendarIcon />,
  Compare: <CompareArrowsIcon />,
  'What-if': <PsychologyAltIcon />,
  Members: <GroupIcon />,
  Season: <LeaderboardIcon />,
  Settings: <SettingsIcon />,
  Activity: <TimelineIcon />,
  Published: <EventAvailableIcon />,
};

/** The pages as links; a rail of labelled icons on narrow windows. */
export function NavigationDrawer(props: { page: PageName; onNavigate(page: PageName): void }): React.JSX.Element {
  const theme = useTheme();
  const rail = useMediaQuery(theme.breakpoints.down('lg'), { noSsr: true });
  const width = rail ? RAIL_WIDTH : WIDTH;
  return (
    <Drawer
      variant="permanent"
      className="no-print"
      sx={{ width, flexShrink: 0, '& .MuiDrawer-paper': { width, boxSizing: 'border-box', overflowX: 'hidden' } }}
    >
      <Toolbar />
      <nav aria-label="Pages">
        <List>
          {PAGES.map((name) => {
            const link = (
              <ListItemButton
                key={name}
                component="a"
                href={`#${name.toLowerCase()}`}
                selected={props.page === name}
                aria-current={props.page === name ? 'page' : undefined}
                onClick={(event: React.MouseEvent) => {
                  // The app keeps its page in memory (the browser host's key must not leave with an address).
                  event.preventDefault();
                  props.onNavigate(name);
                }}
                sx={rail ? { justifyContent: 'center', px: 0 } : undefined}
              >
                <ListItemIcon sx={{ minWidth: rail ? 0 : 40 }}>{ICONS[name]}</ListItemIcon>
                <ListItemText primary={name} sx={rail ? VISUALLY_HIDDEN : undefined} />
              </ListItemButton>
            );
            return rail ? (
              <Tooltip key={name} title={name} placement="right">
                {link}
              </Tooltip>
            ) : (
              link
            );
          })}
        </List>
      </nav>
    </Drawer>
  );
}

/** Read out and found by name, but not drawn. */
const VISUALLY_HIDDEN = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  m: 0,
} as const;
