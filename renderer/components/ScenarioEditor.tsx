import { useState } from 'react';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import DeleteIcon from '@mui/icons-material/Delete';
import type { Member, RoleSetting, ScenarioChanges, ScenarioView, SchedulerKind } from '../../main/api/contract.ts';
import { SCHEDULER_NAMES } from '../format.ts';

type Away = ScenarioChanges['away'][number];
type Limit = ScenarioChanges['limits'][number];

/** The inputs of one what-if: who is away, which roles are off, other limits, another scheduler. */
export function ScenarioEditor(props: {
  scenario: ScenarioView;
  members: Member[];
  roles: RoleSetting[];
  disabled: boolean;
  onSave(name: string, changes: ScenarioChanges): void;
}): React.JSX.Element {
  const { scenario, members, disabled } = props;
  const [name, setName] = useState(scenario.name);
  const [changes, setChanges] = useState<ScenarioChanges>(scenario.changes);
  const roles = props.roles.filter((r) => r.scheduled);
  const set = (patch: Partial<ScenarioChanges>) => setChanges({ ...changes, ...patch });
  const dirty = name !== scenario.name || JSON.stringify(changes) !== JSON.stringify(scenario.changes);
  const first = members[0]?.id ?? '';

  const memberSelect = (label: string, value: string, onChange: (id: string) => void) => (
    <TextField
      select
      size="small"
      label={label}
      value={value}
      disabled={disabled}
      onChange={(e) => onChange(e.target.value)}
      sx={{ minWidth: 220 }}
    >
      {members.map((m) => (
        <MenuItem key={m.id} value={m.id}>
          {m.name}
        </MenuItem>
      ))}
    </TextField>
  );
  const replaceAway = (index: number, patch: Partial<Away>) =>
    set({ away: changes.away.map((a, i) => (i === index ? { ...a, ...patch } : a)) });
  const replaceLimit = (index: number, patch: Partial<Limit>) =>
    set({ limits: changes.limits.map((l, i) => (i === index ? { ...l, ...patch } : l)) });

  return (
    <Stack spacing={2} component="form" aria-label="What-if inputs" onSubmit={(e) => e.preventDefault()}>
      <TextField
        size="small"
        label="Name"
        value={name}
        disabled={disabled}
        onChange={(e) => setName(e.target.value)}
        slotProps={{ htmlInput: { maxLength: 80 } }}
      />
      <Stack spacing={1} component="fieldset" sx={{ border: 0, p: 0, m: 0 }}>
        <Typography component="legend" variant="subtitle2">
          Members away
        </Typography>
        {changes.away.map((a, i) => (
          <Stack key={i} direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
            {memberSelect(`Away ${i + 1}`, a.memberId, (id) => replaceAway(i, { memberId: id }))}
            <TextField
              type="date"
              size="small"
              label="From"
              value={a.from}
              disabled={disabled}
              onChange={(e) => replaceAway(i, { from: e.target.value })}
              slotProps={{ inputLabel: { shrink: true } }}
            />
            <TextField
              type="date"
              size="small"
              label="To"
              value={a.to}
              disabled={disabled}
              onChange={(e) => replaceAway(i, { to: e.target.value })}
              slotProps={{ inputLabel: { shrink: true } }}
            />
            <IconButton
              aria-label={`Remove away ${i + 1}`}
              disabled={disabled}
              onClick={() => set({ away: changes.away.filter((_, j) => j !== i) })}
            >
              <DeleteIcon />
            </IconButton>
          </Stack>
        ))}
        <Button
          size="small"
          sx={{ alignSelf: 'flex-start' }}
          disabled={disabled || first === ''}
          onClick={() => set({ away: [...changes.away, { memberId: first, from: scenario.range.start, to: scenario.range.end }] })}
        >
          Add a member away
        </Button>
      </Stack>
      <Stack component="fieldset" sx={{ border: 0, p: 0, m: 0 }}>
        <Typography component="legend" variant="subtitle2">
          Roles off
        </Typography>
        <FormGroup row>
          {roles.map((r) => (
            <FormControlLabel
              key={r.key}
              label={r.title}
              disabled={disabled}
              control={
                <Checkbox
                  checked={changes.rolesOff.includes(r.key)}
                  onChange={(e) =>
                    set({ rolesOff: e.target.checked ? [...changes.rolesOff, r.key] : changes.rolesOff.filter((k) => k !== r.key) })
                  }
                />
              }
            />
          ))}
        </FormGroup>
      </Stack>
      <Stack spacing={1} component="fieldset" sx={{ border: 0, p: 0, m: 0 }}>
        <Typography component="legend" variant="subtitle2">
          Other monthly limits
        </Typography>
        {changes.limits.map((l, i) => (
          <Stack key={i} direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            {memberSelect(`Limit ${i + 1}`, l.memberId, (id) => replaceLimit(i, { memberId: id }))}
            <TextField
              type="number"
              size="small"
              label="Duties a month"
              value={l.maxPerMonth}
              disabled={disabled}
              onChange={(e) => replaceLimit(i, { maxPerMonth: Number(e.target.value) })}
              slotProps={{ htmlInput: { min: 0, max: 12, step: 0.5 } }}
              sx={{ width: 150 }}
            />
            <IconButton
              aria-label={`Remove limit ${i + 1}`}
              disabled={disabled}
              onClick={() => set({ limits: changes.limits.filter((_, j) => j !== i) })}
            >
              <DeleteIcon />
            </IconButton>
          </Stack>
        ))}
        <Button
          size="small"
          sx={{ alignSelf: 'flex-start' }}
          disabled={disabled || first === ''}
          onClick={() => set({ limits: [...changes.limits, { memberId: first, maxPerMonth: 1 }] })}
        >
          Add a monthly limit
        </Button>
        <TextField
          type="number"
          size="small"
          label="Club monthly limit"
          helperText="Empty: the club's own"
          value={changes.defaultMaxPerMonth ?? ''}
          disabled={disabled}
          onChange={(e) => set({ defaultMaxPerMonth: e.target.value === '' ? null : Number(e.target.value) })}
          slotProps={{ htmlInput: { min: 0, max: 12, step: 0.5 } }}
          sx={{ width: 220 }}
        />
      </Stack>
      <TextField
        select
        size="small"
        label="Scheduler"
        value={changes.scheduler ?? 'settings'}
        disabled={disabled}
        onChange={(e) => set({ scheduler: e.target.value === 'settings' ? null : (e.target.value as SchedulerKind) })}
        sx={{ width: 280 }}
      >
        <MenuItem value="settings">As in the settings</MenuItem>
        {(['legacy', 'optimizer'] as const).map((kind) => (
          <MenuItem key={kind} value={kind}>
            {SCHEDULER_NAMES[kind]}
          </MenuItem>
        ))}
      </TextField>
      <Button variant="outlined" sx={{ alignSelf: 'flex-start' }} disabled={disabled || !dirty} onClick={() => props.onSave(name, changes)}>
        Save inputs
      </Button>
    </Stack>
  );
}
