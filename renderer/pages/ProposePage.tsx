import { useEffect, useRef, useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import CasinoIcon from '@mui/icons-material/Casino';
import ArrowDropDownIcon from '@mui/icons-material/ArrowDropDown';
import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import PublishIcon from '@mui/icons-material/Publish';
import type { DraftView, MonthStatus, SchedulerKind, SlotCandidate, SlotView } from '../../main/api/contract.ts';
import { ApiError, api } from '../api.ts';
import { activeSchedulerFor } from '../activeScheduler.ts';
import { useApp } from '../appContext.tsx';
import { ActiveSchedulerChip } from '../components/ActiveSchedulerChip.tsx';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { DraftGrid } from '../components/DraftGrid.tsx';
import { FallbackNotice } from '../components/FallbackNotice.tsx';
import { GenerationProgress } from '../components/GenerationProgress.tsx';
import { PublishDialog } from '../components/PublishDialog.tsx';
import { RangePicker } from '../components/RangePicker.tsx';
import { RunSummary } from '../components/RunSummary.tsx';
import { SlotDialog } from '../components/SlotDialog.tsx';
import { SCHEDULER_NAMES, dateTime, dayLabel, monthsLabel, rangeLabel, rangeOfMonths, readableDates } from '../format.ts';
import { errorMessage, useLoad } from '../useLoad.ts';

type Confirming = 'publish' | 'discard' | null;

const REPLACED_BY: Record<NonNullable<MonthStatus['replacedDraft']>['action'], string> = {
  roll: 'replaced by Roll',
  generate: 'replaced by Generate',
  adopt: 'replaced by Adopt on the Compare page',
  discard: 'discarded',
  undo: 'replaced when an earlier draft was brought back',
};

/** What is published for the month: when, which version, and a way there. */
function PublishedNotice(props: { status: MonthStatus; onOpen(): void }): React.JSX.Element | null {
  const { published } = props.status;
  if (published === null) return null;
  return (
    <Alert
      severity="info"
      action={
        <Button color="inherit" size="small" onClick={props.onOpen}>
          Open published roster
        </Button>
      }
    >
      Version {published.version} of {rangeLabel(props.status.range)} was published {dateTime(published.publishedAt)} (
      {published.filledSlots} of {published.totalSlots} slots filled). Publishing again makes version {published.version + 1}.
    </Alert>
  );
}

export function ProposePage(): React.JSX.Element {
  const { month, setMonth, settings, notify, navigate } = useApp();
  const draft = useLoad(() => api.getDraft(month), [month.year, month.month, month.months]);
  const status = useLoad(() => api.monthStatus(month), [month.year, month.month, month.months]);
  const [restoring, setRestoring] = useState<{ date: string; text: string } | null>(null);
  const [rollMenu, setRollMenu] = useState<HTMLElement | null>(null);
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
      await status.reload();
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

  async function publish(draftId: number, anyway: boolean): Promise<void> {
    setConfirming(null);
    setBusy(true);
    setError(null);
    try {
      const published = await (anyway ? api.publishDraftAnyway(draftId) : api.publishDraft(draftId));
      await Promise.all([draft.reload(), status.reload()]);
      notify(`${rangeLabel(published.range)} is published as version ${published.version} (${published.days.length} duty days).`);
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
      await status.reload();
      notify('Draft discarded. It can be brought back until another draft is replaced.', 'info');
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  async function bringBack(): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      const restored = await api.restoreReplacedDraft();
      await Promise.all([draft.reload(), status.reload()]);
      notify(`The replaced draft of ${rangeLabel(restored.range)} is back.`);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  function rollWith(scheduler: SchedulerKind): void {
    setRollMenu(null);
    if (current !== null) void generate(() => api.rollDraftWith(current.id, scheduler));
  }

  function slotChanged(next: DraftView, chosen: SlotCandidate | null): void {
    draft.set(next);
    if (openSlot !== null) setFocusNext({ date: openSlot.date, role: openSlot.role });
    setOpenSlot(null);
    if (chosen !== null && chosen.warnings.length > 0)
      notify(`${chosen.name} is on duty. Please check: ${readableDates(chosen.warnings.join(' '))}`, 'warning');
  }

  const locked = generating || busy;
  const chosen = rangeOfMonths(month);
  const coversChoice = current === null || (current.range.start === chosen.start && current.range.end === chosen.end);

  /** A date the club calendar removed: restoring it is a change of the club calendar, so say what it affects first. */
  async function askRestoreClubDate(date: string, reason: string | null): Promise<void> {
    setError(null);
    try {
      const calendar = await api.getClubCalendar();
      const preview = await api.previewClubCalendar({ ...calendar, removedDates: calendar.removedDates.filter((r) => r.date !== date) });
      setRestoring({
        date,
        text: `${dayLabel(date)} is removed for the whole club${reason === null ? '' : ` (${reason})`}. Restoring it makes it a duty day again in the club calendar. ${preview.summary}`,
      });
    } catch (caught) {
      setError(errorMessage(caught));
    }
  }

  async function restoreClubDate(date: string): Promise<void> {
    setRestoring(null);
    setBusy(true);
    setError(null);
    try {
      const calendar = await api.getClubCalendar();
      const saved = await api.updateClubCalendar({ ...calendar, removedDates: calendar.removedDates.filter((r) => r.date !== date) });
      await Promise.all([draft.reload(), status.reload()]);
      notify(`${dayLabel(date)} is a duty day again. ${saved.summary}`);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }
  const roleTitle = (key: string) => current?.roles.find((role) => role.key === key)?.title ?? key;

  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={1.5} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="h5" component="h2" sx={{ whiteSpace: 'nowrap' }}>
          Propose roster
        </Typography>
        <RangePicker value={month} onChange={setMonth} disabled={generating} />
        {active !== null && <ActiveSchedulerChip scheduler={active} />}
        <Stack direction="row" spacing={1} sx={{ ml: 'auto' }}>
          {current === null ? (
            <Button
              variant="contained"
              startIcon={<PlayArrowIcon />}
              disabled={locked || draft.loading}
              onClick={() => void generate(() => api.generateDraft(month))}
            >
              Generate
            </Button>
          ) : (
            <>
              <Stack direction="row">
                <Button
                  ref={rollButton}
                  variant="outlined"
                  startIcon={<CasinoIcon />}
                  disabled={locked}
                  onClick={() => void generate(() => api.rollDraft(current.id))}
                  title={`A new roster by the ${SCHEDULER_NAMES[current.activeScheduler].toLowerCase()} scheduler`}
                  sx={{ borderTopRightRadius: 0, borderBottomRightRadius: 0 }}
                >
                  Roll
                </Button>
                <IconButton
                  size="small"
                  aria-label="Pick the scheduler"
                  disabled={locked}
                  onClick={(event) => setRollMenu(event.currentTarget)}
                  sx={{ border: 1, borderColor: 'divider', borderRadius: '0 4px 4px 0', borderLeft: 0, px: 0 }}
                >
                  <ArrowDropDownIcon />
                </IconButton>
                <Menu anchorEl={rollMenu} open={rollMenu !== null} onClose={() => setRollMenu(null)}>
                  {(['legacy', 'optimizer'] as const).map((kind) => (
                    <MenuItem key={kind} onClick={() => rollWith(kind)}>
                      Roll with the {SCHEDULER_NAMES[kind].toLowerCase()} scheduler{kind === current.activeScheduler ? ' (as made)' : ''}
                    </MenuItem>
                  ))}
                </Menu>
              </Stack>
              {current.noDutyDays === null && (
                <Button variant="contained" startIcon={<PublishIcon />} disabled={locked} onClick={() => setConfirming('publish')}>
                  Publish
                </Button>
              )}
              <Button color="error" disabled={locked} onClick={() => setConfirming('discard')}>
                Discard
              </Button>
            </>
          )}
        </Stack>
      </Stack>

      {generating && (
        <GenerationProgress
          label={`Generating ${monthsLabel(month)} with the ${active === null ? '' : SCHEDULER_NAMES[active].toLowerCase()} scheduler…`}
          cancelling={cancelling}
          onCancel={() => void cancel()}
          limitSeconds={active === 'optimizer' ? settings?.timeLimitSeconds : null}
        />
      )}
      {error !== null && (
        <Alert severity="error" onClose={() => setError(null)}>
          {error}
        </Alert>
      )}
      {draft.error !== null && <Alert severity="error">{draft.error}</Alert>}

      {status.data?.replacedDraft != null && (
        <Alert
          severity="info"
          action={
            <Button color="inherit" size="small" disabled={locked} onClick={() => void bringBack()}>
              Bring back
            </Button>
          }
        >
          The draft of {rangeLabel(status.data.replacedDraft.range)} {REPLACED_BY[status.data.replacedDraft.action]} at{' '}
          {dateTime(status.data.replacedDraft.replacedAt)} can be brought back.
        </Alert>
      )}
      {status.data !== undefined && <PublishedNotice status={status.data} onOpen={() => navigate('Published')} />}
      {current !== null && !coversChoice && (
        <Alert
          severity="info"
          action={
            <Button color="inherit" size="small" disabled={locked} onClick={() => void generate(() => api.generateDraft(month))}>
              Generate {monthsLabel(month)}
            </Button>
          }
        >
          The draft shown covers {rangeLabel(current.range)}. Generating {monthsLabel(month)} replaces it (locked slots and removed dates
          stay; the replaced draft can be brought back).
        </Alert>
      )}
      {current !== null && current.noDutyDays !== null && <Alert severity="info">{current.noDutyDays} There is nothing to publish.</Alert>}

      {current !== null && (
        <>
          <FallbackNotice run={current.run} />
          <RunSummary run={current.run} now={current.metrics} />
          <DraftGrid
            draft={current}
            disabled={locked}
            onOpenSlot={setOpenSlot}
            onToggleLock={(slot) => void edit(() => api.setSlotLocked(current.id, slot.date, slot.role, !slot.locked))}
            onSetRemoved={(date, removed) => void edit(() => api.setDateRemoved(current.id, date, removed))}
            onRestoreClubDate={(date, reason) => void askRestoreClubDate(date, reason)}
          />
        </>
      )}
      {current === null && !draft.loading && draft.error === null && !generating && (
        <Paper sx={{ p: 4, textAlign: 'center' }}>
          <Typography variant="h6" component="p">
            No draft for {monthsLabel(month)} yet.
          </Typography>
          {status.data?.noDutyDays != null ? (
            <Typography color="text.secondary" sx={{ mb: 2 }}>
              {status.data.noDutyDays}
            </Typography>
          ) : (
            <Typography color="text.secondary" sx={{ mb: 2 }}>
              Generate one with the active scheduler, or look at the{' '}
              <Button size="small" onClick={() => navigate('Published')}>
                published rosters
              </Button>
              .
            </Typography>
          )}
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
          {confirming === 'publish' && (
            <PublishDialog
              draftId={current.id}
              title={`Publish ${rangeLabel(current.range)}?`}
              onPublish={(anyway) => void publish(current.id, anyway)}
              onCancel={() => setConfirming(null)}
            />
          )}
          <ConfirmDialog
            open={restoring !== null}
            title="Restore the date for the club?"
            text={restoring?.text ?? ''}
            confirmLabel="Restore for the club"
            onConfirm={() => void (restoring !== null && restoreClubDate(restoring.date))}
            onCancel={() => setRestoring(null)}
          />
          <ConfirmDialog
            open={confirming === 'discard'}
            title={`Discard the draft of ${rangeLabel(current.range)}?`}
            text="The draft and its manual edits are put aside: it can be brought back until a Roll, Adopt or Discard replaces another draft. Published rosters are not touched."
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
