// Page furniture for the report PDF: the page box, headings, paragraphs and the footer
// every page carries (scope and filter, data as-of, page number). Everything is drawn in
// points on A4; pdfkit adds a page by itself when text runs past the bottom margin, so the
// footer is written with the bottom margin lifted for the moment.
import PDFDocument from 'pdfkit';
import { reportFonts } from './pdf-fonts.js';

export type Pdf = PDFKit.PDFDocument;

export const PAGE = { width: 595.28, height: 841.89, margin: 50, top: 64, bottom: 64 } as const;
export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;

/** Colour-blind-safe colours (Okabe–Ito blue and orange, greys for text and rules). */
export const COLOURS = {
  text: '#1a1a1a',
  muted: '#5c5c5c',
  rule: '#c8c8c8',
  bar: '#0072b2',
  highlight: '#d55e00',
  band: '#f2f2f2',
  /** Sequential blues (ColorBrewer Blues, 5 classes) for the tile map. */
  scale: ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'],
  noData: '#e6e6e6',
} as const;

export function newReportPdf(title: string, lang: 'zh' | 'en'): Pdf {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.margin, right: PAGE.margin },
    bufferPages: true,
    lang: lang === 'zh' ? 'zh-CN' : 'en-GB',
    displayTitle: true,
    info: { Title: title, Creator: 'collection-watch', Producer: 'collection-watch' },
  });
  const fonts = reportFonts();
  // pdfkit 0.20 takes an already parsed fontkit font (PDFFontFactory.open); its type
  // definitions know only paths and buffers.
  type Source = PDFKit.Mixins.PDFFontSource;
  doc.registerFont('regular', fonts.regular as unknown as Source);
  doc.registerFont('bold', fonts.bold as unknown as Source);
  doc.font('regular').fontSize(10).fillColor(COLOURS.text);
  return doc;
}

/** Space left on the page below the cursor. */
export function spaceLeft(doc: Pdf): number {
  return PAGE.height - PAGE.bottom - doc.y;
}

/** Starts a new page unless at least `height` points are left on this one. */
export function ensureSpace(doc: Pdf, height: number): void {
  if (spaceLeft(doc) < height) doc.addPage();
}

export function heading(doc: Pdf, text: string, destination: string): void {
  ensureSpace(doc, 120);
  doc.addNamedDestination(destination);
  doc.outline.addItem(text);
  doc.font('bold').fontSize(15).fillColor(COLOURS.text);
  doc.text(text, PAGE.margin, doc.y, { width: CONTENT_WIDTH });
  doc.moveDown(0.4);
  doc.font('regular').fontSize(10);
}

export function paragraph(doc: Pdf, text: string, size = 10, colour: string = COLOURS.text): void {
  doc.font('regular').fontSize(size).fillColor(colour);
  doc.text(text, PAGE.margin, doc.y, { width: CONTENT_WIDTH, lineGap: 2 });
  doc.moveDown(0.5);
  doc.fillColor(COLOURS.text);
}

/**
 * Writes the footer on every buffered page: left, what the figures cover; right, the data's
 * as-of time and "page n of N". Called once, when all pages exist.
 */
export function footers(
  doc: Pdf,
  left: string,
  right: string,
  pageLabel: (n: number, total: number) => string,
): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = PAGE.height - PAGE.bottom + 22;
    doc
      .moveTo(PAGE.margin, y - 6)
      .lineTo(PAGE.width - PAGE.margin, y - 6)
      .lineWidth(0.5)
      .strokeColor(COLOURS.rule)
      .stroke();
    doc.font('regular').fontSize(7.5).fillColor(COLOURS.muted);
    const rightText = `${right}   ${pageLabel(i + 1, count)}`;
    const rightWidth = doc.widthOfString(rightText) + 4;
    doc.text(left, PAGE.margin, y, {
      width: CONTENT_WIDTH - rightWidth - 12,
      height: 20,
      ellipsis: true,
    });
    doc.text(rightText, PAGE.width - PAGE.margin - rightWidth, y, {
      width: rightWidth,
      align: 'right',
      lineBreak: false,
    });
    doc.page.margins.bottom = bottom;
  }
  doc.fillColor(COLOURS.text);
}
