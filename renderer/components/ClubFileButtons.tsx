import { useRef, useState } from 'react';
import Button from '@mui/material/Button';
import FileDownloadIcon from '@mui/icons-material/FileDownload';
import FileUploadIcon from '@mui/icons-material/FileUpload';
import { api } from '../api.ts';
import { useApp } from '../appContext.tsx';
import { downloadBlob } from '../download.ts';
import { errorMessage } from '../useLoad.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';

/** Import the whole club from a club file (all or nothing) or export it. */
export function ClubFileButtons(props: {
  onImported(): Promise<void>;
  onError(message: string): void;
  /** An import that went through with likely typos in it: the summary and each warning. */
  onWarnings(summary: string, warnings: string[]): void;
}): React.JSX.Element {
  const { notify, refresh, club } = useApp();
  const input = useRef<HTMLInputElement>(null);
  const [pending, setPending] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);

  async function importFile(file: File): Promise<void> {
    setBusy(true);
    try {
      const result = await api.importClub(await file.text());
      await Promise.all([props.onImported(), refresh()]);
      const summary = `Imported ${result.members} members, ${result.roles} roles and ${result.publishedDays} published days.`;
      if (result.warnings.length === 0) notify(summary);
      else props.onWarnings(summary, result.warnings);
    } catch (caught) {
      props.onError(`Nothing was imported. ${errorMessage(caught)}`);
    } finally {
      setBusy(false);
    }
  }

  async function exportFile(): Promise<void> {
    setBusy(true);
    try {
      const text = await api.exportClub();
      const base = (club?.name ?? 'club').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').toLowerCase() || 'club';
      downloadBlob(new Blob([text], { type: 'application/json' }), `${base}.json`);
    } catch (caught) {
      props.onError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        aria-label="Club file to import"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file !== undefined) setPending(file);
        }}
      />
      <Button startIcon={<FileUploadIcon />} disabled={busy} onClick={() => input.current?.click()} sx={{ whiteSpace: 'nowrap' }}>Import club file</Button>
      <Button startIcon={<FileDownloadIcon />} disabled={busy} onClick={() => void exportFile()} sx={{ whiteSpace: 'nowrap' }}>Export club file</Button>
      <ConfirmDialog
        open={pending !== null}
        title="Replace the club with this file?"
        text={`Members, roles and published rosters are replaced by the contents of ${pending?.name ?? ''}. If the file has any error, nothing changes.`}
        confirmLabel="Import"
        danger
        onCancel={() => setPending(null)}
        onConfirm={() => {
          const file = pending;
          setPending(null);
          if (file !== null) void importFile(file);
        }}
      />
    </>
  );
}
