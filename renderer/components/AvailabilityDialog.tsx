import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import type { Member, MonthRef, RoleSetting } from '../../main/api/contract.ts';
import { api } from '../api.ts';
import { availabilityOf, withAvailability } from '../availabilityEdits.ts';
import { errorMessage } from '../useLoad.ts';
import { AvailabilityEditor } from './AvailabilityEditor.tsx';

/** A member's availability on its own: edit the rules, then save them with the member. */
export function AvailabilityDialog(props: {
  member: Member;
  month: MonthRef;
  roles: readonly RoleSetting[];
  onClose(): void;
  onSaved(member: Member): void;
}): React.JSX.Element {
  const [value, setValue] = useState(() => availabilityOf(props.member));
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function save(): Promise<void> {
    setSaving(true);
    setError(null);
    try {
      props.onSaved(await api.updateMember(withAvailability(props.member, value)));
    } catch (caught) {
      setError(errorMessage(caught));
      setSaving(false);
    }
  }

  return (
    <Dialog open onClose={props.onClose} aria-labelledby="availability-title" fullWidth maxWidth="lg">
      <DialogTitle id="availability-title">Availability of {props.member.name}</DialogTitle>
      <DialogContent dividers>
        {error !== null && (
          <Alert severity="error" sx={{ mb: 1 }}>
            Not saved: {error}
          </Alert>
        )}
        <AvailabilityEditor
          value={value}
          onChange={setValue}
          qualifications={props.member.qualifications}
          roles={props.roles}
          start={props.month}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose} disabled={saving}>
          Cancel
        </Button>
        <Button variant="contained" onClick={() => void save()} disabled={saving}>
          Save availability
        </Button>
      </DialogActions>
    </Dialog>
  );
}
