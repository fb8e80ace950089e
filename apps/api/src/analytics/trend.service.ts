import { Inject, Injectable } from '@nestjs/common';
import { READ_DATABASE, type Queryable } from '../database/read-database.js';
import {
  CATEGORY,
  CHANNEL,
  INSTITUTION_TYPE,
  MULTI_VALUED_DIMENSIONS,
  PRODUCT,
  SOURCE,
  periodsBetween,
  regionName,
  type ComplaintFilter,
  type Dimension,
  type Interval,
  type Lang,
} from '@cw/domain';
import { AppError } from '../graphql/app-error.js';
import type { Scope } from '../auth/roles.js';
import { CountCache } from './count-cache.js';
import { planCounts } from './trend-planner.js';
import type { Trend, TrendSeries } from './trend.model.js';

/** Most buckets one series may have (about 13 years of days). */
export const MAX_TREND_POINTS = 5000;
/** Largest `top` a trend may ask for. */
export const MAX_TREND_TOP = 50;

const SPECIAL_LABELS = {
  ALL: { zh: '全部投诉', en: 'All complaints' },
  OTHER: { zh: '其他', en: 'Other' },
  NONE: { zh: '未填写', en: 'Not given' },
} as const;

interface Row {
  key: string;
  period: string;
  count: number;
}

@Injectable()
export class TrendService {
  constructor(
    // Dashboard reads: a replica when there are any (database/read-database.ts).
    @Inject(READ_DATABASE) private readonly db: Queryable,
    private readonly cache: CountCache,
  ) {}

  /**
   * Complaints per bucket, optionally split by a dimension. Buckets are Shanghai calendar
   * periods; empty buckets between the first and last day are returned as zeros.
   */
  async trend(
    scope: Scope,
    filter: ComplaintFilter,
    interval: Interval,
    groupBy: Dimension | null,
    top: number | null,
    lang: Lang,
  ): Promise<Trend> {
    if (top !== null && (!Number.isInteger(top) || top < 1 || top > MAX_TREND_TOP)) {
      throw new AppError('BAD_USER_INPUT', `top must be between 1 and ${MAX_TREND_TOP}`, {
        field: 'top',
      });
    }
    if (filter.from && filter.to) this.checkBucketCount(filter.from, filter.to, interval);

    const rows = await this.countRows(scope, filter, interval, groupBy);
    const multiValued = groupBy !== null && MULTI_VALUED_DIMENSIONS.includes(groupBy);
    const total = multiValued
      ? await this.countDistinct(scope, filter)
      : rows.reduce((sum, r) => sum + r.count, 0);

    const days = rows.map((r) => r.period).sort();
    const from = filter.from ?? days[0];
    const to = filter.to ?? days[days.length - 1];
    if (!from || !to) return { total, multiValued, series: [] };
    this.checkBucketCount(from, to, interval);
    const periods = periodsBetween(from, to, interval);

    const byKey = new Map<string, Map<string, number>>();
    for (const r of rows) {
      const counts = byKey.get(r.key) ?? new Map<string, number>();
      counts.set(r.period, (counts.get(r.period) ?? 0) + r.count);
      byKey.set(r.key, counts);
    }
    let ranked = [...byKey.entries()]
      .map(([key, counts]) => ({ key, counts, total: sum(counts.values()) }))
      .sort((a, b) => b.total - a.total || compareCodePoints(a.key, b.key));

    // Without a breakdown there is always the one series, zeros included.
    if (groupBy === null && ranked.length === 0) {
      ranked = [{ key: 'ALL', counts: new Map(), total: 0 }];
    }
    if (top !== null && ranked.length > top) {
      // A real code OTHER (product, channel) joins the rest, so keys stay unique.
      const realOther = ranked.filter((s) => s.key === 'OTHER');
      ranked = ranked.filter((s) => s.key !== 'OTHER');
      const rest = [...ranked.slice(top), ...realOther];
      const other = new Map<string, number>();
      for (const s of rest) for (const [p, n] of s.counts) other.set(p, (other.get(p) ?? 0) + n);
      ranked = [
        ...ranked.slice(0, top),
        { key: 'OTHER', counts: other, total: sum(other.values()) },
      ];
    }

    const labels = await this.labels(
      groupBy,
      ranked.map((s) => s.key),
      lang,
    );
    const series: TrendSeries[] = ranked.map((s) => ({
      key: s.key,
      label: labels.get(s.key) ?? s.key,
      total: s.total,
      points: periods.map((period) => ({ period, count: s.counts.get(period) ?? 0 })),
    }));
    return { total, multiValued, series };
  }

  private checkBucketCount(from: string, to: string, interval: Interval): void {
    const n = periodsBetween(from, to, interval).length;
    if (n > MAX_TREND_POINTS) {
      throw new AppError(
        'RANGE_TOO_LONG',
        `${from}..${to} has ${n} ${interval.toLowerCase()} buckets; the limit is ${MAX_TREND_POINTS}: choose a longer interval or a shorter range`,
        { field: 'interval' },
      );
    }
  }

  private async countRows(
    scope: Scope,
    filter: ComplaintFilter,
    interval: Interval,
    groupBy: Dimension | null,
  ): Promise<Row[]> {
    const plan = planCounts(scope, filter, interval, groupBy);
    return this.cache.query<Row>(plan.sql, plan.params);
  }

  /** Complaints per key of a breakdown (once per value for multi-valued fields). */
  async totalsBy(
    scope: Scope,
    filter: ComplaintFilter,
    groupBy: Dimension,
  ): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    for (const r of await this.countRows(scope, filter, 'YEAR', groupBy))
      out.set(r.key, (out.get(r.key) ?? 0) + r.count);
    return out;
  }

  /** Distinct complaints: the plain count (no breakdown) counts each complaint once. */
  async countDistinct(scope: Scope, filter: ComplaintFilter): Promise<number> {
    const rows = await this.countRows(scope, filter, 'YEAR', null);
    return rows.reduce((sum, r) => sum + r.count, 0);
  }

  async labels(
    groupBy: Dimension | null,
    keys: string[],
    lang: Lang,
  ): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const k of ['ALL', 'OTHER', 'NONE'] as const) out.set(k, SPECIAL_LABELS[k][lang]);
    const ids = keys.filter((k) => /^\d+$/.test(k)).map(Number);
    const fromTable = async (table: string) => {
      if (!ids.length) return;
      const rows = await this.db.query<{ id: number; name: string }[]>(
        `SELECT id, name FROM ${table} WHERE id = ANY($1::int[])`,
        [ids],
      );
      for (const r of rows) out.set(String(r.id), r.name);
    };
    const fromVocabulary = (labels: Record<string, Readonly<Record<Lang, string>>>) => {
      for (const k of keys) if (labels[k]) out.set(k, labels[k][lang]);
    };
    switch (groupBy) {
      case null:
        break;
      case 'INSTITUTION':
        await fromTable('institutions');
        break;
      case 'AGENCY':
        await fromTable('collection_agencies');
        break;
      case 'PROVINCE':
      case 'CITY':
        for (const k of keys) if (k !== 'OTHER' && k !== 'NONE') out.set(k, regionName(k, lang));
        break;
      case 'INSTITUTION_TYPE':
        fromVocabulary(INSTITUTION_TYPE.labels);
        break;
      case 'CATEGORY':
        fromVocabulary(CATEGORY.labels);
        break;
      case 'CHANNEL':
        fromVocabulary(CHANNEL.labels);
        break;
      case 'SOURCE':
        fromVocabulary(SOURCE.labels);
        break;
      case 'PRODUCT':
        fromVocabulary(PRODUCT.labels);
        break;
    }
    return out;
  }
}

/** Locale-independent order, so ties rank the same on every machine. */
function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sum(values: Iterable<number>): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}
