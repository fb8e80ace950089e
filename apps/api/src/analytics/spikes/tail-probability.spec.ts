import { describe, expect, it } from 'vitest';
import {
  logGamma,
  logNegativeBinomialUpperTail,
  logPoissonUpperTail,
  logRegularizedBeta,
  logRegularizedGammaP,
} from './tail-probability.js';

// Reference values from mpmath at 40+ significant digits (loggamma, gammainc, betainc).
const relative = (actual: number, expected: number) =>
  Math.abs(actual - expected) / Math.max(Math.abs(expected), 1e-300);

describe('logGamma', () => {
  it.each([
    [0.001, 6.907178885383853],
    [0.5, 0.5723649429247001],
    [1, 0],
    [2, 0],
    [10, 12.801827480081469],
    [100, 359.1342053695754],
    [1e5, 1051287.7089736569],
  ])('ln Γ(%d)', (x, expected) => {
    expect(Math.abs(logGamma(x) - expected)).toBeLessThan(1e-12 * Math.max(1, expected));
  });

  it('rejects x <= 0', () => {
    expect(() => logGamma(0)).toThrow(RangeError);
    expect(() => logGamma(-1)).toThrow(RangeError);
  });
});

describe('logPoissonUpperTail', () => {
  it.each([
    // count, lambda, P(X >= count)
    [10, 2, 4.6498075017263805e-5],
    [1, 2, 0.8646647167633873],
    [5, 5, 0.5595067149347875],
    [15, 5, 0.00022625367617675553],
    [16, 5, 6.90082418556784e-5],
    [3, 0.5, 0.014387677966970687],
    [10, 0.5, 1.7096700293489035e-10],
    [100, 50, 3.200065324585125e-10],
    [150, 50, 3.53061222541479e-30],
    [20, 30, 0.9781265315586092],
    [40, 30, 0.046253037645842036],
  ])('P(X >= %d | λ = %d)', (count, lambda, expected) => {
    expect(relative(Math.exp(logPoissonUpperTail(count, lambda)), expected)).toBeLessThan(1e-10);
  });

  it('P(X >= 0) = 1 and P(X >= k | λ = 0) = 0', () => {
    expect(logPoissonUpperTail(0, 3)).toBe(0);
    expect(logPoissonUpperTail(0, 0)).toBe(0);
    expect(logPoissonUpperTail(1, 0)).toBe(-Infinity);
  });

  it('stays finite in log space far beyond double-precision underflow', () => {
    // P ≈ 1.14e-1572 and 1.98e-6094: both are 0 as doubles, not as logarithms.
    expect(relative(logPoissonUpperTail(1000, 10), -3619.5330453507495)).toBeLessThan(1e-12);
    expect(relative(logPoissonUpperTail(10000, 1000), -14031.269698821252)).toBeLessThan(1e-12);
    expect(relative(logRegularizedGammaP(1e6, 1e5), -1402592.814327549)).toBeLessThan(1e-12);
  });

  it('decreases as the count grows', () => {
    let previous = 0;
    for (let k = 1; k <= 200; k++) {
      const value = logPoissonUpperTail(k, 20);
      expect(value).toBeLessThan(previous);
      previous = value;
    }
  });

  it('rejects a non-integer count or a negative rate', () => {
    expect(() => logPoissonUpperTail(2.5, 1)).toThrow(RangeError);
    expect(() => logPoissonUpperTail(2, -1)).toThrow(RangeError);
    expect(() => logPoissonUpperTail(2, Number.NaN)).toThrow(RangeError);
  });
});

describe('logNegativeBinomialUpperTail', () => {
  it.each([
    // count, mean, size, P(X >= count)
    [10, 2, 4, 0.0016477213212128282],
    [100, 50, 10, 0.008692877401479632],
    [150, 50, 10, 2.6169724779883414e-5],
    [10, 0.5, 4, 5.961329599352371e-8],
    [20, 5, 2, 0.008024890300577053],
    [5, 5, 1, 0.4018775720164609],
  ])('P(X >= %d | mean %d, size %d)', (count, mean, size, expected) => {
    expect(
      relative(Math.exp(logNegativeBinomialUpperTail(count, mean, size)), expected),
    ).toBeLessThan(1e-10);
  });

  it('is heavier than the Poisson tail at the same mean and tends to it as size grows', () => {
    const poisson = logPoissonUpperTail(30, 10);
    expect(logNegativeBinomialUpperTail(30, 10, 5)).toBeGreaterThan(poisson);
    expect(relative(logNegativeBinomialUpperTail(30, 10, 1e7), poisson)).toBeLessThan(1e-4);
    expect(logNegativeBinomialUpperTail(30, 10, Infinity)).toBe(poisson);
  });

  it('stays finite for huge counts', () => {
    expect(relative(logNegativeBinomialUpperTail(1000, 10, 5), -385.3885970374925)).toBeLessThan(
      1e-10,
    );
    expect(Number.isFinite(logNegativeBinomialUpperTail(1_000_000, 3, 2))).toBe(true);
  });

  it('P(X >= 0) = 1', () => {
    expect(logNegativeBinomialUpperTail(0, 4, 2)).toBe(0);
  });
});

describe('logRegularizedBeta', () => {
  it('uses the symmetric side without losing I_x(a, b) + I_{1−x}(b, a) = 1', () => {
    for (const [x, a, b] of [
      [0.3, 2, 5],
      [0.9, 10, 3],
      [0.5, 40, 40],
    ] as const) {
      const sum = Math.exp(logRegularizedBeta(x, a, b)) + Math.exp(logRegularizedBeta(1 - x, b, a));
      expect(sum).toBeCloseTo(1, 12);
    }
  });
});
