// The quarterly report's three formats: which writer, which content type, which file name.
import type { Writable } from 'node:stream';
import type { QuarterlyReport } from './quarterly-report.js';
import { writeReportCsvZip } from './report-csv.js';
import { writeReportXlsx } from './report-xlsx.js';
import { writeReportPdf } from './pdf/report-pdf.js';

export const REPORT_FORMATS = ['pdf', 'xlsx', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const REPORT_CONTENT_TYPES: Record<ReportFormat, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'application/zip',
};

export function writeReport(
  report: QuarterlyReport,
  format: ReportFormat,
  out: Writable,
): Promise<void> {
  switch (format) {
    case 'pdf':
      return writeReportPdf(report, out);
    case 'xlsx':
      return writeReportXlsx(report, out);
    case 'csv':
      return writeReportCsvZip(report, out);
  }
}

/** complaints-report-2026-Q3.pdf, or complaints-report-2026-01-01_2026-02-15.zip */
export function reportFileName(report: QuarterlyReport, format: ReportFormat): string {
  const p = report.period;
  const span = p.quarter ? `${p.quarter.year}-Q${p.quarter.quarter}` : `${p.from}_${p.to}`;
  return `complaints-report-${span}.${format === 'csv' ? 'zip' : format}`;
}
