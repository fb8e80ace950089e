// The JSON feed connector against a local feed server this test runs: pages by cursor, with
// a 500, a time-out and a malformed page on the way, a restart in the middle, and new items
// later by `updated_since`. Nothing is lost or repeated.
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditService } from '../src/audit/audit.service.js';
import { FeedConnector, type FeedOptions } from '../src/ingest/feed/feed-connector.js';
import { ImportService } from '../src/ingest/import.service.js';
import { openTestDatabase, testTargets, type TestDatabase } from './support/test-database.js';

interface Item {
  external_id: string;
  received_at: string;
  institution: string;
  province: string;
  updated_at: string;
}

describe.each(await testTargets())('the JSON feed on the %s database', (target) => {
  let db: TestDatabase;
  let server: Server;
  let url: string;
  const items: Item[] = Array.from({ length: 230 }, (_, i) => ({
    external_id: `FEED-${i}`,
    received_at: `2025-05-${String(1 + (i % 28)).padStart(2, '0')}T08:00:00+08:00`,
    institution: i % 2 ? '网商银行' : '某消费金融公司',
    province: i % 3 ? '浙江省' : 'Guangdong',
    updated_at: new Date(Date.UTC(2025, 5, 1) + i * 60_000).toISOString(),
  }));
  /** Faults to serve, in order, one per request, before answering normally. */
  const faults: ('500' | 'slow' | 'garbage' | 'no-items')[] = [];
  let requests = 0;

  beforeAll(async () => {
    db = await openTestDatabase(target);
    server = createServer((req, res) => {
      requests++;
      const fault = faults.shift();
      if (fault === '500') return res.writeHead(500).end('oops');
      if (fault === 'garbage')
        return res
          .writeHead(200, { 'content-type': 'application/json' })
          .end('{"items": [ {"external');
      if (fault === 'no-items')
        return res.writeHead(200, { 'content-type': 'application/json' }).end('{"rows": []}');
      const q = new URL(req.url!, 'http://x').searchParams;
      const limit = Number(q.get('limit'));
      let start = q.get('cursor') ? Number(q.get('cursor')) : 0;
      if (!q.get('cursor') && q.get('updated_since')) {
        const since = Date.parse(q.get('updated_since')!);
        start = items.findIndex((it) => Date.parse(it.updated_at) > since);
        if (start < 0) start = items.length;
      }
      const page = items.slice(start, start + limit);
      const next = start + limit < items.length ? String(start + limit) : null;
      const body = JSON.stringify({ items: page, next_cursor: next });
      const send = () => res.writeHead(200, { 'content-type': 'application/json' }).end(body);
      if (fault === 'slow') setTimeout(send, 1500);
      else send();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}/complaints`;
  });
  afterAll(async () => {
    server?.close();
    await db?.close();
  });

  const connector = () => {
    const options: FeedOptions = {
      name: 'test-feed',
      url,
      source: 'ONLINE_PLATFORM',
      pageSize: 50,
      timeoutMs: 500,
      maxAttempts: 3,
      backoffMs: 10,
    };
    return new FeedConnector(
      db.dataSource,
      new ImportService(db.dataSource, new AuditService(db.dataSource)),
      options,
    );
  };
  const stored = async () =>
    (
      await db.dataSource.query<{ n: number; distinct: number }[]>(
        `SELECT count(*)::int AS n, count(DISTINCT external_id)::int AS distinct FROM complaints`,
      )
    )[0]!;

  it('survives a 500, a time-out and a malformed page, and resumes after a restart', async () => {
    faults.push('500', 'slow');
    const first = await connector().poll();
    expect(first.error).toBeNull();
    expect(first.inserted).toBe(230);
    expect(await stored()).toEqual({ n: 230, distinct: 230 });

    // A page that keeps failing stops the poll with the checkpoint where it was.
    items.push(
      ...Array.from({ length: 60 }, (_, i) => ({
        ...items[0]!,
        external_id: `FEED-NEW-${i}`,
        updated_at: new Date(Date.UTC(2025, 7, 1) + i * 1000).toISOString(),
      })),
    );
    faults.push('garbage', 'garbage', 'no-items');
    const failed = await connector().poll();
    expect(failed.error).toMatch(/after 3 attempts/);
    expect(failed.inserted).toBe(0);
    const [cp] = await db.dataSource.query(
      `SELECT last_error, consecutive_failures FROM feed_checkpoints WHERE feed = 'test-feed'`,
    );
    expect(cp.consecutive_failures).toBe(1);

    // A new connector (the process restarted) continues from the checkpoint.
    const resumed = await connector().poll();
    expect(resumed.error).toBeNull();
    expect(resumed.inserted).toBe(60);
    expect(await stored()).toEqual({ n: 290, distinct: 290 });
  });

  it('reads a page again after a crash between writing it and moving the checkpoint, without duplicates', async () => {
    // Put the checkpoint back one page, as a crash before saving it would leave it.
    await db.dataSource.query(
      `UPDATE feed_checkpoints SET cursor = '200', updated_since = NULL WHERE feed = 'test-feed'`,
    );
    const again = await connector().poll();
    expect(again.error).toBeNull();
    expect(again.inserted).toBe(0);
    expect(again.unchanged).toBe(90);
    expect(await stored()).toEqual({ n: 290, distinct: 290 });
  });

  it('asks for updates since the newest item when the feed has no more cursor', async () => {
    const before = requests;
    items[5] = {
      ...items[5]!,
      province: '四川',
      updated_at: new Date(Date.UTC(2025, 8, 1)).toISOString(),
    };
    const [{ updated_since }] = await db.dataSource.query(
      `SELECT updated_since FROM feed_checkpoints WHERE feed = 'test-feed'`,
    );
    expect(updated_since).not.toBeNull();
    // The moved item is now newest: serve it at the end, as an updated_since feed would.
    items.push(items.splice(5, 1)[0]!);
    const res = await connector().poll();
    expect(requests).toBeGreaterThan(before);
    expect(res.updated).toBe(1);
    const [row] = await db.dataSource.query(
      `SELECT province_code FROM complaints WHERE external_id = 'FEED-5'`,
    );
    expect(row.province_code).toBe('510000');
    expect(await stored()).toEqual({ n: 290, distinct: 290 });
  });
});
