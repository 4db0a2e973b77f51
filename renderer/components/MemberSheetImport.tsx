import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { alpha } from '@mui/material/styles';
import TableViewIcon from '@mui/icons-material/TableView';
import type { ColumnMapping, MemberSheetPreview, SheetField } from '../../main/api/contract.ts';
import { api } from '../api.ts';
import { FileButton } from './FileButton.tsx';
import { useApp } from '../appContext.tsx';
import { errorMessage } from '../useLoad.ts';

interface Sheet {
  name: string;
  base64: string;
  preview: MemberSheetPreview;
}

async function fileBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Members from a spreadsheet: pick a CSV or XLSX file, map its columns, see each row's outcome, import all or nothing. */
export function MemberSheetImport(props: { onImported(): Promise<void>; onError(message: string): void }): React.JSX.Element {
  const { notify } = useApp();
  const [sheet, setSheet] = useState<Sheet | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function open(file: File): Promise<void> {
    setBusy(true);
    try {
      const base64 = await fileBase64(file);
      setSheet({ name: file.name, base64, preview: await api.previewMemberSheet(file.name, base64, null) });
      setProblem(null);
    } catch (caught) {
      props.onError(`Nothing was imported. ${errorMessage(caught)}`);
    } finally {
      setBusy(false);
    }
  }

  async function remap(mapping: ColumnMapping): Promise<void> {
    if (sheet === null) return;
    setBusy(true);
    try {
      setSheet({ ...sheet, preview: await api.previewMemberSheet(sheet.name, sheet.base64, mapping) });
    } catch (caught) {
      setProblem(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  async function importSheet(): Promise<void> {
    if (sheet === null) return;
    setBusy(true);
    try {
      const result = await api.importMemberSheet(sheet.name, sheet.base64, sheet.preview.mapping);
      setSheet(null);
      await props.onImported();
      notify(`Imported from ${sheet.name}: ${result.added} added, ${result.updated} changed. Backup: ${result.backup}.`);
    } catch (caught) {
      setProblem(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  const preview = sheet?.preview;
  const canImport = preview !== undefined && preview.mappingProblem === null && preview.rowsWithErrors === 0 && preview.rows.length > 0;
  return (
    <>
      <FileButton
        label="Import spreadsheet"
        fileLabel="Members spreadsheet to import"
        accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        icon={<TableViewIcon />}
        disabled={busy}
        onFile={(file) => void open(file)}
      />
      {sheet !== null && preview !== undefined && (
        <Dialog open onClose={() => setSheet(null)} maxWidth="lg" fullWidth aria-labelledby="sheet-title">
          <DialogTitle id="sheet-title">Import members from {sheet.name}?</DialogTitle>
          <DialogContent>
            <Stack spacing={2}>
              <Typography variant="subtitle1" component="h3">
                Which member field each column fills
              </Typography>
              <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1.5 }} role="group" aria-label="Column mapping">
                {preview.headers.map((header) => (
                  <TextField
                    key={header}
                    select
                    size="small"
                    label={header}
                    value={preview.mapping[header] ?? ''}
                    disabled={busy}
                    onChange={(e) =>
                      void remap({ ...preview.mapping, [header]: e.target.value === '' ? null : (e.target.value as SheetField) })
                    }
                    sx={{ minWidth: 200 }}
                  >
                    <MenuItem value="">
                      <em>Not imported</em>
                    </MenuItem>
                    {preview.fields.map((f) => (
                      <MenuItem key={f.key} value={f.key}>
                        {f.label}
                      </MenuItem>
                    ))}
                  </TextField>
                ))}
              </Stack>
              {preview.mappingProblem !== null && <Alert severity="warning">{preview.mappingProblem}</Alert>}
              {preview.mappingProblem === null && (
                <Alert severity={preview.rowsWithErrors > 0 ? 'error' : 'info'}>
                  {preview.adds} to add, {preview.updates} to change.{' '}
                  {preview.rowsWithErrors > 0
                    ? `${preview.rowsWithErrors} row(s) have problems: nothing can be imported until the sheet is fixed.`
                    : 'Members not in the sheet stay as they are; blank cells keep what a member has.'}
                </Alert>
              )}
              {problem !== null && (
                <Alert severity="error" onClose={() => setProblem(null)}>
                  {problem}
                </Alert>
              )}
              {preview.rows.length > 0 && (
                <TableContainer sx={{ maxHeight: 360 }}>
                  <Table size="small" stickyHeader aria-label="Rows of the sheet">
                    <TableHead>
                      <TableRow>
                        <TableCell>Row</TableCell>
                        <TableCell>Member</TableCell>
                        <TableCell>Action</TableCell>
                        <TableCell>Problems</TableCell>
                      </TableRow>
                    </TableHead>
                    <TableBody>
                      {preview.rows.map((r) => (
                        <TableRow key={r.row} sx={r.errors.length > 0 ? { bgcolor: (t) => alpha(t.palette.error.main, 0.08) } : undefined}>
                          <TableCell>{r.row}</TableCell>
                          <TableCell>
                            {r.name} ({r.id})
                          </TableCell>
                          <TableCell>{r.action === 'add' ? 'Add' : 'Change'}</TableCell>
                          <TableCell sx={{ color: r.errors.length > 0 ? 'error.main' : 'text.secondary' }}>
                            {r.errors.length === 0 ? 'None' : r.errors.join(' ')}
                          </TableCell>
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                </TableContainer>
              )}
            </Stack>
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setSheet(null)} autoFocus>
              Cancel
            </Button>
            <Button variant="contained" disabled={busy || !canImport} onClick={() => void importSheet()}>
              Import {preview.rows.length} member{preview.rows.length === 1 ? '' : 's'}
            </Button>
          </DialogActions>
        </Dialog>
      )}
    </>
  );
}
