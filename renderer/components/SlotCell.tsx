import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import TableCell from '@mui/material/TableCell';
import Tooltip from '@mui/material/Tooltip';
import LockIcon from '@mui/icons-material/Lock';
import LockOpenIcon from '@mui/icons-material/LockOpen';
import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import type { SlotView } from '../../main/api/contract.ts';
import { EMPTY_SLOT, dayLabel, readableDates } from '../format.ts';

/** One slot of the draft grid: the member (or a marked empty slot), its warnings and its lock. */
export function SlotCell(props: {
  slot: SlotView;
  roleTitle: string;
  /** Narrower padding, for drafts with many roles. */
  dense?: boolean;
  disabled: boolean;
  onOpen(): void;
  onToggleLock(): void;
}): React.JSX.Element {
  const { slot, roleTitle, disabled } = props;
  const where = `${roleTitle}, ${dayLabel(slot.date)}`;
  const empty = slot.memberId === null;
  const background = empty
    ? 'rgba(211, 47, 47, 0.08)'
    : slot.warnings.length > 0
      ? 'rgba(237, 108, 2, 0.10)'
      : slot.locked
        ? 'rgba(29, 79, 145, 0.08)'
        : undefined;
  const hint = readableDates(empty ? (slot.diagnosis ?? 'Nobody could take this slot.') : slot.warnings.join(' '));
  const button = (
    <Button
      size="small"
      color={empty ? 'error' : 'inherit'}
      variant={empty ? 'outlined' : 'text'}
      disabled={disabled}
      onClick={props.onOpen}
      aria-label={`${where}: ${empty ? EMPTY_SLOT : slot.memberName}`}
      sx={{ textTransform: 'none', justifyContent: 'flex-start', flexGrow: 1, minWidth: 0, fontWeight: empty ? 600 : 400 }}
    >
      {empty ? EMPTY_SLOT : slot.memberName}
    </Button>
  );
  return (
    <TableCell sx={{ bgcolor: background, py: 0.25, ...(props.dense ? { px: 0.5 } : {}) }} data-slot={`${slot.date}/${slot.role}`}>
      <Stack direction="row" sx={{ alignItems: 'center' }}>
        {hint === '' ? (
          button
        ) : (
          <Tooltip title={hint}>
            <span style={{ display: 'flex', flexGrow: 1, minWidth: 0 }}>{button}</span>
          </Tooltip>
        )}
        {slot.warnings.length > 0 && (
          <Tooltip title={readableDates(slot.warnings.join(' '))}>
            <WarningAmberIcon
              color="warning"
              fontSize="small"
              role="img"
              aria-label={`Warning: ${readableDates(slot.warnings.join(' '))}`}
            />
          </Tooltip>
        )}
        <IconButton
          size="small"
          disabled={disabled}
          aria-label={`${slot.locked ? 'Unlock' : 'Lock'} ${where}`}
          aria-pressed={slot.locked}
          onClick={props.onToggleLock}
          color={slot.locked ? 'primary' : 'default'}
          sx={slot.locked ? undefined : { opacity: 0.45 }}
        >
          {slot.locked ? <LockIcon fontSize="small" /> : <LockOpenIcon fontSize="small" />}
        </IconButton>
      </Stack>
    </TableCell>
  );
}
