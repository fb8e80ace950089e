import { describe, expect, it } from 'vitest';
import {
  BASELINE_FLOOR,
  DEFAULT_SPIKE_OPTIONS,
  detectSpikes,
  MAX_SCORE,
  type WeeklySeries,
} from './spike-detector.js';

const FIRST_MONDAY = Date.UTC(2024, 0, 1); // 2024-01-01 is a Monday
const monday = (i: number) =>
  new Date(FIRST_MONDAY + i * 7 * 86_400_000).toISOString().slice(0, 10);

function series(counts: number[], institutionId = 1, provinceCode = '330000'): WeeklySeries {
  return { institutionId, provinceCode, weeks: counts.map((_, i) => monday(i)), counts };
}

/** `weeks` weeks cycling through `pattern`. */
const repeat = (pattern: number[], weeks: number) =>
  Array.from({ length: weeks }, (_, i) => pattern[i % pattern.length]!);

/** A steady pair (level 5, a little noise) with `value` at week `at`. */
function steadyWithSpike(at: number, value: number, weeks = 30): number[] {
  const counts = repeat([4, 6, 5, 5], weeks);
  counts[at] = value;
  return counts;
}

describe('detectSpikes', () => {
  it('has the documented defaults', () => {
    expect(DEFAULT_SPIKE_OPTIONS).toEqual({
      baselineWeeks: 8,
      minHistoryWeeks: 4,
      minCount: 10,
      minRatio: 2,
      alpha: 1e-4,
      model: 'negative-binomial',
      dispersionWeeks: 104,
    });
  });

  it('finds nothing in a flat or gently noisy series', () => {
    expect(detectSpikes([series(repeat([20], 104))])).toEqual([]);
    expect(detectSpikes([series(repeat([18, 22, 20, 17, 23, 21, 19, 24, 16, 20], 104))])).toEqual(
      [],
    );
    expect(detectSpikes([series(repeat([0], 52))])).toEqual([]);
    expect(detectSpikes([])).toEqual([]);
  });

  it('flags a clear jump once, at its week, with the baseline of the weeks before', () => {
    const spikes = detectSpikes([series(steadyWithSpike(20, 40))]);
    expect(spikes).toHaveLength(1);
    const [spike] = spikes;
    // Weeks 12–19 are 4, 6, 5, 5, 4, 6, 5, 5: without the largest (6) the mean is 34/7.
    expect(spike).toMatchObject({
      institutionId: 1,
      provinceCode: '330000',
      period: '2024-05-20',
      count: 40,
    });
    expect(spike!.baseline).toBeCloseTo(34 / 7, 12);
    expect(spike!.pValue).toBeGreaterThan(0);
    expect(spike!.pValue).toBeLessThan(DEFAULT_SPIKE_OPTIONS.alpha);
    expect(spike!.score).toBeCloseTo(-Math.log10(spike!.pValue), 9);
  });

  it('does not let a spike raise the baseline of the weeks after it', () => {
    const counts = steadyWithSpike(20, 40);
    counts[22] = 40;
    const spikes = detectSpikes([series(counts)]);
    expect(spikes.map((s) => s.period).sort()).toEqual([monday(20), monday(22)]);
    for (const s of spikes) expect(s.baseline).toBeLessThan(6);
  });

  it('reports a lasting jump for a few weeks, then takes it as the new normal', () => {
    const counts = [...repeat([4, 6, 5, 5], 20), ...repeat([28, 32, 30, 30], 30)];
    const periods = detectSpikes([series(counts)]).map((s) => s.period);
    expect(periods).toContain(monday(20));
    expect(periods.length).toBeGreaterThanOrEqual(1);
    expect(periods.length).toBeLessThanOrEqual(8);
    expect(periods.every((p) => p < monday(32))).toBe(true);
  });

  it('respects minCount', () => {
    const quiet = repeat([1, 0, 2, 1], 20);
    const at = (value: number) => {
      const counts = [...quiet];
      counts[12] = value;
      return [series(counts)];
    };
    expect(detectSpikes(at(9))).toEqual([]); // far above 1 a week, but below 10
    expect(detectSpikes(at(10))).toHaveLength(1);
    expect(detectSpikes(at(10), { minCount: 20 })).toEqual([]);
    expect(detectSpikes(at(20), { minCount: 20 })).toHaveLength(1);
  });

  it('respects minRatio even when the count is statistically far off', () => {
    const counts = repeat([100], 30);
    counts[20] = 180;
    expect(detectSpikes([series(counts)])).toEqual([]);
    expect(detectSpikes([series(counts)], { minRatio: 1.5 })).toHaveLength(1);
  });

  it('never judges the weeks before minHistoryWeeks', () => {
    const early = [0, 0, 0, 50, 0, 0, 0, 0, 0, 0];
    expect(detectSpikes([series(early)])).toEqual([]);
    const justAfter = [0, 0, 0, 0, 50, 0, 0, 0, 0, 0];
    expect(detectSpikes([series(justAfter)]).map((s) => s.period)).toEqual([monday(4)]);
    expect(detectSpikes([series(justAfter)], { minHistoryWeeks: 6 })).toEqual([]);
  });

  it('floors the baseline so an empty history does not make every count a spike', () => {
    const counts = repeat([0], 20);
    counts[15] = 12;
    const [spike] = detectSpikes([series(counts)]);
    expect(spike!.baseline).toBe(BASELINE_FLOOR);
    counts[15] = 3;
    expect(detectSpikes([series(counts)])).toEqual([]);
  });

  it('onlyWeeks restricts what is reported, not the history used', () => {
    const counts = steadyWithSpike(20, 40, 60);
    counts[40] = 45;
    const all = detectSpikes([series(counts)]);
    expect(all.map((s) => s.period).sort()).toEqual([monday(20), monday(40)]);

    const window = { from: monday(36), to: monday(59) };
    const some = detectSpikes([series(counts)], undefined, window);
    expect(some).toEqual(all.filter((s) => s.period === monday(40)));

    // A window that starts at the spike still judges it against the weeks before the window.
    const fromSpike = detectSpikes([series(counts)], {}, { from: monday(20), to: monday(20) });
    expect(fromSpike).toEqual(all.filter((s) => s.period === monday(20)));
    expect(detectSpikes([series(counts)], {}, { from: monday(41), to: monday(59) })).toEqual([]);
  });

  it('sorts by score, highest first, then by period', () => {
    const small = steadyWithSpike(20, 30);
    const big = steadyWithSpike(10, 60);
    const tieA = steadyWithSpike(25, 40);
    const tieB = steadyWithSpike(25, 40);
    const spikes = detectSpikes([
      series(small, 1),
      series(big, 2),
      series(tieB, 4, '440000'),
      series(tieA, 4, '110000'),
    ]);
    expect(spikes.map((s) => [s.institutionId, s.provinceCode, s.period])).toEqual([
      [2, '330000', monday(10)],
      [4, '110000', monday(25)],
      [4, '440000', monday(25)],
      [1, '330000', monday(20)],
    ]);
    for (let i = 1; i < spikes.length; i++) {
      expect(spikes[i]!.score).toBeLessThanOrEqual(spikes[i - 1]!.score);
    }
  });

  it('keeps score and p-value finite for enormous counts', () => {
    const [spike] = detectSpikes([series(steadyWithSpike(20, 1_000_000))]);
    expect(spike!.score).toBe(MAX_SCORE);
    expect(spike!.pValue).toBe(1e-300);
    expect(Number.isFinite(spike!.score)).toBe(true);
  });

  it('with the negative-binomial model, tolerates the swings a pair has always had', () => {
    // A pair that swings between 10 and 30 (mean 20, SD 7): 45 is unusual but not alarming
    // for it, though a Poisson count around 18 would almost never reach 45.
    const counts = repeat([12, 28, 18, 30, 10, 24, 20, 16], 60);
    counts[50] = 45;
    const poisson = detectSpikes([series(counts)], { model: 'poisson' });
    expect(poisson.map((s) => s.period)).toEqual([monday(50)]);
    expect(detectSpikes([series(counts)])).toEqual([]);
    // …while a real jump in the same pair is still found, with a more modest score.
    counts[50] = 90;
    const [spike] = detectSpikes([series(counts)]);
    expect(spike!.period).toBe(monday(50));
    const [poissonSpike] = detectSpikes([series(counts)], { model: 'poisson' });
    expect(spike!.score).toBeLessThan(poissonSpike!.score);
  });

  it('does not change its input', () => {
    const input = [series(steadyWithSpike(20, 40))];
    const copy = structuredClone(input);
    detectSpikes(input, undefined, { from: monday(0), to: monday(29) });
    expect(input).toEqual(copy);
  });

  it('ignores options given as undefined', () => {
    const counts = [series(steadyWithSpike(20, 40))];
    expect(detectSpikes(counts, { alpha: undefined, minCount: undefined })).toEqual(
      detectSpikes(counts),
    );
  });

  it('rejects malformed series and options', () => {
    const good = series([1, 2, 3]);
    expect(() => detectSpikes([{ ...good, counts: [1, 2] }])).toThrow(RangeError);
    expect(() =>
      detectSpikes([{ ...good, weeks: ['2024-01-01', '2024-01-02', '2024-01-09'] }]),
    ).toThrow(/not a Monday/);
    expect(() =>
      detectSpikes([{ ...good, weeks: ['2024-01-01', '2024-01-15', '2024-01-22'] }]),
    ).toThrow(/does not follow/);
    expect(() =>
      detectSpikes([{ ...good, weeks: ['2024-01-01', '2024-01-08', '2024-02-31'] }]),
    ).toThrow(/not a Monday/);
    expect(() => detectSpikes([{ ...good, counts: [1, -1, 3] }])).toThrow(RangeError);
    expect(() => detectSpikes([{ ...good, counts: [1, 2.5, 3] }])).toThrow(RangeError);
    expect(() => detectSpikes([good], { baselineWeeks: 0 })).toThrow(RangeError);
    expect(() => detectSpikes([good], { minHistoryWeeks: 1.5 })).toThrow(RangeError);
    expect(() => detectSpikes([good], { alpha: 0 })).toThrow(RangeError);
    expect(() => detectSpikes([good], { alpha: 1 })).toThrow(RangeError);
    expect(() => detectSpikes([good], { minRatio: 0.5 })).toThrow(RangeError);
    expect(() => detectSpikes([good], { minCount: 0 })).toThrow(RangeError);
  });
});
