import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { useApp } from '../appContext.tsx';
import { fieldErrorFor } from '../fieldError.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';

/**
 * Saving a club setting that can change drafts (the club calendar, the roles): the backend previews
 * the change first, the user is asked only when drafts change, and after saving the form says what
 * happened. The form keeps its own fields; this keeps the save's state, its buttons and its dialog.
 */
export function useDraftChangingSave<Saved extends { summary: string }>(opts: {
  /** What the change would do; no drafts: it is saved without asking. */
  preview(): Promise<{ drafts: unknown[]; summary: string }>;
  save(): Promise<Saved>;
  /** The saved setting back from the backend: the form takes it and tells its page. */
  saved(saved: Saved): void;
  /** The save button's words, also the dialog's confirm button: "Save roles". */
  label: string;
  /** The dialog's question: "Save the roles?". */
  question: string;
  /** Before the summary under the form: "Roles saved.". */
  savedText: string;
  /** The notification: "Roles saved.". */
  notice: string;
}) {
  const { notify, refresh } = useApp();
  const [error, setError] = useState<{ field: string | null; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirm, setConfirm] = useState<string | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const { label } = opts;

  async function save(): Promise<void> {
    setConfirm(null);
    setBusy(true);
    try {
      const saved = await opts.save();
      opts.saved(saved);
      setResult(saved.summary);
      await refresh();
      notify(opts.notice);
    } catch (caught) {
      setError(fieldErrorFor(caught));
    } finally {
      setBusy(false);
    }
  }

  async function check(): Promise<void> {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const preview = await opts.preview();
      if (preview.drafts.length === 0) await save();
      else setConfirm(preview.summary);
    } catch (caught) {
      setError(fieldErrorFor(caught));
    } finally {
      setBusy(false);
    }
  }

  /** The result of the last save, Save and Reset (which puts the form back and clears the error). */
  const controls = (onReset: () => void) => (
    <>
      {result !== null && (
        <Alert severity="success" onClose={() => setResult(null)}>
          {opts.savedText} {result}
        </Alert>
      )}
      <Stack direction="row" spacing={1}>
        <Button variant="contained" disabled={busy} onClick={() => void check()}>
          {label}
        </Button>
        <Button
          disabled={busy}
          onClick={() => {
            onReset();
            setError(null);
          }}
        >
          Reset
        </Button>
      </Stack>
    </>
  );
  const dialog = (
    <ConfirmDialog
      open={confirm !== null}
      title={opts.question}
      text={confirm ?? ''}
      confirmLabel={label}
      onConfirm={() => void save()}
      onCancel={() => setConfirm(null)}
    />
  );
  return { error, controls, dialog };
}
