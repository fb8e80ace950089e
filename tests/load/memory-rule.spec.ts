import { describe, expect, it } from 'vitest';
import { memoryVerdict, slope, type MemorySample } from './memory-rule.js';

const MB = 1024 * 1024;
const RULE = { maxGrowthMb: 20, maxSlopeMbPerMin: 2 };

/** A sample every `every` seconds for `seconds`, in MB as `mb(t)` says. */
function series(seconds: number, every: number, mb: (t: number) => number): MemorySample[] {
  const out: MemorySample[] = [];
  for (let t = 0; t <= seconds; t += every) out.push({ t, bytes: mb(t) * MB });
  return out;
}

/** Deterministic noise of ±`amplitude` MB, like garbage collection's saw-tooth. */
const noise = (t: number, amplitude: number) => amplitude * Math.sin(t * 1.7) * Math.cos(t * 0.3);

describe('slope', () => {
  it('is the least-squares slope', () => {
    expect(slope([0, 1, 2, 3].map((x) => ({ x, y: 5 + 2 * x })))).toBeCloseTo(2);
    expect(slope([{ x: 1, y: 1 }])).toBeNaN();
  });
});

describe('memoryVerdict', () => {
  it('passes a series that is flat apart from noise', () => {
    const v = memoryVerdict(
      series(600, 10, (t) => 180 + noise(t, 6)),
      600,
      RULE,
    );
    expect(v.reasons).toEqual([]);
    expect(v.flat).toBe(true);
    expect(Math.abs(v.growthMb)).toBeLessThan(6);
  });

  it('passes a warm-up rise in the first tenth that then levels off', () => {
    const v = memoryVerdict(
      series(600, 10, (t) => (t < 60 ? 120 + t : 180) + noise(t, 3)),
      600,
      RULE,
    );
    expect(v.flat).toBe(true);
  });

  it('fails a steady leak of 3 MB a minute on both counts', () => {
    const v = memoryVerdict(
      series(600, 10, (t) => 180 + (3 * t) / 60 + noise(t, 3)),
      600,
      RULE,
    );
    expect(v.flat).toBe(false);
    expect(v.slopeMbPerMin).toBeCloseTo(3, 0);
    expect(v.growthMb).toBeGreaterThan(20);
    expect(v.reasons).toHaveLength(2);
  });

  it('fails a step in the middle of the run on growth even when the end is level', () => {
    const v = memoryVerdict(
      series(600, 10, (t) => (t < 300 ? 180 : 230)),
      600,
      RULE,
    );
    expect(v.flat).toBe(false);
    expect(v.growthMb).toBeCloseTo(50);
    expect(v.reasons[0]).toMatch(/grew 50\.0 MB/);
  });

  it('fails a rise that starts late, on the slope', () => {
    const v = memoryVerdict(
      series(600, 10, (t) => (t < 450 ? 180 : 180 + (6 * (t - 450)) / 60)),
      600,
      RULE,
    );
    expect(v.growthMb).toBeLessThan(20);
    expect(v.slopeMbPerMin).toBeGreaterThan(2);
    expect(v.flat).toBe(false);
  });

  it('refuses to judge without samples in the windows', () => {
    const v = memoryVerdict([{ t: 1, bytes: 100 * MB }], 600, RULE);
    expect(v.flat).toBe(false);
    expect(v.reasons[0]).toMatch(/too few memory samples/);
  });
});
