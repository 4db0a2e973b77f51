import { useState } from 'react';
import Button from '@mui/material/Button';
import FileDownloadIcon from '@mui/icons-material/FileDownload';
import FileUploadIcon from '@mui/icons-material/FileUpload';
import { api } from '../api.ts';
import { FileButton } from './FileButton.tsx';
import { useApp } from '../appContext.tsx';
import { downloadBlob } from '../download.ts';
import { errorMessage } from '../useLoad.ts';
import type { ImportPreview } from '../../main/api/contract.ts';
import { ImportDialog } from './ImportDialog.tsx';

/** Import the whole club from a club file (all or nothing) or export it. */
export function ClubFileButtons(props: {
  onImported(): Promise<void>;
  onError(message: string): void;
  /** An import that went through with likely typos in it: the summary and each warning. */
  onWarnings(summary: string, warnings: string[]): void;
}): React.JSX.Element {
  const { notify, refresh, club } = useApp();
  const [pending, setPending] = useState<{ name: string; text: string; preview: ImportPreview } | null>(null);
  const [busy, setBusy] = useState(false);

  /** Reads the file and asks what it would change; a damaged file is reported before any dialog. */
  async function previewFile(file: File): Promise<void> {
    setBusy(true);
    try {
      const text = await file.text();
      setPending({ name: file.name, text, preview: await api.previewClubImport(text) });
    } catch (caught) {
      props.onError(`Nothing was imported. ${errorMessage(caught)}`);
    } finally {
      setBusy(false);
    }
  }

  async function importFile(file: { name: string; text: string }): Promise<void> {
    setBusy(true);
    try {
      const result = await api.importClubFile(file.text, file.name);
      await Promise.all([props.onImported(), refresh()]);
      const drafts =
        result.draftsKept === 0
          ? ''
          : ` ${result.draftsKept} draft(s) kept${result.emptiedDraftSlots > 0 ? `, ${result.emptiedDraftSlots} slot(s) emptied` : ''}.`;
      const summary = `Imported ${result.members} members, ${result.roles} roles and ${result.publishedDays} published days.${drafts} Backup: ${result.backup}.`;
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
      const base =
        (club?.name ?? 'club')
          .replace(/[^\p{L}\p{N}]+/gu, '-')
          .replace(/^-|-$/g, '')
          .toLowerCase() || 'club';
      downloadBlob(new Blob([text], { type: 'application/json' }), `${base}.json`);
    } catch (caught) {
      props.onError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <FileButton
        label="Import club file"
        fileLabel="Club file to import"
        accept=".json,application/json"
        icon={<FileUploadIcon />}
        disabled={busy}
        onFile={(file) => void previewFile(file)}
      />
      <Button startIcon={<FileDownloadIcon />} disabled={busy} onClick={() => void exportFile()} sx={{ whiteSpace: 'nowrap' }}>
        Export club file
      </Button>
      {pending !== null && (
        <ImportDialog
          fileName={pending.name}
          preview={pending.preview}
          onCancel={() => setPending(null)}
          onImport={() => {
            const file = pending;
            setPending(null);
            void importFile(file);
          }}
        />
      )}
    </>
  );
}
