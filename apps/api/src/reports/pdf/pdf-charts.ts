// Charts drawn as vector graphics straight into the PDF (rectangles, lines and text; no
// images): horizontal bars, monthly columns and the province tile grid. Each chart has a
// title with its unit and leaves the cursor below itself.
import { COLOURS, CONTENT_WIDTH, ensureSpace, PAGE, type Pdf } from './pdf-frame.js';

export interface Bar {
  label: string;
  value: number;
  /** What is written at the end of the bar (the formatted value). */
  text: string;
}

function chartTitle(doc: Pdf, title: string): void {
  doc.font('bold').fontSize(9.5).fillColor(COLOURS.text);
  doc.text(title, PAGE.margin, doc.y, { width: CONTENT_WIDTH });
  doc.moveDown(0.3);
  doc.font('regular');
}

/**
 * One bar a row, in the order given; the scale runs from zero to `max` (shares pass 1, so
 * that 40 % looks like 40 %), by default the largest value.
 */
export function horizontalBars(doc: Pdf, title: string, bars: Bar[], max?: number): void {
  if (!bars.length) return;
  const rowHeight = 15;
  ensureSpace(doc, 30 + bars.length * rowHeight);
  chartTitle(doc, title);
  const labelWidth = 150;
  const valueWidth = 70;
  const barMax = CONTENT_WIDTH - labelWidth - valueWidth;
  const top = max ?? Math.max(...bars.map((b) => b.value), 1);
  const y0 = doc.y;
  let y = y0;
  doc.fontSize(8);
  for (const b of bars) {
    doc.fillColor(COLOURS.text).text(b.label, PAGE.margin, y + 2, {
      width: labelWidth - 8,
      height: rowHeight,
      ellipsis: true,
      lineBreak: false,
    });
    const w = Math.max((Math.min(b.value, top) / top) * barMax, b.value > 0 ? 1 : 0);
    doc.rect(PAGE.margin + labelWidth, y + 2, w, rowHeight - 5).fill(COLOURS.bar);
    doc.fillColor(COLOURS.muted).text(b.text, PAGE.margin + labelWidth + w + 4, y + 2, {
      width: valueWidth,
      lineBreak: false,
    });
    y += rowHeight;
  }
  doc
    .moveTo(PAGE.margin + labelWidth, y0)
    .lineTo(PAGE.margin + labelWidth, y)
    .lineWidth(0.5)
    .strokeColor(COLOURS.muted)
    .stroke();
  doc.fillColor(COLOURS.text);
  doc.y = y + 8;
  doc.x = PAGE.margin;
}

/** A "nice" axis maximum and step for values up to `max`. */
export function niceScale(max: number, ticks = 4): { top: number; step: number } {
  if (max <= 0) return { top: 1, step: 1 };
  const raw = max / ticks;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw)!;
  return { top: Math.ceil(max / step) * step, step };
}

/** Monthly columns; `highlighted` periods (the report's own) in the bar colour, the rest grey. */
export function monthlyColumns(
  doc: Pdf,
  title: string,
  points: { period: string; count: number }[],
  highlighted: (period: string) => boolean,
  formatNumber: (n: number) => string,
  legend: { current: string; earlier: string },
): void {
  if (!points.length) return;
  const height = 150;
  ensureSpace(doc, height + 70);
  chartTitle(doc, title);
  const axisWidth = 48;
  const x0 = PAGE.margin + axisWidth;
  const plotWidth = CONTENT_WIDTH - axisWidth;
  const y0 = doc.y + 6;
  const { top, step } = niceScale(Math.max(...points.map((p) => p.count)));
  doc.fontSize(7).lineWidth(0.4);
  for (let v = 0; v <= top + step / 2; v += step) {
    const y = y0 + height - (v / top) * height;
    doc
      .moveTo(x0, y)
      .lineTo(x0 + plotWidth, y)
      .strokeColor(COLOURS.rule)
      .stroke();
    doc.fillColor(COLOURS.muted).text(formatNumber(v), PAGE.margin, y - 4, {
      width: axisWidth - 6,
      align: 'right',
      lineBreak: false,
    });
  }
  const slot = plotWidth / points.length;
  points.forEach((p, i) => {
    const h = (p.count / top) * height;
    doc
      .rect(x0 + i * slot + slot * 0.15, y0 + height - h, slot * 0.7, h)
      .fill(highlighted(p.period) ? COLOURS.bar : '#9db9d3');
    doc.fillColor(COLOURS.muted).text(p.period.slice(2, 7), x0 + i * slot, y0 + height + 4, {
      width: slot,
      align: 'center',
      lineBreak: false,
    });
  });
  const ly = y0 + height + 20;
  doc.rect(x0, ly, 8, 8).fill(COLOURS.bar);
  doc.fillColor(COLOURS.text).text(legend.current, x0 + 12, ly, { lineBreak: false });
  const lx = x0 + 24 + doc.widthOfString(legend.current);
  doc.rect(lx, ly, 8, 8).fill('#9db9d3');
  doc.fillColor(COLOURS.text).text(legend.earlier, lx + 12, ly, { lineBreak: false });
  doc.y = ly + 20;
  doc.x = PAGE.margin;
}

export interface Tile {
  code: string;
  row: number;
  col: number;
  /** Short name written on the tile. */
  short: string;
  value: number | null;
}

/** Class breaks at the quantiles of the values (five classes, fewer when values are few). */
export function quantileBreaks(values: number[], classes = 5): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  if (!sorted.length) return [];
  const breaks: number[] = [];
  for (let i = 1; i < classes; i++) {
    const b = sorted[Math.min(sorted.length - 1, Math.floor((i * sorted.length) / classes))]!;
    if (!breaks.length || b > breaks[breaks.length - 1]!) breaks.push(b);
  }
  return breaks;
}

/** The class a value falls in: 0 below the first break, breaks.length at or above the last. */
export function classOf(value: number, breaks: number[]): number {
  let c = 0;
  while (c < breaks.length && value >= breaks[c]!) c++;
  return c;
}

/** The province tile grid (not a map), coloured by value in sequential classes, with a legend. */
export function tileGrid(
  doc: Pdf,
  title: string,
  tiles: Tile[],
  formatValue: (n: number) => string,
  noDataLabel: string,
): void {
  if (!tiles.length) return;
  const rows = Math.max(...tiles.map((t) => t.row));
  const cols = Math.max(...tiles.map((t) => t.col));
  const size = Math.min(CONTENT_WIDTH / cols, 40);
  const gap = 2;
  ensureSpace(doc, rows * size + 80);
  chartTitle(doc, title);
  const x0 = PAGE.margin + (CONTENT_WIDTH - cols * size) / 2;
  const y0 = doc.y + 4;
  const values = tiles.map((t) => t.value).filter((v): v is number => v !== null);
  const breaks = quantileBreaks(values);
  const palette = COLOURS.scale.slice(COLOURS.scale.length - (breaks.length + 1));
  for (const t of tiles) {
    const x = x0 + (t.col - 1) * size;
    const y = y0 + (t.row - 1) * size;
    const cls = t.value === null ? -1 : classOf(t.value, breaks);
    const fill = cls < 0 ? COLOURS.noData : palette[cls]!;
    doc.rect(x + gap / 2, y + gap / 2, size - gap, size - gap).fill(fill);
    const dark = cls >= palette.length - 2 && cls >= 0;
    doc
      .fillColor(dark ? '#ffffff' : COLOURS.text)
      .font('bold')
      .fontSize(8);
    doc.text(t.short, x, y + size * 0.18, { width: size, align: 'center', lineBreak: false });
    doc.font('regular').fontSize(6);
    doc.text(t.value === null ? '–' : formatValue(t.value), x, y + size * 0.55, {
      width: size,
      align: 'center',
      lineBreak: false,
    });
  }
  // Legend: one swatch a class, with its range.
  let lx = PAGE.margin;
  const ly = y0 + rows * size + 10;
  doc.fontSize(7);
  const bounds = [null, ...breaks, null];
  palette.forEach((colour, i) => {
    const lo = bounds[i];
    const hi = bounds[i + 1];
    const label =
      lo === null || lo === undefined
        ? `< ${formatValue(hi ?? 0)}`
        : hi === null || hi === undefined
          ? `≥ ${formatValue(lo)}`
          : `${formatValue(lo)} – ${formatValue(hi)}`;
    doc.rect(lx, ly, 10, 10).fill(colour);
    doc.fillColor(COLOURS.text).text(label, lx + 13, ly + 1.5, { lineBreak: false });
    lx += 20 + doc.widthOfString(label);
  });
  doc.rect(lx, ly, 10, 10).fill(COLOURS.noData);
  doc.fillColor(COLOURS.text).text(noDataLabel, lx + 13, ly + 1.5, { lineBreak: false });
  doc.y = ly + 22;
  doc.x = PAGE.margin;
}
