// Spikes: institution × province weeks whose complaint count jumps well above that pair's own
// recent history. Pure: weekly series in, flagged weeks out; the caller reads the series from
// the database and decides which weeks to report. Method and measured performance:
// docs/spikes-method.md.
import { logNegativeBinomialUpperTail, logPoissonUpperTail } from './tail-probability.js';

export interface WeeklySeries {
  institutionId: number;
  provinceCode: string;
  /** Mondays (YYYY-MM-DD, Asia/Shanghai weeks), consecutive, oldest first, zeros included */
  weeks: string[];
  counts: number[];
}

export interface Spike {
  institutionId: number;
  provinceCode: string;
  /** the week's Monday */
  period: string;
  count: number;
  /** the expected weekly count from the pair's own history */
  baseline: number;
  /** −log10(pValue), at most MAX_SCORE */
  score: number;
  /** P(X >= count) under the model, at least 10^−MAX_SCORE */
  pValue: number;
}

/**
 * `poisson`: P(X >= count) for X ~ Poisson(baseline): the textbook test, too eager on real
 * complaint counts, which vary more from week to week than a Poisson count does.
 * `negative-binomial` (default): the predictive distribution of next week's count, with the
 * pair's own overdispersion (estimated from `dispersionWeeks` of history) and the
 * uncertainty of a baseline estimated from a few weeks.
 */
export type SpikeModel = 'poisson' | 'negative-binomial';

export interface SpikeOptions {
  /** trailing weeks (before the week judged) whose robust level is the baseline; default 8 */
  baselineWeeks: number;
  /** weeks of history a pair needs before any verdict; default 4 */
  minHistoryWeeks: number;
  /** smallest count that can be a spike; default 10 */
  minCount: number;
  /** a spike is at least minRatio × baseline; default 2 */
  minRatio: number;
  /** a spike's tail probability is below alpha; default 1e-4 */
  alpha: number;
  /** default `negative-binomial` */
  model: SpikeModel;
  /** trailing weeks used to estimate the pair's overdispersion (negative-binomial model); default 104 */
  dispersionWeeks: number;
}

export const DEFAULT_SPIKE_OPTIONS: SpikeOptions = Object.freeze({
  baselineWeeks: 8,
  minHistoryWeeks: 4,
  minCount: 10,
  minRatio: 2,
  alpha: 1e-4,
  model: 'negative-binomial',
  dispersionWeeks: 104,
});

/** A week with no complaints in its whole history still expects this many. */
export const BASELINE_FLOOR = 0.5;
/** Scores are capped here (p-values floored at 1e−300) so they stay finite and comparable. */
export const MAX_SCORE = 300;

const LN10 = Math.log(10);
const WEEK_MS = 7 * 86_400_000;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export function detectSpikes(
  series: WeeklySeries[],
  options?: Partial<SpikeOptions>,
  onlyWeeks?: { from: string; to: string },
): Spike[] {
  const opts = resolveOptions(options);
  const spikes: Spike[] = [];
  for (const one of series) {
    checkSeries(one);
    for (const spike of detectInSeries(one, opts)) {
      if (!onlyWeeks || (spike.period >= onlyWeeks.from && spike.period <= onlyWeeks.to)) {
        spikes.push(spike);
      }
    }
  }
  return spikes.sort(
    (a, b) =>
      b.score - a.score ||
      compare(a.period, b.period) ||
      a.institutionId - b.institutionId ||
      compare(a.provinceCode, b.provinceCode),
  );
}

/**
 * Walks one pair's weeks oldest first. The history the detector remembers is the counts
 * themselves, except that a flagged week is remembered as minRatio × its baseline: one
 * spike does not raise the baseline of the weeks after it, while a lasting jump is
 * absorbed after a few weeks and becomes the pair's new normal.
 */
function detectInSeries(series: WeeklySeries, opts: SpikeOptions): Spike[] {
  const { counts, weeks } = series;
  const remembered: number[] = [];
  const flagged: boolean[] = [];
  const spikes: Spike[] = [];
  const logAlpha = Math.log(opts.alpha);

  for (let t = 0; t < counts.length; t++) {
    const count = counts[t]!;
    let isSpike = false;
    let baseline = 0;
    if (t >= opts.minHistoryWeeks) {
      const window = remembered.slice(Math.max(0, t - opts.baselineWeeks), t);
      baseline = Math.max(BASELINE_FLOOR, meanWithoutLargest(window));
      if (count >= opts.minCount && count >= opts.minRatio * baseline) {
        const logP =
          opts.model === 'poisson'
            ? logPoissonUpperTail(count, baseline)
            : logNegativeBinomialUpperTail(
                count,
                baseline,
                predictiveSize(
                  baseline,
                  window.length - 1,
                  dispersion(remembered, flagged, t, opts.dispersionWeeks),
                ),
              );
        if (logP < logAlpha) {
          isSpike = true;
          const score = Math.min(MAX_SCORE, -logP / LN10);
          spikes.push({
            institutionId: series.institutionId,
            provinceCode: series.provinceCode,
            period: weeks[t]!,
            count,
            baseline,
            score,
            pValue: Math.pow(10, -score),
          });
        }
      }
    }
    remembered.push(isSpike ? opts.minRatio * baseline : count);
    flagged.push(isSpike);
  }
  return spikes;
}

/** The mean after dropping the largest value: one unflagged outlier cannot lift the level. */
function meanWithoutLargest(values: number[]): number {
  if (values.length < 2) return values[0] ?? 0;
  let sum = 0;
  let largest = -Infinity;
  for (const v of values) {
    sum += v;
    if (v > largest) largest = v;
  }
  return (sum - largest) / (values.length - 1);
}

/**
 * The pair's overdispersion α in Var = m + α·m², by moments over the trailing `span` weeks
 * before week t. The variance comes from successive differences (Var ≈ mean of (x_t −
 * x_{t−1})² / 2), which slow trends and seasonality barely touch; differences that involve a
 * flagged week are left out. 0 (Poisson) when the data show no excess variance.
 */
function dispersion(remembered: number[], flagged: boolean[], t: number, span: number): number {
  const start = Math.max(0, t - span);
  let sum = 0;
  for (let i = start; i < t; i++) sum += remembered[i]!;
  const mean = sum / (t - start);
  let squares = 0;
  let pairs = 0;
  for (let i = start + 1; i < t; i++) {
    if (flagged[i] || flagged[i - 1]) continue;
    const d = remembered[i]! - remembered[i - 1]!;
    squares += d * d;
    pairs++;
  }
  if (pairs === 0 || mean <= 0) return 0;
  const variance = squares / (2 * pairs);
  return Math.max(0, (variance - mean) / (mean * mean));
}

/**
 * Negative-binomial size r for next week's count: variance (μ + αμ²)(1 + 1/n), the pair's
 * week-to-week variance plus the error of a baseline averaged over n weeks. With α = 0 this
 * is exactly the predictive distribution of a Poisson count whose rate was estimated from n
 * weeks (size nμ).
 */
function predictiveSize(mu: number, n: number, alpha: number): number {
  const variance = (mu + alpha * mu * mu) * (1 + 1 / Math.max(1, n));
  return (mu * mu) / (variance - mu);
}

function resolveOptions(options: Partial<SpikeOptions> | undefined): SpikeOptions {
  const opts: SpikeOptions = { ...DEFAULT_SPIKE_OPTIONS, ...stripUndefined(options ?? {}) };
  const positiveInteger = (name: keyof SpikeOptions) => {
    const value = opts[name];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
      throw new RangeError(`${name} must be a positive integer, got ${String(value)}`);
    }
  };
  positiveInteger('baselineWeeks');
  positiveInteger('minHistoryWeeks');
  positiveInteger('dispersionWeeks');
  if (!(opts.minCount >= 1)) throw new RangeError(`minCount must be >= 1, got ${opts.minCount}`);
  if (!(opts.minRatio >= 1)) throw new RangeError(`minRatio must be >= 1, got ${opts.minRatio}`);
  if (!(opts.alpha > 0 && opts.alpha < 1)) {
    throw new RangeError(`alpha must lie in (0, 1), got ${opts.alpha}`);
  }
  if (opts.model !== 'poisson' && opts.model !== 'negative-binomial') {
    throw new RangeError(`unknown model ${String(opts.model)}`);
  }
  return opts;
}

function stripUndefined(options: Partial<SpikeOptions>): Partial<SpikeOptions> {
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
}

function checkSeries(series: WeeklySeries): void {
  const { weeks, counts, institutionId, provinceCode } = series;
  const name = `series ${institutionId}/${provinceCode}`;
  if (weeks.length !== counts.length) {
    throw new RangeError(`${name}: ${weeks.length} weeks but ${counts.length} counts`);
  }
  let previous = Number.NaN;
  for (let i = 0; i < weeks.length; i++) {
    const week = weeks[i]!;
    const time = ISO_DAY.test(week) ? Date.parse(`${week}T00:00:00Z`) : Number.NaN;
    const valid = !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === week;
    if (!valid || new Date(time).getUTCDay() !== 1) {
      throw new RangeError(`${name}: ${week} is not a Monday written YYYY-MM-DD`);
    }
    if (i > 0 && time - previous !== WEEK_MS) {
      throw new RangeError(`${name}: ${week} does not follow ${weeks[i - 1]} by one week`);
    }
    previous = time;
    const count = counts[i]!;
    if (!Number.isInteger(count) || count < 0) {
      throw new RangeError(`${name}: count ${count} on ${week} is not a whole number >= 0`);
    }
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
