// The quarterly report as a PDF: cover, contents, the eight sections (each a chart drawn as
// vector graphics and its table), and on every page a footer with the scope and filter, the
// data's as-of time and the page number. Text is in the report's language, in an embedded
// font that shows Chinese.
import type { Writable } from 'node:stream';
import { provinceTiles, regionName } from '@cw/domain';
import {
  formatCell,
  formatInstant,
  reportAbout,
  reportTables,
  type QuarterlyReport,
} from '../quarterly-report.js';
import { reportStrings, type ReportStringKey } from '../report-text.js';
import { horizontalBars, monthlyColumns, tileGrid, type Bar } from './pdf-charts.js';
import {
  COLOURS,
  CONTENT_WIDTH,
  footers,
  heading,
  newReportPdf,
  PAGE,
  paragraph,
  type Pdf,
} from './pdf-frame.js';
import { drawTable } from './pdf-table.js';

/** Sections in the order of the bulletin; each names the tables drawn under it. */
const SECTIONS: { key: ReportStringKey; tables: string[] }[] = [
  { key: 'section.headline', tables: ['headline'] },
  { key: 'section.institutionTypes', tables: ['institution_types'] },
  { key: 'section.topInstitutions', tables: ['top_institutions'] },
  { key: 'section.provinces', tables: ['provinces'] },
  { key: 'section.categories', tables: ['categories'] },
  { key: 'section.channels', tables: ['channels'] },
  { key: 'section.handling', tables: ['handling'] },
  { key: 'section.spikes', tables: ['spikes'] },
  { key: 'section.method', tables: ['sources'] },
];

/** Bars shown in a chart at most (the table under it lists every row). */
const CHART_BARS = 12;

export async function writeReportPdf(report: QuarterlyReport, out: Writable): Promise<void> {
  const { t, method } = reportStrings(report.lang);
  const lang = report.lang;
  const doc = newReportPdf(`${t('title')} ${report.periodLabel}`, lang);
  const done = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
    doc.on('error', reject);
  });
  doc.pipe(out);

  cover(doc, report);
  doc.addPage(); // contents, filled in once the sections' pages are known
  const contentsPage = doc.bufferedPageRange().count - 1;

  const tables = new Map(reportTables(report).map((tb) => [tb.id, tb]));
  const sectionPages: number[] = [];
  for (const section of SECTIONS) {
    doc.addPage();
    sectionPages.push(doc.bufferedPageRange().count);
    heading(doc, t(section.key), section.key);
    sectionBody(doc, report, section.key);
    for (const id of section.tables) {
      const table = tables.get(id)!;
      if (id === 'sources') {
        doc.font('bold').fontSize(11).text(t('section.sources'), PAGE.margin, doc.y);
        doc.moveDown(0.3);
      }
      drawTable(doc, table, lang, t('noRows'));
    }
    if (section.key === 'section.method') for (const line of method) paragraph(doc, line, 9);
  }

  contents(doc, report, contentsPage, sectionPages);
  const scopeLine = [report.scopeLabel, ...report.filterLines].join(' · ');
  footers(
    doc,
    `${t('period')}: ${report.periodLabel} · ${t('scope')}: ${scopeLine}`,
    `${t('asOf')} ${formatInstant(report.dataAsOf)}`,
    (n, total) => t('page', { n, total }),
  );
  doc.end();
  await done;
}

function cover(doc: Pdf, r: QuarterlyReport): void {
  const { t } = reportStrings(r.lang);
  doc.rect(0, 0, PAGE.width, 230).fill(COLOURS.bar);
  doc.fillColor('#ffffff').font('regular').fontSize(12);
  doc.text(t('subtitle'), PAGE.margin, 90, { width: CONTENT_WIDTH });
  doc.font('bold').fontSize(24).text(t('title'), PAGE.margin, 112, { width: CONTENT_WIDTH });
  doc
    .font('bold')
    .fontSize(18)
    .text(r.periodLabel, PAGE.margin, doc.y + 8, { width: CONTENT_WIDTH });
  doc.fillColor(COLOURS.text).font('regular').fontSize(10.5);
  doc.y = 270;
  for (const [label, value] of reportAbout(r)) {
    doc.font('bold').text(label, PAGE.margin, doc.y, { width: 110, continued: false });
    const y = doc.y - doc.currentLineHeight(true);
    doc.font('regular').text(value, PAGE.margin + 120, y, { width: CONTENT_WIDTH - 120 });
    doc.moveDown(0.6);
  }
  if (r.synthetic) {
    doc.moveDown(1);
    paragraph(
      doc,
      r.lang === 'zh'
        ? '演示数据：机构与催收公司均为虚构。'
        : 'Demo data: the institutions and agencies are fictitious.',
      10,
      COLOURS.highlight,
    );
  }
}

function contents(doc: Pdf, r: QuarterlyReport, page: number, sectionPages: number[]): void {
  const { t } = reportStrings(r.lang);
  doc.switchToPage(page);
  doc.font('bold').fontSize(15).fillColor(COLOURS.text);
  doc.text(t('contents'), PAGE.margin, PAGE.top, { width: CONTENT_WIDTH });
  doc.moveDown(0.8);
  doc.font('regular').fontSize(11);
  SECTIONS.forEach((s, i) => {
    const y = doc.y;
    const number = String(sectionPages[i]);
    doc.fillColor(COLOURS.text).text(t(s.key), PAGE.margin, y, {
      width: CONTENT_WIDTH - 40,
      goTo: s.key,
      lineBreak: false,
    });
    doc.text(number, PAGE.margin + CONTENT_WIDTH - 40, y, {
      width: 40,
      align: 'right',
      goTo: s.key,
    });
    doc.y = y + 22;
  });
}

function sectionBody(doc: Pdf, r: QuarterlyReport, key: ReportStringKey): void {
  const { t } = reportStrings(r.lang);
  const lang = r.lang;
  const int = (n: number) => formatCell(n, 'int', lang);
  const pct = (n: number | null) => formatCell(n, 'percent', lang);
  const sharesBars = (rows: { label: string; count: number; share: number }[]): Bar[] =>
    rows.slice(0, CHART_BARS).map((x) => ({
      label: x.label,
      value: x.count,
      text: `${int(x.count)} (${pct(x.share)})`,
    }));
  const unit = lang === 'zh' ? '（件）' : ' (complaints)';
  switch (key) {
    case 'section.headline': {
      const h = r.headline;
      const change = (c: number | null) =>
        c === null
          ? t('notComparable')
          : c === 0
            ? t('flat')
            : t(c > 0 ? 'up' : 'down', { pct: pct(Math.abs(c)) });
      paragraph(
        doc,
        t('headlineSentence', {
          total: int(h.current.total),
          previous: int(h.previous.total),
          yearAgo: int(h.yearAgo.total),
          qoq: change(h.changeFromPrevious),
          yoy: change(h.changeFromYearAgo),
        }),
        11,
      );
      monthlyColumns(
        doc,
        (lang === 'zh' ? '月度投诉件数' : 'Complaints by month') + unit,
        r.monthly,
        (p) => p >= r.period.from.slice(0, 7) + '-01' && p <= r.period.to,
        int,
        lang === 'zh'
          ? { current: '报告期', earlier: '此前12个月' }
          : { current: 'Report period', earlier: 'Previous 12 months' },
      );
      return;
    }
    case 'section.institutionTypes':
      horizontalBars(doc, t('col.type') + unit, sharesBars(r.institutionTypes.rows));
      return;
    case 'section.topInstitutions':
      horizontalBars(
        doc,
        t('col.institution') + unit,
        r.topInstitutions.rows
          .slice(0, CHART_BARS)
          .map((x) => ({ label: x.label, value: x.count, text: int(x.count) })),
      );
      return;
    case 'section.provinces': {
      const byCode = new Map(r.provinces.rows.map((x) => [x.key, x]));
      tileGrid(
        doc,
        t('col.perMillion'),
        provinceTiles('grid1').map((tile) => ({
          code: tile.code,
          row: tile.row,
          col: tile.col,
          short: lang === 'zh' ? tile.abbr : shortEnglishName(tile.code),
          // A province in view without complaints has a rate of zero; one outside has no data.
          value:
            byCode.get(tile.code)?.rate ??
            (!r.provincesInView || r.provincesInView.includes(tile.code) ? 0 : null),
        })),
        (n) =>
          formatCell(n, 'decimal', lang).replace(/\.\d+$/, (d) => (n >= 100 ? '' : d.slice(0, 2))),
        lang === 'zh' ? '无数据' : 'no data',
      );
      paragraph(doc, t('mapNote'), 8, COLOURS.muted);
      return;
    }
    case 'section.categories':
      horizontalBars(doc, t('col.category') + unit, sharesBars(r.categories.rows));
      return;
    case 'section.channels':
      horizontalBars(doc, t('col.channel') + unit, sharesBars(r.channels.rows));
      return;
    case 'section.handling':
      horizontalBars(
        doc,
        t('col.timelyShare'),
        r.handling
          .filter((x) => x.institutionId !== null && x.timelyShare !== null)
          .slice(0, CHART_BARS)
          .map((x) => ({ label: x.label, value: x.timelyShare!, text: pct(x.timelyShare) })),
        1,
      );
      return;
    default:
      return;
  }
}

/** An English province name short enough for a tile ("Inner Mongolia" → "Inner Mong."). */
function shortEnglishName(code: string): string {
  const name = regionName(code, 'en');
  return name.length <= 9 ? name : `${name.slice(0, 8)}.`;
}
