// The figures oversight bodies ask for beyond the trend: comparison with earlier periods,
// rankings by count, rate and change, shares, handling timeliness, off-hours conduct and
// spikes. Counts come from the trend planner (rollups where exact); handling figures from
// rollup_daily when the filter allows, else from the complaints table; medians always from
// the complaints table. Every query is built on the caller's scope.
import { Inject, Injectable } from '@nestjs/common';
import { READ_DATABASE, type Queryable } from '../database/read-database.js';
import {
  addDays,
  addMonths,
  daysBetween,
  INSTITUTION_TYPE,
  nextPeriod,
  perMillion,
  perTenThousandBorrowers,
  periodStart,
  type ComplaintFilter,
  type Dimension,
  type Lang,
} from '@cw/domain';
import type { Scope } from '../auth/roles.js';
import { AppError } from '../graphql/app-error.js';
import { complaintCondition, rollupCondition, rollupServesScope } from './filter-sql.js';
import type {
  Comparison,
  HandlingCounts,
  OffHours,
  Ranking,
  RankDimension,
  RankOrder,
  ShareDimension,
  Shares,
  SpikeCounts,
} from './figures.model.js';
import { DEFAULT_SPIKE_OPTIONS, detectSpikes, type WeeklySeries } from './spikes/spike-detector.js';
import { CountCache } from './count-cache.js';
import { TrendService } from './trend.service.js';

/** Most rows a ranking, a handling table or a spike list returns. */
export const MAX_FIGURE_ROWS = 100;

const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);
const change = (now: number, before: number): number | null =>
  before === 0 ? null : now / before - 1;

/** True when only fields the daily rollup keeps are filtered (and the scope allows it). */
function dailyRollupServes(scope: Scope, f: ComplaintFilter): boolean {
  const others: (keyof ComplaintFilter)[] = [
    'agencyIds',
    'cityCodes',
    'categories',
    'channels',
    'sources',
    'products',
  ];
  return rollupServesScope(scope) && others.every((k) => !(f[k] as unknown[] | undefined)?.length);
}

/** The periods a range is compared with: whole months shift by months, other ranges by days. */
export function comparisonRanges(from: string, to: string) {
  const wholeMonths = from.endsWith('-01') && addDays(to, 1).endsWith('-01');
  let previous: { from: string; to: string };
  if (wholeMonths) {
    const end = addDays(to, 1);
    const monthIndex = (d: string) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7));
    const months = monthIndex(end) - monthIndex(from);
    previous = { from: addMonths(from, -months), to: addDays(from, -1) };
  } else {
    const days = daysBetween(from, to) + 1;
    previous = { from: addDays(from, -days), to: addDays(from, -1) };
  }
  const yearAgoTo = wholeMonths ? addDays(addMonths(addDays(to, 1), -12), -1) : addMonths(to, -12);
  return { previous, yearAgo: { from: addMonths(from, -12), to: yearAgoTo } };
}

@Injectable()
export class FiguresService {
  constructor(
    // Dashboard reads: a replica when there are any (database/read-database.ts).
    @Inject(READ_DATABASE) private readonly db: Queryable,
    private readonly trends: TrendService,
    private readonly cache: CountCache,
  ) {}

  /** The filter's range, or the span of the data the caller may see. */
  async range(scope: Scope, filter: ComplaintFilter): Promise<{ from: string; to: string } | null> {
    if (filter.from && filter.to) return { from: filter.from, to: filter.to };
    type Span = { first: string | null; last: string | null };
    let row: Span | undefined;
    if (rollupServesScope(scope)) {
      const params: unknown[] = [];
      const where = rollupCondition(scope, {}, 'r.day', params);
      [row] = await this.db.query<Span[]>(
        `SELECT min(r.day) AS first, max(r.day) AS last FROM rollup_daily r WHERE ${where}`,
        params,
      );
    } else {
      const c = complaintCondition(scope, {});
      [row] = await this.db.query<Span[]>(
        `SELECT min(c.received_day) AS first, max(c.received_day) AS last FROM complaints c WHERE ${c.sql}`,
        c.params,
      );
    }
    const from = filter.from ?? row?.first ?? null;
    const to = filter.to ?? row?.last ?? null;
    return from && to && from <= to ? { from, to } : null;
  }

  async comparison(scope: Scope, filter: ComplaintFilter): Promise<Comparison> {
    const r = await this.range(scope, filter);
    if (!r)
      throw new AppError(
        'BAD_USER_INPUT',
        'there is no data to compare: give filter.from and filter.to',
        { field: 'filter' },
      );
    const { previous, yearAgo } = comparisonRanges(r.from, r.to);
    const [now, before, lastYear] = await Promise.all([
      this.trends.countDistinct(scope, { ...filter, ...r }),
      this.trends.countDistinct(scope, { ...filter, ...previous }),
      this.trends.countDistinct(scope, { ...filter, ...yearAgo }),
    ]);
    return {
      current: { ...r, total: now },
      previous: { ...previous, total: before },
      yearAgo: { ...yearAgo, total: lastYear },
      changeFromPrevious: change(now, before),
      changeFromYearAgo: change(now, lastYear),
    };
  }

  async ranking(
    scope: Scope,
    filter: ComplaintFilter,
    dimension: RankDimension,
    orderBy: RankOrder,
    top: number,
    lang: Lang,
  ): Promise<Ranking> {
    checkTop(top);
    const periods = await this.comparison(scope, filter);
    const [now, before] = await Promise.all([
      this.trends.totalsBy(
        scope,
        { ...filter, from: periods.current.from, to: periods.current.to },
        dimension,
      ),
      this.trends.totalsBy(
        scope,
        { ...filter, from: periods.previous.from, to: periods.previous.to },
        dimension,
      ),
    ]);
    now.delete('NONE');
    const borrowers =
      dimension === 'INSTITUTION'
        ? await this.activeBorrowers([...now.keys()])
        : new Map<string, number | null>();
    const rate = (key: string, count: number): number | null => {
      if (dimension === 'PROVINCE') return perMillion(count, key);
      if (dimension === 'INSTITUTION') return perTenThousandBorrowers(count, borrowers.get(key));
      return null;
    };
    let rows = [...now.entries()].map(([key, count]) => {
      const previousCount = before.get(key) ?? 0;
      return {
        key,
        label: key,
        count,
        previousCount,
        change: change(count, previousCount),
        rate: rate(key, count),
      };
    });
    const value = (r: (typeof rows)[number]) =>
      orderBy === 'COUNT' ? r.count : orderBy === 'RATE' ? r.rate : r.change;
    rows.sort((a, b) => {
      const va = value(a);
      const vb = value(b);
      if (va === null || vb === null)
        return va === null && vb === null ? b.count - a.count : va === null ? 1 : -1;
      return vb - va || b.count - a.count || (a.key < b.key ? -1 : 1);
    });
    rows = rows.slice(0, top);
    const labels = await this.trends.labels(
      dimension as Dimension,
      rows.map((r) => r.key),
      lang,
    );
    for (const r of rows) r.label = labels.get(r.key) ?? r.key;
    return {
      periods,
      rateUnit:
        dimension === 'PROVINCE'
          ? 'PER_MILLION_RESIDENTS'
          : dimension === 'INSTITUTION'
            ? 'PER_10K_BORROWERS'
            : null,
      rows,
    };
  }

  async shares(
    scope: Scope,
    filter: ComplaintFilter,
    dimension: ShareDimension,
    lang: Lang,
  ): Promise<Shares> {
    const [totals, total] = await Promise.all([
      this.trends.totalsBy(scope, filter, dimension),
      this.trends.countDistinct(scope, filter),
    ]);
    const labels = await this.trends.labels(dimension, [...totals.keys()], lang);
    if (dimension === 'INSTITUTION_TYPE')
      for (const k of totals.keys())
        labels.set(
          k,
          INSTITUTION_TYPE.labels[k as keyof typeof INSTITUTION_TYPE.labels]?.[lang] ?? k,
        );
    const rows = [...totals.entries()]
      .map(([key, count]) => ({
        key,
        label: labels.get(key) ?? key,
        count,
        share: total ? count / total : 0,
      }))
      .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));
    return { total, multiValued: dimension === 'CATEGORY' || dimension === 'CHANNEL', rows };
  }

  /**
   * Per institution (busiest first, at most `top`), after one row for all of them. The
   * median days to answer read every answered complaint of the range (seconds at a million
   * complaints, where the counts come from the rollup in milliseconds): with `medians: false`
   * they are left out (null), for callers that do not show them.
   */
  async handling(
    scope: Scope,
    filter: ComplaintFilter,
    top: number,
    { medians = true }: { medians?: boolean } = {},
  ): Promise<HandlingCounts[]> {
    checkTop(top);
    return this.cache.cached(
      JSON.stringify(['handling', scope, filter, top, medians]),
      () => this.computeHandling(scope, filter, top, medians),
      (r) => r.length,
    );
  }

  private async computeHandling(
    scope: Scope,
    filter: ComplaintFilter,
    top: number,
    withMedians: boolean,
  ): Promise<HandlingCounts[]> {
    type Counts = {
      institutionId: string | null;
      total: number;
      responded: number;
      timely: number;
      police: number;
    };
    let counts: Counts[];
    if (dailyRollupServes(scope, filter)) {
      const params: unknown[] = [];
      const where = rollupCondition(scope, filter, 'r.day', params);
      // ROLLUP gives its grand-total row even when no row matches: sums of nothing are 0.
      counts = await this.db.query(
        `SELECT r.institution_id::text AS "institutionId", coalesce(sum(r.n), 0)::int AS total,
                coalesce(sum(r.responded), 0)::int AS responded, coalesce(sum(r.timely), 0)::int AS timely,
                coalesce(sum(r.police), 0)::int AS police
         FROM rollup_daily r WHERE ${where} GROUP BY ROLLUP (r.institution_id)`,
        params,
      );
    } else {
      const c = complaintCondition(scope, filter);
      counts = await this.db.query(
        `SELECT c.institution_id::text AS "institutionId", count(*)::int AS total, count(c.responded_at)::int AS responded,
                count(*) FILTER (WHERE c.responded_at <= c.received_at + interval '360 hours')::int AS timely,
                count(*) FILTER (WHERE c.status = 'REFERRED_TO_POLICE')::int AS police
         FROM complaints c WHERE ${c.sql} GROUP BY ROLLUP (c.institution_id)`,
        c.params,
      );
    }
    const c = complaintCondition(scope, filter);
    const medians = withMedians
      ? await this.db.query<{ institutionId: string | null; median: number | null }[]>(
          `SELECT c.institution_id::text AS "institutionId",
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM c.responded_at - c.received_at) / 86400.0)::float8 AS median
       FROM complaints c WHERE ${c.sql} AND c.responded_at IS NOT NULL GROUP BY ROLLUP (c.institution_id)`,
          c.params,
        )
      : [];
    const median = new Map(medians.map((m) => [m.institutionId, m.median]));
    const all = counts.find((r) => r.institutionId === null) ?? {
      institutionId: null,
      total: 0,
      responded: 0,
      timely: 0,
      police: 0,
    };
    const each = counts
      .filter((r) => r.institutionId !== null)
      .sort((a, b) => b.total - a.total || Number(a.institutionId) - Number(b.institutionId))
      .slice(0, top);
    return [all, ...each].map((r) => ({
      institutionId: r.institutionId,
      total: r.total,
      responded: r.responded,
      timely: r.timely,
      timelyShare: ratio(r.timely, r.total),
      medianDaysToAnswer: median.get(r.institutionId) ?? null,
      referredToPolice: r.police,
      policeShare: ratio(r.police, r.total),
    }));
  }

  async offHours(scope: Scope, filter: ComplaintFilter): Promise<OffHours> {
    let row: { known: number; off: number } | undefined;
    if (dailyRollupServes(scope, filter)) {
      const params: unknown[] = [];
      const where = rollupCondition(scope, filter, 'r.day', params);
      // Nothing about institutions or provinces: the national table has the same sums.
      const national =
        scope.kind === 'ALL' && !filter.institutionIds?.length && !filter.provinceCodes?.length;
      [row] = await this.db.query(
        `SELECT coalesce(sum(r.incident_known), 0)::int AS known, coalesce(sum(r.off_hours), 0)::int AS off
         FROM ${national ? 'rollup_daily_national' : 'rollup_daily'} r WHERE ${where}`,
        params,
      );
    } else {
      const c = complaintCondition(scope, filter);
      [row] = await this.db.query(
        `SELECT count(c.incident_hour)::int AS known, count(*) FILTER (WHERE c.incident_hour >= 22 OR c.incident_hour < 8)::int AS off
         FROM complaints c WHERE ${c.sql}`,
        c.params,
      );
    }
    const known = row?.known ?? 0;
    const off = row?.off ?? 0;
    return { withIncidentTime: known, offHours: off, share: ratio(off, known) };
  }

  /** Institution x province weeks in the range whose count jumps above the pair's history. */
  async spikes(scope: Scope, filter: ComplaintFilter, top: number): Promise<SpikeCounts[]> {
    checkTop(top);
    return this.cache.cached(
      JSON.stringify(['spikes', scope, filter, top]),
      () => this.computeSpikes(scope, filter, top),
      (r) => r.length,
    );
  }

  private async computeSpikes(
    scope: Scope,
    filter: ComplaintFilter,
    top: number,
  ): Promise<SpikeCounts[]> {
    const r = await this.range(scope, filter);
    if (!r) return [];
    const firstWeek = periodStart(r.from, 'WEEK');
    // Only whole weeks are judged: a week still under way would look like a drop.
    const lastWeek = addDays(periodStart(addDays(r.to, 1), 'WEEK'), -7);
    if (lastWeek < firstWeek) return [];
    // The detector estimates each pair's variability from this much history.
    const history = DEFAULT_SPIKE_OPTIONS.baselineWeeks + DEFAULT_SPIKE_OPTIONS.dispersionWeeks;
    const historyFrom = addDays(firstWeek, -7 * history);
    const weeklyFilter = { ...filter, from: historyFrom, to: addDays(lastWeek, 6) };
    type Row = { institutionId: number; provinceCode: string; week: string; n: number };
    let rows: Row[];
    if (dailyRollupServes(scope, weeklyFilter)) {
      const params: unknown[] = [];
      const where = rollupCondition(scope, weeklyFilter, 'r.day', params);
      rows = await this.db.query(
        `SELECT r.institution_id AS "institutionId", r.province_code AS "provinceCode",
                date_trunc('week', r.day::timestamp)::date AS week, sum(r.n)::int AS n
         FROM rollup_daily r WHERE ${where} GROUP BY 1, 2, 3`,
        params,
      );
    } else {
      const c = complaintCondition(scope, weeklyFilter);
      rows = await this.db.query(
        `SELECT c.institution_id AS "institutionId", c.province_code AS "provinceCode",
                date_trunc('week', c.received_day::timestamp)::date AS week, count(*)::int AS n
         FROM complaints c WHERE ${c.sql} GROUP BY 1, 2, 3`,
        c.params,
      );
    }
    const weeks: string[] = [];
    for (let w = historyFrom; w <= lastWeek; w = nextPeriod(w, 'WEEK')) weeks.push(w);
    const index = new Map(weeks.map((w, i) => [w, i]));
    const series = new Map<string, WeeklySeries>();
    for (const row of rows) {
      const key = `${row.institutionId}|${row.provinceCode}`;
      let s = series.get(key);
      if (!s) {
        s = {
          institutionId: row.institutionId,
          provinceCode: row.provinceCode,
          weeks,
          counts: weeks.map(() => 0),
        };
        series.set(key, s);
      }
      const i = index.get(row.week);
      if (i !== undefined) s.counts[i] = row.n;
    }
    return detectSpikes([...series.values()], {}, { from: firstWeek, to: lastWeek })
      .slice(0, top)
      .map((s) => ({
        institutionId: String(s.institutionId),
        provinceCode: s.provinceCode,
        period: s.period,
        count: s.count,
        baseline: s.baseline,
        score: s.score,
      }));
  }

  private async activeBorrowers(ids: string[]): Promise<Map<string, number | null>> {
    const rows = await this.db.query<{ id: string; borrowers: number | null }[]>(
      `SELECT id::text AS id, active_borrowers AS borrowers FROM institutions WHERE id = ANY($1::int[])`,
      [ids.filter((k) => /^\d+$/.test(k)).map(Number)],
    );
    return new Map(rows.map((r) => [r.id, r.borrowers]));
  }
}

function checkTop(top: number): void {
  if (!Number.isInteger(top) || top < 1 || top > MAX_FIGURE_ROWS) {
    throw new AppError('BAD_USER_INPUT', `top must be between 1 and ${MAX_FIGURE_ROWS}`, {
      field: 'top',
    });
  }
}
