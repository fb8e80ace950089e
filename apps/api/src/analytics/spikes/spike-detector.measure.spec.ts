// Measures the spike detector on synthetic weekly series shaped like complaint counts:
// heavy-tailed pair sizes, seasonality, slow trends and week-to-week overdispersion. Clean
// data gives the false-alarm rate; the same data with injected spikes gives recall and
// precision. Deterministic (seeded), so the figures in docs/spikes-method.md reproduce:
//   npx vitest run --project api apps/api/src/analytics/spikes
import { beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_SPIKE_OPTIONS,
  detectSpikes,
  type SpikeOptions,
  type WeeklySeries,
} from './spike-detector.js';
import { logNegativeBinomialUpperTail, logPoissonUpperTail } from './tail-probability.js';

const PAIRS = 300;
const WEEKS = 156;
const INJECTED = 60;
const REPLICATES = 5;
const FIRST_MONDAY = Date.UTC(2023, 0, 2);
const EARLY_WEEKS = 26;

/** mulberry32: a small, fast, seedable 32-bit PRNG. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;

function normal(rng: Rng): number {
  const u = 1 - rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

/** Gamma(shape, scale 1), Marsaglia–Tsang; shape >= 1. */
function gamma(rng: Rng, shape: number): number {
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

/** Poisson(lambda), exact: Knuth's product method on pieces of at most 30. */
function poisson(rng: Rng, lambda: number): number {
  let total = 0;
  for (let rest = lambda; rest > 0; rest -= 30) {
    const limit = Math.exp(-Math.min(rest, 30));
    let p = rng();
    while (p > limit) {
      total++;
      p *= rng();
    }
  }
  return total;
}

interface Pair {
  series: WeeklySeries;
  /** the expected count each week, before week-to-week noise */
  level: number[];
  /** gamma shape k of the week-to-week noise (Infinity: plain Poisson) */
  shape: number;
}

interface Injection {
  pair: number;
  week: number;
  level: number;
  multiplier: number;
}

interface Dataset {
  clean: Pair[];
  /** the same series with one spike injected in each of INJECTED pairs */
  spiked: WeeklySeries[];
  injections: Injection[];
}

const mondays = Array.from({ length: WEEKS }, (_, i) =>
  new Date(FIRST_MONDAY + i * 7 * 86_400_000).toISOString().slice(0, 10),
);

/**
 * 300 institution × province pairs over 156 weeks (2023-01-02 to 2025-12-22).
 * Size: log-normal, median 4 a week (5% of pairs below ~0.6, 5% above ~29, clamped to
 * 0.3..150). Seasonality: a yearly sine of amplitude 0..20%. Trend: ×0.6 to ×1.6 over the
 * three years. `overdispersed`: each week's rate is the level times a gamma multiplier of
 * mean 1 and shape k, k log-uniform in 4..40 per pair (the weekly rate's CV is 16–50%), so
 * the counts are negative binomial; otherwise they are Poisson around the level.
 * Injection: one spike in each of 60 distinct pairs, at a random week with at least 8 weeks
 * of history; the count grows by (m − 1) × the pair's level, m uniform in 3..8, and by at
 * least 10.
 */
function generate(seed: number, overdispersed: boolean): Dataset {
  const rng = mulberry32(seed);
  const clean: Pair[] = [];
  for (let i = 0; i < PAIRS; i++) {
    const base = Math.min(150, Math.max(0.3, Math.exp(Math.log(4) + 1.2 * normal(rng))));
    const amplitude = 0.2 * rng();
    const phase = 2 * Math.PI * rng();
    const growth = Math.log(0.6) + (Math.log(1.6) - Math.log(0.6)) * rng();
    const shape = overdispersed ? Math.exp(Math.log(4) + Math.log(10) * rng()) : Infinity;
    const level: number[] = [];
    const counts: number[] = [];
    for (let t = 0; t < WEEKS; t++) {
      const season = 1 + amplitude * Math.sin((2 * Math.PI * t) / 52 + phase);
      const mean = base * season * Math.exp((growth * t) / WEEKS);
      level.push(mean);
      counts.push(poisson(rng, overdispersed ? (mean * gamma(rng, shape)) / shape : mean));
    }
    clean.push({
      series: {
        institutionId: 1 + Math.floor(i / 10),
        provinceCode: String(110000 + (i % 10) * 10000),
        weeks: mondays,
        counts,
      },
      level,
      shape,
    });
  }

  const spiked = clean.map((p) => ({ ...p.series, counts: [...p.series.counts] }));
  const chosen = new Set<number>();
  while (chosen.size < INJECTED) chosen.add(Math.floor(rng() * PAIRS));
  const injections = [...chosen]
    .sort((a, b) => a - b)
    .map((pair): Injection => {
      const week = 8 + Math.floor(rng() * (WEEKS - 8));
      const multiplier = 3 + 5 * rng();
      const level = clean[pair]!.level[week]!;
      spiked[pair]!.counts[week]! += Math.max(10, Math.round((multiplier - 1) * level));
      return { pair, week, level, multiplier };
    });
  return { clean, spiked, injections };
}

/** A method under measurement: the flagged weeks, as `${pairIndex}:${weekIndex}`. */
type Method = (series: WeeklySeries[], truth: Pair[]) => Set<string>;

const pairIndex = (institutionId: number, provinceCode: string) =>
  (institutionId - 1) * 10 + (Number(provinceCode) - 110000) / 10000;

function detector(options: Partial<SpikeOptions>): Method {
  return (series) =>
    new Set(
      detectSpikes(series, options).map(
        (s) => `${pairIndex(s.institutionId, s.provinceCode)}:${mondays.indexOf(s.period)}`,
      ),
    );
}

/**
 * The same test and gates as the detector, but told each week's true level and each pair's
 * true noise distribution: what this test achieves at this alpha when nothing is estimated.
 * What the detector loses against it is the price of estimating level and dispersion.
 */
function oracle(options: Partial<SpikeOptions> = {}): Method {
  const { minCount, minRatio, alpha, minHistoryWeeks } = { ...DEFAULT_SPIKE_OPTIONS, ...options };
  return (series, truth) => {
    const flagged = new Set<string>();
    series.forEach((s, i) => {
      const { level, shape } = truth[i]!;
      for (let t = minHistoryWeeks; t < WEEKS; t++) {
        const count = s.counts[t]!;
        const mean = level[t]!;
        if (count < minCount || count < minRatio * mean) continue;
        const logP =
          shape === Infinity
            ? logPoissonUpperTail(count, mean)
            : logNegativeBinomialUpperTail(count, mean, shape);
        if (logP < Math.log(alpha)) flagged.add(`${i}:${t}`);
      }
    });
    return flagged;
  };
}

interface Figures {
  judgedPairWeeks: number;
  falseAlarms: number;
  falseAlarmsPer1000: number;
  /** false alarms in weeks 4–25 of a series, while the dispersion rests on few weeks */
  earlyFalseAlarms: number;
  injected: number;
  found: number;
  flagged: number;
  recall: number;
  precision: number;
  /** injections and hits by [level band][size band] */
  byBand: { injected: number; found: number }[][];
}

const LEVEL_BANDS = [
  ['< 2', 2],
  ['2–8', 8],
  ['8–25', 25],
  ['≥ 25', Infinity],
] as const;
const SIZE_BANDS = [
  ['×3–5', 5],
  ['×5–8', Infinity],
] as const;
const bandOf = (value: number, bands: readonly (readonly [string, number])[]) =>
  bands.findIndex(([, upper]) => value < upper);

function measure(datasets: Dataset[], method: Method): Figures {
  const f: Figures = {
    judgedPairWeeks: 0,
    falseAlarms: 0,
    falseAlarmsPer1000: 0,
    earlyFalseAlarms: 0,
    injected: 0,
    found: 0,
    flagged: 0,
    recall: 0,
    precision: 0,
    byBand: LEVEL_BANDS.map(() => SIZE_BANDS.map(() => ({ injected: 0, found: 0 }))),
  };
  for (const data of datasets) {
    f.judgedPairWeeks += data.clean.length * (WEEKS - DEFAULT_SPIKE_OPTIONS.minHistoryWeeks);
    const alarms = method(
      data.clean.map((p) => p.series),
      data.clean,
    );
    f.falseAlarms += alarms.size;
    for (const key of alarms) if (Number(key.split(':')[1]) < EARLY_WEEKS) f.earlyFalseAlarms++;
    const flagged = method(data.spiked, data.clean);
    f.flagged += flagged.size;
    for (const injection of data.injections) {
      const hit = flagged.has(`${injection.pair}:${injection.week}`);
      const band =
        f.byBand[bandOf(injection.level, LEVEL_BANDS)]![bandOf(injection.multiplier, SIZE_BANDS)]!;
      band.injected++;
      f.injected++;
      if (hit) {
        band.found++;
        f.found++;
      }
    }
  }
  f.falseAlarmsPer1000 = (1000 * f.falseAlarms) / f.judgedPairWeeks;
  f.recall = f.found / f.injected;
  f.precision = f.flagged === 0 ? 1 : f.found / f.flagged;
  return f;
}

const row = (f: Figures) => ({
  'false alarms (clean)': f.falseAlarms,
  'per 1,000 pair-weeks': Number(f.falseAlarmsPer1000.toFixed(2)),
  recall: `${f.found}/${f.injected} = ${f.recall.toFixed(3)}`,
  precision: `${f.found}/${f.flagged} = ${f.precision.toFixed(3)}`,
});

describe('spike detector, measured on synthetic complaint series', () => {
  const nb = detector({ model: 'negative-binomial' });
  const pois = detector({ model: 'poisson' });
  const results = new Map<string, Figures>();
  const alphaSweep = new Map<number, Figures>();

  beforeAll(() => {
    const overdispersed = Array.from({ length: REPLICATES }, (_, r) => generate(1000 + r, true));
    const poissonData = Array.from({ length: REPLICATES }, (_, r) => generate(2000 + r, false));
    results.set('overdispersed · negative-binomial (default)', measure(overdispersed, nb));
    results.set('overdispersed · poisson', measure(overdispersed, pois));
    results.set(
      'overdispersed · negative-binomial, dispersionWeeks 26',
      measure(overdispersed, detector({ dispersionWeeks: 26 })),
    );
    results.set('overdispersed · oracle', measure(overdispersed, oracle()));
    results.set('poisson · negative-binomial (default)', measure(poissonData, nb));
    results.set('poisson · poisson', measure(poissonData, pois));
    results.set('poisson · oracle', measure(poissonData, oracle()));
    for (const alpha of [1e-3, 3e-4, 1e-4, 3e-5]) {
      alphaSweep.set(alpha, measure(overdispersed, detector({ alpha })));
    }

    const judged = results.get('poisson · poisson')!.judgedPairWeeks;
    console.log(
      `\nSpike detection: ${REPLICATES} data sets × ${PAIRS} pairs × ${WEEKS} weeks ` +
        `(${judged} pair-weeks judged), ${REPLICATES * INJECTED} injected spikes`,
    );
    console.table([...results].map(([name, f]) => ({ 'data · method': name, ...row(f) })));
    const d = results.get('overdispersed · negative-binomial (default)')!;
    const early = d.earlyFalseAlarms / (EARLY_WEEKS - DEFAULT_SPIKE_OPTIONS.minHistoryWeeks);
    const late = (d.falseAlarms - d.earlyFalseAlarms) / (WEEKS - EARLY_WEEKS);
    console.log(
      `Default on overdispersed data: ${d.earlyFalseAlarms} of ${d.falseAlarms} false alarms ` +
        `fall in weeks ${DEFAULT_SPIKE_OPTIONS.minHistoryWeeks}–${EARLY_WEEKS - 1}; ` +
        `${early.toFixed(2)} a week there against ${late.toFixed(2)} a week later`,
    );
    console.log('Negative-binomial model on overdispersed data, by alpha');
    console.table([...alphaSweep].map(([alpha, f]) => ({ alpha, ...row(f) })));
    console.log('Overdispersed data, spikes found by pair level and spike size: default (oracle)');
    const byBand = results.get('overdispersed · negative-binomial (default)')!.byBand;
    const oracleByBand = results.get('overdispersed · oracle')!.byBand;
    console.table(
      LEVEL_BANDS.map(([label], i) => ({
        'level (a week)': label,
        ...Object.fromEntries(
          SIZE_BANDS.map(([size], j) => {
            const b = byBand[i]![j]!;
            return [size, `${b.found}/${b.injected} (${oracleByBand[i]![j]!.found})`];
          }),
        ),
      })),
    );
  }, 120_000);

  const figures = (name: string) => {
    const f = results.get(name);
    if (!f) throw new Error(`no figures for ${name}`);
    return f;
  };

  it('on overdispersed data: few false alarms, most spikes found, most alarms real', () => {
    const f = figures('overdispersed · negative-binomial (default)');
    expect(f.falseAlarmsPer1000).toBeLessThanOrEqual(1);
    expect(f.recall).toBeGreaterThanOrEqual(0.78);
    expect(f.precision).toBeGreaterThanOrEqual(0.5);
  });

  it('finds large spikes (×5 to ×8) on overdispersed data', () => {
    const large = figures('overdispersed · negative-binomial (default)').byBand.flatMap(
      (bands) => bands[1]!,
    );
    const found = large.reduce((sum, b) => sum + b.found, 0);
    const injected = large.reduce((sum, b) => sum + b.injected, 0);
    expect(found / injected).toBeGreaterThanOrEqual(0.9);
  });

  it('the overdispersion model cuts false alarms at least eightfold against plain Poisson', () => {
    const nbFigures = figures('overdispersed · negative-binomial (default)');
    const poissonFigures = figures('overdispersed · poisson');
    expect(nbFigures.falseAlarms * 8).toBeLessThanOrEqual(poissonFigures.falseAlarms);
    expect(poissonFigures.falseAlarmsPer1000).toBeGreaterThan(5);
  });

  it('comes close to the recall of an oracle that knows the true level and dispersion', () => {
    const oracleRecall = figures('overdispersed · oracle').recall;
    expect(figures('overdispersed · negative-binomial (default)').recall).toBeGreaterThanOrEqual(
      oracleRecall - 0.08,
    );
  });

  it('loses little on data that are really Poisson', () => {
    const f = figures('poisson · negative-binomial (default)');
    expect(f.recall).toBeGreaterThanOrEqual(0.88);
    expect(f.falseAlarmsPer1000).toBeLessThanOrEqual(0.25);
    expect(f.falseAlarms).toBeLessThanOrEqual(figures('poisson · poisson').falseAlarms);
  });

  it('trades recall for false alarms monotonically as alpha falls', () => {
    const sweep = [...alphaSweep.values()];
    for (let i = 1; i < sweep.length; i++) {
      expect(sweep[i]!.falseAlarms).toBeLessThan(sweep[i - 1]!.falseAlarms);
      expect(sweep[i]!.recall).toBeLessThanOrEqual(sweep[i - 1]!.recall);
    }
  });
});
