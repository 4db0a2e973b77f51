import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import DownloadIcon from '@mui/icons-material/Download';
import MailIcon from '@mui/icons-material/Mail';
import type { MemberNotice, MonthRef, NotifyView } from '../../main/api/contract.ts';
import { api } from '../api.ts';
import { useApp } from '../appContext.tsx';
import { base64ToBlob, downloadBlob } from '../download.ts';
import { useLoad } from '../useLoad.ts';

function summary(view: NotifyView): string {
  const count = view.members.length === 1 ? '1 member' : `${view.members.length} members`;
  return view.since === null
    ? `First publication (version ${view.version}): ${count} with duties.`
    : `Version ${view.version} against version ${view.since}: ${count} affected.`;
}

function NoticeRow(props: { notice: MemberNotice; first: boolean }): React.JSX.Element {
  const { notice } = props;
  const lines = props.first ? notice.duties : notice.changes;
  return (
    <TableRow>
      <TableCell component="th" scope="row" sx={{ fontWeight: 500, whiteSpace: 'nowrap', verticalAlign: 'top' }}>
        {notice.memberName}
      </TableCell>
      <TableCell sx={{ verticalAlign: 'top' }}>
        {lines.map((line) => (
          <div key={line}>{line}</div>
        ))}
      </TableCell>
      <TableCell align="right" sx={{ whiteSpace: 'nowrap', verticalAlign: 'top' }}>
        <Button size="small" startIcon={<MailIcon />} href={notice.mailto} aria-label={`Write to ${notice.memberName}`}>
          Write mail
        </Button>
        <Button
          size="small"
          startIcon={<DownloadIcon />}
          onClick={() => downloadBlob(base64ToBlob(notice.eml.base64, notice.eml.mimeType), notice.eml.fileName)}
          aria-label={`Download the message to ${notice.memberName}`}
        >
          .eml
        </Button>
      </TableCell>
    </TableRow>
  );
}

/**
 * "Tell members": who the month's latest version affects and what changed for each, with a message per
 * member to send from the rostermeister's own mail program, and one text for the club's mailing list.
 */
export function NotifyPanel(props: { month: MonthRef; version: number }): React.JSX.Element {
  const { notify } = useApp();
  const [since, setSince] = useState<number | null>(null);
  const chosen = since !== null && since < props.version ? since : null;
  const loaded = useLoad(
    () => api.tellMembers({ year: props.month.year, month: props.month.month }, chosen),
    [props.month.year, props.month.month, props.version, chosen],
  );
  const view = loaded.data;

  async function copyAll(text: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(text);
      notify('Copied the text for the mailing list.', 'success');
    } catch {
      notify('Could not copy: select the text below and copy it yourself.', 'warning');
    }
  }

  return (
    <Paper sx={{ p: 2 }} component="section" aria-label="Who to tell" className="no-print">
      <Stack spacing={1.5}>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
          <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
            Tell members
          </Typography>
          {view !== undefined && <Typography variant="body2">{summary(view)}</Typography>}
          {props.version > 2 && (
            <TextField
              select
              size="small"
              label="Changes since"
              value={chosen ?? props.version - 1}
              onChange={(e) => setSince(Number(e.target.value))}
              sx={{ width: 160 }}
            >
              {Array.from({ length: props.version - 1 }, (_, i) => i + 1).map((v) => (
                <MenuItem key={v} value={v}>
                  Version {v}
                </MenuItem>
              ))}
            </TextField>
          )}
          {view !== undefined && view.members.length > 0 && (
            <Button size="small" variant="outlined" startIcon={<ContentCopyIcon />} onClick={() => void copyAll(view.copyAll)}>
              Copy all
            </Button>
          )}
        </Stack>
        {loaded.error !== null && <Alert severity="error">{loaded.error}</Alert>}
        {view !== undefined && view.members.length === 0 && <Typography variant="body2">Nobody's duties changed.</Typography>}
        {view !== undefined && view.members.length > 0 && (
          <>
            <Typography variant="body2" color="text.secondary">
              Nothing is sent from here: Write mail opens your mail program with the message; the .eml file is the same message with the
              member's season calendar attached, to open in your mail program as a draft.
            </Typography>
            <Table size="small" aria-label="Changes to tell">
              <TableHead>
                <TableRow>
                  <TableCell>Member</TableCell>
                  <TableCell>{view.since === null ? 'Duties' : 'What changed'}</TableCell>
                  <TableCell />
                </TableRow>
              </TableHead>
              <TableBody>
                {view.members.map((notice) => (
                  <NoticeRow key={notice.memberId} notice={notice} first={view.since === null} />
                ))}
              </TableBody>
            </Table>
            <TextField
              label="Text for the club mailing list"
              value={view.copyAll}
              multiline
              minRows={3}
              maxRows={10}
              slotProps={{ input: { readOnly: true } }}
            />
          </>
        )}
      </Stack>
    </Paper>
  );
}
