import Drawer from '@mui/material/Drawer';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Toolbar from '@mui/material/Toolbar';
import CompareArrowsIcon from '@mui/icons-material/CompareArrows';
import EditCalendarIcon from '@mui/icons-material/EditCalendar';
import EventAvailableIcon from '@mui/icons-material/EventAvailable';
import GroupIcon from '@mui/icons-material/Group';
import SettingsIcon from '@mui/icons-material/Settings';
import TimelineIcon from '@mui/icons-material/Timeline';
import { PAGES } from '../appContext.tsx';
import type { PageName } from '../appContext.tsx';

const WIDTH = 200;

const ICONS: Record<PageName, React.JSX.Element> = {
  Propose: <EditCalendarIcon />,
  Compare: <CompareArrowsIcon />,
  Members: <GroupIcon />,
  Settings: <SettingsIcon />,
  Activity: <TimelineIcon />,
  Published: <EventAvailableIcon />,
};

export function NavigationDrawer(props: { page: PageName; onNavigate(page: PageName): void }): React.JSX.Element {
  return (
    <Drawer
      variant="permanent"
      className="no-print"
      sx={{ width: WIDTH, flexShrink: 0, '& .MuiDrawer-paper': { width: WIDTH, boxSizing: 'border-box' } }}
    >
      <Toolbar />
      <nav aria-label="Pages">
        <List>
          {PAGES.map((name) => (
            <ListItemButton
              key={name}
              component="a"
              href={`#${name.toLowerCase()}`}
              selected={props.page === name}
              aria-current={props.page === name ? 'page' : undefined}
              onClick={(event: React.MouseEvent) => {
                // The app keeps its page in memory (the address carries the browser host's key); a plain click navigates here.
                if (event.ctrlKey || event.metaKey || event.shiftKey) return;
                event.preventDefault();
                props.onNavigate(name);
              }}
            >
              <ListItemIcon sx={{ minWidth: 40 }}>{ICONS[name]}</ListItemIcon>
              <ListItemText primary={name} />
            </ListItemButton>
          ))}
        </List>
      </nav>
    </Drawer>
  );
}
