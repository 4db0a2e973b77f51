import Chip from '@mui/material/Chip';
import type { SchedulerKind } from '../../main/api/contract.ts';
import { SCHEDULER_NAMES } from '../format.ts';

/** "Active scheduler: Legacy/Optimizer", the one place that wording lives. */
export function ActiveSchedulerChip(props: { scheduler: SchedulerKind; overridden?: boolean; onDark?: boolean }): React.JSX.Element {
  const label = `Active scheduler: ${SCHEDULER_NAMES[props.scheduler]}${props.overridden ? ' (month override)' : ''}`;
  return (
    <Chip
      label={label}
      color={props.scheduler === 'optimizer' ? 'secondary' : 'default'}
      variant={props.onDark ? 'filled' : 'outlined'}
      sx={props.onDark && props.scheduler === 'legacy' ? { bgcolor: 'rgba(255,255,255,0.9)' } : undefined}
    />
  );
}
