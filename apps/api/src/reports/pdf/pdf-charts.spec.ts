import { describe, expect, it } from 'vitest';
import { classOf, niceScale, quantileBreaks } from './pdf-charts.js';

describe('chart scales', () => {
  it('rounds an axis up to a nice step', () => {
    expect(niceScale(0)).toEqual({ top: 1, step: 1 });
    expect(niceScale(97)).toEqual({ top: 100, step: 25 });
    expect(niceScale(1234)).toEqual({ top: 1500, step: 500 });
    expect(niceScale(8)).toEqual({ top: 8, step: 2 });
  });

  it('splits values into at most five classes at their quantiles, each value in one class', () => {
    const values = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
    const breaks = quantileBreaks(values);
    expect(breaks).toEqual([2, 4, 6, 8]);
    expect(values.map((v) => classOf(v, breaks))).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4]);
    expect(quantileBreaks([5, 5, 5])).toEqual([5]);
    expect(quantileBreaks([])).toEqual([]);
    expect(classOf(3, [])).toBe(0);
  });
});
