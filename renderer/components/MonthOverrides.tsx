import { useState } from 'react';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { SchedulerKind } from '../../main/api/contract.ts';
import { SCHEDULER_NAMES, monthLabel, parseMonthKey } from '../format.ts';

/** Per-month scheduler choice for a gradual rollout. */
export function MonthOverrides(props: {
  overrides: Record<string, SchedulerKind>;
  disabled: boolean;
  onChange(overrides: Record<string, SchedulerKind>): void;
}): React.JSX.Element {
  const [monthKey, setMonthKey] = useState('');
  const [scheduler, setScheduler] = useState<SchedulerKind>('optimizer');
  const entries = Object.entries(props.overrides).sort(([a], [b]) => a.localeCompare(b));
  const parsed = parseMonthKey(monthKey);
  return (
    <Stack spacing={1}>
      <Typography variant="subtitle2" component="h4">
        Per-month override
      </Typography>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
        {entries.length === 0 && (
          <Typography variant="body2" color="text.secondary">
            No month uses a different scheduler.
          </Typography>
        )}
        {entries.map(([key, kind]) => {
          const ref = parseMonthKey(key);
          return (
            <Chip
              key={key}
              label={`${ref === null ? key : monthLabel(ref)}: ${SCHEDULER_NAMES[kind]}`}
              onDelete={
                props.disabled
                  ? undefined
                  : () => {
                      const next = { ...props.overrides };
                      delete next[key];
                      props.onChange(next);
                    }
              }
            />
          );
        })}
      </Stack>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <TextField
          type="month"
          size="small"
          label="Override month"
          value={monthKey}
          onChange={(event) => setMonthKey(event.target.value)}
          slotProps={{ inputLabel: { shrink: true } }}
          sx={{ width: 180 }}
        />
        <TextField
          select
          size="small"
          label="Scheduler"
          value={scheduler}
          onChange={(event) => setScheduler(event.target.value as SchedulerKind)}
          sx={{ width: 150 }}
        >
          <MenuItem value="legacy">Legacy</MenuItem>
          <MenuItem value="optimizer">Optimizer</MenuItem>
        </TextField>
        <Button
          variant="outlined"
          disabled={props.disabled || parsed === null}
          onClick={() => {
            props.onChange({ ...props.overrides, [monthKey]: scheduler });
            setMonthKey('');
          }}
        >
          Add override
        </Button>
      </Stack>
    </Stack>
  );
}
