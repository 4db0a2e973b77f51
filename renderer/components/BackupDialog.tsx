import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';

/** Offered when the optimizer is switched on: a backup makes going back risk-free. */
export function BackupDialog(props: {
  open: boolean;
  busy: boolean;
  onBackup(): void;
  onContinue(): void;
  onCancel(): void;
}): React.JSX.Element {
  return (
    <Dialog open={props.open} onClose={props.onCancel} aria-labelledby="backup-title">
      <DialogTitle id="backup-title">Back up before switching?</DialogTitle>
      <DialogContent>
        <DialogContentText>
          The optimization scheduler is used from the next generation on. Drafts and published rosters stay as they are, and you can switch
          back at any time. A backup of the database first lets you return to exactly this state.
        </DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onCancel} disabled={props.busy}>
          Cancel
        </Button>
        <Button onClick={props.onContinue} disabled={props.busy}>
          Continue without
        </Button>
        <Button variant="contained" onClick={props.onBackup} disabled={props.busy} autoFocus>
          Back up now
        </Button>
      </DialogActions>
    </Dialog>
  );
}
