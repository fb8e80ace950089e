// Read replicas for real: a private primary and a streaming replica made with Debian's
// PostgreSQL tools (pg_basebackup -R) on loopback ports. Dashboard queries are answered by
// the replica (while its replay is paused it still shows the old data, and it holds the
// API's connections), writes go to the primary, and when the replica stops the same queries
// are answered by the primary at once, without errors. A replica that is down when the API
// starts is left out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, spawnApi, type ApiProcess } from './support/api-process.js';
import { gql, login } from './support/graphql-client.js';
import { canonicalCsv } from './support/import-files.js';
import {
  privatePostgresAvailable,
  startPrivatePostgres,
  startStreamingReplica,
  type PrivatePostgres,
} from './support/private-postgres.js';

const ADMIN = {
  ADMIN_EMAIL: 'replica@test.example',
  ADMIN_PASSWORD: 'replica test password 1',
  TOKEN_SECRET: 'replica-secret-replica-secret-replica-secret',
};
const DASHBOARD = `query Dashboard($f: ComplaintFilter) {
  complaintTrend(interval: MONTH, filter: $f) { total }
  shares(dimension: CATEGORY, filter: $f) { total }
}`;
const FILTER = { f: { from: '2025-01-01', to: '2025-12-31' } };

const rows = (from: number, n: number) =>
  canonicalCsv(
    Array.from({ length: n }, (_, i) => ({
      id: `REP-${from + i}`,
      receivedAt: `2025-0${1 + ((from + i) % 9)}-15 10:00`,
    })),
  );

describe.runIf(privatePostgresAvailable())('dashboard reads on a streaming replica', () => {
  let primary: PrivatePostgres;
  let replica: PrivatePostgres;
  const apis: ApiProcess[] = [];

  beforeAll(async () => {
    primary = await startPrivatePostgres();
    await primary.query(`CREATE DATABASE cw`);
    replica = await startStreamingReplica(primary);
  });
  afterAll(async () => {
    for (const api of apis) {
      if (api.proc.exitCode === null) {
        api.proc.kill('SIGTERM');
        await api.exited;
      }
    }
    await replica?.destroy();
    await primary?.destroy();
  });

  async function start(): Promise<{ api: ApiProcess; url: string; token: string }> {
    const port = await freePort();
    const api = spawnApi({
      ...ADMIN,
      DATABASE_URL: primary.url('cw'),
      DATABASE_REPLICA_URLS: replica.url('cw'),
      DEMO_DATA: 'off',
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
    });
    apis.push(api);
    await api.waitFor(/GraphQL API at/);
    const url = `http://127.0.0.1:${port}`;
    return { api, url, token: await login(url, ADMIN.ADMIN_EMAIL, ADMIN.ADMIN_PASSWORD) };
  }

  const dashboard = async (url: string, token: string) => {
    const res = await gql<{ complaintTrend: { total: number }; shares: { total: number } }>(
      url,
      DASHBOARD,
      FILTER,
      token,
    );
    expect(res.errors).toBeUndefined();
    expect(res.status).toBe(200);
    expect(res.data!.shares.total).toBe(res.data!.complaintTrend.total);
    return res.data!.complaintTrend.total;
  };

  const importRows = async (url: string, token: string, csv: string) => {
    const res = await fetch(`${url}/api/imports?format=canonical&wait=true`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
      body: csv,
    });
    return (await res.json()) as { status: string; inserted: number };
  };

  /** Waits until the replica has replayed everything the primary has written. */
  async function caughtUp(): Promise<void> {
    const [current] = await primary.query<{ lsn: string }>(
      `SELECT pg_current_wal_lsn()::text AS lsn`,
    );
    const lsn = current!.lsn;
    for (let i = 0; i < 200; i++) {
      const [replayed] = await replica.query<{ done: boolean }>(
        `SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS done`,
        [lsn],
      );
      if (replayed!.done) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('the replica did not catch up');
  }

  const apiConnections = async (server: PrivatePostgres) =>
    (
      await server.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity
         WHERE datname = 'cw' AND application_name = 'collection-watch-api'`,
      )
    )[0]!.n;

  const reads = async (url: string) => {
    const text = await (await fetch(`${url}/metrics`)).text();
    const value = (target: string) =>
      Number(
        new RegExp(`^cw_db_reads_total\\{target="${target}"\\} (\\d+)`, 'm').exec(text)?.[1] ?? 0,
      );
    return { primary: value('primary'), replica: value('replica_0') };
  };

  it('serves dashboard queries from the replica and falls back to the primary when it stops', async () => {
    const { url, token } = await start();
    // Writes go to the primary (the replica is read-only: a write there would fail).
    expect(await importRows(url, token, rows(0, 120))).toMatchObject({
      status: 'SUCCEEDED',
      inserted: 120,
    });
    await caughtUp();
    expect(await dashboard(url, token)).toBe(120);
    expect(await apiConnections(replica)).toBeGreaterThan(0);

    // Freeze the replica: new data reaches the primary only.
    await replica.query(`SELECT pg_wal_replay_pause()`);
    expect(await importRows(url, token, rows(120, 30))).toMatchObject({ inserted: 30 });
    const [onPrimary] = await primary.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM complaints`,
      [],
      'cw',
    );
    expect(onPrimary!.n).toBe(150);
    const before = await reads(url);
    // Answered by the replica: it still shows the 120 complaints it has replayed.
    for (let i = 0; i < 5; i++) expect(await dashboard(url, token)).toBe(120);
    const during = await reads(url);
    expect(during.replica).toBeGreaterThanOrEqual(before.replica + 5);
    expect(during.primary).toBe(before.primary);

    // Stop the replica: the same queries are answered by the primary, with no error.
    await replica.stop('fast');
    const started = Date.now();
    expect(await dashboard(url, token)).toBe(150);
    expect(Date.now() - started).toBeLessThan(2000);
    for (let i = 0; i < 5; i++) expect(await dashboard(url, token)).toBe(150);
    const after = await reads(url);
    expect(after.primary).toBeGreaterThan(during.primary);
    expect((await fetch(`${url}/health/ready`)).status).toBe(200);

    // Back: the replica catches up, and reads return to it after the retry pause.
    await replica.start();
    await caughtUp();
    await new Promise((r) => setTimeout(r, 5500));
    for (let i = 0; i < 3; i++) expect(await dashboard(url, token)).toBe(150);
    expect((await reads(url)).replica).toBeGreaterThan(during.replica);
  });

  it('starts without a replica that is down, reading from the primary', async () => {
    await replica.stop('fast');
    const { api, url, token } = await start();
    expect(api.stdout()).toMatch(/replica 0 \(DATABASE_REPLICA_URLS\) does not answer/);
    expect(await dashboard(url, token)).toBe(150);
    expect(await reads(url)).toMatchObject({ replica: 0 });
    expect((await reads(url)).primary).toBeGreaterThan(0);
    await replica.start();
  });
});
