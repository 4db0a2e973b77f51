import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';
import type { ImportPreview } from '../../main/api/contract.ts';
import { dayLabel, monthLabel } from '../format.ts';

const months = (keys: string[]) => keys.map((k) => monthLabel({ year: Number(k.slice(0, 4)), month: Number(k.slice(5, 7)) })).join(', ');
const names = (list: string[], max = 8) =>
  list.length <= max ? list.join(', ') : `${list.slice(0, max).join(', ')} and ${list.length - max} more`;

function Line(props: { label: string; children: React.ReactNode }): React.JSX.Element {
  return (
    <Typography variant="body2" component="li" sx={{ mb: 0.5 }}>
      <strong>{props.label}:</strong> {props.children}
    </Typography>
  );
}

/** Says what importing a club file replaces and what it keeps, before anything changes. */
export function ImportDialog(props: { fileName: string; preview: ImportPreview; onImport(): void; onCancel(): void }): React.JSX.Element {
  const { preview } = props;
  const p = preview.publishedMonths;
  const emptied = preview.drafts.emptiedSlots;
  return (
    <Dialog open onClose={props.onCancel} aria-labelledby="import-title" fullWidth maxWidth="sm">
      <DialogTitle id="import-title">Import {props.fileName}?</DialogTitle>
      <DialogContent>
        <Typography variant="body2" sx={{ mb: 1 }}>
          The club settings, roles and members are replaced by those of “{preview.clubName}”. A backup named “before import of{' '}
          {props.fileName}” is made first, so the import can be undone from Settings → Backups.
        </Typography>
        <ul style={{ paddingLeft: 20, margin: 0 }} aria-label="What the import changes">
          <Line label="Members">
            {preview.members.kept} kept (updated from the file)
            {preview.members.added.length > 0 && `, ${preview.members.added.length} added`}
            {preview.members.removed.length > 0 && `, ${preview.members.removed.length} removed: ${names(preview.members.removed)}`}
          </Line>
          {(preview.roles.added.length > 0 || preview.roles.removed.length > 0) && (
            <Line label="Roles">
              {preview.roles.added.length > 0 && `added ${names(preview.roles.added)}`}
              {preview.roles.added.length > 0 && preview.roles.removed.length > 0 && '; '}
              {preview.roles.removed.length > 0 && `removed ${names(preview.roles.removed)}`}
            </Line>
          )}
          <Line label="Drafts">
            {preview.drafts.kept === 0 ? 'none to keep' : `${preview.drafts.kept} kept`}
            {emptied.length > 0 &&
              `; ${emptied.length} ${emptied.length === 1 ? 'slot becomes' : 'slots become'} empty because the member is not in the file: `}
            {emptied.length > 0 &&
              names(
                emptied.map((s) => `${dayLabel(s.date)} ${s.role} (${s.memberName})`),
                5,
              )}
          </Line>
          <Line label="Published months">
            {p.kept.length > 0 ? `${months(p.kept)} unchanged (publish time kept)` : 'none unchanged'}
            {p.replaced.length > 0 && `; ${months(p.replaced)} replaced by the file's version`}
            {p.added.length > 0 && `; ${months(p.added)} added`}
            {p.removed.length > 0 && `; ${months(p.removed)} removed (not in the file)`}
          </Line>
        </ul>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onCancel} autoFocus>
          Cancel
        </Button>
        <Button variant="contained" color="error" onClick={props.onImport}>
          Import
        </Button>
      </DialogActions>
    </Dialog>
  );
}
