import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { MonthRef, PublishedMonth } from '../../main/api/contract.ts';
import { monthLabel } from '../format.ts';

export function PublishedMonthList(props: {
  months: PublishedMonth[];
  selected: MonthRef | null;
  onSelect(month: MonthRef): void;
}): React.JSX.Element {
  return (
    <Paper sx={{ width: 220, flexShrink: 0, maxHeight: 'calc(100vh - 180px)', overflowY: 'auto' }} className="no-print">
      {props.months.length === 0 && (
        <Typography sx={{ p: 2 }} color="text.secondary">
          Nothing published yet.
        </Typography>
      )}
      <List dense aria-label="Published months">
        {props.months.map((month) => (
          <ListItemButton
            key={`${month.year}-${month.month}`}
            selected={props.selected?.year === month.year && props.selected.month === month.month}
            onClick={() => props.onSelect({ year: month.year, month: month.month })}
          >
            <ListItemText primary={monthLabel(month)} secondary={`${month.filledSlots} of ${month.totalSlots} slots filled`} />
          </ListItemButton>
        ))}
      </List>
    </Paper>
  );
}
