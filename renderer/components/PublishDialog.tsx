import { useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import type { PublishCheck } from '../../main/api/contract.ts';
import { api } from '../api.ts';
import { dateTime, dayLabel } from '../format.ts';
import { errorMessage } from '../useLoad.ts';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function SlotList(props: { label: string; items: { key: string; primary: string; secondary: string | null }[] }): React.JSX.Element {
  return (
    <List dense aria-label={props.label} sx={{ maxHeight: 180, overflow: 'auto', py: 0 }}>
      {props.items.map((item) => (
        <ListItem key={item.key} disableGutters sx={{ py: 0 }}>
          <ListItemText primary={item.primary} secondary={item.secondary} slotProps={{ primary: { variant: 'body2' } }} />
        </ListItem>
      ))}
    </List>
  );
}

/**
 * Asks before publishing and says what it publishes: what it replaces (version, changed slots), the
 * empty slots, and the slots that break a hard rule, which need an explicit "Publish anyway".
 */
export function PublishDialog(props: {
  draftId: number;
  title: string;
  onPublish(anyway: boolean): void;
  onCancel(): void;
}): React.JSX.Element {
  const [check, setCheck] = useState<PublishCheck | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    api.publishCheck(props.draftId).then(
      (value) => {
        if (current) setCheck(value);
      },
      (caught: unknown) => {
        if (current) setError(errorMessage(caught));
      },
    );
    return () => {
      current = false;
    };
  }, [props.draftId]);

  const breaks = check?.ruleBreaks.length ?? 0;
  return (
    <Dialog open onClose={props.onCancel} aria-labelledby="publish-title" fullWidth maxWidth="sm">
      <DialogTitle id="publish-title">{props.title}</DialogTitle>
      <DialogContent>
        {error !== null && <Alert severity="error">{error}</Alert>}
        {check === null && error === null && <CircularProgress size={24} aria-label="Checking the draft" />}
        {check !== null && (
          <Stack spacing={2}>
            <DialogContentText>
              {check.published === null
                ? 'Nothing is published for these dates yet. '
                : `This replaces version ${check.published.version}, published ${dateTime(check.published.publishedAt)}: ${plural(check.changedSlots ?? 0, 'slot changes', 'slots change')}. `}
              Members' last duty dates are updated.
            </DialogContentText>
            {breaks > 0 && (
              <Alert severity="error" role="alert">
                <AlertTitle>{plural(breaks, 'slot breaks', 'slots break')} a hard rule</AlertTitle>
                <SlotList
                  label="Rule breaks"
                  items={check.ruleBreaks.map((b) => ({
                    key: `${b.date}/${b.role}/${b.message}`,
                    primary: `${dayLabel(b.date)}, ${b.roleTitle}: ${b.memberName}`,
                    secondary: b.message,
                  }))}
                />
                Fix them in the draft, or publish anyway if the club has agreed to it.
              </Alert>
            )}
            {check.emptySlots.length > 0 ? (
              <Alert severity="warning">
                <AlertTitle>{plural(check.emptySlots.length, 'slot is', 'slots are')} empty</AlertTitle>
                <SlotList
                  label="Empty slots"
                  items={check.emptySlots.map((s) => ({
                    key: `${s.date}/${s.role}`,
                    primary: `${dayLabel(s.date)}, ${s.roleTitle}`,
                    secondary: s.diagnosis,
                  }))}
                />
              </Alert>
            ) : (
              <Alert severity="success">Every slot is filled.</Alert>
            )}
            {check.spacingBreaks.length > 0 && (
              <Alert severity="info">
                <AlertTitle>{plural(check.spacingBreaks.length, 'spacing rule is', 'spacing rules are')} broken</AlertTitle>
                <SlotList
                  label="Spacing breaks"
                  items={check.spacingBreaks.map((b) => ({
                    key: `${b.date}/${b.role}/${b.message}`,
                    primary: `${dayLabel(b.date)}, ${b.roleTitle}`,
                    secondary: b.message,
                  }))}
                />
              </Alert>
            )}
          </Stack>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onCancel} autoFocus>
          Cancel
        </Button>
        {breaks > 0 ? (
          <Button variant="contained" color="error" onClick={() => props.onPublish(true)}>
            Publish anyway
          </Button>
        ) : (
          <Button variant="contained" disabled={check === null} onClick={() => props.onPublish(false)}>
            Publish
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
