// Builds the quarterly report from the analytics services the dashboard's own queries use
// (comparison, shares, ranking, handling, spikes), with the caller's scope, so that every
// figure in the report is the dashboard's figure for the same filter.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  addMonths,
  periodStart,
  regionName,
  type ComplaintFilter,
  type Dimension,
  type Lang,
} from '@cw/domain';
import type { Scope } from '../auth/roles.js';
import { FiguresService, MAX_FIGURE_ROWS } from '../analytics/figures.service.js';
import { TrendService } from '../analytics/trend.service.js';
import {
  REPORT_TOP_INSTITUTIONS,
  REPORT_TOP_SPIKES,
  type QuarterlyReport,
} from './quarterly-report.js';
import { periodLabel, type ReportPeriod } from './report-period.js';
import { reportStrings } from './report-text.js';

/** How each filter field is named in the report, and which labels its values take. */
const FILTER_FIELDS: {
  key: keyof ComplaintFilter;
  dimension: Dimension;
  name: Record<Lang, string>;
}[] = [
  { key: 'institutionIds', dimension: 'INSTITUTION', name: { zh: '机构', en: 'Institutions' } },
  { key: 'agencyIds', dimension: 'AGENCY', name: { zh: '催收机构', en: 'Agencies' } },
  { key: 'provinceCodes', dimension: 'PROVINCE', name: { zh: '省份', en: 'Provinces' } },
  { key: 'cityCodes', dimension: 'CITY', name: { zh: '城市', en: 'Cities' } },
  { key: 'categories', dimension: 'CATEGORY', name: { zh: '行为类别', en: 'Categories' } },
  { key: 'channels', dimension: 'CHANNEL', name: { zh: '催收渠道', en: 'Channels' } },
  { key: 'sources', dimension: 'SOURCE', name: { zh: '投诉来源', en: 'Sources' } },
  { key: 'products', dimension: 'PRODUCT', name: { zh: '产品', en: 'Products' } },
];

@Injectable()
export class QuarterlyReportService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly figures: FiguresService,
    private readonly trends: TrendService,
  ) {}

  async build(
    scope: Scope,
    filter: ComplaintFilter,
    period: ReportPeriod,
    lang: Lang,
  ): Promise<QuarterlyReport> {
    const f: ComplaintFilter = { ...filter, from: period.from, to: period.to };
    const monthlyFrom = addMonths(periodStart(period.from, 'MONTH'), -12);
    const [
      data,
      monthly,
      institutionTypes,
      topInstitutions,
      provinces,
      categories,
      channels,
      sources,
      handling,
      spikes,
    ] = await Promise.all([
      this.dataState(),
      this.trends.trend(scope, { ...f, from: monthlyFrom }, 'MONTH', null, null, lang),
      this.figures.shares(scope, f, 'INSTITUTION_TYPE', lang),
      this.figures.ranking(scope, f, 'INSTITUTION', 'COUNT', REPORT_TOP_INSTITUTIONS, lang),
      this.figures.ranking(scope, f, 'PROVINCE', 'COUNT', MAX_FIGURE_ROWS, lang),
      this.figures.shares(scope, f, 'CATEGORY', lang),
      this.figures.shares(scope, f, 'CHANNEL', lang),
      this.figures.shares(scope, f, 'SOURCE', lang),
      this.figures.handling(scope, f, REPORT_TOP_INSTITUTIONS),
      this.figures.spikes(scope, f, REPORT_TOP_SPIKES),
    ]);
    const { t } = reportStrings(lang);
    const institutionIds = [
      ...handling.map((h) => h.institutionId),
      ...spikes.map((s) => s.institutionId),
    ].filter((id): id is string => id !== null);
    const names = await this.trends.labels('INSTITUTION', institutionIds, lang);
    return {
      lang,
      period,
      periodLabel: periodLabel(period, lang),
      scopeLabel: await this.scopeLabel(scope, lang),
      filterLines: await this.filterLines(scope, filter, lang),
      generatedAt: new Date(),
      dataAsOf: data.asOf,
      synthetic: data.synthetic,
      // A ranking carries the period comparison it ranks by: the headline is that one.
      headline: topInstitutions.periods,
      monthly: (monthly.series[0]?.points ?? []).map((p) => ({ period: p.period, count: p.count })),
      institutionTypes,
      topInstitutions,
      provinces,
      provincesInView: provincesInView(scope, filter),
      categories,
      channels,
      sources,
      handling: handling.map((h) => ({
        ...h,
        label:
          h.institutionId === null
            ? t('row.all')
            : (names.get(h.institutionId) ?? `#${h.institutionId}`),
      })),
      spikes: spikes.map((s) => ({
        ...s,
        institutionLabel: names.get(s.institutionId) ?? `#${s.institutionId}`,
        provinceLabel: regionName(s.provinceCode, lang),
      })),
    };
  }

  /** When complaints or the registry last changed, and whether the registry is demo data. */
  private async dataState(): Promise<{ asOf: Date; synthetic: boolean }> {
    const [row] = await this.db.query<{ at: Date; synthetic: boolean }[]>(
      `SELECT changed_at AS at, EXISTS (SELECT 1 FROM institutions WHERE synthetic) AS synthetic
       FROM rollup_version WHERE id = 1`,
    );
    return { asOf: row?.at ?? new Date(), synthetic: row?.synthetic ?? false };
  }

  private async scopeLabel(scope: Scope, lang: Lang): Promise<string> {
    const { t } = reportStrings(lang);
    const sep = lang === 'zh' ? '、' : ', ';
    switch (scope.kind) {
      case 'ALL':
        return t('scopeAll');
      case 'PROVINCES':
        return t('scopeProvinces', {
          names: scope.provinceCodes.map((c) => regionName(c, lang)).join(sep),
        });
      case 'INSTITUTIONS': {
        const ids = scope.institutionIds.map(String);
        const labels = await this.trends.labels('INSTITUTION', ids, lang);
        return t('scopeInstitutions', {
          names: ids.map((id) => labels.get(id) ?? `#${id}`).join(sep),
        });
      }
      case 'SUBMITTER':
        return t('scopeSubmitter');
    }
  }

  /**
   * The filter in words. An institution the caller may not see is named by its id only,
   * so that a report never reveals a registry name outside the caller's scope.
   */
  private async filterLines(scope: Scope, filter: ComplaintFilter, lang: Lang): Promise<string[]> {
    const sep = lang === 'zh' ? '、' : ', ';
    const colon = lang === 'zh' ? '：' : ': ';
    const lines: string[] = [];
    for (const field of FILTER_FIELDS) {
      const values = (filter[field.key] as string[] | undefined) ?? [];
      if (!values.length) continue;
      const visible =
        field.dimension === 'INSTITUTION' && scope.kind === 'INSTITUTIONS'
          ? values.filter((v) => scope.institutionIds.includes(Number(v)))
          : values;
      const labels = await this.trends.labels(field.dimension, visible, lang);
      lines.push(
        field.name[lang] +
          colon +
          values.map((v) => labels.get(v) ?? (/^\d+$/.test(v) ? `#${v}` : v)).join(sep),
      );
    }
    return lines;
  }
}

/** The provinces both the scope and the filter allow; null when both allow every one. */
function provincesInView(scope: Scope, filter: ComplaintFilter): string[] | null {
  const lists = [
    scope.kind === 'PROVINCES' ? scope.provinceCodes : null,
    filter.provinceCodes?.length ? filter.provinceCodes : null,
  ].filter((l): l is string[] => l !== null);
  if (!lists.length) return null;
  return lists.reduce((a, b) => a.filter((code) => b.includes(code)));
}
