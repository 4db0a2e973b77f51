import Box from '@mui/material/Box';
import ToggleButton from '@mui/material/ToggleButton';
import Typography from '@mui/material/Typography';
import type { IsoDate, MonthRef } from '../../main/api/contract.ts';
import { monthLabel } from '../format.ts';

const HEADINGS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

function daysOf(month: MonthRef): { date: IsoDate; day: number; column: number }[] {
  const count = new Date(Date.UTC(month.year, month.month, 0)).getUTCDate();
  return Array.from({ length: count }, (_, index) => {
    const day = index + 1;
    const weekday = new Date(Date.UTC(month.year, month.month - 1, day)).getUTCDay();
    return {
      date: `${month.year}-${String(month.month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      day,
      column: ((weekday + 6) % 7) + 1,
    };
  });
}

/** A month as a Monday-first grid; each day toggles a blackout. */
export function BlackoutCalendar(props: { month: MonthRef; blackouts: Set<IsoDate>; onToggle(date: IsoDate): void }): React.JSX.Element {
  const days = daysOf(props.month);
  return (
    <Box role="group" aria-label={`Blackout days in ${monthLabel(props.month)}`}>
      <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(7, 44px)', gap: 0.5 }}>
        {HEADINGS.map((heading) => (
          <Typography key={heading} variant="caption" color="text.secondary" sx={{ textAlign: 'center' }}>
            {heading}
          </Typography>
        ))}
        {days.map(({ date, day, column }) => {
          const blocked = props.blackouts.has(date);
          return (
            <ToggleButton
              key={date}
              value={date}
              size="small"
              selected={blocked}
              color="error"
              onChange={() => props.onToggle(date)}
              aria-label={`${day} ${monthLabel(props.month)}${blocked ? ', blacked out' : ''}`}
              sx={{ gridColumn: day === 1 ? column : undefined, height: 36, fontWeight: column >= 6 ? 700 : 400 }}
            >
              {day}
            </ToggleButton>
          );
        })}
      </Box>
    </Box>
  );
}
