// The CSV behind "Download CSV": exactly the rows and series the chart shows.
import type { TrendModel } from './toTrendSeries';

/** Excel needs the byte-order mark to read UTF-8 (Chinese labels) correctly. */
export const BOM = '\uFEFF';

/** Quotes a field when needed, and defuses text a spreadsheet would run as a formula. */
export function csvField(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export interface CsvHeaders {
  periodStart: string;
  period: string;
}

export function trendToCsv(
  model: Pick<TrendModel, 'rows' | 'series'>,
  headers: CsvHeaders,
): string {
  const lines = [
    [headers.periodStart, headers.period, ...model.series.map((s) => s.label)],
    ...model.rows.map((row) => [
      row.period,
      row.label,
      ...model.series.map((s) => row.values[s.key] ?? 0),
    ]),
  ];
  return BOM + lines.map((cells) => cells.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** e.g. complaints-month-2025-04-01_2026-03-31-by-province.csv */
export function csvFileName(parts: {
  interval: string;
  from?: string | undefined;
  to?: string | undefined;
  groupBy?: string | null;
}): string {
  const range = `${parts.from ?? 'start'}_${parts.to ?? 'today'}`;
  const by = parts.groupBy ? `-by-${parts.groupBy.toLowerCase()}` : '';
  return `complaints-${parts.interval.toLowerCase()}-${range}${by}.csv`;
}
