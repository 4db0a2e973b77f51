import type { ExportFormat, ExportRequest, PublishedView } from '../api/contract.ts';
import { daysToExport, fileStem, memberFileSuffix, memberNameIn } from './common.ts';
import { gridCsv, longCsv } from './csv.ts';
import { dutymanCsv } from './dutyman.ts';
import { monthSheetPdf } from './pdf.ts';
import { rosterXlsx, XLSX_MIME } from './xlsx.ts';

export interface RenderedExport {
  fileName: string;
  mimeType: string;
  bytes: Buffer;
}

export interface RenderOptions {
  /** Folder with the PDF fonts, for hosts that ship assets elsewhere (a packaged app). */
  fontDir?: string;
}

/** The formats made from the published view alone; calendars follow the version history (backend/calendars.ts). */
export type ViewExportRequest = ExportRequest & { format: Exclude<ExportFormat, 'ics'> };

/**
 * Renders a published roster in the requested format. Throws ApiError not_found when the month has no published
 * days (or the member has no duties in it), so nobody receives an empty file.
 */
export async function renderExport(
  view: PublishedView,
  request: ViewExportRequest,
  generatedAt: Date,
  options: RenderOptions = {},
): Promise<RenderedExport> {
  const ref = { year: request.year, month: request.month, months: request.months ?? 1 };
  const days = daysToExport(view, ref, request.memberId);
  const memberName = request.memberId === undefined ? undefined : (memberNameIn(view, request.memberId) ?? request.memberId);
  const stem =
    fileStem(view.clubName, ref) +
    (request.memberId === undefined || memberName === undefined ? '' : `-${memberFileSuffix(memberName, request.memberId)}`);
  switch (request.format) {
    case 'csv':
      return { fileName: `${stem}.csv`, mimeType: 'text/csv; charset=utf-8', bytes: gridCsv(view, days, { bom: request.bom }) };
    case 'csv-long':
      return {
        fileName: `${stem}-long.csv`,
        mimeType: 'text/csv; charset=utf-8',
        bytes: longCsv(view, days, request.memberId, { bom: request.bom }),
      };
    case 'dutyman':
      // Never with a byte order mark: DutyMan must find "Duty Date" as the first heading.
      return { fileName: `${stem}-dutyman.csv`, mimeType: 'text/csv; charset=utf-8', bytes: dutymanCsv(view, days, request.memberId) };
    case 'xlsx':
      return {
        fileName: `${stem}.xlsx`,
        mimeType: XLSX_MIME,
        bytes: await rosterXlsx(view, days, request.memberId),
      };
    case 'pdf':
      return {
        fileName: `${stem}.pdf`,
        mimeType: 'application/pdf',
        bytes: await monthSheetPdf(view, days, generatedAt, { paper: request.paper, fontDir: options.fontDir }),
      };
  }
}
