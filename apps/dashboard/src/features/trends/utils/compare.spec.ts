import { describe, expect, it } from 'vitest';
import { COMPARE_KEY, withComparison } from './compare';
import type { TrendModel } from './toTrendSeries';

const model = (counts: number[], start = 1): TrendModel => ({
  total: counts.reduce((a, b) => a + b, 0),
  rows: counts.map((n, i) => ({
    period: `2026-0${start + i}-01`,
    label: `M${start + i}`,
    values: { ALL: n },
  })),
  series: [{ key: 'ALL', label: 'Complaints', total: counts.reduce((a, b) => a + b, 0) }],
  multiValued: false,
  hasOther: false,
  isEmpty: false,
});

describe('withComparison', () => {
  it('lays the comparison beside the current buckets in order, as one more series', () => {
    const out = withComparison(model([5, 7, 9]), model([4, 6, 8]), 'Previous period');
    expect(out.rows.map((r) => r.values[COMPARE_KEY])).toEqual([4, 6, 8]);
    expect(out.rows.map((r) => r.values['ALL'])).toEqual([5, 7, 9]);
    expect(out.series.map((s) => s.key)).toEqual(['ALL', COMPARE_KEY]);
    expect(out.compareSeries).toEqual({ key: COMPARE_KEY, label: 'Previous period', total: 18 });
  });

  it('gives 0 where the comparison is shorter and drops what it has beyond the current', () => {
    expect(
      withComparison(model([5, 7, 9]), model([4]), 'x').rows.map((r) => r.values[COMPARE_KEY]),
    ).toEqual([4, 0, 0]);
    const longer = withComparison(model([5]), model([4, 6, 8]), 'x');
    expect(longer.rows).toHaveLength(1);
    expect(longer.compareSeries.total).toBe(4);
  });
});
