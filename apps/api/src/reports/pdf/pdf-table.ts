// A report table in the PDF: header row, zebra bands, numbers right-aligned, text cells
// wrapped; when a row does not fit, the table goes on at the top of a new page under a
// repeated header.
import type { Lang } from '@cw/domain';
import { formatCell, type ReportColumn, type ReportTable } from '../quarterly-report.js';
import { COLOURS, CONTENT_WIDTH, PAGE, spaceLeft, type Pdf } from './pdf-frame.js';

const FONT_SIZE = 8.5;
const PAD = 4;

/** Text columns take more room than numbers; the first text column the most. */
function columnWidths(columns: ReportColumn[]): number[] {
  const weights = columns.map((c, i) =>
    c.kind === 'text'
      ? i === columns.findIndex((x) => x.kind === 'text')
        ? 2.4
        : 1.4
      : c.kind === 'date'
        ? 1.4
        : 1.2,
  );
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => (w / total) * CONTENT_WIDTH);
}

function rowHeight(doc: Pdf, texts: string[], widths: number[], bold: boolean): number {
  doc.font(bold ? 'bold' : 'regular').fontSize(FONT_SIZE);
  let h = 0;
  texts.forEach((t, i) => {
    h = Math.max(h, doc.heightOfString(t || ' ', { width: widths[i]! - 2 * PAD }));
  });
  return h + 2 * PAD;
}

function drawRow(
  doc: Pdf,
  texts: string[],
  columns: ReportColumn[],
  widths: number[],
  y: number,
  height: number,
  style: { bold: boolean; band: string | null },
): void {
  if (style.band) doc.rect(PAGE.margin, y, CONTENT_WIDTH, height).fill(style.band);
  doc
    .font(style.bold ? 'bold' : 'regular')
    .fontSize(FONT_SIZE)
    .fillColor(COLOURS.text);
  let x = PAGE.margin;
  texts.forEach((t, i) => {
    const kind = columns[i]!.kind;
    doc.text(t, x + PAD, y + PAD, {
      width: widths[i]! - 2 * PAD,
      align: kind === 'text' || kind === 'date' ? 'left' : 'right',
    });
    x += widths[i]!;
  });
}

export function drawTable(doc: Pdf, table: ReportTable, lang: Lang, emptyText: string): void {
  const widths = columnWidths(table.columns);
  const headers = table.columns.map((c) => c.header);
  const headerHeight = rowHeight(doc, headers, widths, true);
  const drawHeader = () => {
    const y = doc.y;
    drawRow(doc, headers, table.columns, widths, y, headerHeight, { bold: true, band: null });
    doc
      .moveTo(PAGE.margin, y + headerHeight)
      .lineTo(PAGE.margin + CONTENT_WIDTH, y + headerHeight)
      .lineWidth(0.8)
      .strokeColor(COLOURS.text)
      .stroke();
    doc.y = y + headerHeight + 1;
  };
  if (spaceLeft(doc) < headerHeight * 3) doc.addPage();
  drawHeader();
  if (!table.rows.length) {
    doc.font('regular').fontSize(FONT_SIZE).fillColor(COLOURS.muted);
    doc.text(emptyText, PAGE.margin + PAD, doc.y + PAD, { width: CONTENT_WIDTH });
    doc.fillColor(COLOURS.text);
  }
  table.rows.forEach((row, index) => {
    const texts = table.columns.map((c) => formatCell(row[c.key] ?? null, c.kind, lang));
    const h = rowHeight(doc, texts, widths, false);
    if (spaceLeft(doc) < h) {
      doc.addPage();
      drawHeader();
    }
    const y = doc.y;
    drawRow(doc, texts, table.columns, widths, y, h, {
      bold: false,
      band: index % 2 === 1 ? COLOURS.band : null,
    });
    doc.y = y + h;
  });
  doc
    .moveTo(PAGE.margin, doc.y)
    .lineTo(PAGE.margin + CONTENT_WIDTH, doc.y)
    .lineWidth(0.5)
    .strokeColor(COLOURS.rule)
    .stroke();
  doc.x = PAGE.margin;
  doc.moveDown(0.6);
  if (table.note) {
    doc.font('regular').fontSize(8).fillColor(COLOURS.muted);
    doc.text(table.note, PAGE.margin, doc.y, { width: CONTENT_WIDTH });
    doc.fillColor(COLOURS.text);
    doc.moveDown(0.6);
  }
}
