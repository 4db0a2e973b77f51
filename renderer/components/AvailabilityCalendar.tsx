import { useEffect, useRef, useState } from 'react';
import Box from '@mui/material/Box';
import ButtonBase from '@mui/material/ButtonBase';
import Typography from '@mui/material/Typography';
import type { IsoDate, MonthRef } from '../../main/api/contract.ts';
import { dayMark, type Availability, type DayMark } from '../availabilityEdits.ts';
import { monthLabel, shiftMonth } from '../format.ts';

const HEADINGS = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'];

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

const MARK_WORDS: Record<Exclude<DayMark, null>, string> = {
  never: ', unavailable',
  preferNot: ', prefers not',
  someRoles: ', unavailable for some roles',
};

const MARK_STYLE: Record<Exclude<DayMark, null>, object> = {
  never: { bgcolor: 'error.main', color: 'error.contrastText' },
  preferNot: { bgcolor: 'warning.light', color: 'warning.contrastText' },
  someRoles: { bgcolor: 'error.light', color: 'error.contrastText', opacity: 0.75 },
};

/**
 * Several months at once, Monday first. A click (or Enter) on a day is `onDay`; a drag from one day
 * to another, or Shift with a click or Enter after an earlier day, is `onRange`.
 */
export function AvailabilityCalendar(props: {
  start: MonthRef;
  months: number;
  value: Availability;
  qualifications: readonly string[];
  onDay(date: IsoDate): void;
  onRange(from: IsoDate, to: IsoDate): void;
}): React.JSX.Element {
  const anchor = useRef<IsoDate | null>(null);
  const last = useRef<IsoDate | null>(null);
  const [preview, setPreview] = useState<[IsoDate, IsoDate] | null>(null);

  useEffect(() => {
    const cancel = () => {
      anchor.current = null;
      setPreview(null);
    };
    window.addEventListener('pointerup', cancel);
    return () => window.removeEventListener('pointerup', cancel);
  }, []);

  const commit = (from: IsoDate, to: IsoDate) => {
    last.current = to;
    if (from === to) props.onDay(to);
    else props.onRange(from, to);
  };
  const inPreview = (date: IsoDate) =>
    preview !== null &&
    date >= (preview[0] < preview[1] ? preview[0] : preview[1]) &&
    date <= (preview[0] < preview[1] ? preview[1] : preview[0]);

  const months = Array.from({ length: props.months }, (_, i) => shiftMonth(props.start, i));
  return (
    <Box
      role="group"
      aria-label={`Availability calendar, ${monthLabel(months[0])} to ${monthLabel(months[months.length - 1])}`}
      sx={{
        display: 'grid',
        gridTemplateColumns: 'repeat(auto-fill, minmax(236px, 1fr))',
        gap: 2,
        userSelect: 'none',
        touchAction: 'none',
      }}
    >
      {months.map((month) => (
        <Box key={`${month.year}-${month.month}`}>
          <Typography variant="subtitle2" component="h4" sx={{ mb: 0.5 }}>
            {monthLabel(month)}
          </Typography>
          <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(7, 32px)', gap: '2px' }}>
            {HEADINGS.map((heading) => (
              <Typography key={heading} variant="caption" color="text.secondary" sx={{ textAlign: 'center' }} aria-hidden>
                {heading}
              </Typography>
            ))}
            {daysOf(month).map(({ date, day, column }) => {
              const mark = dayMark(props.value, date, props.qualifications);
              return (
                <ButtonBase
                  key={date}
                  focusRipple
                  aria-label={`${day} ${monthLabel(month)}${mark ? MARK_WORDS[mark] : ''}`}
                  onPointerDown={(event) => {
                    if (event.button !== 0) return;
                    event.preventDefault();
                    const from = event.shiftKey && last.current !== null ? last.current : date;
                    anchor.current = from;
                    setPreview([from, date]);
                  }}
                  onPointerEnter={() => {
                    if (anchor.current !== null) setPreview([anchor.current, date]);
                  }}
                  onPointerUp={() => {
                    if (anchor.current !== null) commit(anchor.current, date);
                  }}
                  onClick={(event) => {
                    // Keyboard activation (no pointer): Enter or Space; with Shift, the range from the last day.
                    if (event.detail !== 0) return;
                    commit(event.shiftKey && last.current !== null ? last.current : date, date);
                  }}
                  sx={{
                    gridColumn: day === 1 ? column : undefined,
                    height: 28,
                    borderRadius: 1,
                    fontSize: '0.8125rem',
                    fontWeight: column >= 6 ? 700 : 400,
                    border: 1,
                    borderColor: inPreview(date) ? 'primary.main' : 'divider',
                    outline: inPreview(date) ? '2px solid' : undefined,
                    outlineColor: 'primary.main',
                    '&.Mui-focusVisible': { outline: '2px solid', outlineColor: 'primary.dark' },
                    ...(mark ? MARK_STYLE[mark] : {}),
                  }}
                >
                  {day}
                </ButtonBase>
              );
            })}
          </Box>
        </Box>
      ))}
    </Box>
  );
}
