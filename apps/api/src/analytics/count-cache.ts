// Keeps the answers of count queries while the data they read has not changed: each entry
// remembers the data version it was computed at (rollup_version, raised by every change to
// complaints or institutions), and is used only while the version is the same. Answers
// stay exact; repeated dashboard questions cost one small read instead of an aggregation.
//
// Questions asked again while their answer is still being computed wait for that
// computation instead of starting their own: when many analysts open the overview at once
// on a cold cache, each figure is aggregated once, not once per analyst.
//
// One request reads the version once and answers all its figures at that version (a
// ranking asks for five counts): one round trip instead of five, and figures that agree.
import { Inject, Injectable, Optional } from '@nestjs/common';
import { READ_DATABASE, type Queryable } from '../database/read-database.js';
import { MetricsService } from '../observability/metrics.service.js';
import { requestContext } from '../observability/request-context.js';

export const COUNT_CACHE_ENTRIES = 5000;
/** Larger answers (long daily series by city) are not kept. */
export const COUNT_CACHE_MAX_ROWS = 5000;
/**
 * Rows kept in all entries together. The entry limit alone would let 5,000 answers of up to
 * 5,000 rows each take gigabytes; a row of counts takes about 100-200 bytes, so this keeps
 * the cache's rows within a few tens of MB however the questions vary.
 */
export const COUNT_CACHE_KEPT_ROWS = 200_000;

@Injectable()
export class CountCache {
  private readonly entries = new Map<string, { version: string; value: unknown; rows: number }>();
  /** Rows held by all entries. */
  private keptRows = 0;
  /** Computations under way, by data version and key. */
  private readonly computing = new Map<string, Promise<unknown>>();
  private readonly maxEntries = COUNT_CACHE_ENTRIES;

  /** Reads the version and the counts on the same side as the request (read-database.ts). */
  constructor(
    @Inject(READ_DATABASE) private readonly db: Queryable,
    @Optional() metrics?: MetricsService,
  ) {
    metrics?.countCachedAnswers(() => ({ entries: this.entries.size, rows: this.keptRows }));
  }

  /** Rows of a count query, from the cache while the data version is unchanged. */
  query<T>(sql: string, params: unknown[]): Promise<T[]> {
    return this.cached(
      `${sql}\u0000${JSON.stringify(params)}`,
      () => this.db.query<T[]>(sql, params),
      (rows) => rows.length,
    );
  }

  /**
   * The value of `compute` for `key`, computed again only when the data changed since.
   * `size` says how many rows the value holds; large values are not kept.
   */
  async cached<T>(key: string, compute: () => Promise<T>, size: (value: T) => number): Promise<T> {
    const version = await this.version();
    const hit = this.entries.get(key);
    if (hit && hit.version === version) {
      // Most recently used last: a Map keeps insertion order.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.value as T;
    }
    // The version is part of the key: a caller that saw newer data never shares an answer
    // computed on older data. A failure is shared by those waiting, and not kept.
    const running = `${version}\u0000${key}`;
    const shared = this.computing.get(running);
    if (shared) return shared as Promise<T>;
    // Others may come to wait for this computation: it runs to the end even if the
    // request that started it is abandoned (its answer is kept for them).
    const context = requestContext.getStore();
    const detached = context ? { ...context, signal: undefined } : undefined;
    const computation = (detached ? requestContext.run(detached, compute) : compute())
      .then((value) => {
        this.keep(key, version, value, size(value));
        return value;
      })
      .finally(() => this.computing.delete(running));
    this.computing.set(running, computation);
    return computation;
  }

  /** The data version, read once per request (and on every call outside one). */
  private version(): Promise<string> {
    const context = requestContext.getStore();
    if (context?.dataVersion) return context.dataVersion;
    const read = this.db
      .query<{ version: string }[]>(
        `SELECT version::text AS version FROM rollup_version WHERE id = 1`,
      )
      .then(([row]) => row?.version ?? '');
    if (context) {
      context.dataVersion = read;
      // A failed read is not kept: the request's next figure asks again.
      read.catch(() => {
        if (context.dataVersion === read) context.dataVersion = undefined;
      });
    }
    return read;
  }

  private keep(key: string, version: string, value: unknown, rows: number): void {
    if (rows > COUNT_CACHE_MAX_ROWS) return;
    // An answer at an older version than the one kept (a slow computation finishing late)
    // would only be replaced again; versions only grow, and compare as numbers.
    const kept = this.entries.get(key);
    if (kept && BigInt(kept.version || '0') > BigInt(version || '0')) return;
    this.drop(key);
    this.entries.set(key, { version, value, rows });
    this.keptRows += rows;
    // The least recently used go first (a Map iterates in insertion order).
    while (this.entries.size > this.maxEntries || this.keptRows > COUNT_CACHE_KEPT_ROWS)
      this.drop(this.entries.keys().next().value as string);
  }

  private drop(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.keptRows -= entry.rows;
  }
}
