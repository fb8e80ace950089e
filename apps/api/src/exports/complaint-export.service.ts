// Writes the filtered complaints as CSV or XLSX to a stream (a download or a job's file),
// from a cursor, so a million rows pass through without the memory growing.
import { once } from 'node:events';
import { Transform, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import type { ComplaintFilter, Lang } from '@cw/domain';
import type { Scope } from '../auth/roles.js';
import { AppError } from '../graphql/app-error.js';
import { csvCell } from '../web/csv.js';
import {
  complaintCountQuery,
  complaintExportQuery,
  exportHeaders,
  exportNumericColumns,
} from './complaint-export-query.js';
import { isEmbedded } from '../database/data-source.js';
import { copyCsv, cursorRows, type TextRow } from './complaint-rows.js';

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** A worksheet holds 1,048,576 rows, one of them the header. */
export const XLSX_MAX_ROWS = 1_048_575;

/** Told how many rows are written so far (for a job's progress). */
export type Progress = (rowsWritten: number) => void;

const BOM = '\ufeff';

/**
 * One CSV record as PostgreSQL's COPY writes it: quoted only when needed, an empty string
 * quoted (to tell it from a missing value), lines ended with \n.
 */
export function csvRecord(row: TextRow): string {
  return row.map((v) => (v === '' ? '""' : csvCell(v))).join(',') + '\n';
}

/** Counts CSV records in a byte stream (newlines outside quotes) as it passes. */
function recordCounter(onCount: (records: number) => void): Transform {
  let inQuotes = false;
  let records = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      for (let i = 0; i < chunk.length; i++) {
        const b = chunk[i];
        if (b === 0x22) inQuotes = !inQuotes;
        else if (b === 0x0a && !inQuotes) records++;
      }
      onCount(records);
      done(null, chunk);
    },
  });
}

/** Waits when the destination asks the writer to (back-pressure). */
async function drained(out: Writable): Promise<void> {
  if (out.writableNeedDrain) await once(out, 'drain');
}

@Injectable()
export class ComplaintExportService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async count(scope: Scope, filter: ComplaintFilter): Promise<number> {
    const q = complaintCountQuery(scope, filter);
    const [row] = await this.db.query<{ n: number }[]>(q.sql, q.params);
    return row?.n ?? 0;
  }

  /** Refuses what a format cannot hold, before anything is written. */
  checkSize(format: ExportFormat, rows: number): void {
    if (format === 'xlsx' && rows > XLSX_MAX_ROWS)
      throw new AppError(
        'PAYLOAD_TOO_LARGE',
        `${rows} complaints match; an XLSX sheet holds at most ${XLSX_MAX_ROWS}: export CSV or narrow the filter`,
        { field: 'format' },
      );
  }

  async write(
    format: ExportFormat,
    scope: Scope,
    filter: ComplaintFilter,
    lang: Lang,
    out: Writable,
    progress?: Progress,
  ): Promise<void> {
    if (format === 'csv') await this.writeCsv(scope, filter, lang, out, progress);
    else await this.writeXlsx(scope, filter, lang, out, progress);
  }

  private async writeCsv(
    scope: Scope,
    filter: ComplaintFilter,
    lang: Lang,
    out: Writable,
    progress?: Progress,
  ): Promise<void> {
    const query = complaintExportQuery(scope, filter, lang);
    out.write(BOM + csvRecord(exportHeaders(lang)));
    if (!isEmbedded(this.db)) {
      const { stream, release } = await copyCsv(this.db, query);
      let failed = true;
      try {
        const stages = progress ? [stream, recordCounter(progress), out] : [stream, out];
        await pipeline(stages as [typeof stream, Writable]);
        failed = false;
      } finally {
        await release(failed);
      }
      return;
    }
    let written = 0;
    for await (const rows of cursorRows(this.db, query)) {
      out.write(rows.map(csvRecord).join(''));
      written += rows.length;
      progress?.(written);
      await drained(out);
    }
    out.end();
    await once(out, 'finish');
  }

  private async writeXlsx(
    scope: Scope,
    filter: ComplaintFilter,
    lang: Lang,
    out: Writable,
    progress?: Progress,
  ): Promise<void> {
    const query = complaintExportQuery(scope, filter, lang);
    const book = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: out,
      useStyles: true,
      useSharedStrings: false,
    });
    const sheet = book.addWorksheet(lang === 'zh' ? '投诉' : 'Complaints', {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    const headers = exportHeaders(lang);
    sheet.columns = headers.map((h, i) => ({
      header: h,
      width: i === headers.length - 1 ? 80 : Math.min(30, Math.max(10, h.length * 2)),
    }));
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).commit();
    const numeric = exportNumericColumns();
    const cell = (v: string | null, i: number) => (v !== null && numeric[i] ? Number(v) : v);
    let written = 0;
    for await (const rows of cursorRows(this.db, query)) {
      for (const row of rows) sheet.addRow(row.map(cell)).commit();
      written += rows.length;
      progress?.(written);
      await drained(out);
    }
    await sheet.commit();
    await book.commit();
  }
}
