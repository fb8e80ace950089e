import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { DataSource } from 'typeorm';
import { afterEach, describe, expect, it } from 'vitest';
import { MetricsService } from './metrics.service.js';

// A full (major) collection on demand, without starting the test process with --expose-gc.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const MB = 1024 * 1024;
const notConnected = { isInitialized: false } as unknown as DataSource;

/** The value of one series (a name with its labels, if any) in the exposition text. */
async function gauge(metrics: MetricsService, series: string): Promise<number> {
  const { body } = await metrics.render();
  const line = body.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? NaN : Number(line.slice(series.length + 1));
}

/** prom-client's count of major collections (NaN before the first). */
const MAJOR_COLLECTIONS = 'nodejs_gc_duration_seconds_count{kind="major"}';

/** A major collection, then time for the observer's delivery (a later task). */
async function majorCollection(): Promise<void> {
  collectGarbage();
  await new Promise((resolve) => setTimeout(resolve, 50));
}

describe('heap after major collections', () => {
  let metrics: MetricsService | undefined;
  afterEach(() => metrics?.onModuleDestroy());

  it('counts major collections and reports what survived the latest one', async () => {
    metrics = new MetricsService(notConnected);
    const before = (await gauge(metrics, MAJOR_COLLECTIONS)) || 0;
    await majorCollection();
    expect(await gauge(metrics, MAJOR_COLLECTIONS)).toBeGreaterThan(before);
    const baseline = await gauge(metrics, 'cw_heap_used_after_major_gc_bytes');
    expect(baseline).toBeGreaterThan(0);

    // 64 MB kept alive through a collection raises the figure by about that much...
    let kept: number[][] | null = Array.from({ length: 64 }, () => new Array(MB / 8).fill(1.5));
    await majorCollection();
    const withKept = await gauge(metrics, 'cw_heap_used_after_major_gc_bytes');
    expect(withKept - baseline).toBeGreaterThan(56 * MB);
    expect(kept.length).toBe(64);

    // ...and dropped, the next collection takes it back: garbage does not count.
    kept = null;
    await majorCollection();
    const after = await gauge(metrics, 'cw_heap_used_after_major_gc_bytes');
    expect(after - baseline).toBeLessThan(8 * MB);
  });
});
