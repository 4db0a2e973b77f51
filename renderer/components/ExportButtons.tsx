import { useState } from 'react';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import DownloadIcon from '@mui/icons-material/Download';
import EventIcon from '@mui/icons-material/Event';
import PrintIcon from '@mui/icons-material/Print';
import type { ExportFormat, ExportRequest, MonthRef } from '../../main/api/contract.ts';
import { MAX_RANGE_MONTHS } from '../../solver/problem.ts';
import { api } from '../api.ts';
import { base64ToBlob, downloadBlob } from '../download.ts';
import { downloadSeasonCalendar } from '../seasonCalendar.ts';
import { errorMessage } from '../useLoad.ts';

const FORMATS: { format: ExportFormat; label: string }[] = [
  { format: 'csv', label: 'CSV' },
  { format: 'csv-long', label: 'CSV (long)' },
  { format: 'ics', label: 'Calendar (ICS)' },
  { format: 'pdf', label: 'PDF' },
  { format: 'dutyman', label: 'DutyMan CSV' },
  { format: 'xlsx', label: 'Excel (XLSX)' },
];

/** Formats that list one member's duties and need at least one: a calendar is valid without any. */
const NEEDS_DUTIES: ReadonlySet<ExportFormat> = new Set(['csv', 'csv-long', 'dutyman']);

/**
 * Downloads of one published month or a run of months from it (optionally one member's duties), the season's calendar (the club's feed
 * or the member's file) and printing. A member without duties that month still gets the calendars.
 */
export function ExportButtons(props: {
  month: MonthRef;
  memberId: string | null;
  /** False when the chosen member has no duty this month (their CSV files would be empty). */
  memberHasDuties: boolean;
  onError(message: string): void;
}): React.JSX.Element {
  const [busy, setBusy] = useState<ExportFormat | 'season' | null>(null);
  const [bom, setBom] = useState(false);
  const [months, setMonths] = useState(1);

  async function download(format: ExportFormat): Promise<void> {
    setBusy(format);
    try {
      const request: ExportRequest = { year: props.month.year, month: props.month.month, format };
      if (props.memberId !== null && format !== 'pdf') request.memberId = props.memberId;
      if (bom && (format === 'csv' || format === 'csv-long')) request.bom = true;
      if (months > 1) request.months = months;
      const file = await api.exportPublished(request);
      downloadBlob(base64ToBlob(file.base64, file.mimeType), file.fileName);
    } catch (caught) {
      props.onError(errorMessage(caught));
    } finally {
      setBusy(null);
    }
  }

  async function downloadSeason(): Promise<void> {
    setBusy('season');
    try {
      await downloadSeasonCalendar(props.month.year, props.memberId);
    } catch (caught) {
      props.onError(errorMessage(caught));
    } finally {
      setBusy(null);
    }
  }

  const idle = props.memberId !== null && !props.memberHasDuties;
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }} className="no-print">
      <TextField
        select
        size="small"
        label="Months to export"
        value={months}
        onChange={(e) => setMonths(Number(e.target.value))}
        slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
        sx={{ width: 140 }}
      >
        {Array.from({ length: MAX_RANGE_MONTHS }, (_v, i) => i + 1).map((n) => (
          <option key={n} value={n}>
            {n === 1 ? 'This month' : `${n} from here`}
          </option>
        ))}
      </TextField>
      {FORMATS.map(({ format, label }) => (
        <Button
          key={format}
          variant="outlined"
          size="small"
          startIcon={<DownloadIcon />}
          disabled={busy !== null || (idle && NEEDS_DUTIES.has(format))}
          onClick={() => void download(format)}
        >
          {label}
        </Button>
      ))}
      <Button variant="outlined" size="small" startIcon={<EventIcon />} disabled={busy !== null} onClick={() => void downloadSeason()}>
        {props.memberId === null ? `Club feed ${props.month.year} (ICS)` : `Season ${props.month.year} (ICS)`}
      </Button>
      <FormControlLabel control={<Checkbox size="small" checked={bom} onChange={(_e, v) => setBom(v)} />} label="CSV with BOM (Excel)" />
      <Button variant="contained" size="small" startIcon={<PrintIcon />} onClick={() => window.print()}>
        Print
      </Button>
    </Stack>
  );
}
