// The quarterly report as an XLSX workbook: an "About" sheet with the period, scope, filter,
// as-of time and the method, then one sheet a table with a frozen header row, number
// formats and column widths. Cells hold numbers, not formatted text, so they can be summed.
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import {
  reportAbout,
  reportTables,
  type ColumnKind,
  type QuarterlyReport,
} from './quarterly-report.js';
import { reportStrings } from './report-text.js';
import { defuseFormula } from '../web/csv.js';

const NUMBER_FORMATS: Record<ColumnKind, string | undefined> = {
  text: undefined,
  date: undefined,
  int: '#,##0',
  percent: '0.0%',
  decimal: '#,##0.00',
};

export async function writeReportXlsx(report: QuarterlyReport, out: Writable): Promise<void> {
  const { t, method } = reportStrings(report.lang);
  const book = new ExcelJS.Workbook();
  book.creator = 'collection-watch';
  book.created = report.generatedAt;

  const about = book.addWorksheet(t('about.title'), { views: [{ state: 'frozen', ySplit: 1 }] });
  about.columns = [
    { header: t('about.field'), key: 'field', width: 22 },
    { header: t('about.value'), key: 'value', width: 100 },
  ];
  about.getRow(1).font = { bold: true };
  about.addRow({ field: t('title'), value: report.periodLabel });
  for (const [field, value] of reportAbout(report))
    about.addRow({ field, value: defuseFormula(value) });
  method.forEach((line, i) =>
    about.addRow({ field: i === 0 ? t('section.method') : '', value: line }),
  );
  about.getColumn('value').alignment = { wrapText: true, vertical: 'top' };

  for (const table of reportTables(report)) {
    const sheet = book.addWorksheet(table.id, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = table.columns.map((c) => ({
      header: c.header,
      key: c.key,
      width: c.kind === 'text' ? 28 : Math.max(12, c.header.length * 2 + 2),
      style: NUMBER_FORMATS[c.kind] ? { numFmt: NUMBER_FORMATS[c.kind] } : {},
    }));
    sheet.getRow(1).font = { bold: true };
    for (const row of table.rows) {
      const values: Record<string, unknown> = {};
      for (const c of table.columns) {
        const v = row[c.key] ?? null;
        values[c.key] = typeof v === 'string' ? defuseFormula(v) : v;
      }
      sheet.addRow(values);
    }
    if (table.note) {
      sheet.addRow({});
      sheet.addRow({ [table.columns[0]!.key]: table.note });
    }
  }
  await book.xlsx.write(out);
}
