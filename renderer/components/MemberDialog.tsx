import { useState } from 'react';
import Accordion from '@mui/material/Accordion';
import AccordionDetails from '@mui/material/AccordionDetails';
import AccordionSummary from '@mui/material/AccordionSummary';
import Alert from '@mui/material/Alert';
import Autocomplete from '@mui/material/Autocomplete';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormHelperText from '@mui/material/FormHelperText';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import type { Member, MonthRef, RoleSetting } from '../../main/api/contract.ts';
import { availabilityInWords } from '../../solver/availability.ts';
import { memberWarnings } from '../../solver/clubWarnings.ts';
import { MEMBER_SCHEMA } from '../../solver/memberSchema.ts';
import { api } from '../api.ts';
import { availabilityOf, withAvailability } from '../availabilityEdits.ts';
import { fieldErrorFor, isField } from '../fieldError.ts';
import { AvailabilityEditor } from './AvailabilityEditor.tsx';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { MemberConflicts } from './ConflictList.tsx';

interface Form {
  member: Member;
  maxPerMonth: string;
  seasonQuota: string;
  percents: Record<string, string>;
}

interface FieldError {
  field: string | null;
  message: string;
}

function toForm(member: Member): Form {
  return {
    member,
    maxPerMonth: member.maxPerMonth === null ? '' : String(member.maxPerMonth),
    seasonQuota: member.seasonQuota == null ? '' : String(member.seasonQuota),
    percents: Object.fromEntries(Object.entries(member.rolePercent).map(([key, value]) => [key, String(value)])),
  };
}

/** Turns the form back into a member; numbers that do not parse are reported here, range checks are the API's. */
function toMember(form: Form): Member | FieldError {
  const limitText = form.maxPerMonth.trim();
  const maxPerMonth = limitText === '' ? null : Number(limitText);
  if (maxPerMonth !== null && !Number.isFinite(maxPerMonth)) {
    return {
      field: 'member.maxPerMonth',
      message: `${label('maxPerMonth')} "${limitText}" is not a number; use e.g. 2 or 0.5, or leave it empty for the club default.`,
    };
  }
  const quotaText = form.seasonQuota.trim();
  const seasonQuota = quotaText === '' ? null : Number(quotaText);
  if (seasonQuota !== null && !Number.isFinite(seasonQuota)) {
    return {
      field: 'member.seasonQuota',
      message: `${label('seasonQuota')} "${quotaText}" is not a number; use a whole number of duties per season, e.g. 6, or leave it empty for the club default.`,
    };
  }
  const rolePercent: Record<string, number> = {};
  for (const [key, text] of Object.entries(form.percents)) {
    if (text.trim() === '' || !form.member.qualifications.includes(key)) continue;
    const value = Number(text);
    if (!Number.isFinite(value))
      return { field: `member.rolePercent.${key}`, message: `Percent for ${key} "${text}" is not a number (0 to 100).` };
    rolePercent[key] = value;
  }
  // Expiry dates go with their qualification (the form does not edit them).
  const { qualificationExpiry, ...rest } = form.member;
  const kept = Object.entries(qualificationExpiry ?? {}).filter(([key]) => form.member.qualifications.includes(key));
  return {
    ...rest,
    maxPerMonth,
    seasonQuota,
    rolePercent,
    ...(kept.length > 0 ? { qualificationExpiry: Object.fromEntries(kept) } : {}),
  };
}

const label = (key: keyof Member) => MEMBER_SCHEMA[key].label;

/**
 * Add a new member (`isNew`) or edit one; adding never replaces anyone (the API refuses a taken id).
 * The API checks every value and names the field at fault, and nothing is saved until all pass.
 */
export function MemberDialog(props: {
  member: Member;
  isNew: boolean;
  members: Member[];
  qualifications: string[];
  roles: readonly RoleSetting[];
  /** The first month the availability calendar shows. */
  month: MonthRef;
  onClose(): void;
  onSaved(member: Member): void;
  onDeleted(member: Member): void;
}): React.JSX.Element {
  const [form, setForm] = useState<Form>(() => toForm(props.member));
  const [error, setError] = useState<FieldError | null>(null);
  const [saving, setSaving] = useState(false);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const member = form.member;
  const set = (change: Partial<Member>) => setForm({ ...form, member: { ...member, ...change } });
  const errorFor = (name: string) => (error !== null && isField(error.field, name) ? error.message : undefined);
  const others = props.members.filter((m) => m.id !== member.id);
  const nameOf = new Map(props.members.map((m) => [m.id, m.name]));
  const qualifications = [...new Set([...props.qualifications, ...member.qualifications])];
  // Likely typos are shown while editing and do not stop the save.
  const warnings = memberWarnings(
    {
      qualifications: member.qualifications,
      rolePercent: Object.fromEntries(Object.entries(form.percents).map(([key, text]) => [key, Number(text) || 0])),
    },
    props.qualifications.map((qualification) => ({ qualification })),
  );

  async function save(): Promise<void> {
    const candidate = toMember(form);
    if ('message' in candidate) {
      setError(candidate);
      return;
    }
    setSaving(true);
    setError(null);
    try {
      props.onSaved(await (props.isNew ? api.addMember(candidate) : api.updateMember(candidate)));
    } catch (caught) {
      setError(fieldErrorFor(caught));
      setSaving(false);
    }
  }

  async function remove(): Promise<void> {
    setConfirmingDelete(false);
    setSaving(true);
    setError(null);
    try {
      await api.deleteMember(props.member.id);
      props.onDeleted(props.member);
    } catch (caught) {
      setError(fieldErrorFor(caught));
      setSaving(false);
    }
  }

  const peoplePicker = (label: string, key: 'pairWith' | 'avoid') => (
    <Autocomplete
      multiple
      size="small"
      options={others.map((m) => m.id)}
      getOptionLabel={(id) => nameOf.get(id) ?? id}
      value={member[key]}
      onChange={(_event, value) => set({ [key]: value })}
      renderInput={(params) => <TextField {...params} label={label} error={errorFor(key) !== undefined} helperText={errorFor(key)} />}
    />
  );

  return (
    <Dialog open onClose={props.onClose} aria-labelledby="member-title" fullWidth maxWidth="md">
      <DialogTitle id="member-title">{props.isNew ? 'New member' : `Edit ${props.member.name}`}</DialogTitle>
      <DialogContent dividers>
        <Stack spacing={2}>
          {error !== null && <Alert severity="error">Not saved: {error.message}</Alert>}
          {!props.isNew && <MemberConflicts memberId={props.member.id} />}
          <Stack direction="row" spacing={2}>
            <TextField
              label={label('id')}
              size="small"
              value={member.id}
              disabled={!props.isNew}
              onChange={(e) => set({ id: e.target.value })}
              error={errorFor('id') !== undefined}
              helperText={errorFor('id') ?? (props.isNew ? 'A free id is proposed; any id nobody has will do' : undefined)}
              sx={{ flex: 1 }}
            />
            <TextField
              label={label('name')}
              size="small"
              value={member.name}
              onChange={(e) => set({ name: e.target.value })}
              error={errorFor('name') !== undefined}
              helperText={errorFor('name')}
              sx={{ flex: 2 }}
            />
          </Stack>
          <FormGroup row>
            <FormControlLabel
              control={<Switch checked={member.active} onChange={(_e, v) => set({ active: v })} />}
              label={label('active')}
            />
            <FormControlLabel
              control={<Switch checked={member.suspended} onChange={(_e, v) => set({ suspended: v })} />}
              label={label('suspended')}
            />
            <FormControlLabel
              control={<Switch checked={member.dontSchedule} onChange={(_e, v) => set({ dontSchedule: v })} />}
              label={label('dontSchedule')}
            />
            <FormControlLabel
              control={<Switch checked={member.exempt === true} onChange={(_e, v) => set({ exempt: v })} />}
              label={label('exempt')}
            />
            <FormControlLabel
              control={<Switch checked={member.allowWeekendDouble} onChange={(_e, v) => set({ allowWeekendDouble: v })} />}
              label={label('allowWeekendDouble')}
            />
          </FormGroup>
          <Stack direction="row" spacing={2}>
            <TextField
              label={label('maxPerMonth')}
              size="small"
              value={form.maxPerMonth}
              onChange={(e) => setForm({ ...form, maxPerMonth: e.target.value })}
              error={errorFor('maxPerMonth') !== undefined}
              helperText={errorFor('maxPerMonth') ?? 'Duties per month, 0 to 12 (0.5 = every other month); empty = club default'}
              slotProps={{ htmlInput: { inputMode: 'decimal' } }}
              sx={{ flex: 1 }}
            />
            <TextField
              label={label('seasonQuota')}
              size="small"
              value={form.seasonQuota}
              onChange={(e) => setForm({ ...form, seasonQuota: e.target.value })}
              error={errorFor('seasonQuota') !== undefined}
              helperText={
                errorFor('seasonQuota') ??
                (member.exempt === true
                  ? 'Exempt: never scheduled, not counted in fairness'
                  : 'Duties expected per season; empty = club default')
              }
              slotProps={{ htmlInput: { inputMode: 'numeric' } }}
              sx={{ flex: 1 }}
            />
            <TextField
              select
              label={label('preferredDay')}
              size="small"
              value={member.preferredDay ?? ''}
              onChange={(e) => set({ preferredDay: e.target.value === '' ? null : (e.target.value as 'sat' | 'sun') })}
              error={errorFor('preferredDay') !== undefined}
              helperText={errorFor('preferredDay')}
              sx={{ flex: 1 }}
            >
              <MenuItem value="">No preference</MenuItem>
              <MenuItem value="sat">Saturday</MenuItem>
              <MenuItem value="sun">Sunday</MenuItem>
            </TextField>
          </Stack>
          <div>
            <Typography variant="subtitle2" component="h3">
              {label('qualifications')} and {label('rolePercent').toLowerCase()} (percent)
            </Typography>
            <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
              {qualifications.map((key) => {
                const held = member.qualifications.includes(key);
                return (
                  <Stack key={key} direction="row" sx={{ alignItems: 'center' }}>
                    <FormControlLabel
                      control={
                        <Checkbox
                          checked={held}
                          onChange={(_e, v) =>
                            set({ qualifications: v ? [...member.qualifications, key] : member.qualifications.filter((q) => q !== key) })
                          }
                        />
                      }
                      label={key}
                    />
                    <TextField
                      size="small"
                      disabled={!held}
                      value={form.percents[key] ?? ''}
                      onChange={(e) => setForm({ ...form, percents: { ...form.percents, [key]: e.target.value } })}
                      error={errorFor(`rolePercent.${key}`) !== undefined}
                      slotProps={{ htmlInput: { inputMode: 'numeric', 'aria-label': `Percent for ${key}` } }}
                      placeholder="%"
                      sx={{ width: 70 }}
                    />
                  </Stack>
                );
              })}
            </Stack>
            {warnings.length > 0 && (
              <Alert severity="warning" sx={{ mt: 1 }} aria-label="Please check">
                {warnings.join(' ')} You can still save.
              </Alert>
            )}
            {(errorFor('qualifications') ?? errorFor('rolePercent')) !== undefined && (
              <FormHelperText error>{errorFor('qualifications') ?? errorFor('rolePercent')}</FormHelperText>
            )}
          </div>
          {peoplePicker(label('pairWith'), 'pairWith')}
          {peoplePicker(label('avoid'), 'avoid')}
          <Accordion variant="outlined" disableGutters defaultExpanded={errorFor('unavailable') !== undefined}>
            <AccordionSummary expandIcon={<ExpandMoreIcon />} aria-controls="member-availability" id="member-availability-heading">
              <Typography variant="subtitle2" component="h3">
                {label('unavailable')}:{' '}
                {availabilityInWords(member, { roles: props.roles, year: props.month.year, maxBlackoutDates: 3 }) ||
                  'available whenever the club flies'}
              </Typography>
            </AccordionSummary>
            <AccordionDetails id="member-availability">
              <AvailabilityEditor
                value={availabilityOf(member)}
                onChange={(value) => setForm({ ...form, member: withAvailability(member, value) })}
                qualifications={member.qualifications}
                roles={props.roles}
                start={props.month}
              />
              {(errorFor('unavailable') ?? errorFor('blackouts')) !== undefined && (
                <FormHelperText error>{errorFor('unavailable') ?? errorFor('blackouts')}</FormHelperText>
              )}
            </AccordionDetails>
          </Accordion>
        </Stack>
      </DialogContent>
      <DialogActions>
        {!props.isNew && (
          <Button color="error" onClick={() => setConfirmingDelete(true)} disabled={saving} sx={{ mr: 'auto' }}>
            Delete member
          </Button>
        )}
        <Button onClick={props.onClose} disabled={saving}>
          Cancel
        </Button>
        <Button variant="contained" onClick={() => void save()} disabled={saving}>
          Save
        </Button>
      </DialogActions>
      <ConfirmDialog
        open={confirmingDelete}
        title={`Delete ${props.member.name}?`}
        text="The member leaves the club's list and their draft slots become empty. Someone who appears in a published roster cannot be deleted: mark them inactive instead."
        confirmLabel="Delete"
        danger
        onConfirm={() => void remove()}
        onCancel={() => setConfirmingDelete(false)}
      />
    </Dialog>
  );
}
