import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { EditableRows } from './EditableRows.tsx';
import type { ClubCalendar, Weekday } from '../../main/api/contract.ts';
import { api } from '../api.ts';
import { isField } from '../fieldError.ts';
import { useDraftChangingSave } from './DraftChangingSave.tsx';

const WEEK: { day: Weekday; label: string; name: string }[] = [
  { day: 'mon', label: 'Mon', name: 'Monday' },
  { day: 'tue', label: 'Tue', name: 'Tuesday' },
  { day: 'wed', label: 'Wed', name: 'Wednesday' },
  { day: 'thu', label: 'Thu', name: 'Thursday' },
  { day: 'fri', label: 'Fri', name: 'Friday' },
  { day: 'sat', label: 'Sat', name: 'Saturday' },
  { day: 'sun', label: 'Sun', name: 'Sunday' },
];

/** The form as typed: text everywhere, an empty "to" means a single day. */
interface Form {
  operatingWeekdays: Weekday[];
  seasonStart: string;
  seasonEnd: string;
  extra: { from: string; to: string; label: string }[];
  removed: { date: string; reason: string }[];
}

const toForm = (c: ClubCalendar): Form => ({
  operatingWeekdays: c.operatingWeekdays,
  seasonStart: c.seasonStart ?? '',
  seasonEnd: c.seasonEnd ?? '',
  extra: c.extraDutyDays.map((r) => ({ from: r.from, to: r.to === r.from ? '' : r.to, label: r.label ?? '' })),
  removed: c.removedDates.map((r) => ({ date: r.date, reason: r.reason ?? '' })),
});

const orNull = (text: string): string | null => (text.trim() === '' ? null : text.trim());

const toCalendar = (f: Form): ClubCalendar => ({
  operatingWeekdays: WEEK.map((w) => w.day).filter((d) => f.operatingWeekdays.includes(d)),
  seasonStart: orNull(f.seasonStart),
  seasonEnd: orNull(f.seasonEnd),
  extraDutyDays: f.extra.map((r) => ({ from: r.from, to: r.to === '' ? r.from : r.to, label: orNull(r.label) })),
  removedDates: f.removed.map((r) => ({ date: r.date, reason: orNull(r.reason) })),
});

/**
 * When the club operates: weekdays, season, extra duty days (a date or a run of dates, with a label)
 * and removed dates (with a reason). Saving first says which drafts change, and then what happened.
 */
export function ClubCalendarForm(props: { calendar: ClubCalendar; onSaved(calendar: ClubCalendar): void }): React.JSX.Element {
  const [form, setForm] = useState<Form>(() => toForm(props.calendar));
  const { error, controls, dialog } = useDraftChangingSave({
    preview: () => api.previewClubCalendar(toCalendar(form)),
    save: () => api.updateClubCalendar(toCalendar(form)),
    saved: (saved) => {
      setForm(toForm(saved.calendar));
      props.onSaved(saved.calendar);
    },
    label: 'Save calendar',
    question: 'Save the club calendar?',
    savedText: 'Calendar saved.',
    notice: 'Club calendar saved.',
  });
  const fieldError = (name: string) => (error !== null && isField(error.field, name) ? error.message : undefined);
  /** A list entry's field: its error from the save, and its accessible name (a date field keeps its label up). */
  const entry = (list: string, index: number, part: string, name: string, date = false) => {
    const message =
      error !== null && (error.field ?? '').replace(/^calendar\./, '') === `${list}[${index}].${part}` ? error.message : undefined;
    return {
      error: message !== undefined,
      helperText: message,
      slotProps: { ...(date ? { inputLabel: { shrink: true } } : {}), htmlInput: { 'aria-label': name } },
    };
  };

  const known = ['seasonStart', 'seasonEnd', 'operatingWeekdays', 'extraDutyDays', 'removedDates'];
  const otherError = error !== null && !known.some((name) => isField(error.field, name));
  const listError = (list: string) =>
    error !== null && isField(error.field, list) && !/\]\.(from|to|label|date|reason)$/.test(error.field ?? '') ? error.message : undefined;

  return (
    <Paper sx={{ p: 2 }} component="section" aria-labelledby="calendar-heading">
      <Stack spacing={2}>
        <Typography variant="h6" component="h3" id="calendar-heading">
          Club calendar
        </Typography>
        <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <Typography id="weekdays-label">Operating weekdays</Typography>
          <ToggleButtonGroup
            size="small"
            aria-labelledby="weekdays-label"
            value={form.operatingWeekdays}
            onChange={(_e, days: Weekday[]) => setForm({ ...form, operatingWeekdays: days })}
          >
            {WEEK.map((w) => (
              <ToggleButton key={w.day} value={w.day} aria-label={w.name}>
                {w.label}
              </ToggleButton>
            ))}
          </ToggleButtonGroup>
        </Stack>
        {fieldError('operatingWeekdays') !== undefined && <Alert severity="error">{fieldError('operatingWeekdays')}</Alert>}
        <Stack direction="row" spacing={2}>
          <TextField
            label="Season starts"
            size="small"
            value={form.seasonStart}
            placeholder="First weekend of May"
            onChange={(e) => setForm({ ...form, seasonStart: e.target.value })}
            error={fieldError('seasonStart') !== undefined}
            helperText={fieldError('seasonStart') ?? 'e.g. First weekend of May; empty = no start'}
            sx={{ flex: 1 }}
          />
          <TextField
            label="Season ends"
            size="small"
            value={form.seasonEnd}
            placeholder="Last weekend of October"
            onChange={(e) => setForm({ ...form, seasonEnd: e.target.value })}
            error={fieldError('seasonEnd') !== undefined}
            helperText={fieldError('seasonEnd') ?? 'e.g. Last weekend of October; empty = no end'}
            sx={{ flex: 1 }}
          />
        </Stack>

        <Typography variant="subtitle1" component="h4" id="extra-heading">
          Extra duty days
        </Typography>
        <Typography variant="body2" color="text.secondary">
          Duty days whatever the weekday and season: a bank holiday, a Wednesday evening, a competition week (give a last day for a run of
          days).
        </Typography>
        <EditableRows
          rows={form.extra}
          onChange={(extra) => setForm({ ...form, extra })}
          labelledBy="extra-heading"
          align="flex-start"
          fields={(row, index, update) => (
            <>
              <TextField
                type="date"
                size="small"
                label="Date"
                value={row.from}
                onChange={(e) => update({ from: e.target.value })}
                {...entry('extraDutyDays', index, 'from', `Extra duty day ${index + 1}: date`, true)}
                sx={{ width: 170 }}
              />
              <TextField
                type="date"
                size="small"
                label="Last day (for a run)"
                value={row.to}
                onChange={(e) => update({ to: e.target.value })}
                {...entry('extraDutyDays', index, 'to', `Extra duty day ${index + 1}: last day`, true)}
                sx={{ width: 190 }}
              />
              <TextField
                size="small"
                label="Label"
                placeholder="Bank holiday"
                value={row.label}
                onChange={(e) => update({ label: e.target.value })}
                {...entry('extraDutyDays', index, 'label', `Extra duty day ${index + 1}: label`)}
                sx={{ flex: 1 }}
              />
            </>
          )}
          removeLabel={(index) => `Remove extra duty day ${index + 1}`}
          error={listError('extraDutyDays')}
          addLabel="Add extra duty day"
          newRow={() => ({ from: '', to: '', label: '' })}
        />

        <Typography variant="subtitle1" component="h4" id="removed-heading">
          Removed dates
        </Typography>
        <Typography variant="body2" color="text.secondary">
          Days the club does not fly although they would be duty days. They show as removed on the Propose page.
        </Typography>
        <EditableRows
          rows={form.removed}
          onChange={(removed) => setForm({ ...form, removed })}
          labelledBy="removed-heading"
          align="flex-start"
          fields={(row, index, update) => (
            <>
              <TextField
                type="date"
                size="small"
                label="Date"
                value={row.date}
                onChange={(e) => update({ date: e.target.value })}
                {...entry('removedDates', index, 'date', `Removed date ${index + 1}: date`, true)}
                sx={{ width: 170 }}
              />
              <TextField
                size="small"
                label="Reason"
                placeholder="Airfield closed"
                value={row.reason}
                onChange={(e) => update({ reason: e.target.value })}
                {...entry('removedDates', index, 'reason', `Removed date ${index + 1}: reason`)}
                sx={{ flex: 1 }}
              />
            </>
          )}
          removeLabel={(index) => `Take back removed date ${index + 1}`}
          error={listError('removedDates')}
          addLabel="Add removed date"
          newRow={() => ({ date: '', reason: '' })}
        />

        {otherError && <Alert severity="error">{error?.message}</Alert>}
        {controls(() => setForm(toForm(props.calendar)))}
      </Stack>
      {dialog}
    </Paper>
  );
}
