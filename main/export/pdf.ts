import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';
import type { PublishedView, RoleSetting } from '../api/contract.ts';
import type { PublishedDayView } from './common.ts';
import { EXPORT_TEXT, exportRoles, exportText, holderName, rangeTitle, shortDate, slotFor } from './common.ts';
import { MONTH_NAMES } from '../../solver/dates.ts';

/** The printable month sheet: club name, month, a grid of duty days by role, generated date. */

const REGULAR_FONT = 'DejaVuSans.ttf';
const BOLD_FONT = 'DejaVuSans-Bold.ttf';
/** Chinese, Japanese and Korean letters, which DejaVu lacks. */
const FALLBACK_FONT = 'DroidSansFallback.ttf';

type FontName = 'regular' | 'bold' | 'fallback';

/** Portrait fits this many role columns comfortably; more turn the sheet to landscape. */
const PORTRAIT_MAX_ROLES = 4;

const MARGIN = 40;
const CELL_PAD_X = 6;
const CELL_PAD_Y = 5;
const MIN_ROW_HEIGHT = 22;
const MAX_STRETCHED_ROW = 44;
const FOOTER_HEIGHT = 22;
const BODY_SIZE = 10;

const COLOR = {
  text: '#1d2733',
  muted: '#5b6776',
  headerFill: '#2f4256',
  headerText: '#ffffff',
  zebra: '#f2f5f8',
  rule: '#c3ccd6',
  openFill: '#fbe9e7',
  openText: '#b3261e',
};

export interface PdfOptions {
  paper?: 'A4' | 'Letter';
  /** Folder holding DejaVuSans.ttf and DejaVuSans-Bold.ttf; defaults to the package's assets/fonts. */
  fontDir?: string;
}

function moduleDir(): string | null {
  if (typeof import.meta.url === 'string') return dirname(fileURLToPath(import.meta.url));
  // A CommonJS bundle has no import.meta.url but does have __dirname.
  return typeof __dirname === 'string' ? __dirname : null;
}

/** Finds assets/fonts by walking up from this module (source tree or bundle), then from the working directory. */
export function defaultFontDir(): string {
  const starts = [moduleDir(), process.cwd()].filter((dir): dir is string => dir !== null);
  for (const start of starts) {
    for (let dir = start; ; dir = dirname(dir)) {
      const candidate = join(dir, 'assets', 'fonts');
      if (existsSync(join(candidate, REGULAR_FONT))) return candidate;
      if (dirname(dir) === dir) break;
    }
  }
  throw new Error(`The PDF font ${REGULAR_FONT} was not found in assets/fonts near ${starts.join(' or ')}.`);
}

const fontFiles = new Map<string, Buffer>();

/** Font files are read once per process; each document still embeds only the glyphs it uses. */
function fontFile(path: string): Buffer {
  let bytes = fontFiles.get(path);
  if (!bytes) {
    bytes = readFileSync(path);
    fontFiles.set(path, bytes);
  }
  return bytes;
}

/** "28 November 2026, 14:05" in the computer's own time zone. */
function generatedLabel(time: Date): string {
  const hh = String(time.getHours()).padStart(2, '0');
  const mm = String(time.getMinutes()).padStart(2, '0');
  return `${time.getDate()} ${MONTH_NAMES[time.getMonth()]} ${time.getFullYear()}, ${hh}:${mm}`;
}

function publishedLabel(publishedAt: string): string | null {
  const time = new Date(publishedAt);
  if (Number.isNaN(time.getTime())) return null;
  return `${time.getDate()} ${MONTH_NAMES[time.getMonth()]} ${time.getFullYear()}`;
}

/** Whether a font has glyphs for every letter of `text`; reads pdfkit's embedded fontkit font. */
function covers(doc: PDFKit.PDFDocument, name: FontName, text: string): boolean {
  doc.font(name);
  const font = (doc as unknown as { _font: { font?: { hasGlyphForCodePoint(codePoint: number): boolean } } })._font.font;
  if (!font) return true;
  for (const char of text) {
    if (/\s/.test(char)) continue;
    if (!font.hasGlyphForCodePoint(char.codePointAt(0) ?? 0)) return false;
  }
  return true;
}

/** Selects the preferred font at `size`, or the CJK fallback when the preferred one lacks letters of `text`. */
function useFont(doc: PDFKit.PDFDocument, preferred: 'regular' | 'bold', text: string, size: number): void {
  const name: FontName = covers(doc, preferred, text) || !covers(doc, 'fallback', text) ? preferred : 'fallback';
  doc.font(name).fontSize(size);
}

interface Cell {
  text: string;
  weight: 'regular' | 'bold';
  size: number;
  color: string;
  /** An empty slot, drawn as a tinted box. */
  open?: boolean;
}

interface Layout {
  left: number;
  width: number;
  columnWidths: number[];
}

/** Cell and title texts cut to what the sheet can show (long names end in an ellipsis), control characters dropped. */
const cellText = (text: string): string => exportText(text, EXPORT_TEXT.pdfCell);
const titleText = (text: string): string => exportText(text, EXPORT_TEXT.pdfTitle);

export function monthSheetPdf(
  shownView: PublishedView,
  days: PublishedDayView[],
  generatedAt: Date,
  options: PdfOptions = {},
): Promise<Buffer> {
  const fontDir = options.fontDir ?? defaultFontDir();
  const view = { ...shownView, clubName: titleText(shownView.clubName) };
  const roles = exportRoles(view).map((role) => ({ ...role, title: cellText(role.title) }));
  const title = rangeTitle(view);
  const doc = new PDFDocument({
    size: options.paper ?? 'A4',
    layout: roles.length > PORTRAIT_MAX_ROLES ? 'landscape' : 'portrait',
    margin: MARGIN,
    bufferPages: true,
    // No built-in default font: every text below selects one of the embedded fonts registered next.
    font: '',
    info: {
      Title: `${view.clubName} – duty roster ${title}`,
      Author: view.clubName,
      Creator: 'Rostermeister',
      CreationDate: generatedAt,
    },
  });
  doc.registerFont('regular', fontFile(join(fontDir, REGULAR_FONT)));
  doc.registerFont('bold', fontFile(join(fontDir, BOLD_FONT)));
  doc.registerFont('fallback', fontFile(join(fontDir, FALLBACK_FONT)));

  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const layout = tableLayout(doc, roles);
  const bottom = () => doc.page.height - MARGIN - FOOTER_HEIGHT;

  let y = drawTitle(doc, view, title, false);
  let tableTop = y;
  y = drawHeaderRow(doc, layout, roles, y);
  // A short month's rows grow to use the sheet (up to a limit), so the wall copy is easy to read.
  const minHeight = Math.min(MAX_STRETCHED_ROW, Math.max(MIN_ROW_HEIGHT, (bottom() - y) / Math.max(days.length, 1)));
  days.forEach((day, index) => {
    const cells: Cell[] = [
      { text: shortDate(day.date), weight: 'bold', size: BODY_SIZE, color: COLOR.text },
      ...roles.map((role): Cell => {
        const slot = slotFor(day, role.key);
        if (slot?.memberId === null) {
          return { text: 'open', weight: 'bold', size: BODY_SIZE - 1, color: COLOR.openText, open: true };
        }
        return { text: slot ? cellText(holderName(slot)) : '', weight: 'regular', size: BODY_SIZE, color: COLOR.text };
      }),
    ];
    const height = rowHeight(doc, layout, cells, minHeight);
    if (y + height > bottom()) {
      drawFrame(doc, layout, tableTop, y);
      doc.addPage();
      y = drawTitle(doc, view, title, true);
      tableTop = y;
      y = drawHeaderRow(doc, layout, roles, y);
    }
    drawRow(doc, layout, cells, y, height, index % 2 === 1);
    y += height;
  });
  drawFrame(doc, layout, tableTop, y);

  drawFooters(doc, generatedAt);
  doc.end();
  return done;
}

function tableLayout(doc: PDFKit.PDFDocument, roles: RoleSetting[]): Layout {
  const width = doc.page.width - 2 * MARGIN;
  doc.font('bold').fontSize(BODY_SIZE);
  const dateWidth = doc.widthOfString('Wed 30 Sep') + 2 * CELL_PAD_X + 4;
  const roleWidth = (width - dateWidth) / Math.max(roles.length, 1);
  return { left: MARGIN, width, columnWidths: [dateWidth, ...roles.map(() => roleWidth)] };
}

function drawTitle(doc: PDFKit.PDFDocument, view: PublishedView, title: string, continued: boolean): number {
  const left = MARGIN;
  const width = doc.page.width - 2 * MARGIN;
  let y = MARGIN;
  if (continued) {
    const heading = `${view.clubName} – ${title} (continued)`;
    useFont(doc, 'bold', heading, 11);
    doc.fillColor(COLOR.text).text(heading, left, y, { width });
    return doc.y + 8;
  }
  useFont(doc, 'bold', view.clubName, 20);
  doc.fillColor(COLOR.text).text(view.clubName, left, y, { width });
  y = doc.y + 2;
  doc.font('regular').fontSize(14).fillColor(COLOR.muted);
  doc.text(`Duty roster · ${title}`, left, y, { width });
  y = doc.y + 4;
  const published = publishedLabel(view.publishedAt);
  if (published) {
    doc.fontSize(9).text(`Published ${published}`, left, y, { width });
    y = doc.y;
  }
  return y + 12;
}

function drawHeaderRow(doc: PDFKit.PDFDocument, layout: Layout, roles: RoleSetting[], y: number): number {
  const cells = ['Date', ...roles.map((role) => role.title)].map((text): Cell => ({
    text,
    weight: 'bold',
    size: BODY_SIZE,
    color: COLOR.headerText,
  }));
  const height = rowHeight(doc, layout, cells, MIN_ROW_HEIGHT);
  doc.rect(layout.left, y, layout.width, height).fill(COLOR.headerFill);
  let x = layout.left;
  cells.forEach((cell, column) => {
    writeCell(doc, cell, x, y, layout.columnWidths[column], height);
    x += layout.columnWidths[column];
  });
  return y + height;
}

function textHeight(doc: PDFKit.PDFDocument, cell: Cell, width: number): number {
  useFont(doc, cell.weight, cell.text, cell.size);
  return doc.heightOfString(cell.text || ' ', { width: width - 2 * CELL_PAD_X });
}

function rowHeight(doc: PDFKit.PDFDocument, layout: Layout, cells: Cell[], minHeight: number): number {
  const heights = cells.map((cell, column) => textHeight(doc, cell, layout.columnWidths[column]));
  return Math.max(minHeight, Math.max(...heights) + 2 * CELL_PAD_Y);
}

function drawFrame(doc: PDFKit.PDFDocument, layout: Layout, top: number, bottom: number): void {
  doc
    .lineWidth(0.8)
    .strokeColor(COLOR.headerFill)
    .rect(layout.left, top, layout.width, bottom - top)
    .stroke();
}

function drawRow(doc: PDFKit.PDFDocument, layout: Layout, cells: Cell[], y: number, height: number, shaded: boolean): void {
  if (shaded) doc.rect(layout.left, y, layout.width, height).fill(COLOR.zebra);
  let x = layout.left;
  cells.forEach((cell, column) => {
    const width = layout.columnWidths[column];
    if (cell.open) doc.rect(x + 2, y + 2, width - 4, height - 4).fill(COLOR.openFill);
    writeCell(doc, cell, x, y, width, height);
    x += width;
  });
  doc.lineWidth(0.5).strokeColor(COLOR.rule);
  doc
    .moveTo(layout.left, y + height)
    .lineTo(layout.left + layout.width, y + height)
    .stroke();
  let rule = layout.left;
  for (const width of layout.columnWidths.slice(0, -1)) {
    rule += width;
    doc
      .moveTo(rule, y)
      .lineTo(rule, y + height)
      .stroke();
  }
}

/** Text vertically centred in its cell, wrapped to the column. */
function writeCell(doc: PDFKit.PDFDocument, cell: Cell, x: number, y: number, width: number, height: number): void {
  if (!cell.text) return;
  const top = y + (height - textHeight(doc, cell, width)) / 2;
  doc.fillColor(cell.color).text(cell.text, x + CELL_PAD_X, top, { width: width - 2 * CELL_PAD_X });
}

function drawFooters(doc: PDFKit.PDFDocument, generatedAt: Date): void {
  const pages = doc.bufferedPageRange();
  for (let index = 0; index < pages.count; index++) {
    doc.switchToPage(pages.start + index);
    // Writing below the bottom margin would otherwise make pdfkit start a new page.
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - MARGIN - 10;
    const width = doc.page.width - 2 * MARGIN;
    doc.font('regular').fontSize(8).fillColor(COLOR.muted);
    doc.text(`Generated ${generatedLabel(generatedAt)} · Rostermeister`, MARGIN, y, { width, lineBreak: false });
    doc.text(`Page ${index + 1} of ${pages.count}`, MARGIN, y, { width, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottomMargin;
  }
}
