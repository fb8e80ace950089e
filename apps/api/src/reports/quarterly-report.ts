// The quarterly report as data, and the same data as tables. The tables are the one
// definition of what each format shows: XLSX writes a sheet per table, the CSV zip a file
// per table, the PDF draws each table under its chart. Every number comes from the
// analytics services the dashboard uses, so the report and the dashboard agree.
import type { Lang } from '@cw/domain';
import type {
  Comparison,
  HandlingCounts,
  Ranking,
  Shares,
  SpikeCounts,
} from '../analytics/figures.model.js';
import type { ReportPeriod } from './report-period.js';
import { reportStrings, type ReportStringKey } from './report-text.js';

export interface LabelledHandling extends HandlingCounts {
  label: string;
}

export interface LabelledSpike extends SpikeCounts {
  institutionLabel: string;
  provinceLabel: string;
}

export interface QuarterlyReport {
  lang: Lang;
  period: ReportPeriod;
  periodLabel: string;
  /** Who the figures are about: the requester's scope, in words. */
  scopeLabel: string;
  /** The filter in words, one line a field; empty when there is none. */
  filterLines: string[];
  generatedAt: Date;
  /** When the data last changed (the report reads it as it stood then). */
  dataAsOf: Date;
  /** True when the registry holds demo (fictitious) institutions: the report says so. */
  synthetic: boolean;
  headline: Comparison;
  /** Monthly totals over the period and the twelve months before it. */
  monthly: { period: string; count: number }[];
  institutionTypes: Shares;
  topInstitutions: Ranking;
  provinces: Ranking;
  /** Provinces the figures may cover (scope and filter), null for all: the others are "no data", not zero. */
  provincesInView: string[] | null;
  categories: Shares;
  channels: Shares;
  sources: Shares;
  handling: LabelledHandling[];
  spikes: LabelledSpike[];
}

export type ColumnKind = 'text' | 'int' | 'percent' | 'decimal' | 'date';

export interface ReportColumn {
  key: string;
  header: string;
  kind: ColumnKind;
}

export type Cell = string | number | null;

export interface ReportTable {
  /** File and sheet name (ASCII, stable across languages). */
  id: string;
  /** The section it belongs to. */
  section: ReportStringKey;
  columns: ReportColumn[];
  rows: Record<string, Cell>[];
  /** Shown under the table (e.g. that a complaint counts once per category). */
  note: string | null;
}

/** Number of institutions in the top list and in the handling table. */
export const REPORT_TOP_INSTITUTIONS = 20;
/** Spikes listed. */
export const REPORT_TOP_SPIKES = 20;

export function reportTables(r: QuarterlyReport): ReportTable[] {
  const { t } = reportStrings(r.lang);
  const col = (key: string, header: ReportStringKey, kind: ColumnKind): ReportColumn => ({
    key,
    header: t(header),
    kind,
  });
  const shareTable = (
    id: string,
    section: ReportStringKey,
    header: ReportStringKey,
    shares: Shares,
  ): ReportTable => ({
    id,
    section,
    columns: [
      col('label', header, 'text'),
      col('count', 'col.count', 'int'),
      col('share', 'col.share', 'percent'),
    ],
    rows: shares.rows.map((s) => ({ label: s.label, count: s.count, share: s.share })),
    note: shares.multiValued ? t('multiValued') : null,
  });
  const h = r.headline;
  const changeTo = (before: number) => (before === 0 ? null : h.current.total / before - 1);

  return [
    {
      id: 'headline',
      section: 'section.headline',
      columns: [
        col('period', 'col.period', 'text'),
        col('from', 'col.from', 'date'),
        col('to', 'col.to', 'date'),
        col('count', 'col.count', 'int'),
        col('change', 'col.changeVsThis', 'percent'),
      ],
      rows: [
        { period: t('row.current'), ...h.current, count: h.current.total, change: null },
        {
          period: t('row.previous'),
          ...h.previous,
          count: h.previous.total,
          change: changeTo(h.previous.total),
        },
        {
          period: t('row.yearAgo'),
          ...h.yearAgo,
          count: h.yearAgo.total,
          change: changeTo(h.yearAgo.total),
        },
      ].map(({ period, from, to, count, change }) => ({ period, from, to, count, change })),
      note: null,
    },
    shareTable('institution_types', 'section.institutionTypes', 'col.type', r.institutionTypes),
    {
      id: 'top_institutions',
      section: 'section.topInstitutions',
      columns: [
        col('rank', 'col.rank', 'int'),
        col('label', 'col.institution', 'text'),
        col('count', 'col.count', 'int'),
        col('previousCount', 'col.previousCount', 'int'),
        col('change', 'col.change', 'percent'),
        col('rate', 'col.ratePer10k', 'decimal'),
      ],
      rows: r.topInstitutions.rows.map((x, i) => ({
        rank: i + 1,
        label: x.label,
        count: x.count,
        previousCount: x.previousCount,
        change: x.change,
        rate: x.rate,
      })),
      note: null,
    },
    {
      id: 'provinces',
      section: 'section.provinces',
      columns: [
        col('label', 'col.province', 'text'),
        col('code', 'col.code', 'text'),
        col('count', 'col.count', 'int'),
        col('rate', 'col.perMillion', 'decimal'),
        col('previousCount', 'col.previousCount', 'int'),
        col('change', 'col.change', 'percent'),
      ],
      rows: r.provinces.rows.map((x) => ({
        label: x.label,
        code: x.key,
        count: x.count,
        rate: x.rate,
        previousCount: x.previousCount,
        change: x.change,
      })),
      note: null,
    },
    shareTable('categories', 'section.categories', 'col.category', r.categories),
    shareTable('channels', 'section.channels', 'col.channel', r.channels),
    {
      id: 'handling',
      section: 'section.handling',
      columns: [
        col('label', 'col.institution', 'text'),
        col('count', 'col.count', 'int'),
        col('responded', 'col.responded', 'int'),
        col('timely', 'col.timely', 'int'),
        col('timelyShare', 'col.timelyShare', 'percent'),
        col('medianDays', 'col.medianDays', 'decimal'),
        col('police', 'col.police', 'int'),
        col('policeShare', 'col.policeShare', 'percent'),
      ],
      rows: r.handling.map((x) => ({
        label: x.label,
        count: x.total,
        responded: x.responded,
        timely: x.timely,
        timelyShare: x.timelyShare,
        medianDays: x.medianDaysToAnswer,
        police: x.referredToPolice,
        policeShare: x.policeShare,
      })),
      note: null,
    },
    {
      id: 'spikes',
      section: 'section.spikes',
      columns: [
        col('institution', 'col.institution', 'text'),
        col('province', 'col.province', 'text'),
        col('week', 'col.week', 'date'),
        col('count', 'col.count', 'int'),
        col('baseline', 'col.baseline', 'decimal'),
        col('score', 'col.score', 'decimal'),
      ],
      rows: r.spikes.map((x) => ({
        institution: x.institutionLabel,
        province: x.provinceLabel,
        week: x.period,
        count: x.count,
        baseline: x.baseline,
        score: x.score,
      })),
      note: r.spikes.length ? null : t('spikesNone'),
    },
    shareTable('sources', 'section.method', 'col.source', r.sources),
  ];
}

/** The report's identity (period, scope, filter, times) as label/value pairs. */
export function reportAbout(r: QuarterlyReport): [string, string][] {
  const { t } = reportStrings(r.lang);
  return [
    [t('period'), `${r.periodLabel} (${r.period.from} – ${r.period.to})`],
    [t('scope'), r.scopeLabel],
    [t('filter'), r.filterLines.length ? r.filterLines.join('; ') : t('filterNone')],
    [t('asOf'), `${formatInstant(r.dataAsOf)} (${t('timeZone')})`],
    [t('generatedAt'), `${formatInstant(r.generatedAt)} (${t('timeZone')})`],
  ];
}

/** An instant as Beijing wall time, YYYY-MM-DD HH:mm. */
export function formatInstant(at: Date): string {
  const local = new Date(at.getTime() + 8 * 3600_000);
  return local.toISOString().slice(0, 16).replace('T', ' ');
}

/** A cell as a report shows it in text (PDF, CSV): numbers formatted per language. */
export function formatCell(value: Cell, kind: ColumnKind, lang: Lang): string {
  if (value === null || value === '') return kind === 'text' || kind === 'date' ? '' : '–';
  if (typeof value === 'string') return value;
  const locale = lang === 'zh' ? 'zh-CN' : 'en-US';
  switch (kind) {
    case 'int':
      return value.toLocaleString(locale, { maximumFractionDigits: 0 });
    case 'percent':
      return `${(value * 100).toLocaleString(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 })}%`;
    case 'decimal':
      return value.toLocaleString(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    default:
      return String(value);
  }
}
