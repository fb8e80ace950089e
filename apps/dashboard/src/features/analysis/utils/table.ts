// A figure's table: the header and the rows a panel shows as its table alternative and
// writes, cell for cell, as its CSV. One source for both, so the download is exactly what
// the table (and the chart) shows.
import { BOM, csvField } from '../../trends/utils/csv';

/**
 * Numbers stay numbers (the screen formats them per language, the CSV writes them plain);
 * percentages are numbers in percent with "%" in their header; a missing value is ''.
 */
export interface FigureTable {
  headers: string[];
  rows: (string | number)[][];
}

/** A share or change (0.123) as a percent number for a table (12.3), '' when there is none. */
export function percentCell(value: number | null | undefined): number | '' {
  return value === null || value === undefined || !Number.isFinite(value)
    ? ''
    : Math.round(value * 1000) / 10;
}

/** A rate or baseline with two decimals, '' when there is none. */
export function decimalCell(value: number | null | undefined): number | '' {
  return value === null || value === undefined || !Number.isFinite(value)
    ? ''
    : Math.round(value * 100) / 100;
}

export function tableToCsv(table: FigureTable): string {
  const lines = [table.headers, ...table.rows];
  return BOM + lines.map((cells) => cells.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** A file name from a figure's name and the filter's dates: "ranking-institution_2026-01-01_2026-03-31.csv". */
export function figureFileName(name: string, from?: string, to?: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${slug || 'figure'}_${from ?? 'start'}_${to ?? 'today'}.csv`;
}

/** Starts a download of `text` as a file (CSV with its BOM). */
export function downloadText(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}
