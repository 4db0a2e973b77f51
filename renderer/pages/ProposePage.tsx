import { useEffect, useRef, useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import CasinoIcon from '@mui/icons-material/Casino';
import DeleteOutlinedIcon from '@mui/icons-material/DeleteOutlined';
import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import PublishIcon from '@mui/icons-material/Publish';
import type { DraftView, SlotCandidate, SlotView } from '../../main/api/contract.ts';
import { ApiError, api } from '../api.ts';
import { activeSchedulerFor } from '../activeScheduler.ts';
import { useApp } from '../appContext.tsx';
import { ActiveSchedulerChip } from '../components/ActiveSchedulerChip.tsx';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { DraftGrid } from '../components/DraftGrid.tsx';
import { FallbackNotice } from '../components/FallbackNotice.tsx';
import { GenerationProgress } from '../components/GenerationProgress.tsx';
import { MonthPicker } from '../components/MonthPicker.tsx';
import { RunSummary } from '../components/RunSummary.tsx';
import { SlotDialog } from '../components/SlotDialog.tsx';
import { SCHEDULER_NAMES, monthLabel, readableDates } from '../format.ts';
import { errorMessage, useLoad } from '../useLoad.ts';

type Confirming = 'publish' | 'discard' | null;

export function ProposePage(): React.JSX.Element {
  const { month, setMonth, settings, notify, navigate } = useApp();
  const draft = useLoad(() => api.getDraft(month), [month.year, month.month]);
  const [generating, setGenerating] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [openSlot, setOpenSlot] = useState<SlotView | null>(null);
  const [confirming, setConfirming] = useState<Confirming>(null);
  // Where the keyboard focus goes once the page shows the result: the Roll button after a generation
  // (Generate is gone, Roll was disabled), the slot's own button after choosing a member for it.
  const [focusNext, setFocusNext] = useState<'roll' | { date: string; role: string } | null>(null);
  const rollButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (focusNext === null || generating || busy) return;
    const frame = requestAnimationFrame(() => {
      if (focusNext === 'roll') rollButton.current?.focus();
      else document.querySelector<HTMLElement>(`[data-slot="${focusNext.date}/${focusNext.role}"] button`)?.focus();
      setFocusNext(null);
    });
    return () => cancelAnimationFrame(frame);
  }, [focusNext, generating, busy, draft.data]);

  const current = draft.data ?? null;
  const active = current?.activeScheduler ?? (settings === null ? null : activeSchedulerFor(settings, month).scheduler);

  async function generate(run: () => Promise<DraftView>): Promise<void> {
    setGenerating(true);
    setError(null);
    try {
      draft.set(await run());
      setFocusNext('roll');
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'cancelled') notify('Generation cancelled. Nothing was changed.', 'info');
      else setError(errorMessage(caught));
    } finally {
      setGenerating(false);
      setCancelling(false);
    }
  }

  async function cancel(): Promise<void> {
    setCancelling(true);
    try {
      await api.cancelGeneration();
    } catch (caught) {
      setError(errorMessage(caught));
      setCancelling(false);
    }
  }

  /** Runs a quick edit of the draft and shows the result. */
  async function edit(step: () => Promise<DraftView>): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      draft.set(await step());
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  async function publish(draftId: number): Promise<void> {
    setConfirming(null);
    setBusy(true);
    setError(null);
    try {
      const published = await api.publishDraft(draftId);
      await draft.reload();
      notify(`${monthLabel(month)} is published (${published.days.length} duty days).`);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  async function discard(draftId: number): Promise<void> {
    setConfirming(null);
    setBusy(true);
    setError(null);
    try {
      await api.discardDraft(draftId);
      draft.set(null);
      notify('Draft discarded.', 'info');
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  function slotChanged(next: DraftView, chosen: SlotCandidate | null): void {
    draft.set(next);
    if (openSlot !== null) setFocusNext({ date: openSlot.date, role: openSlot.role });
    setOpenSlot(null);
    if (chosen !== null && chosen.warnings.length > 0) notify(`${chosen.name} is on duty. Please check: ${readableDates(chosen.warnings.join(' '))}`, 'warning');
  }

  const locked = generating || busy;
  const roleTitle = (key: string) => current?.roles.find((role) => role.key === key)?.title ?? key;

  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={1.5} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="h5" component="h2" sx={{ whiteSpace: 'nowrap' }}>Propose roster</Typography>
        <MonthPicker value={month} onChange={setMonth} disabled={generating} />
        {active !== null && <ActiveSchedulerChip scheduler={active} />}
        <Stack direction="row" spacing={1} sx={{ ml: 'auto' }}>
          {current === null ? (
            <Button variant="contained" startIcon={<PlayArrowIcon />} disabled={locked || draft.loading} onClick={() => void generate(() => api.generateDraft(month))}>
              Generate
            </Button>
          ) : (
            <>
              <Button ref={rollButton} variant="outlined" startIcon={<CasinoIcon />} disabled={locked} onClick={() => void generate(() => api.rollDraft(current.id))}>
                Roll
              </Button>
              <Button variant="contained" startIcon={<PublishIcon />} disabled={locked} onClick={() => setConfirming('publish')}>
                Publish
              </Button>
              <Button color="error" startIcon={<DeleteOutlinedIcon />} disabled={locked} onClick={() => setConfirming('discard')}>
                Discard
              </Button>
            </>
          )}
        </Stack>
      </Stack>

      {generating && (
        <GenerationProgress
          label={`Generating ${monthLabel(month)} with the ${active === null ? '' : SCHEDULER_NAMES[active].toLowerCase()} scheduler…`}
          cancelling={cancelling}
          onCancel={() => void cancel()}
          limitSeconds={active === 'optimizer' ? settings?.timeLimitSeconds : null}
        />
      )}
      {error !== null && <Alert severity="error" onClose={() => setError(null)}>{error}</Alert>}
      {draft.error !== null && <Alert severity="error">{draft.error}</Alert>}

      {current !== null && (
        <>
          <FallbackNotice run={current.run} />
          <RunSummary run={current.run} />
          <DraftGrid
            draft={current}
            disabled={locked}
            onOpenSlot={setOpenSlot}
            onToggleLock={(slot) => void edit(() => api.setSlotLocked(current.id, slot.date, slot.role, !slot.locked))}
            onSetRemoved={(date, removed) => void edit(() => api.setDateRemoved(current.id, date, removed))}
          />
        </>
      )}
      {current === null && !draft.loading && draft.error === null && !generating && (
        <Paper sx={{ p: 4, textAlign: 'center' }}>
          <Typography variant="h6" component="p">No draft for {monthLabel(month)} yet.</Typography>
          <Typography color="text.secondary" sx={{ mb: 2 }}>
            Generate one with the active scheduler, or look at the <Button size="small" onClick={() => navigate('Published')}>published rosters</Button>.
          </Typography>
        </Paper>
      )}

      {current !== null && openSlot !== null && (
        <SlotDialog
          draft={current}
          slot={openSlot}
          roleTitle={roleTitle(openSlot.role)}
          onClose={() => setOpenSlot(null)}
          onChanged={slotChanged}
        />
      )}
      {current !== null && (
        <>
          <ConfirmDialog
            open={confirming === 'publish'}
            title={`Publish ${monthLabel(month)}?`}
            text="The published roster of these dates is replaced by this draft, and members' last duty dates are updated."
            confirmLabel="Publish"
            onConfirm={() => void publish(current.id)}
            onCancel={() => setConfirming(null)}
          />
          <ConfirmDialog
            open={confirming === 'discard'}
            title={`Discard the draft of ${monthLabel(month)}?`}
            text="The draft and its manual edits are thrown away. Published rosters are not touched."
            confirmLabel="Discard"
            danger
            onConfirm={() => void discard(current.id)}
            onCancel={() => setConfirming(null)}
          />
        </>
      )}
    </Stack>
  );
}
