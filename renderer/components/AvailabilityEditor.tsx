import { useState } from 'react';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import DeleteIcon from '@mui/icons-material/Delete';
import type { MonthRef, RoleSetting } from '../../main/api/contract.ts';
import { availabilityInWords, ruleInWords } from '../../solver/availability.ts';
import { MONTH_NAMES } from '../../solver/dates.ts';
import type { Weekday } from '../../solver/types.ts';
import { addMonths, addRange, addWeekday, removeRule, toggleDay, type Availability, type RuleSettings } from '../availabilityEdits.ts';
import { dayLabel } from '../format.ts';
import { AvailabilityCalendar } from './AvailabilityCalendar.tsx';
import { MonthPicker } from './MonthPicker.tsx';

const MONTHS_SHOWN = 4;
const WEEKDAYS: [Weekday, string][] = [
  ['mon', 'Monday'],
  ['tue', 'Tuesday'],
  ['wed', 'Wednesday'],
  ['thu', 'Thursday'],
  ['fri', 'Friday'],
  ['sat', 'Saturday'],
  ['sun', 'Sunday'],
];

/**
 * A member's availability: what a new rule is (never or prefer not, for which roles, a note), then
 * the rule itself: a day or a dragged range on four months at once, every such weekday, whole
 * months. The rules are listed in words, each with its delete button.
 */
export function AvailabilityEditor(props: {
  value: Availability;
  onChange(value: Availability): void;
  /** The member's qualifications: a rule may narrow to some of them. */
  qualifications: readonly string[];
  roles: readonly RoleSetting[];
  start: MonthRef;
}): React.JSX.Element {
  const [start, setStart] = useState(props.start);
  const [settings, setSettings] = useState<RuleSettings>({ level: 'never', roles: [], note: '' });
  const [months, setMonths] = useState<number[]>([]);
  const { value, onChange } = props;
  const words = { roles: props.roles, year: start.year, maxBlackoutDates: 3 };
  const titleOf = (q: string) =>
    props.roles
      .filter((r) => r.qualification === q)
      .map((r) => r.title)
      .join(' / ') || q;
  const summary = availabilityInWords(value, words);

  return (
    <Stack spacing={1.5}>
      <Typography variant="body2" aria-label="Availability in words" sx={{ fontWeight: 500 }}>
        {summary === '' ? 'Available whenever the club flies.' : summary}
      </Typography>
      <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
        <ToggleButtonGroup
          exclusive
          size="small"
          value={settings.level}
          onChange={(_e, level: RuleSettings['level'] | null) => level && setSettings({ ...settings, level })}
          aria-label="New rules are"
        >
          <ToggleButton value="never">Never</ToggleButton>
          <ToggleButton value="preferNot">Prefer not</ToggleButton>
        </ToggleButtonGroup>
        {props.qualifications.length > 1 && (
          <Stack direction="row" spacing={0.5} role="group" aria-label="Only for roles" sx={{ alignItems: 'center' }}>
            <Typography variant="caption" color="text.secondary">
              Only as:
            </Typography>
            {props.qualifications.map((q) => {
              const on = settings.roles.includes(q);
              return (
                <Chip
                  key={q}
                  size="small"
                  label={titleOf(q)}
                  color={on ? 'primary' : 'default'}
                  variant={on ? 'filled' : 'outlined'}
                  aria-pressed={on}
                  onClick={() => setSettings({ ...settings, roles: on ? settings.roles.filter((r) => r !== q) : [...settings.roles, q] })}
                />
              );
            })}
          </Stack>
        )}
        <TextField
          size="small"
          label="Note"
          value={settings.note}
          onChange={(e) => setSettings({ ...settings, note: e.target.value })}
          slotProps={{ htmlInput: { maxLength: 200 } }}
          sx={{ width: 180 }}
        />
      </Stack>
      <Stack direction="row" spacing={0.5} useFlexGap role="group" aria-label="Every week" sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
        <Typography variant="caption" color="text.secondary" sx={{ mr: 0.5 }}>
          {settings.level === 'never' ? 'Never on' : 'Prefers not on'}:
        </Typography>
        {WEEKDAYS.map(([day, name]) => (
          <Button
            key={day}
            size="small"
            variant="outlined"
            aria-label={`${settings.level === 'never' ? 'Never' : 'Prefers not'} on ${name}s${months.length > 0 ? ' in the chosen months' : ''}`}
            onClick={() => onChange(addWeekday(value, day, months, settings))}
            sx={{ minWidth: 0, px: 1 }}
          >
            {name.slice(0, 3)}
          </Button>
        ))}
      </Stack>
      <Stack direction="row" spacing={0.5} useFlexGap role="group" aria-label="Months" sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
        <Typography variant="caption" color="text.secondary" sx={{ mr: 0.5 }}>
          Months:
        </Typography>
        {MONTH_NAMES.map((name, i) => {
          const on = months.includes(i + 1);
          return (
            <Chip
              key={name}
              size="small"
              label={name.slice(0, 3)}
              aria-label={name}
              aria-pressed={on}
              color={on ? 'primary' : 'default'}
              variant={on ? 'filled' : 'outlined'}
              onClick={() => setMonths(on ? months.filter((m) => m !== i + 1) : [...months, i + 1])}
            />
          );
        })}
        <Button
          size="small"
          disabled={months.length === 0}
          onClick={() => {
            onChange(addMonths(value, months, settings));
            setMonths([]);
          }}
        >
          {settings.level === 'never' ? 'Not in these months' : 'Prefers not in these months'}
        </Button>
      </Stack>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <MonthPicker value={start} onChange={setStart} label="First month shown" />
        <Typography variant="caption" color="text.secondary">
          Click a day, or drag across days for a range (Shift+click or Shift+Enter ends a range at a day).
        </Typography>
      </Stack>
      <AvailabilityCalendar
        start={start}
        months={MONTHS_SHOWN}
        value={value}
        qualifications={props.qualifications}
        onDay={(date) => onChange(toggleDay(value, date, settings))}
        onRange={(from, to) => onChange(addRange(value, from, to, settings))}
      />
      <Typography variant="subtitle2" component="h3">
        Rules ({value.unavailable.length + (value.blackouts.length > 0 ? 1 : 0)})
      </Typography>
      <List dense aria-label="Availability rules" sx={{ py: 0 }}>
        {value.unavailable.map((rule, i) => {
          const text = ruleInWords(rule, words);
          return (
            <ListItem
              key={`${i}-${text}`}
              disableGutters
              secondaryAction={
                <IconButton edge="end" size="small" aria-label={`Remove rule: ${text}`} onClick={() => onChange(removeRule(value, i))}>
                  <DeleteIcon fontSize="small" />
                </IconButton>
              }
            >
              <ListItemText primary={text.charAt(0).toUpperCase() + text.slice(1)} />
            </ListItem>
          );
        })}
      </List>
      {value.blackouts.length > 0 && (
        <Stack
          direction="row"
          spacing={0.5}
          useFlexGap
          aria-label="Blackout days"
          role="group"
          sx={{ flexWrap: 'wrap', alignItems: 'center' }}
        >
          <Typography variant="caption" color="text.secondary">
            Blackout days:
          </Typography>
          {[...value.blackouts].sort().map((date) => (
            <Chip
              key={date}
              size="small"
              label={`${dayLabel(date)} ${date.slice(0, 4)}`}
              onDelete={() => onChange({ ...value, blackouts: value.blackouts.filter((d) => d !== date) })}
            />
          ))}
        </Stack>
      )}
    </Stack>
  );
}
