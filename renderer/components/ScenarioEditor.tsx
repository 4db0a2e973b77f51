import { useState } from 'react';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { EditableRows } from './EditableRows.tsx';
import type { Member, RoleSetting, ScenarioChanges, ScenarioView, SchedulerKind } from '../../main/api/contract.ts';
import { SCHEDULER_NAMES } from '../format.ts';

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
        <EditableRows
          rows={changes.away}
          onChange={(away) => set({ away })}
          disabled={disabled}
          addDisabled={first === ''}
          fields={(a, i, update) => (
            <>
              {memberSelect(`Away ${i + 1}`, a.memberId, (id) => update({ memberId: id }))}
              <TextField
                type="date"
                size="small"
                label="From"
                value={a.from}
                disabled={disabled}
                onChange={(e) => update({ from: e.target.value })}
                slotProps={{ inputLabel: { shrink: true } }}
              />
              <TextField
                type="date"
                size="small"
                label="To"
                value={a.to}
                disabled={disabled}
                onChange={(e) => update({ to: e.target.value })}
                slotProps={{ inputLabel: { shrink: true } }}
              />
            </>
          )}
          removeLabel={(i) => `Remove away ${i + 1}`}
          addLabel="Add a member away"
          newRow={() => ({ memberId: first, from: scenario.range.start, to: scenario.range.end })}
        />
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
        <EditableRows
          rows={changes.limits}
          onChange={(limits) => set({ limits })}
          disabled={disabled}
          addDisabled={first === ''}
          fields={(l, i, update) => (
            <>
              {memberSelect(`Limit ${i + 1}`, l.memberId, (id) => update({ memberId: id }))}
              <TextField
                type="number"
                size="small"
                label="Duties a month"
                value={l.maxPerMonth}
                disabled={disabled}
                onChange={(e) => update({ maxPerMonth: Number(e.target.value) })}
                slotProps={{ htmlInput: { min: 0, max: 12, step: 0.5 } }}
                sx={{ width: 150 }}
              />
            </>
          )}
          removeLabel={(i) => `Remove limit ${i + 1}`}
          addLabel="Add a monthly limit"
          newRow={() => ({ memberId: first, maxPerMonth: 1 })}
        />
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
