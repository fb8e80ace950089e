// The canonical format as an XLSX workbook: the first worksheet, its first non-empty row the
// header. Read with exceljs's streaming WorkbookReader, so rows are not all held in memory
// (shared strings are: XLSX keeps every distinct text of the workbook in one table).
import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { FileError, type ParsedRow } from '../ingest-row.js';
import {
  cellsByField,
  mapColumns,
  normaliseRow,
  type Cell,
  type ColumnMap,
} from './canonical-row.js';
import type { ParseOptions } from './parse-options.js';
import { isZip, peekInput } from './text-input.js';

type CellValue = ExcelJS.CellValue;

/** What a cell shows, for reading: a formula's cached result (else its text), rich text joined. */
export function xlsxCellValue(value: CellValue | undefined): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: unknown }).result;
    if (result !== undefined && result !== null) {
      if (typeof result === 'object' && !(result instanceof Date)) {
        return 'error' in result ? String((result as { error: unknown }).error) : null;
      }
      return result as string | number | boolean | Date;
    }
    const formula = 'formula' in value ? value.formula : value.sharedFormula;
    return formula ? `=${formula}` : null;
  }
  if ('error' in value) return String(value.error);
  if ('text' in value) {
    const text = (value as { text: unknown }).text;
    if (typeof text === 'string') return text;
    if (text && typeof text === 'object' && 'richText' in text) {
      return (text as { richText: { text: string }[] }).richText.map((r) => r.text).join('');
    }
  }
  return null;
}

interface WorkbookLike {
  model?: { sheets?: { id?: number; rId?: string }[] };
  workbookRels?: { Id?: string; Target?: string }[];
}

/** The sheet number (sheetN.xml) of the workbook's first tab, when the workbook says. */
function firstSheetFile(workbook: WorkbookLike): string | null {
  const first = workbook.model?.sheets?.[0];
  const rel = workbook.workbookRels?.find((r) => r.Id === first?.rId);
  const match = rel?.Target ? /sheet(\d+)\.xml$/.exec(rel.Target) : null;
  return match?.[1] ?? null;
}

export async function* parseCanonicalXlsx(
  input: Readable,
  options: ParseOptions = {},
): AsyncGenerator<ParsedRow> {
  const name = options.filename ? `"${options.filename}"` : 'the file';
  const peeked = await peekInput(input, 4);
  if (peeked.head.length === 0) {
    peeked.release();
    throw new FileError(`${name} is empty`, { reason: 'EMPTY' });
  }
  if (!isZip(peeked.head)) {
    peeked.release();
    throw new FileError(`${name} is not an XLSX workbook (no ZIP signature)`, {
      reason: 'NOT_XLSX',
    });
  }
  const source = peeked.stream();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const context = { now: options.now ?? new Date() };
  let sawSheet = false;
  let columns: ColumnMap | null = null;
  const notWorkbook = (cause: unknown) =>
    new FileError(
      `${name} is not a readable XLSX workbook: ${cause instanceof Error ? cause.message : String(cause)}`,
      { reason: 'NOT_XLSX' },
    );
  try {
    let sheets: AsyncIterator<ExcelJS.stream.xlsx.WorksheetReader>;
    try {
      sheets = reader[Symbol.asyncIterator]();
    } catch (err) {
      throw notWorkbook(err);
    }
    for (;;) {
      let next: IteratorResult<ExcelJS.stream.xlsx.WorksheetReader>;
      try {
        next = await sheets.next();
      } catch (err) {
        throw err instanceof FileError ? err : notWorkbook(err);
      }
      if (next.done) break;
      const sheet = next.value as ExcelJS.stream.xlsx.WorksheetReader & { id?: number | string };
      const first = firstSheetFile(reader as unknown as WorkbookLike);
      if (sawSheet || (first !== null && String(sheet.id) !== first)) {
        // Not the first tab: read past it (rows are not kept).
        for await (const _row of sheet) void _row;
        continue;
      }
      sawSheet = true;
      const rows = sheet[Symbol.asyncIterator]();
      for (;;) {
        let r: IteratorResult<ExcelJS.Row>;
        try {
          r = await rows.next();
        } catch (err) {
          throw notWorkbook(err);
        }
        if (r.done) break;
        const row = r.value;
        const values = (row.values as CellValue[]).map((v) => xlsxCellValue(v));
        const cells = values.slice(1); // exceljs rows are 1-based
        if (!columns) {
          if (cells.every((c) => c === null || c === undefined || String(c).trim() === ''))
            continue;
          columns = mapColumns(cells, options.onWarning);
          continue;
        }
        const parsed = normaliseRow(row.number, cellsByField(cells, columns), context);
        if (parsed) yield parsed;
      }
      break; // the first tab is all we read
    }
  } finally {
    source.destroy();
  }
  if (!sawSheet) {
    throw new FileError(`${name} is not an XLSX workbook: it has no worksheet`, {
      reason: 'NOT_XLSX',
    });
  }
  if (!columns) throw new FileError(`${name}: the first worksheet is empty`, { reason: 'EMPTY' });
}
