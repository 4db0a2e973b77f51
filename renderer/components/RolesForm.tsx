import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import AddIcon from '@mui/icons-material/Add';
import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import type { RoleSetting } from '../../main/api/contract.ts';
import { api } from '../api.ts';
import { useDraftChangingSave } from './DraftChangingSave.tsx';

const KEY = /^[a-z][a-z0-9_]*$/;

/** A picker of the qualifications members hold, plus the role's own key and its current qualification. */
function QualificationPicker(props: {
  label: string;
  value: string;
  held: string[];
  own: string;
  /** Shown for the empty value (a new role without a key yet: its own key). */
  emptyLabel?: string;
  onChange(q: string): void;
}) {
  const options = [...new Set([...props.held, props.own, props.value].filter((q) => q !== ''))].sort();
  return (
    <TextField
      select
      size="small"
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
      slotProps={{ select: { native: true }, htmlInput: { 'aria-label': props.label } }}
      sx={{ minWidth: 200 }}
    >
      {props.emptyLabel !== undefined && <option value="">{props.emptyLabel}</option>}
      {options.map((q) => (
        <option key={q} value={q}>
          {q}
        </option>
      ))}
    </TextField>
  );
}

/**
 * The club's roles in display order: rename (the title only), reorder, switch off, retire (kept for the
 * published history, gone from drafts), delete, add (e.g. AM/PM tow shifts that need the tow pilot
 * qualification). Saving first says which drafts change, and then what happened.
 */
export function RolesForm(props: { roles: RoleSetting[]; heldQualifications: string[]; onSaved(roles: RoleSetting[]): void }) {
  const [roles, setRoles] = useState<RoleSetting[]>(props.roles);
  const [adding, setAdding] = useState({ key: '', title: '', qualification: '' });
  const [addError, setAddError] = useState<string | null>(null);
  const { error, controls, dialog } = useDraftChangingSave({
    preview: () => api.previewRoles(roles),
    save: () => api.updateRoles(roles),
    saved: (saved) => {
      setRoles(saved.roles);
      props.onSaved(saved.roles);
    },
    label: 'Save roles',
    question: 'Save the roles?',
    savedText: 'Roles saved.',
    notice: 'Roles saved.',
  });
  const active = roles.filter((r) => r.retired !== true);
  const retired = roles.filter((r) => r.retired === true);

  const change = (key: string, next: Partial<RoleSetting>) => setRoles(roles.map((r) => (r.key === key ? { ...r, ...next } : r)));
  function move(key: string, by: -1 | 1): void {
    const order = [...active];
    const i = order.findIndex((r) => r.key === key);
    const j = i + by;
    if (j < 0 || j >= order.length) return;
    [order[i], order[j]] = [order[j], order[i]];
    setRoles([...order, ...retired]);
  }
  function retire(key: string, back: boolean): void {
    const role = roles.find((r) => r.key === key)!;
    const rest = roles.filter((r) => r.key !== key);
    const moved: RoleSetting = back
      ? { key: role.key, title: role.title, qualification: role.qualification, scheduled: true }
      : { ...role, scheduled: false, retired: true };
    // Retired roles are listed after the active ones; one brought back goes last among them.
    setRoles(back ? [...rest.filter((r) => r.retired !== true), moved, ...rest.filter((r) => r.retired === true)] : [...rest, moved]);
  }
  function add(): void {
    const key = adding.key.trim();
    const title = adding.title.trim();
    if (!KEY.test(key)) return setAddError('The key is lowercase letters, digits and _, starting with a letter, e.g. am_tow.');
    if (roles.some((r) => r.key === key)) return setAddError(`The club already has a role "${key}".`);
    if (title === '') return setAddError('Give the role a title, e.g. AM Tow.');
    setAddError(null);
    setRoles([...active, { key, title, qualification: adding.qualification || key, scheduled: true }, ...retired]);
    setAdding({ key: '', title: '', qualification: '' });
  }

  return (
    <Paper sx={{ p: 2 }} component="section" aria-labelledby="roles-heading">
      <Stack spacing={2}>
        <Typography variant="h6" component="h3" id="roles-heading">
          Roles
        </Typography>
        <Table size="small" aria-label="Roles">
          <TableHead>
            <TableRow>
              <TableCell sx={{ width: 90 }}>Order</TableCell>
              <TableCell>Role</TableCell>
              <TableCell>Title</TableCell>
              <TableCell>Qualification</TableCell>
              <TableCell>Scheduled</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {active.map((role, index) => (
              <TableRow key={role.key}>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  <IconButton size="small" aria-label={`Move ${role.title} up`} disabled={index === 0} onClick={() => move(role.key, -1)}>
                    <ArrowUpwardIcon fontSize="small" />
                  </IconButton>
                  <IconButton
                    size="small"
                    aria-label={`Move ${role.title} down`}
                    disabled={index === active.length - 1}
                    onClick={() => move(role.key, 1)}
                  >
                    <ArrowDownwardIcon fontSize="small" />
                  </IconButton>
                </TableCell>
                <TableCell>
                  <code>{role.key}</code>
                </TableCell>
                <TableCell>
                  <TextField
                    size="small"
                    value={role.title}
                    onChange={(e) => change(role.key, { title: e.target.value })}
                    slotProps={{ htmlInput: { 'aria-label': `Title of ${role.key}` } }}
                  />
                </TableCell>
                <TableCell>
                  <QualificationPicker
                    label={`Qualification of ${role.key}`}
                    value={role.qualification}
                    held={props.heldQualifications}
                    own={role.key}
                    onChange={(qualification) => change(role.key, { qualification })}
                  />
                </TableCell>
                <TableCell>
                  <Switch
                    checked={role.scheduled}
                    onChange={(_e, checked) => change(role.key, { scheduled: checked })}
                    slotProps={{ input: { 'aria-label': `Schedule ${role.title}` } }}
                  />
                </TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                  <Button size="small" color="inherit" onClick={() => retire(role.key, false)} aria-label={`Retire ${role.title}`}>
                    Retire
                  </Button>
                  <Button
                    size="small"
                    color="error"
                    onClick={() => setRoles(roles.filter((r) => r.key !== role.key))}
                    aria-label={`Delete ${role.title}`}
                  >
                    Delete
                  </Button>
                </TableCell>
              </TableRow>
            ))}
            <TableRow>
              <TableCell>
                <Typography variant="body2" color="text.secondary">
                  New
                </Typography>
              </TableCell>
              <TableCell>
                <TextField
                  size="small"
                  placeholder="am_tow"
                  value={adding.key}
                  onChange={(e) => setAdding({ ...adding, key: e.target.value })}
                  slotProps={{ htmlInput: { 'aria-label': 'New role key' } }}
                  sx={{ width: 150 }}
                />
              </TableCell>
              <TableCell>
                <TextField
                  size="small"
                  placeholder="AM Tow"
                  value={adding.title}
                  onChange={(e) => setAdding({ ...adding, title: e.target.value })}
                  slotProps={{ htmlInput: { 'aria-label': 'New role title' } }}
                />
              </TableCell>
              <TableCell>
                <QualificationPicker
                  label="New role qualification"
                  value={adding.qualification}
                  held={props.heldQualifications}
                  own=""
                  emptyLabel="its own key"

                  onChange={(qualification) => setAdding({ ...adding, qualification })}
                />
              </TableCell>
              <TableCell colSpan={2}>
                <Button startIcon={<AddIcon />} onClick={add}>
                  Add role
                </Button>
              </TableCell>
            </TableRow>
          </TableBody>
        </Table>
        {addError !== null && <Alert severity="error">{addError}</Alert>}
        {retired.length > 0 && (
          <Stack spacing={1} component="section" aria-labelledby="retired-heading">
            <Typography variant="subtitle1" component="h4" id="retired-heading">
              Retired roles
            </Typography>
            <Typography variant="body2" color="text.secondary">
              Not scheduled any more; published rosters and their exports keep them.
            </Typography>
            {retired.map((role) => (
              <Stack key={role.key} direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                <Typography>
                  {role.title} (<code>{role.key}</code>)
                </Typography>
                <Button size="small" onClick={() => retire(role.key, true)} aria-label={`Bring back ${role.title}`}>
                  Bring back
                </Button>
              </Stack>
            ))}
          </Stack>
        )}
        {error !== null && <Alert severity="error">{error.message}</Alert>}
        {controls(() => {
          setRoles(props.roles);
          setAddError(null);
        })}
      </Stack>
      {dialog}
    </Paper>
  );
}
