// Fetching and opening the files the API returns: CSV (with its BOM), zips of CSV files,
// XLSX workbooks and PDFs (text and page-1 ink through poppler's pdftotext and pdftoppm).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';

export interface Download {
  status: number;
  type: string | null;
  disposition: string | null;
  body: Buffer;
}

export async function download(url: string, token: string): Promise<Download> {
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    disposition: res.headers.get('content-disposition'),
    body: Buffer.from(await res.arrayBuffer()),
  };
}

export const BOM = '\ufeff';

/** A CSV file's records; fails unless it starts with a UTF-8 byte-order mark. */
export function csvRecords(body: Buffer | Uint8Array): string[][] {
  const text = Buffer.from(body).toString('utf8');
  if (!text.startsWith(BOM)) throw new Error('the CSV has no byte-order mark');
  return parse(text.slice(BOM.length), { relax_column_count: true }) as string[][];
}

/** The CSV files of a zip, by name. */
export function zippedCsvs(body: Buffer): Map<string, string[][]> {
  const files = unzipSync(new Uint8Array(body));
  return new Map(Object.entries(files).map(([name, bytes]) => [name, csvRecords(bytes)]));
}

export async function workbook(body: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(body as unknown as ArrayBuffer);
  return book;
}

function withPdf<T>(body: Buffer, use: (file: string, dir: string) => T): T {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cw-pdf-'));
  try {
    const file = path.join(dir, 'report.pdf');
    writeFileSync(file, body);
    return use(file, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The PDF's text as pdftotext extracts it. */
export function pdfText(body: Buffer): string {
  return withPdf(body, (file) =>
    execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }),
  );
}

export function pdfPages(body: Buffer): number {
  const info = withPdf(body, (file) => execFileSync('pdfinfo', [file], { encoding: 'utf8' }));
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
}

/** Share of page 1's pixels that are not white, rendered by pdftoppm (greyscale PGM). */
export function pageOneInk(body: Buffer): number {
  return withPdf(body, (file, dir) => {
    execFileSync('pdftoppm', [
      '-f',
      '1',
      '-singlefile',
      '-r',
      '30',
      '-gray',
      file,
      path.join(dir, 'p'),
    ]);
    const pgm = readFileSync(path.join(dir, 'p.pgm'));
    // P5\n<w> <h>\n<max>\n then one byte a pixel.
    const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 40).toString('latin1'));
    if (!header) throw new Error('pdftoppm wrote no PGM');
    const pixels = pgm.subarray(header[0].length);
    let ink = 0;
    for (const p of pixels) if (p < 230) ink++;
    return ink / pixels.length;
  });
}
