import { useMemo, useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TableSortLabel from '@mui/material/TableSortLabel';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import DownloadIcon from '@mui/icons-material/Download';
import HelpOutlineIcon from '@mui/icons-material/HelpOutlineOutlined';
import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import type { MemberSeason, SeasonDashboard } from '../../main/api/contract.ts';
import { DASHBOARD_DAYS } from '../../solver/seasonStats.ts';
import type { Weekday } from '../../solver/types.ts';
import { api } from '../api.ts';
import { useApp } from '../appContext.tsx';
import { SeasonChart } from '../components/SeasonChart.tsx';
import { Stat } from '../components/Stat.tsx';
import { WhyDialog } from '../components/WhyDialog.tsx';
import { base64ToBlob, downloadBlob } from '../download.ts';
import { dayLabel } from '../format.ts';
import { matchesSearch } from '../search.ts';
import { errorMessage, useLoad } from '../useLoad.ts';

const DAY_TITLES: Record<Weekday, string> = { sat: 'Sat', sun: 'Sun', mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri' };

type Show = 'all' | 'behind' | 'ahead' | 'lapsing';
const SHOW_LABELS: Record<Show, string> = {
  all: 'Everyone',
  behind: 'Behind',
  ahead: 'Ahead',
  lapsing: 'Qualification lapsing',
};

interface Column {
  id: string;
  label: string;
  value(m: MemberSeason): number | string | null;
}

const signed = (value: number | null) => (value === null ? '–' : value > 0 ? `+${value}` : value < 0 ? `−${-value}` : '0');

function expectedText(m: MemberSeason): string {
  if (m.expected === null) return '–';
  return m.expectedFrom === 'quota' ? `${m.expected} (quota)` : m.expectedFrom === 'exempt' ? '0 (exempt)' : String(m.expected);
}

function columnsOf(view: SeasonDashboard): Column[] {
  const days = DASHBOARD_DAYS.filter((d) => d === 'sat' || d === 'sun' || view.members.some((m) => m.byWeekday[d] > 0));
  return [
    { id: 'name', label: 'Member', value: (m) => m.name },
    ...view.roles.map((r): Column => ({ id: `role:${r.key}`, label: r.title, value: (m) => m.byRole[r.key] ?? 0 })),
    ...days.map((d): Column => ({ id: `day:${d}`, label: DAY_TITLES[d], value: (m) => m.byWeekday[d] })),
    { id: 'published', label: 'Published', value: (m) => m.published },
    { id: 'drafted', label: 'Drafted', value: (m) => m.drafted },
    { id: 'total', label: 'Total', value: (m) => m.total },
    { id: 'expected', label: 'Expected', value: (m) => m.expected },
    { id: 'difference', label: '+/−', value: (m) => m.difference },
  ];
}

function compare(a: number | string | null, b: number | string | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b));
}

/** The season dashboard: every member's duties in the year's season against their quota or the club's average. */
export function SeasonPage(): React.JSX.Element {
  const { month } = useApp();
  const [year, setYear] = useState(month.year);
  const dashboard = useLoad(() => api.seasonDashboard(year), [year]);
  const [search, setSearch] = useState('');
  const [show, setShow] = useState<Show>('all');
  const [sort, setSort] = useState<{ id: string; descending: boolean }>({ id: 'difference', descending: false });
  const [why, setWhy] = useState<MemberSeason | null>(null);
  const [error, setError] = useState<string | null>(null);

  const view = dashboard.data;
  const columns = useMemo(() => (view === undefined ? [] : columnsOf(view)), [view]);
  const rows = useMemo(() => {
    if (view === undefined) return [];
    const column = columns.find((c) => c.id === sort.id) ?? columns[0];
    const wanted = (m: MemberSeason) =>
      show === 'all' ||
      (show === 'behind' && (m.difference ?? 0) < 0) ||
      (show === 'ahead' && (m.difference ?? 0) > 0) ||
      (show === 'lapsing' && m.lapsing.length > 0);
    return view.members
      .filter((m) => wanted(m) && matchesSearch(search, [m.name, m.memberId]))
      .sort((a, b) => {
        const order = compare(column.value(a), column.value(b));
        // Members without a figure stay last either way.
        const nulls = column.value(a) === null || column.value(b) === null;
        return (sort.descending && !nulls ? -order : order) || a.name.localeCompare(b.name);
      });
  }, [view, columns, sort, show, search]);

  async function exportFile(format: 'csv' | 'xlsx'): Promise<void> {
    try {
      const file = await api.exportSeasonDashboard(year, format);
      downloadBlob(base64ToBlob(file.base64, file.mimeType), file.fileName);
    } catch (caught) {
      setError(errorMessage(caught));
    }
  }

  const nameOf = (id: string | null) => view?.members.find((m) => m.memberId === id);
  const behind = nameOf(view?.furthestBehind ?? null);
  const ahead = nameOf(view?.furthestAhead ?? null);
  const lapsing = view?.members.filter((m) => m.lapsing.length > 0).length ?? 0;
  const whyMonth =
    why === null || view === undefined ? month : month.year === year ? month : { year, month: Number(view.range.start.slice(5, 7)) };

  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="h5" component="h2">
          Season
        </Typography>
        <TextField
          type="number"
          size="small"
          label="Year"
          value={year}
          onChange={(event) => {
            const next = Number(event.target.value);
            if (Number.isInteger(next) && next >= 2000 && next <= 2100) setYear(next);
          }}
          slotProps={{ htmlInput: { min: 2000, max: 2100 } }}
          sx={{ width: 110 }}
        />
        {view !== undefined && (
          <Typography variant="body2" color="text.secondary">
            {dayLabel(view.range.start)} {view.range.start.slice(0, 4)} to {dayLabel(view.range.end)} {view.range.end.slice(0, 4)}
          </Typography>
        )}
        <Button variant="outlined" startIcon={<DownloadIcon />} onClick={() => void exportFile('csv')} sx={{ ml: 'auto !important' }}>
          Export CSV
        </Button>
        <Button variant="outlined" startIcon={<DownloadIcon />} onClick={() => void exportFile('xlsx')}>
          Export Excel
        </Button>
      </Stack>
      {error !== null && (
        <Alert severity="error" onClose={() => setError(null)}>
          {error}
        </Alert>
      )}
      {dashboard.error !== null && <Alert severity="error">{dashboard.error}</Alert>}
      {view !== undefined && (
        <>
          <Paper sx={{ p: 2 }} component="section" aria-label="Season summary">
            <Stack direction="row" spacing={4} useFlexGap sx={{ flexWrap: 'wrap' }}>
              <Stat label="Club average" value={view.average === null ? '–' : `${view.average} duties`} />
              <Stat label="Furthest behind" value={behind ? `${behind.name} (${signed(behind.difference)})` : 'Nobody'} />
              <Stat label="Furthest ahead" value={ahead ? `${ahead.name} (${signed(ahead.difference)})` : 'Nobody'} />
              <Stat label="Qualifications lapsing" value={String(lapsing)} />
            </Stack>
          </Paper>
          <Paper sx={{ p: 2 }} component="section" aria-label="Behind and ahead">
            <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600, mb: 1 }}>
              Duties against quota or average
            </Typography>
            <SeasonChart members={view.members} />
          </Paper>
          <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
            <TextField
              type="search"
              size="small"
              label="Find member"
              value={search}
              onChange={(event) => setSearch(event.target.value)}
              sx={{ width: 220 }}
            />
            <TextField
              select
              size="small"
              label="Show"
              value={show}
              onChange={(event) => setShow(event.target.value as Show)}
              sx={{ width: 220 }}
            >
              {(Object.keys(SHOW_LABELS) as Show[]).map((key) => (
                <MenuItem key={key} value={key}>
                  {SHOW_LABELS[key]}
                </MenuItem>
              ))}
            </TextField>
            <Typography variant="body2" color="text.secondary">
              {rows.length} of {view.members.length}
            </Typography>
          </Stack>
          <Paper>
            <TableContainer sx={{ maxHeight: 'calc(100vh - 200px)' }}>
              <Table size="small" stickyHeader aria-label="Season dashboard" sx={{ '& td, & th': { fontSize: '0.8125rem', px: 0.75 } }}>
                <TableHead>
                  <TableRow>
                    {columns.map((column) => (
                      <TableCell key={column.id} sortDirection={sort.id === column.id ? (sort.descending ? 'desc' : 'asc') : false}>
                        <TableSortLabel
                          active={sort.id === column.id}
                          direction={sort.id === column.id && sort.descending ? 'desc' : 'asc'}
                          onClick={() => setSort({ id: column.id, descending: sort.id === column.id ? !sort.descending : false })}
                        >
                          {column.label}
                        </TableSortLabel>
                      </TableCell>
                    ))}
                  </TableRow>
                </TableHead>
                <TableBody>
                  {rows.map((m) => (
                    <TableRow key={m.memberId} hover>
                      {columns.map((column) =>
                        column.id === 'name' ? (
                          <TableCell key={column.id} component="th" scope="row" sx={{ fontWeight: 500, minWidth: 150 }}>
                            {m.name}
                            <Tooltip title="Duties and why not">
                              <IconButton
                                size="small"
                                aria-label={`Why (not) ${m.name}`}
                                onClick={() => setWhy(m)}
                                sx={{ ml: 0.25, p: 0.25 }}
                              >
                                <HelpOutlineIcon fontSize="small" />
                              </IconButton>
                            </Tooltip>
                            {m.lapsing.map((q) => (
                              <Chip
                                key={q.qualification}
                                size="small"
                                color="warning"
                                icon={<WarningAmberIcon />}
                                label={`${view.qualificationTitles[q.qualification] ?? q.qualification} until ${dayLabel(q.lastValid)}`}
                                sx={{ display: 'flex', width: 'fit-content', mt: 0.25, height: 20, fontSize: '0.7rem' }}
                              />
                            ))}
                          </TableCell>
                        ) : (
                          <TableCell key={column.id}>
                            {column.id === 'expected'
                              ? expectedText(m)
                              : column.id === 'difference'
                                ? signed(m.difference)
                                : column.value(m)}
                          </TableCell>
                        ),
                      )}
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </TableContainer>
          </Paper>
        </>
      )}
      {why !== null && <WhyDialog memberId={why.memberId} memberName={why.name} month={whyMonth} onClose={() => setWhy(null)} />}
    </Stack>
  );
}
