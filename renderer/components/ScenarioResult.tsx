import Alert from '@mui/material/Alert';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ScenarioView } from '../../main/api/contract.ts';
import { EMPTY_SLOT, SCHEDULER_NAMES, dayLabel, percent, readableDates } from '../format.ts';
import { RosterTable } from './RosterTable.tsx';

const AGAINST: Record<NonNullable<ScenarioView['difference']>['against'], string> = {
  draft: 'the real draft',
  published: 'the published roster',
  nothing: 'nothing (no draft and nothing published for this range)',
};

/** A generated what-if: its figures beside the real roster's, what it changes, and its roster. */
export function ScenarioResult(props: { scenario: ScenarioView; names: Record<string, string> }): React.JSX.Element {
  const { scenario, names } = props;
  const result = scenario.result!;
  const difference = scenario.difference!;
  const roster = result.roster;
  const name = (id: string | null) => (id === null ? EMPTY_SLOT : (names[id] ?? id));
  const changed = new Set(difference.slots.map((d) => `${d.date}/${d.role}`));
  const base = difference.baseMetrics;
  return (
    <Stack spacing={2} component="section" aria-label="What-if result">
      {roster.fallback !== null && (
        <Alert severity="warning">The optimizer failed here and the legacy scheduler stood in: {roster.fallback.reason}</Alert>
      )}
      <Typography>
        {SCHEDULER_NAMES[roster.scheduler]} · {roster.status} · fill {percent(roster.metrics.fill_rate_percent)} (
        {roster.metrics.filled_slots} of {roster.metrics.total_slots}) · fairness variance {roster.metrics.fairness_variance}
        {base !== null &&
          ` — ${difference.against === 'draft' ? 'draft' : 'published'}: fill ${percent(base.fill_rate_percent)} (${base.filled_slots} of ${base.total_slots}), fairness variance ${base.fairness_variance}`}
      </Typography>
      <Stack direction={{ xs: 'column', lg: 'row' }} spacing={2} sx={{ alignItems: 'flex-start' }}>
        <Paper sx={{ p: 2, flex: 1, minWidth: 0 }} component="section" aria-label="Changed slots">
          <Typography variant="subtitle1" component="h4">
            {difference.slots.length === 0
              ? `No slot differs from ${AGAINST[difference.against]}.`
              : `${difference.slots.length} slot${difference.slots.length === 1 ? '' : 's'} differ from ${AGAINST[difference.against]}`}
          </Typography>
          <List dense sx={{ maxHeight: 320, overflow: 'auto' }}>
            {difference.slots.map((d) => (
              <ListItem key={`${d.date}/${d.role}`} disableGutters>
                {dayLabel(d.date)} · {d.roleTitle}: {name(d.before)} → {name(d.after)}
              </ListItem>
            ))}
          </List>
        </Paper>
        <Paper sx={{ p: 2, flex: 1, minWidth: 0 }} component="section" aria-label="Duties that change">
          <Typography variant="subtitle1" component="h4">
            Who gains, who loses
          </Typography>
          {difference.members.length === 0 ? (
            <Typography color="text.secondary">Every member keeps the same number of duties.</Typography>
          ) : (
            <List dense sx={{ maxHeight: 320, overflow: 'auto' }}>
              {difference.members.map((m) => (
                <ListItem key={m.memberId} disableGutters>
                  {m.name}: {m.before} → {m.after} ({m.after > m.before ? '+' : ''}
                  {m.after - m.before})
                </ListItem>
              ))}
            </List>
          )}
        </Paper>
      </Stack>
      <RosterTable
        label="What-if roster"
        dutyDays={result.dutyDays}
        roles={result.roles}
        maxHeight={520}
        highlightLabel="differs from the real roster"
        cell={(date, role) => {
          const id = roster.assignments.find((a) => a.date === date && a.role === role)?.memberId ?? null;
          const diagnosis = id === null ? roster.diagnostics.find((d) => d.date === date && d.role === role)?.summary : undefined;
          return {
            name: id === null ? null : name(id),
            highlighted: changed.has(`${date}/${role}`),
            note: diagnosis === undefined ? null : readableDates(diagnosis),
          };
        }}
      />
    </Stack>
  );
}
