import { useState } from 'react';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import DownloadIcon from '@mui/icons-material/Download';
import PrintIcon from '@mui/icons-material/Print';
import type { ExportFormat, ExportRequest, MonthRef } from '../../main/api/contract.ts';
import { MAX_RANGE_MONTHS } from '../../solver/problem.ts';
import { api } from '../api.ts';
import { base64ToBlob, downloadBlob } from '../download.ts';
import { errorMessage } from '../useLoad.ts';

const FORMATS: { format: ExportFormat; label: string }[] = [
  { format: 'csv', label: 'CSV' },
  { format: 'csv-long', label: 'CSV (long)' },
  { format: 'ics', label: 'Calendar (ICS)' },
  { format: 'pdf', label: 'PDF' },
  { format: 'dutyman', label: 'DutyMan CSV' },
  { format: 'xlsx', label: 'Excel (XLSX)' },
];

/** Downloads of one published month or a run of months from it (optionally one member's duties), and printing. */
export function ExportButtons(props: { month: MonthRef; memberId: string | null; onError(message: string): void }): React.JSX.Element {
  const [busy, setBusy] = useState<ExportFormat | null>(null);
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
          disabled={busy !== null}
          onClick={() => void download(format)}
        >
          {label}
        </Button>
      ))}
      <FormControlLabel control={<Checkbox size="small" checked={bom} onChange={(_e, v) => setBom(v)} />} label="CSV with BOM (Excel)" />
      <Button variant="contained" size="small" startIcon={<PrintIcon />} onClick={() => window.print()}>
        Print
      </Button>
    </Stack>
  );
}
