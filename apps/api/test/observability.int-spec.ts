// Health and metrics of a running API: /health/live and /health/ready (database reachable,
// migrations current; 503 with the failed check otherwise), and /metrics with latency by
// GraphQL operation and REST route, import rows, export jobs, pool use and process metrics.
import os from 'node:os';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveApi, type RunningApi } from '../src/bootstrap.js';
import { MetricsService } from '../src/observability/metrics.service.js';
import { gql, login } from './support/graphql-client.js';
import { canonicalCsv } from './support/import-files.js';
import { openTestDatabase, testTargets, type TestDatabase } from './support/test-database.js';
import { TEST_ADMIN, testEnv } from './support/test-env.js';

const getJson = async (url: string) => {
  const res = await fetch(url);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

/** The value of one sample in a Prometheus text exposition, or undefined. */
function sample(
  text: string,
  name: string,
  labels: Record<string, string> = {},
): number | undefined {
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    const ok = Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`));
    if (ok) return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return undefined;
}

/** An address of this machine that is not loopback, if it has one. */
const outsideAddress = Object.values(os.networkInterfaces())
  .flat()
  .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;

describe.each(await testTargets())('health and metrics on the %s database', (target) => {
  let db: TestDatabase;
  let api: RunningApi;
  let token: string;
  let port: number;
  let closed = false;

  beforeAll(async () => {
    db = await openTestDatabase(target);
    // Listens on every address, so that /metrics can be asked from a non-loopback one.
    // DATABASE_URL as the API is given it in production: readiness opens its own connection.
    api = await serveApi(
      db,
      testEnv({ HOST: '0.0.0.0', ...(db.url ? { DATABASE_URL: db.url } : {}) }),
    );
    port = Number(new URL(api.url).port);
    token = await login(api.url, TEST_ADMIN.email, TEST_ADMIN.password);
  });
  afterAll(async () => {
    if (!closed) await api?.close(5000);
    else await api?.app.close();
  });

  it('is live and ready with the database reachable and migrated', async () => {
    expect(await getJson(`${api.url}/health/live`)).toEqual({
      status: 200,
      body: { status: 'live' },
    });
    expect(await getJson(`${api.url}/health/ready`)).toEqual({
      status: 200,
      body: { status: 'ready', checks: { database: 'ok', migrations: 'ok' } },
    });
  });

  it('is not ready while a migration is missing, and ready again once it is back', async () => {
    const [last] = await db.dataSource.query<{ id: number; timestamp: string; name: string }[]>(
      `SELECT id, timestamp::text, name FROM migrations ORDER BY id DESC LIMIT 1`,
    );
    await db.dataSource.query(`DELETE FROM migrations WHERE id = $1`, [last!.id]);
    try {
      expect(await getJson(`${api.url}/health/ready`)).toEqual({
        status: 503,
        body: { status: 'not_ready', checks: { database: 'ok', migrations: 'pending' } },
      });
    } finally {
      await db.dataSource.query(
        `INSERT INTO migrations (id, timestamp, name) VALUES ($1, $2, $3)`,
        [last!.id, last!.timestamp, last!.name],
      );
    }
    expect((await getJson(`${api.url}/health/ready`)).status).toBe(200);
  });

  it.runIf(target === 'server')(
    'stays ready while every pooled connection is taken by slow dashboard queries',
    async () => {
      // A lock held elsewhere makes every figure wait for its data version (count-cache.ts),
      // holding a pooled connection each; more requests than the pool (5) has connections.
      const locker = new pg.Client({ connectionString: db.url! });
      await locker.connect();
      try {
        await locker.query('BEGIN');
        await locker.query('LOCK TABLE rollup_version IN ACCESS EXCLUSIVE MODE');
        const figures = Array.from({ length: 8 }, (_, i) =>
          gql(
            api.url,
            `query($f: ComplaintFilter) { complaintTrend(filter: $f, interval: MONTH) { total } }`,
            { f: { from: `2024-0${i + 1}-01`, to: '2024-12-31' } },
            token,
          ),
        );
        await new Promise((r) => setTimeout(r, 300));
        const started = Date.now();
        expect(await getJson(`${api.url}/health/ready`)).toEqual({
          status: 200,
          body: { status: 'ready', checks: { database: 'ok', migrations: 'ok' } },
        });
        expect(Date.now() - started).toBeLessThan(2000);
        await locker.query('ROLLBACK');
        for (const r of await Promise.all(figures)) expect(r.errors).toBeUndefined();
      } finally {
        await locker.end();
      }
    },
  );

  it('counts requests by GraphQL operation and REST route, import rows, export jobs and pool use', async () => {
    await gql(api.url, `query DashboardTotals { dataset { complaintCount } }`, {}, token);
    await gql(api.url, `query DashboardTotals { dataset { complaintCount } }`, {}, token);
    await gql(api.url, `{ dataset { complaintCount } }`, {}, token);
    await gql(api.url, `query Broken { noSuchField }`, {}, token);
    const csv = canonicalCsv([{ id: 'M-1' }, { id: 'M-2' }, { id: 'M-3', province: '不存在的省' }]);
    const imported = await fetch(`${api.url}/api/imports?format=canonical&wait=true`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
      body: csv,
    });
    const summary = (await imported.json()) as { inserted: number; rejected: number };
    expect(summary).toMatchObject({ inserted: 2, rejected: 1 });
    const exportsMetrics = api.app.get(MetricsService);
    exportsMetrics.exportJobFinished('xlsx', 'succeeded', 1.5);
    exportsMetrics.exportJobFinished('xlsx', 'failed');
    exportsMetrics.exportJobFinished('Not A Kind!', 'succeeded');

    const res = await fetch(`${api.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    const op = (operation: string, outcome: string) =>
      sample(text, 'cw_graphql_operation_duration_seconds_count', { operation, outcome });
    expect(op('DashboardTotals', 'ok')).toBe(2);
    expect(op('anonymous', 'ok')).toBe(1);
    // Fails validation: no operation was resolved.
    expect(
      sample(text, 'cw_graphql_operation_duration_seconds_count', {
        type: 'none',
        outcome: 'error',
      }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      sample(text, 'cw_http_request_duration_seconds_count', {
        method: 'POST',
        route: '/api/imports',
        status: '200',
      }),
    ).toBe(1);
    expect(sample(text, 'cw_import_rows_total', { outcome: 'accepted' })).toBe(2);
    expect(sample(text, 'cw_import_rows_total', { outcome: 'rejected' })).toBe(1);
    expect(sample(text, 'cw_import_runs_total', { status: 'SUCCEEDED' })).toBe(1);
    expect(sample(text, 'cw_export_jobs_total', { kind: 'xlsx', outcome: 'succeeded' })).toBe(1);
    expect(sample(text, 'cw_export_jobs_total', { kind: 'xlsx', outcome: 'failed' })).toBe(1);
    expect(sample(text, 'cw_export_jobs_total', { kind: 'other', outcome: 'succeeded' })).toBe(1);
    expect(sample(text, 'cw_export_job_duration_seconds_sum', { kind: 'xlsx' })).toBe(1.5);
    const total = sample(text, 'cw_db_pool_connections', { pool: 'primary', state: 'total' });
    const idle = sample(text, 'cw_db_pool_connections', { pool: 'primary', state: 'idle' });
    expect(total).toBeGreaterThanOrEqual(1);
    expect(idle).toBeLessThanOrEqual(total!);
    expect(sample(text, 'cw_db_pool_connections', { pool: 'primary', state: 'waiting' })).toBe(0);
    expect(sample(text, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds /m);
    // Raw paths, variables and addresses never become labels.
    expect(text).not.toMatch(/M-1|不存在|127\.0\.0\.1/);
  });

  it('serves /metrics to loopback only when no METRICS_TOKEN is set', async (ctx) => {
    if (!outsideAddress) return ctx.skip();
    const res = await fetch(`http://${outsideAddress}:${port}/metrics`);
    expect(res.status).toBe(403);
    expect(await res.text()).not.toMatch(/cw_/);
    // Health stays public.
    expect((await fetch(`http://${outsideAddress}:${port}/health/live`)).status).toBe(200);
  });

  it('answers ready 503 while the database is gone, stays live, and is ready again when it is back', async () => {
    if (target === 'server') {
      // Shut this test's own database out (the shared server keeps running).
      const name = new URL(db.url!).pathname.slice(1);
      const admin = new pg.Client({ connectionString: db.url!.replace(/\/[^/]+$/, '/postgres') });
      await admin.connect();
      try {
        await admin.query(`ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS false`);
        await admin.query(
          `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`,
          [name],
        );
        const started = Date.now();
        expect(await getJson(`${api.url}/health/ready`)).toEqual({
          status: 503,
          body: { status: 'not_ready', checks: { database: 'unreachable', migrations: 'unknown' } },
        });
        expect(Date.now() - started).toBeLessThan(2500);
        expect((await getJson(`${api.url}/health/live`)).status).toBe(200);
        // A dashboard query fails fast with a clear 503.
        const res = await gql(api.url, `query Q { dataset { complaintCount } }`, {}, token);
        expect(res.status).toBe(503);
        expect(res.errors?.[0]?.extensions?.['code']).toBe('DATABASE_UNAVAILABLE');
      } finally {
        await admin.query(`ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS true`);
        await admin.end();
      }
      expect((await getJson(`${api.url}/health/ready`)).status).toBe(200);
    } else {
      // The embedded database lives in the process: closing it is how it goes away.
      closed = true;
      await db.close();
      expect(await getJson(`${api.url}/health/ready`)).toEqual({
        status: 503,
        body: { status: 'not_ready', checks: { database: 'unreachable', migrations: 'unknown' } },
      });
      expect((await getJson(`${api.url}/health/live`)).status).toBe(200);
    }
  });
});
