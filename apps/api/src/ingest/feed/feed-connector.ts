// Polls a JSON feed of complaints page by page and imports each page.
//
// The feed answers GET <url>?limit=N&cursor=C (or &updated_since=T on the first call and
// when it has no cursors) with `{ "items": [ {canonical fields…} ], "next_cursor": "…" | null }`;
// items may carry `updated_at`, whose newest value becomes the next `updated_since`.
//
// Nothing is lost or repeated: a page is written first, then the checkpoint moves past it.
// A crash between the two makes the next run read the page again, and importing the same
// rows again changes nothing (complaints are keyed by source and external id). Failures
// (HTTP errors, time-outs, pages that are not JSON or not the expected shape) are retried
// with exponential backoff; the checkpoint stays where it was.
import type { DataSource } from 'typeorm';
import type { Source } from '@cw/domain';
import type { ImportService } from '../import.service.js';
import type { ParsedRow } from '../ingest-row.js';
import { parseJsonRecord } from '../parse/jsonl.js';

export interface FeedOptions {
  name: string;
  url: string;
  source: Source;
  token?: string | undefined;
  pageSize: number;
  timeoutMs: number;
  /** Attempts per page before the poll gives up until the next one. */
  maxAttempts: number;
  /** First backoff; doubles with each attempt. */
  backoffMs: number;
}

export interface PollResult {
  pages: number;
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  error: string | null;
}

interface Checkpoint {
  cursor: string | null;
  updatedSince: Date | null;
}

interface Page {
  items: unknown[];
  nextCursor: string | null;
}

class FeedPageError extends Error {}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class FeedConnector {
  constructor(
    private readonly db: DataSource,
    private readonly imports: ImportService,
    readonly options: FeedOptions,
  ) {}

  /** Reads pages until the feed has no more, or a page keeps failing. */
  async poll(): Promise<PollResult> {
    const result: PollResult = {
      pages: 0,
      rows: 0,
      inserted: 0,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      error: null,
    };
    let checkpoint = await this.checkpoint();
    for (;;) {
      let page: Page;
      try {
        page = await this.fetchWithRetries(checkpoint);
      } catch (e) {
        result.error = e instanceof Error ? e.message : String(e);
        await this.recordFailure(result.error);
        return result;
      }
      if (page.items.length) {
        const runId = await this.imports.startRun(
          null,
          'feed',
          this.options.source,
          `${this.options.name} page`,
        );
        const rows: ParsedRow[] = page.items.map((item, i) => parseJsonRecord(item, i + 1));
        const summary = await this.imports.run(runId, null, this.options.source, rows, null);
        if (summary.status !== 'SUCCEEDED') {
          result.error = summary.error ?? 'the page could not be imported';
          await this.recordFailure(result.error);
          return result;
        }
        result.pages++;
        result.rows += page.items.length;
        result.inserted += summary.inserted;
        result.updated += summary.updated;
        result.unchanged += summary.unchanged;
        result.rejected += summary.rejected;
      }
      const next: Checkpoint = {
        cursor: page.nextCursor,
        updatedSince: newestUpdate(page.items) ?? checkpoint.updatedSince,
      };
      await this.saveCheckpoint(next, page.items.length > 0);
      checkpoint = next;
      if (!page.nextCursor) return result;
    }
  }

  private async fetchWithRetries(checkpoint: Checkpoint): Promise<Page> {
    let lastError: Error | null = null;
    for (let attempt = 0; attempt < this.options.maxAttempts; attempt++) {
      if (attempt > 0) await sleep(this.options.backoffMs * 2 ** (attempt - 1));
      try {
        return await this.fetchPage(checkpoint);
      } catch (e) {
        lastError = e instanceof Error ? e : new Error(String(e));
      }
    }
    throw new Error(
      `feed ${this.options.name}: ${lastError?.message ?? 'failed'} (after ${this.options.maxAttempts} attempts)`,
    );
  }

  private async fetchPage(checkpoint: Checkpoint): Promise<Page> {
    const url = new URL(this.options.url);
    url.searchParams.set('limit', String(this.options.pageSize));
    if (checkpoint.cursor) url.searchParams.set('cursor', checkpoint.cursor);
    else if (checkpoint.updatedSince)
      url.searchParams.set('updated_since', checkpoint.updatedSince.toISOString());
    let res: Response;
    try {
      res = await fetch(url, {
        headers: {
          accept: 'application/json',
          ...(this.options.token ? { authorization: `Bearer ${this.options.token}` } : {}),
        },
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
    } catch (e) {
      const name = (e as Error).name;
      throw new FeedPageError(
        name === 'TimeoutError'
          ? `no answer within ${this.options.timeoutMs} ms`
          : `cannot reach the feed (${(e as Error).message})`,
      );
    }
    if (!res.ok) throw new FeedPageError(`HTTP ${res.status}`);
    let body: unknown;
    try {
      body = await res.json();
    } catch {
      throw new FeedPageError('the page is not JSON');
    }
    const page = body as { items?: unknown; next_cursor?: unknown };
    if (!page || typeof page !== 'object' || !Array.isArray(page.items)) {
      throw new FeedPageError('the page has no "items" array');
    }
    if (
      page.next_cursor !== undefined &&
      page.next_cursor !== null &&
      typeof page.next_cursor !== 'string'
    ) {
      throw new FeedPageError('"next_cursor" is not a string');
    }
    return {
      items: page.items,
      nextCursor: (page.next_cursor as string | null | undefined) ?? null,
    };
  }

  private async checkpoint(): Promise<Checkpoint> {
    const [row] = await this.db.query<{ cursor: string | null; updated_since: Date | null }[]>(
      `SELECT cursor, updated_since FROM feed_checkpoints WHERE feed = $1`,
      [this.options.name],
    );
    return { cursor: row?.cursor ?? null, updatedSince: row?.updated_since ?? null };
  }

  private async saveCheckpoint(c: Checkpoint, advanced: boolean): Promise<void> {
    await this.db.query(
      `INSERT INTO feed_checkpoints (feed, cursor, updated_since, pages, last_success_at, last_error, consecutive_failures)
       VALUES ($1, $2, $3, $4, now(), NULL, 0)
       ON CONFLICT (feed) DO UPDATE SET cursor = excluded.cursor, updated_since = excluded.updated_since,
         pages = feed_checkpoints.pages + excluded.pages, last_success_at = now(), last_error = NULL, consecutive_failures = 0`,
      [this.options.name, c.cursor, c.updatedSince?.toISOString() ?? null, advanced ? 1 : 0],
    );
  }

  private async recordFailure(message: string): Promise<void> {
    await this.db.query(
      `INSERT INTO feed_checkpoints (feed, last_error, consecutive_failures) VALUES ($1, $2, 1)
       ON CONFLICT (feed) DO UPDATE SET last_error = excluded.last_error,
         consecutive_failures = feed_checkpoints.consecutive_failures + 1`,
      [this.options.name, message.slice(0, 1000)],
    );
  }
}

/** The newest `updated_at` among the items (ISO 8601), if any. */
function newestUpdate(items: unknown[]): Date | null {
  let newest: number | null = null;
  for (const item of items) {
    const value =
      (item as { updated_at?: unknown; updatedAt?: unknown })?.updated_at ??
      (item as { updatedAt?: unknown })?.updatedAt;
    const t = typeof value === 'string' ? Date.parse(value) : NaN;
    if (!Number.isNaN(t) && (newest === null || t > newest)) newest = t;
  }
  return newest === null ? null : new Date(newest);
}
