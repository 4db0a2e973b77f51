import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import type { MonthRef } from '../../main/api/contract.ts';
import { MAX_RANGE_MONTHS } from '../../solver/problem.ts';
import { MonthPicker } from './MonthPicker.tsx';

/** The first month and how many months from it (1 to 12): the range the Propose and Compare pages work on. */
export function RangePicker(props: { value: MonthRef; onChange(month: MonthRef): void; disabled?: boolean }): React.JSX.Element {
  const { value, onChange, disabled } = props;
  const months = value.months ?? 1;
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
      <MonthPicker value={value} onChange={(m) => onChange({ year: m.year, month: m.month, months })} disabled={disabled} />
      <TextField
        select
        size="small"
        label="Months"
        value={months}
        disabled={disabled}
        onChange={(e) => onChange({ year: value.year, month: value.month, months: Number(e.target.value) })}
        slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
        sx={{ width: 90 }}
      >
        {Array.from({ length: MAX_RANGE_MONTHS }, (_v, i) => i + 1).map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </TextField>
    </Stack>
  );
}
