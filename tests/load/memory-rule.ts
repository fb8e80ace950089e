// When a soak's memory counts as flat. Pure, so it can be tested on made-up series.
//
// Resident memory (RSS) is a poor witness of a leak in a Node.js process: V8 lets garbage
// pile up between major collections, so RSS rises and falls in a saw-tooth of a hundred MB
// or more whose phase decides any mean over a minute (a soak passed and failed a rule on RSS
// means with the same code). What a leak raises is what survives a major collection, so the
// rule judges that, and only bounds RSS:
//
//   1. the live heap: V8's heap in use just after each major collection
//      (`cw_heap_used_after_major_gc_bytes`, one point per collection). After the first tenth
//      of the run (warm-up: code compiled, pools and caches filling), the run is cut in two
//      halves, [0.1 D, 0.55 D) and [0.55 D, D]:
//      - floor growth: the lowest point of the second half minus the lowest point of the
//        first is at most `maxGrowthMb`. A point is the retained heap plus whatever requests
//        in flight held at that moment, never less, so the lowest point of a stretch is the
//        best estimate of what is retained; a leak lifts it, busy moments do not;
//      - slope: the robust (Theil–Sen) slope through all points after the warm-up is at most
//        `maxSlopeMbPerMin`; it catches a steady rise too slow for the floors to show;
//   2. RSS stays under `maxRssMb` after the warm-up: the memory a deployment must grant.
//
// Fewer than two collections in either half is "too few to judge", which is not flat. Both
// rules bound growth only: memory that falls is flat.

export interface MemorySample {
  /** Seconds since the load started. */
  t: number;
  bytes: number;
}

export interface MemoryRule {
  maxGrowthMb: number;
  maxSlopeMbPerMin: number;
  maxRssMb: number;
}

export interface MemoryVerdict {
  /** Major collections after the warm-up, in the first and the second half. */
  collections: [number, number];
  /** Lowest live heap of the first half, MB (NaN without a collection there). */
  earlyFloorMb: number;
  /** Lowest live heap of the second half, MB. */
  lateFloorMb: number;
  floorGrowthMb: number;
  /** Theil–Sen slope of the live heap after the warm-up, MB per minute. */
  slopeMbPerMin: number;
  /** Highest RSS after the warm-up, MB. */
  peakRssMb: number;
  flat: boolean;
  /** Why it is not flat (empty when flat). */
  reasons: string[];
}

const MB = 1024 * 1024;
/** Collections each half needs for the floors to mean anything. */
const MIN_COLLECTIONS_PER_HALF = 2;

/**
 * The Theil–Sen slope: the median of the slopes between every pair of points with different
 * x. Unlike least squares, one busy collection near the end cannot tilt it (it holds with up
 * to 29 % of the points astray). NaN for fewer than two x values.
 */
export function robustSlope(points: { x: number; y: number }[]): number {
  const slopes: number[] = [];
  for (let i = 0; i < points.length; i++)
    for (let j = i + 1; j < points.length; j++) {
      const dx = points[j]!.x - points[i]!.x;
      if (dx !== 0) slopes.push((points[j]!.y - points[i]!.y) / dx);
    }
  if (!slopes.length) return NaN;
  slopes.sort((a, b) => a - b);
  const mid = slopes.length >> 1;
  return slopes.length % 2 ? slopes[mid]! : (slopes[mid - 1]! + slopes[mid]!) / 2;
}

/**
 * `liveHeap`: one sample per major collection (the heap in use just after it); `rss`: the
 * process's resident memory sampled through the run; `durationSeconds`: D.
 */
export function memoryVerdict(
  liveHeap: MemorySample[],
  rss: MemorySample[],
  durationSeconds: number,
  rule: MemoryRule,
): MemoryVerdict {
  const d = durationSeconds;
  const warm = 0.1 * d;
  const middle = 0.55 * d;
  // No upper bound: the soak's last sample is taken as the run ends, a moment after D.
  const afterWarmUp = liveHeap.filter((s) => s.t >= warm);
  const early = afterWarmUp.filter((s) => s.t < middle).map((s) => s.bytes / MB);
  const late = afterWarmUp.filter((s) => s.t >= middle).map((s) => s.bytes / MB);
  const earlyFloorMb = early.length ? Math.min(...early) : NaN;
  const lateFloorMb = late.length ? Math.min(...late) : NaN;
  const floorGrowthMb = lateFloorMb - earlyFloorMb;
  const slopeMbPerMin = robustSlope(afterWarmUp.map((s) => ({ x: s.t, y: s.bytes }))) * (60 / MB);
  const rssAfterWarmUp = rss.filter((s) => s.t >= warm).map((s) => s.bytes / MB);
  const peakRssMb = rssAfterWarmUp.length ? Math.max(...rssAfterWarmUp) : NaN;

  const reasons: string[] = [];
  if (early.length < MIN_COLLECTIONS_PER_HALF || late.length < MIN_COLLECTIONS_PER_HALF)
    reasons.push(
      `too few major collections to judge (${early.length} and ${late.length} in the two halves after the warm-up, at least ${MIN_COLLECTIONS_PER_HALF} each: run longer)`,
    );
  else {
    if (floorGrowthMb > rule.maxGrowthMb)
      reasons.push(
        `the live heap's floor rose ${floorGrowthMb.toFixed(1)} MB from the first half of the run to the second (at most ${rule.maxGrowthMb} MB)`,
      );
    if (slopeMbPerMin > rule.maxSlopeMbPerMin)
      reasons.push(
        `the live heap rose ${slopeMbPerMin.toFixed(2)} MB/min (at most ${rule.maxSlopeMbPerMin} MB/min)`,
      );
  }
  if (Number.isNaN(peakRssMb)) reasons.push('no RSS samples after the warm-up');
  else if (peakRssMb > rule.maxRssMb)
    reasons.push(`RSS reached ${peakRssMb.toFixed(0)} MB (at most ${rule.maxRssMb} MB)`);
  return {
    collections: [early.length, late.length],
    earlyFloorMb,
    lateFloorMb,
    floorGrowthMb,
    slopeMbPerMin,
    peakRssMb,
    flat: reasons.length === 0,
    reasons,
  };
}
