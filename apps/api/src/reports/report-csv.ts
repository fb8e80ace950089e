// The quarterly report as a zip of CSV files, one a table plus about.csv. Each file is
// UTF-8 with a byte-order mark, so that spreadsheet programs read Chinese correctly, and
// holds plain numbers (shares as fractions), so the figures can be computed with.
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import { csvLine } from '../web/csv.js';
import { reportAbout, reportTables, type QuarterlyReport } from './quarterly-report.js';
import { reportStrings } from './report-text.js';

const BOM = '\ufeff';

export async function writeReportCsvZip(report: QuarterlyReport, out: Writable): Promise<void> {
  const { t, method } = reportStrings(report.lang);
  const zip = new yazl.ZipFile();
  const mtime = report.generatedAt;
  const about = [
    csvLine([t('about.field'), t('about.value')]),
    csvLine([t('title'), report.periodLabel]),
    ...reportAbout(report).map(([k, v]) => csvLine([k, v])),
    ...method.map((line, i) => csvLine([i === 0 ? t('section.method') : '', line])),
  ];
  zip.addBuffer(Buffer.from(BOM + about.join(''), 'utf8'), 'about.csv', { mtime });
  for (const table of reportTables(report)) {
    const lines = [csvLine(table.columns.map((c) => c.header))];
    for (const row of table.rows) lines.push(csvLine(table.columns.map((c) => row[c.key] ?? null)));
    if (table.note) lines.push(csvLine([]), csvLine([table.note]));
    zip.addBuffer(Buffer.from(BOM + lines.join(''), 'utf8'), `${table.id}.csv`, { mtime });
  }
  zip.end();
  await pipeline(zip.outputStream, out);
}
