import { useEffect, useState } from 'react';
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
import type { MonthRef, PublishedChange, PublishedView } from '../../main/api/contract.ts';
import { api } from '../api.ts';
import { ConflictList } from '../components/ConflictList.tsx';
import { DutyActions, type PublishedDuty } from '../components/DutyActions.tsx';
import { ExportButtons } from '../components/ExportButtons.tsx';
import { NotifyPanel } from '../components/NotifyPanel.tsx';
import { PublishedMonthList } from '../components/PublishedMonthList.tsx';
import { ReplanDialog } from '../components/ReplanDialog.tsx';
import { RosterTable } from '../components/RosterTable.tsx';
import { VersionHistory } from '../components/VersionHistory.tsx';
import { dateTime, dayLabel, monthLabel, readableDates } from '../format.ts';
import { useApp } from '../appContext.tsx';
import { useLoad } from '../useLoad.ts';

/** Every member of the club (each gets a calendar, duties or not), and anyone else the roster names. */
function membersOf(view: PublishedView, members: readonly { id: string; name: string }[]): { id: string; name: string }[] {
  const names = new Map(members.map((m) => [m.id, m.name]));
  for (const day of view.days)
    for (const slot of day.slots) if (slot.memberId !== null) names.set(slot.memberId, slot.memberName ?? slot.memberId);
  return [...names].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
}

function MemberDuties(props: { view: PublishedView; memberId: string }): React.JSX.Element {
  const title = new Map(props.view.roles.map((role) => [role.key, role.title]));
  const duties = props.view.days.flatMap((day) =>
    day.slots.filter((s) => s.memberId === props.memberId).map((s) => ({ date: day.date, role: s.role })),
  );
  return (
    <Paper sx={{ p: 2 }} component="section" aria-label="Duties of the chosen member">
      <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
        {duties.length} {duties.length === 1 ? 'duty' : 'duties'}
      </Typography>
      <Table size="small" aria-label="Member duties">
        <TableHead>
          <TableRow>
            <TableCell>Day</TableCell>
            <TableCell>Role</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {duties.map((duty) => (
            <TableRow key={`${duty.date}/${duty.role}`}>
              <TableCell>{dayLabel(duty.date)}</TableCell>
              <TableCell>{title.get(duty.role) ?? duty.role}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Paper>
  );
}

export function PublishedPage(): React.JSX.Element {
  const { month, notify } = useApp();
  const months = useLoad(() => api.listPublishedMonths(), []);
  const members = useLoad(() => api.listMembers(), []);
  const [selected, setSelected] = useState<MonthRef | null>(null);
  const [memberId, setMemberId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [replanning, setReplanning] = useState(false);
  const [opened, setOpened] = useState<{ duty: PublishedDuty; anchor: HTMLElement } | null>(null);
  const [historyOpen, setHistoryOpen] = useState(false);
  const published = useLoad(
    () => (selected === null ? Promise.resolve(null) : api.getPublished(selected)),
    [selected?.year, selected?.month],
  );

  // The month being worked on when it is published (Propose links here), else the newest.
  useEffect(() => {
    if (selected !== null || months.data === undefined) return;
    const chosen = months.data.find((m) => m.year === month.year && m.month === month.month) ?? months.data.at(-1);
    if (chosen !== undefined) setSelected({ year: chosen.year, month: chosen.month });
  }, [months.data, selected, month.year, month.month]);

  const view = published.data ?? null;
  const people = view === null ? [] : membersOf(view, members.data ?? []);
  const hasDuties = memberId !== null && view !== null && view.days.some((day) => day.slots.some((slot) => slot.memberId === memberId));
  const roles = view === null ? [] : view.roles.filter((role) => view.days.some((day) => day.slots.some((slot) => slot.role === role.key)));
  const byslot = new Map(view?.days.flatMap((day) => day.slots.map((slot) => [`${day.date}/${slot.role}`, slot] as const)) ?? []);

  // A swap, cover or restore made a new version: show it, and what it warned of.
  const changed = (change: PublishedChange) => {
    setOpened(null);
    notify(readableDates([change.message, ...change.warnings].join(' ')), change.warnings.length > 0 ? 'warning' : 'success');
    void published.reload();
    void months.reload();
  };

  return (
    <Stack spacing={2}>
      <Typography variant="h5" component="h2" className="no-print">
        Published rosters
      </Typography>
      {[months.error, published.error, error]
        .filter((e) => e !== null)
        .map((e) => (
          <Alert key={e} severity="error" onClose={e === error ? () => setError(null) : undefined}>
            {e}
          </Alert>
        ))}
      <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
        <PublishedMonthList
          months={[...(months.data ?? [])].reverse()}
          selected={selected}
          onSelect={(month) => {
            setSelected(month);
            setMemberId(null);
          }}
        />
        {view !== null && selected !== null && (
          <Stack spacing={2} sx={{ flex: 1, minWidth: 0 }}>
            <Stack direction="row" spacing={2} sx={{ alignItems: 'baseline' }}>
              <Typography variant="h6" component="h3">
                {view.clubName}: {monthLabel(selected)}
              </Typography>
              <Typography variant="body2" color="text.secondary">
                Version {view.version}, published {dateTime(view.publishedAt)}
              </Typography>
              <Button size="small" className="no-print" onClick={() => setHistoryOpen(true)}>
                History
              </Button>
            </Stack>
            {historyOpen && <VersionHistory month={selected} onClose={() => setHistoryOpen(false)} onChanged={changed} />}
            {opened !== null && <DutyActions {...opened} onClose={() => setOpened(null)} onChanged={changed} />}
            <ConflictList conflicts={view.conflicts} onReplan={() => setReplanning(true)} />
            {replanning && (
              <ReplanDialog
                month={selected}
                onClose={() => setReplanning(false)}
                onAccepted={(result) => {
                  setReplanning(false);
                  const duties = `${result.changedSlots} ${result.changedSlots === 1 ? 'duty' : 'duties'}`;
                  notify(`Re-plan accepted: version ${result.version}, ${duties} changed.`, 'success');
                  void Promise.all([published.reload(), months.reload()]);
                }}
              />
            )}
            <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }} className="no-print">
              <TextField
                select
                size="small"
                label="Member"
                value={memberId ?? ''}
                onChange={(e) => setMemberId(e.target.value === '' ? null : e.target.value)}
                sx={{ width: 220, flexShrink: 0 }}
                slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
              >
                <MenuItem value="">Everyone</MenuItem>
                {people.map((person) => (
                  <MenuItem key={person.id} value={person.id}>
                    {person.name}
                  </MenuItem>
                ))}
              </TextField>
              <ExportButtons month={selected} memberId={memberId} memberHasDuties={hasDuties} onError={setError} />
            </Stack>
            {memberId !== null && <MemberDuties view={view} memberId={memberId} />}
            <RosterTable
              label={`Published roster ${monthLabel(selected)}`}
              dutyDays={view.days.map((day) => day.date)}
              roles={roles}
              highlightLabel="chosen member"
              onOpenCell={(date, role, anchor) => {
                const slot = byslot.get(`${date}/${role}`);
                const roleTitle = roles.find((r) => r.key === role)?.title ?? role;
                const duty = { date, role, roleTitle, memberId: slot?.memberId ?? null, memberName: slot?.memberName ?? null };
                setOpened({ duty, anchor });
              }}
              cell={(date, role) => {
                const slot = byslot.get(`${date}/${role}`);
                return { name: slot?.memberName ?? slot?.memberId ?? null, highlighted: memberId !== null && slot?.memberId === memberId };
              }}
            />
            <Typography variant="body2" color="text.secondary" className="no-print">
              Choose a duty to record a cover, a replacement or a swap. Each change is a new version; History lists them.
            </Typography>
            <NotifyPanel month={selected} version={view.version} />
          </Stack>
        )}
      </Stack>
    </Stack>
  );
}
