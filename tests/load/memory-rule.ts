// When a soak's memory series counts as flat. Pure, so it can be tested on made-up series.
//
// The rule, on the API process's resident memory (RSS) sampled through the run, with D the
// length of the run (for the 10-minute soak: minutes 1-2 and 9-10, and the last 5 minutes):
//
//   1. growth: the mean of the samples in the last tenth of the run, [0.9 D, D], minus the
//      mean of those in the second tenth, [0.1 D, 0.2 D), is at most `maxGrowthMb`;
//   2. slope: the least-squares slope of the samples in the second half, [0.5 D, D], is at
//      most `maxSlopeMbPerMin`.
//
// The first tenth is left out as warm-up (code compiled, pools and caches filling). Growth
// catches a step or a steady rise over the whole run; the slope catches a rise that is still
// going on at the end, which a bounded cache that has filled up would not show. Both bound
// growth only: memory that falls is flat.

export interface MemorySample {
  /** Seconds since the load started. */
  t: number;
  bytes: number;
}

export interface MemoryRule {
  maxGrowthMb: number;
  maxSlopeMbPerMin: number;
}

export interface MemoryVerdict {
  /** Mean of the second tenth of the run, MB (NaN without samples there). */
  earlyMb: number;
  /** Mean of the last tenth, MB. */
  lateMb: number;
  growthMb: number;
  /** Least-squares slope over the second half, MB per minute. */
  slopeMbPerMin: number;
  flat: boolean;
  /** Why it is not flat (empty when flat). */
  reasons: string[];
}

const MB = 1024 * 1024;

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

/** Slope of the least-squares line through (x, y) points; NaN for fewer than two x values. */
export function slope(points: { x: number; y: number }[]): number {
  if (points.length < 2) return NaN;
  const mx = mean(points.map((p) => p.x));
  const my = mean(points.map((p) => p.y));
  let num = 0;
  let den = 0;
  for (const p of points) {
    num += (p.x - mx) * (p.y - my);
    den += (p.x - mx) ** 2;
  }
  return den === 0 ? NaN : num / den;
}

export function memoryVerdict(
  samples: MemorySample[],
  durationSeconds: number,
  rule: MemoryRule,
): MemoryVerdict {
  const d = durationSeconds;
  const within = (from: number, to: number, inclusive = false) =>
    samples.filter((s) => s.t >= from && (inclusive ? s.t <= to : s.t < to)).map((s) => s.bytes);
  const early = within(0.1 * d, 0.2 * d);
  const late = within(0.9 * d, d, true);
  const earlyMb = early.length ? mean(early) / MB : NaN;
  const lateMb = late.length ? mean(late) / MB : NaN;
  const growthMb = lateMb - earlyMb;
  const slopeMbPerMin =
    slope(samples.filter((s) => s.t >= 0.5 * d && s.t <= d).map((s) => ({ x: s.t, y: s.bytes }))) *
    (60 / MB);
  const reasons: string[] = [];
  if (!early.length || !late.length || Number.isNaN(slopeMbPerMin)) {
    reasons.push('too few memory samples to judge (sample more often or run longer)');
  } else {
    if (growthMb > rule.maxGrowthMb)
      reasons.push(
        `RSS grew ${growthMb.toFixed(1)} MB from the second tenth of the run to the last (at most ${rule.maxGrowthMb} MB)`,
      );
    if (slopeMbPerMin > rule.maxSlopeMbPerMin)
      reasons.push(
        `RSS rose ${slopeMbPerMin.toFixed(2)} MB/min over the second half (at most ${rule.maxSlopeMbPerMin} MB/min)`,
      );
  }
  return { earlyMb, lateMb, growthMb, slopeMbPerMin, flat: reasons.length === 0, reasons };
}
