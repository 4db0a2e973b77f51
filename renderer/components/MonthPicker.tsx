import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import ChevronLeftIcon from '@mui/icons-material/ChevronLeft';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import type { MonthRef } from '../../main/api/contract.ts';
import { monthKey, parseMonthKey, shiftMonth } from '../format.ts';

export function MonthPicker(props: {
  value: MonthRef;
  onChange(month: MonthRef): void;
  disabled?: boolean;
  label?: string;
}): React.JSX.Element {
  const { value, onChange, disabled } = props;
  return (
    <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center' }}>
      <IconButton aria-label="Previous month" disabled={disabled} onClick={() => onChange(shiftMonth(value, -1))}>
        <ChevronLeftIcon />
      </IconButton>
      <TextField
        type="month"
        size="small"
        label={props.label ?? 'Month'}
        value={monthKey(value)}
        disabled={disabled}
        onChange={(event) => {
          const parsed = parseMonthKey(event.target.value);
          if (parsed !== null) onChange(parsed);
        }}
        sx={{ width: 185 }}
      />
      <IconButton aria-label="Next month" disabled={disabled} onClick={() => onChange(shiftMonth(value, 1))}>
        <ChevronRightIcon />
      </IconButton>
    </Stack>
  );
}
