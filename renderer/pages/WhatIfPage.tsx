import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import AddIcon from '@mui/icons-material/Add';
import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import type { ScenarioChanges, ScenarioView } from '../../main/api/contract.ts';
import { ApiError, api } from '../api.ts';
import { useApp } from '../appContext.tsx';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { GenerationProgress } from '../components/GenerationProgress.tsx';
import { MonthPicker } from '../components/MonthPicker.tsx';
import { ScenarioEditor } from '../components/ScenarioEditor.tsx';
import { ScenarioResult } from '../components/ScenarioResult.tsx';
import { dateTime, rangeLabel } from '../format.ts';
import { errorMessage, useLoad } from '../useLoad.ts';

/**
 * What-if: copy a range into a scenario, change its inputs there, generate and see what it changes
 * against the real draft or the published roster. Nothing real changes until "Adopt".
 */
export function WhatIfPage(): React.JSX.Element {
  const { month, setMonth, navigate, notify, settings } = useApp();
  const scenarios = useLoad(() => api.listScenarios(), []);
  const members = useLoad(() => api.listMembers(), []);
  const club = useLoad(() => api.getClubSettings(), []);
  const [months, setMonths] = useState(month.months ?? 1);
  const [name, setName] = useState('');
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [generating, setGenerating] = useState(false);
  const [confirm, setConfirm] = useState<'adopt' | 'delete' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const list = scenarios.data ?? [];
  const selected = list.find((s) => s.id === selectedId) ?? list[0] ?? null;
  const names = Object.fromEntries((members.data ?? []).map((m) => [m.id, m.name]));

  const replace = (view: ScenarioView) => scenarios.set([view, ...list.filter((s) => s.id !== view.id)].sort((a, b) => b.id - a.id));

  async function act(work: () => Promise<void>): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'cancelled') notify('What-if generation cancelled.', 'info');
      else setError(errorMessage(caught));
    } finally {
      setBusy(false);
      setGenerating(false);
    }
  }

  const create = () =>
    act(async () => {
      const label = name.trim() === '' ? `What-if ${list.length + 1}` : name;
      const view = await api.createScenario({ ...month, months }, label);
      replace(view);
      setSelectedId(view.id);
      setName('');
    });
  const save = (scenario: ScenarioView, newName: string, changes: ScenarioChanges) =>
    act(async () => replace(await api.updateScenario(scenario.id, newName, changes)));
  const generate = (scenario: ScenarioView) =>
    act(async () => {
      setGenerating(true);
      replace(await api.generateScenario(scenario.id));
    });
  const adopt = (scenario: ScenarioView) =>
    act(async () => {
      const adopted = await api.adoptScenario(scenario.id);
      const breaks = adopted.check.ruleBreaks.length;
      notify(
        `"${scenario.name}" is now the draft of ${rangeLabel(scenario.range)}. The draft it replaced can be brought back on the Propose page.` +
          (breaks > 0 ? ` Against the club's real data ${breaks} slot(s) break a rule there.` : ''),
        breaks > 0 ? 'warning' : 'success',
      );
      navigate('Propose');
    });
  const remove = (scenario: ScenarioView) =>
    act(async () => {
      await api.deleteScenario(scenario.id);
      scenarios.set(list.filter((s) => s.id !== scenario.id));
      setSelectedId(null);
      notify(`"${scenario.name}" deleted.`);
    });

  return (
    <Stack spacing={2}>
      <Typography variant="h5" component="h2">
        What-if
      </Typography>
      <Typography color="text.secondary">
        Try a change on a copy of a month: a member away, a role off, another limit or scheduler. The real draft and the club&apos;s data
        stay as they are until you adopt the what-if&apos;s roster.
      </Typography>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
        <MonthPicker value={month} onChange={setMonth} disabled={busy} />
        <TextField
          select
          size="small"
          label="Months"
          value={months}
          disabled={busy}
          onChange={(e) => setMonths(Number(e.target.value))}
          sx={{ width: 110 }}
        >
          {Array.from({ length: 12 }, (_, i) => i + 1).map((n) => (
            <MenuItem key={n} value={n}>
              {n}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          size="small"
          label="Name of the what-if"
          value={name}
          disabled={busy}
          onChange={(e) => setName(e.target.value)}
          slotProps={{ htmlInput: { maxLength: 80 } }}
        />
        <Button variant="contained" startIcon={<AddIcon />} disabled={busy} onClick={() => void create()}>
          New what-if
        </Button>
      </Stack>
      {error !== null && (
        <Alert severity="error" onClose={() => setError(null)}>
          {error}
        </Alert>
      )}
      {scenarios.error !== null && <Alert severity="error">{scenarios.error}</Alert>}
      {list.length === 0 && !scenarios.loading && (
        <Paper sx={{ p: 4, textAlign: 'center' }}>
          <Typography variant="h6" component="p">
            No what-ifs yet.
          </Typography>
          <Typography color="text.secondary">Pick a month, name the idea and press “New what-if”.</Typography>
        </Paper>
      )}
      {selected !== null && (
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: 'flex-start' }}>
          <Paper sx={{ width: { xs: '100%', md: 240 }, flexShrink: 0 }} component="nav" aria-label="What-ifs">
            <List dense>
              {list.map((s) => (
                <ListItemButton key={s.id} selected={s.id === selected.id} onClick={() => setSelectedId(s.id)} disabled={busy}>
                  <ListItemText
                    primary={s.name}
                    secondary={`${rangeLabel(s.range)} · ${s.result === null ? 'not generated' : 'generated'}`}
                  />
                </ListItemButton>
              ))}
            </List>
          </Paper>
          <Stack spacing={2} sx={{ flexGrow: 1, minWidth: 0 }}>
            <Paper sx={{ p: 2 }}>
              <Typography variant="h6" component="h3" gutterBottom>
                {selected.name} · {rangeLabel(selected.range)}
              </Typography>
              <ScenarioEditor
                key={`${selected.id}/${selected.updatedAt}`}
                scenario={selected}
                members={members.data ?? []}
                roles={club.data?.roles ?? []}
                disabled={busy}
                onSave={(newName, changes) => void save(selected, newName, changes)}
              />
              <Stack direction="row" spacing={1} sx={{ mt: 2 }}>
                <Button variant="contained" startIcon={<PlayArrowIcon />} disabled={busy} onClick={() => void generate(selected)}>
                  {selected.result === null ? 'Generate' : 'Generate again'}
                </Button>
                <Button variant="outlined" disabled={busy || selected.result === null} onClick={() => setConfirm('adopt')}>
                  Adopt as the draft
                </Button>
                <Button color="error" disabled={busy} onClick={() => setConfirm('delete')} sx={{ ml: 'auto !important' }}>
                  Delete
                </Button>
              </Stack>
            </Paper>
            {generating && (
              <GenerationProgress
                label={`Generating “${selected.name}”…`}
                limitSeconds={settings?.timeLimitSeconds}
                cancelling={false}
                onCancel={() => void api.cancelGeneration().catch((caught: unknown) => setError(errorMessage(caught)))}
              />
            )}
            {selected.result !== null && (
              <>
                <Typography variant="body2" color="text.secondary">
                  Generated {dateTime(selected.result.generatedAt)}.
                </Typography>
                <ScenarioResult scenario={selected} names={names} />
              </>
            )}
          </Stack>
        </Stack>
      )}
      <ConfirmDialog
        open={confirm === 'adopt' && selected !== null}
        title="Adopt this what-if?"
        text={`Its roster becomes the draft of ${selected === null ? '' : rangeLabel(selected.range)}. The draft there now is replaced and can be brought back on the Propose page. The club's members, roles and limits do not change.`}
        confirmLabel="Adopt"
        onCancel={() => setConfirm(null)}
        onConfirm={() => {
          setConfirm(null);
          if (selected !== null) void adopt(selected);
        }}
      />
      <ConfirmDialog
        open={confirm === 'delete' && selected !== null}
        title="Delete this what-if?"
        text={`“${selected?.name ?? ''}” and its roster are deleted. The real draft is not touched.`}
        confirmLabel="Delete"
        danger
        onCancel={() => setConfirm(null)}
        onConfirm={() => {
          setConfirm(null);
          if (selected !== null) void remove(selected);
        }}
      />
    </Stack>
  );
}
