// The comparison line of the trend: the same number of buckets from the previous period (or
// a year earlier), laid beside the current ones bucket by bucket, as one more series.
import type { TrendRow } from '@cw/charts';
import type { TrendModel, TrendSeriesModel } from './toTrendSeries';

export const COMPARE_KEY = 'COMPARE';

/**
 * Adds the comparison's counts to the current rows, the i-th bucket beside the i-th. Buckets
 * of the comparison beyond the current ones are left out (the current period may be shorter
 * so far); a current bucket without a counterpart gets 0.
 */
export function withComparison(
  current: TrendModel,
  comparison: Pick<TrendModel, 'rows' | 'total'>,
  label: string,
): TrendModel & { compareSeries: TrendSeriesModel } {
  const valueOf = (row: TrendRow | undefined) =>
    row ? Object.values(row.values).reduce((a, b) => a + b, 0) : 0;
  const rows = current.rows.map((row, i) => ({
    ...row,
    values: { ...row.values, [COMPARE_KEY]: valueOf(comparison.rows[i]) },
  }));
  const shown = rows.reduce((sum, r) => sum + (r.values[COMPARE_KEY] ?? 0), 0);
  const compareSeries = { key: COMPARE_KEY, label, total: shown };
  return { ...current, rows, series: [...current.series, compareSeries], compareSeries };
}
