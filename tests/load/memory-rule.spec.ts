import { describe, expect, it } from 'vitest';
import { memoryVerdict, robustSlope, type MemorySample } from './memory-rule.js';

const MB = 1024 * 1024;
const RULE = { maxGrowthMb: 20, maxSlopeMbPerMin: 2, maxRssMb: 1024 };

/** A sample every `every` seconds for `seconds`, in MB as `mb(t)` says. */
function series(seconds: number, every: number, mb: (t: number) => number): MemorySample[] {
  const out: MemorySample[] = [];
  for (let t = 0; t <= seconds; t += every) out.push({ t, bytes: mb(t) * MB });
  return out;
}

/** What requests in flight hold at a collection: 0 to `amplitude` MB, never less. */
const inFlight = (t: number, amplitude: number) => amplitude * Math.abs(Math.sin(t * 1.7));

/** RSS of a healthy process: a saw-tooth of 150 MB between collections every 80 s. */
const sawTooth = (t: number) => 280 + 150 * ((t % 80) / 80);

/** A major collection every 40 s. */
const collections = (mb: (t: number) => number) => series(600, 40, mb);

describe('robustSlope', () => {
  it('is the slope of points on a line, and ignores one far off it', () => {
    expect(robustSlope([0, 1, 2, 3].map((x) => ({ x, y: 5 + 2 * x })))).toBeCloseTo(2);
    const outlier = [0, 1, 2, 3, 4, 5].map((x) => ({ x, y: x === 5 ? 100 : 5 + 2 * x }));
    expect(robustSlope(outlier)).toBeCloseTo(2);
    expect(robustSlope([{ x: 1, y: 1 }])).toBeNaN();
    expect(
      robustSlope([
        { x: 1, y: 1 },
        { x: 1, y: 2 },
      ]),
    ).toBeNaN();
  });
});

describe('memoryVerdict', () => {
  it('passes a flat live heap under a saw-tooth RSS whose means would differ by 100 MB', () => {
    const v = memoryVerdict(
      collections((t) => 100 + inFlight(t, 25)),
      series(600, 10, sawTooth),
      600,
      RULE,
    );
    expect(v.reasons).toEqual([]);
    expect(v.flat).toBe(true);
    expect(Math.abs(v.floorGrowthMb)).toBeLessThan(5);
  });

  it('passes a warm-up rise in the first tenth that then levels off', () => {
    const v = memoryVerdict(
      collections((t) => (t < 60 ? 40 + t : 100) + inFlight(t, 5)),
      series(600, 10, sawTooth),
      600,
      RULE,
    );
    expect(v.flat).toBe(true);
  });

  it('fails a leak of 6 MB a minute on both counts', () => {
    const v = memoryVerdict(
      collections((t) => 100 + (6 * t) / 60 + inFlight(t, 5)),
      series(600, 10, sawTooth),
      600,
      RULE,
    );
    expect(v.flat).toBe(false);
    expect(v.slopeMbPerMin).toBeCloseTo(6, 0);
    expect(v.floorGrowthMb).toBeGreaterThan(20);
    expect(v.reasons).toHaveLength(2);
  });

  it('fails a slow leak of 3 MB a minute on the slope, under busy collections', () => {
    const v = memoryVerdict(
      collections((t) => 100 + (3 * t) / 60 + inFlight(t, 25)),
      series(600, 10, sawTooth),
      600,
      RULE,
    );
    expect(v.flat).toBe(false);
    expect(v.slopeMbPerMin).toBeGreaterThan(2);
    expect(v.reasons.join()).toMatch(/rose .* MB\/min/);
  });

  it('fails a step in the middle of the run on the floor', () => {
    const v = memoryVerdict(
      collections((t) => (t < 300 ? 100 : 150)),
      series(600, 10, sawTooth),
      600,
      RULE,
    );
    expect(v.flat).toBe(false);
    expect(v.floorGrowthMb).toBeCloseTo(50);
    expect(v.reasons[0]).toMatch(/floor rose 50\.0 MB/);
  });

  it('does not mistake one busy collection at the end for a leak', () => {
    const v = memoryVerdict(
      collections((t) => (t >= 560 ? 180 : 100)),
      series(600, 10, sawTooth),
      600,
      RULE,
    );
    expect(v.floorGrowthMb).toBe(0);
    expect(v.flat).toBe(true);
  });

  it('fails RSS over the ceiling even with a flat heap (native memory)', () => {
    const v = memoryVerdict(
      collections(() => 100),
      series(600, 10, (t) => 300 + t * 2),
      600,
      RULE,
    );
    expect(v.flat).toBe(false);
    expect(v.peakRssMb).toBe(1500);
    expect(v.reasons).toEqual(['RSS reached 1500 MB (at most 1024 MB)']);
  });

  it('counts the reading taken as the run ends, a moment after its last second', () => {
    const v = memoryVerdict(
      [100, 200, 400, 600.0005].map((t) => ({ t, bytes: 100 * MB })),
      series(600, 10, sawTooth),
      600,
      RULE,
    );
    expect(v.collections).toEqual([2, 2]);
    expect(v.flat).toBe(true);
  });

  it('refuses to judge without two collections in each half', () => {
    const v = memoryVerdict(
      [
        { t: 100, bytes: 100 * MB },
        { t: 200, bytes: 100 * MB },
        { t: 500, bytes: 100 * MB },
      ],
      series(600, 10, sawTooth),
      600,
      RULE,
    );
    expect(v.collections).toEqual([2, 1]);
    expect(v.flat).toBe(false);
    expect(v.reasons[0]).toMatch(/too few major collections/);
  });
});
