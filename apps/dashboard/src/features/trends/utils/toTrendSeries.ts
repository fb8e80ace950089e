// From the complaintTrend query result to what the chart, the table and the CSV draw.
import { MULTI_VALUED_DIMENSIONS, type Dimension, type Interval, type Lang } from '@cw/domain';
import type { TrendRow } from '@cw/charts';
import type { ComplaintTrendData } from '../graphql/complaintTrend';
import { formatPeriod } from './format';
import { OTHER_KEY, seriesLabel } from './seriesLabel';

export interface TrendSeriesModel {
  key: string;
  label: string;
  total: number;
}

export interface TrendModel {
  /** Complaints matching the filter, each counted once. */
  total: number;
  /** One row per period, oldest first, with a count (0 when empty) for every series. */
  rows: TrendRow[];
  /** Largest first; the rest-of-top-N series last. */
  series: TrendSeriesModel[];
  /** True when one complaint can count in several series (the series may sum past total). */
  multiValued: boolean;
  /** True when a rest-of-top-N series is present. */
  hasOther: boolean;
  isEmpty: boolean;
}

export interface TrendOptions {
  interval: Interval;
  groupBy: Dimension | null;
  lang: Lang;
}

export function toTrendSeries(
  trend: ComplaintTrendData['complaintTrend'],
  { interval, groupBy, lang }: TrendOptions,
): TrendModel {
  const isOther = (key: string) => groupBy !== null && key === OTHER_KEY;
  const series = trend.series
    .map((s, index) => ({ s, index }))
    .sort((a, b) => {
      const otherA = isOther(a.s.key) ? 1 : 0;
      const otherB = isOther(b.s.key) ? 1 : 0;
      return otherA - otherB || b.s.total - a.s.total || a.index - b.index;
    })
    .map(({ s }) => s);

  const periods = new Set<string>();
  for (const s of series) for (const p of s.points) periods.add(p.period);
  const sortedPeriods = [...periods].sort();

  const counts = new Map<string, Record<string, number>>(sortedPeriods.map((p) => [p, {}]));
  for (const s of series) {
    for (const p of s.points) {
      const row = counts.get(p.period);
      if (row) row[s.key] = (row[s.key] ?? 0) + p.count;
    }
  }
  const rows: TrendRow[] = sortedPeriods.map((period) => {
    const found = counts.get(period) ?? {};
    const values: Record<string, number> = {};
    for (const s of series) values[s.key] = found[s.key] ?? 0;
    return { period, label: formatPeriod(period, interval, lang), values };
  });

  const hasOther = series.some((s) => isOther(s.key));
  return {
    total: trend.total,
    rows,
    series: series.map((s) => ({
      key: s.key,
      label: seriesLabel(groupBy, s.key, s.label, lang),
      total: s.total,
    })),
    multiValued: groupBy !== null && MULTI_VALUED_DIMENSIONS.includes(groupBy),
    hasOther,
    isEmpty: trend.total === 0 || series.length === 0,
  };
}
