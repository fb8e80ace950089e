// The count cache on a real database: an answer is reused while rollup_version is
// unchanged and computed again after a change; callers asking the same question while it
// is being computed share one computation; a failure is shared, not kept.
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  COUNT_CACHE_KEPT_ROWS,
  COUNT_CACHE_MAX_ROWS,
  CountCache,
} from '../src/analytics/count-cache.js';
import { MetricsService } from '../src/observability/metrics.service.js';
import { openTestDatabase, testTargets, type TestDatabase } from './support/test-database.js';

describe.each(await testTargets())('count cache on the %s database', (target) => {
  let db: TestDatabase;
  let cache: CountCache;

  beforeAll(async () => {
    db = await openTestDatabase(target);
    cache = new CountCache(db.dataSource);
  });
  afterAll(() => db?.close());

  const bump = () => db.dataSource.query(`UPDATE rollup_version SET version = version + 1`);

  /** A computation that counts its runs and finishes when told to. */
  function gated(value: number) {
    let runs = 0;
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const compute = async () => {
      runs++;
      await gate;
      return value;
    };
    return { compute, runs: () => runs, open };
  }

  it('computes a question asked by many at once only once, and keeps the answer', async () => {
    const c = gated(42);
    const answers = Promise.all(
      Array.from({ length: 8 }, () => cache.cached('together', c.compute, () => 1)),
    );
    // Every caller has read the version and joined before the computation ends.
    await new Promise((r) => setTimeout(r, 200));
    c.open();
    expect(await answers).toEqual(Array(8).fill(42));
    expect(c.runs()).toBe(1);
    expect(await cache.cached('together', c.compute, () => 1)).toBe(42);
    expect(c.runs()).toBe(1);
  });

  it('computes again after the data changed', async () => {
    let runs = 0;
    const compute = async () => ++runs;
    expect(await cache.cached('changes', compute, () => 1)).toBe(1);
    expect(await cache.cached('changes', compute, () => 1)).toBe(1);
    await bump();
    expect(await cache.cached('changes', compute, () => 1)).toBe(2);
  });

  it('does not give a caller who saw newer data an answer begun on older data', async () => {
    const old = gated(1);
    const before = cache.cached('versions', old.compute, () => 1);
    await new Promise((r) => setTimeout(r, 100));
    await bump();
    const fresh = gated(2);
    const after = cache.cached('versions', fresh.compute, () => 1);
    await new Promise((r) => setTimeout(r, 100));
    fresh.open();
    old.open();
    expect(await before).toBe(1);
    expect(await after).toBe(2);
    expect(old.runs() + fresh.runs()).toBe(2);
    // The older answer, finishing last, did not replace the newer one.
    expect(await cache.cached('versions', old.compute, () => 1)).toBe(2);
  });

  it('shares a failure with those waiting and computes again on the next question', async () => {
    let runs = 0;
    let fail!: (e: Error) => void;
    const failing = () => {
      runs++;
      return new Promise<number>((_, reject) => (fail = reject));
    };
    const first = cache.cached('fails', failing, () => 1);
    const second = cache.cached('fails', failing, () => 1);
    const settled = Promise.allSettled([first, second]);
    await new Promise((r) => setTimeout(r, 200));
    fail(new Error('database went away'));
    const results = await settled;
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(runs).toBe(1);
    expect(
      await cache.cached(
        'fails',
        async () => 7,
        () => 1,
      ),
    ).toBe(7);
  });

  it('keeps at most COUNT_CACHE_KEPT_ROWS rows in all, dropping the least recently used', async () => {
    const runs = new Map<string, number>();
    const ask = (key: string) =>
      cache.cached(
        key,
        async () => {
          runs.set(key, (runs.get(key) ?? 0) + 1);
          return key;
        },
        () => COUNT_CACHE_MAX_ROWS,
      );
    const fit = COUNT_CACHE_KEPT_ROWS / COUNT_CACHE_MAX_ROWS;
    const keys = Array.from({ length: fit + 1 }, (_, i) => `rows ${i}`);
    for (const key of keys.slice(0, fit)) await ask(key);
    // Asked again, the first becomes the most recently used...
    await ask(keys[0]!);
    // ...so one more answer pushes out the second, not the first.
    await ask(keys[fit]!);
    await ask(keys[0]!);
    await ask(keys[2]!);
    await ask(keys[1]!);
    expect(runs.get(keys[0]!)).toBe(1);
    expect(runs.get(keys[2]!)).toBe(1);
    expect(runs.get(keys[1]!)).toBe(2);
  });

  it('counts the rows it keeps right when answers are replaced and dropped', async () => {
    const metrics = new MetricsService({ isInitialized: false } as unknown as DataSource);
    const counted = new CountCache(db.dataSource, metrics);
    const size = async () => {
      const { body } = await metrics.render();
      const read = (unit: string) =>
        Number(new RegExp(`^cw_count_cache_size\\{unit="${unit}"\\} (\\d+)$`, 'm').exec(body)?.[1]);
      return { entries: read('entries'), rows: read('rows') };
    };
    const ask = (key: string, rows: number) =>
      counted.cached(
        key,
        async () => key,
        () => rows,
      );
    await ask('a', 10);
    await ask('b', 20);
    expect(await size()).toEqual({ entries: 2, rows: 30 });
    // A change to the data: the next answer to 'a' replaces the kept one, and is larger.
    await bump();
    await ask('a', 15);
    expect(await size()).toEqual({ entries: 2, rows: 35 });
    // Filling up drops the least recently used ('b', then 'a') and their rows with them.
    for (let i = 0; i < COUNT_CACHE_KEPT_ROWS / COUNT_CACHE_MAX_ROWS; i++)
      await ask(`full ${i}`, COUNT_CACHE_MAX_ROWS);
    expect(await size()).toEqual({
      entries: COUNT_CACHE_KEPT_ROWS / COUNT_CACHE_MAX_ROWS,
      rows: COUNT_CACHE_KEPT_ROWS,
    });
    metrics.onModuleDestroy();
  });

  it('does not keep answers larger than its row limit', async () => {
    let runs = 0;
    const big = async () => {
      runs++;
      return 'large';
    };
    await cache.cached('big', big, () => 1_000_000);
    await cache.cached('big', big, () => 1_000_000);
    expect(runs).toBe(2);
  });
});
