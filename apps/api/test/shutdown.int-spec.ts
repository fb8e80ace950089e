// The built API as an operator runs it: one JSON log line per request with its request id
// and no personal data; /metrics behind METRICS_TOKEN; and a graceful stop on SIGTERM that
// lets an import in flight finish within the grace period, or stops it safely (ABANDONED,
// exact counts after a restart and a second import) when the grace period is too short.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, spawnApi, type ApiProcess } from './support/api-process.js';
import { gql, login } from './support/graphql-client.js';
import { canonicalCsv } from './support/import-files.js';
import { createServerDatabase, testTargets } from './support/test-database.js';

const ADMIN = {
  ADMIN_EMAIL: 'shutdown-admin@test.example',
  ADMIN_PASSWORD: 'shutdown test password 7',
  TOKEN_SECRET: 'shutdown-secret-shutdown-secret-shutdown-0',
};
const METRICS_TOKEN = 'metrics-token-for-the-shutdown-test';
const ROWS = 20_000;
/** Each test starts the built API (twice for the last): a fresh embedded database takes
 * 20-60 s to create and migrate on a loaded 2-core machine. */
const SPAWN_TEST_MS = 300_000;
const bigFile = canonicalCsv(
  Array.from({ length: ROWS }, (_, i) => ({
    id: `SD-${i}`,
    receivedAt: `2025-0${1 + (i % 9)}-1${i % 10} 09:00`,
    institution: `停机测试机构${i % 5}`,
  })),
);
const tmp = mkdtempSync(path.join(os.tmpdir(), 'cw-shutdown-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface RunNode {
  id: string;
  status: string;
  inserted: number;
}

describe.each(await testTargets())('the API process on the %s database', (target) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  /** A store of its own for each test: a server database or an embedded data folder. */
  async function store(name: string): Promise<Record<string, string>> {
    if (target === 'server') {
      const db = await createServerDatabase();
      cleanups.push(db.drop);
      return { DATABASE_URL: db.url };
    }
    return { DATA_DIR: path.join(tmp, `${name}-data`) };
  }

  async function start(env: Record<string, string>): Promise<{ api: ApiProcess; url: string }> {
    const port = await freePort();
    const api = spawnApi({
      ...ADMIN,
      DEMO_DATA: 'off',
      HOST: '127.0.0.1',
      ...env,
      PORT: String(port),
    });
    cleanups.push(async () => {
      if (api.proc.exitCode === null) {
        api.proc.kill('SIGKILL');
        await api.exited;
      }
    });
    await api.waitFor(/GraphQL API at/, 240_000);
    return { api, url: `http://127.0.0.1:${port}` };
  }

  const importFile = (url: string, token: string, wait: boolean) =>
    fetch(`${url}/api/imports?format=canonical${wait ? '&wait=true' : ''}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
      body: bigFile,
    });

  /** Waits until the newest run is RUNNING with some rows in. */
  async function runningImport(url: string, token: string): Promise<RunNode> {
    for (let i = 0; i < 1000; i++) {
      const res = await gql<{ importRuns: { edges: { node: RunNode }[] } }>(
        url,
        `query Runs { importRuns(first: 1) { edges { node { id status inserted } } } }`,
        {},
        token,
      );
      const run = res.data?.importRuns.edges[0]?.node;
      if (run && run.status !== 'RUNNING')
        throw new Error(`the import ended too soon: ${run.status}`);
      if (run && run.inserted >= 2000) return run;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error('the import did not start');
  }

  it(
    'logs one JSON line per request with its request id and no personal data',
    async () => {
      const { api, url } = await start({
        ...(await store('logs')),
        METRICS_TOKEN,
        LOG_LEVEL: 'log',
      });
      const token = await login(url, ADMIN.ADMIN_EMAIL, ADMIN.ADMIN_PASSWORD);

      const traced = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${token}`,
          'x-request-id': 'trace-4f2a.9:b_c-1',
        },
        body: JSON.stringify({
          query: `query FindLender($s: String) { institutions(search: $s) { name } }`,
          variables: { s: '张三 13812345678 zhangsan@example.org' },
        }),
      });
      expect(traced.status).toBe(200);
      expect(traced.headers.get('x-request-id')).toBe('trace-4f2a.9:b_c-1');
      // A malformed id is replaced, not echoed.
      const replaced = await fetch(`${url}/health/live`, {
        headers: { 'x-request-id': 'bad id "with" spaces' },
      });
      const generated = replaced.headers.get('x-request-id');
      expect(generated).toMatch(/^[0-9a-f-]{36}$/);

      const narrative = '催收员每天打电话骂我全家，还说要去我单位闹，电话13900001111';
      const imported = await fetch(`${url}/api/imports?format=canonical&wait=true`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
        body: canonicalCsv([{ id: 'LOG-1', narrative }]),
      });
      expect(((await imported.json()) as { inserted: number }).inserted).toBe(1);

      // /metrics wants the token, even from loopback, once METRICS_TOKEN is set.
      expect((await fetch(`${url}/metrics`)).status).toBe(401);
      expect(
        (
          await fetch(`${url}/metrics`, {
            headers: { authorization: 'Bearer wrong-token-wrong-token' },
          })
        ).status,
      ).toBe(401);
      const metrics = await fetch(`${url}/metrics`, {
        headers: { authorization: `Bearer ${METRICS_TOKEN}` },
      });
      expect(metrics.status).toBe(200);
      expect(await metrics.text()).toMatch(
        /cw_graphql_operation_duration_seconds_count\{operation="FindLender"/,
      );

      api.proc.kill('SIGTERM');
      expect(await api.exited).toBe(0);

      const lines = api.stdout().trim().split('\n');
      const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
      const requests = entries.filter((e) => e['msg'] === 'request');
      const byId = (id: string | null) => requests.filter((e) => e['requestId'] === id);
      expect(byId('trace-4f2a.9:b_c-1')).toEqual([
        expect.objectContaining({
          level: 'info',
          method: 'POST',
          route: '/graphql',
          operation: 'FindLender',
          operationType: 'query',
          status: 200,
          durationMs: expect.any(Number),
        }),
      ]);
      expect(byId(generated)).toEqual([
        expect.objectContaining({ route: '/health/live', status: 200 }),
      ]);
      expect(requests.find((e) => e['route'] === '/api/imports')).toMatchObject({
        method: 'POST',
        status: 200,
      });
      // Every request has its own id, and the log line of each request is written once.
      const ids = requests.map((e) => e['requestId']);
      expect(new Set(ids).size).toBe(ids.length);
      // Sign-in, the traced query, live, the import and three /metrics requests.
      expect(requests).toHaveLength(7);
      const all = api.stdout() + api.stderr();
      for (const secret of [
        ADMIN.ADMIN_EMAIL,
        ADMIN.ADMIN_PASSWORD,
        token,
        METRICS_TOKEN,
        '13812345678',
        'zhangsan@example.org',
        '张三',
        '13900001111',
        '催收员每天打电话',
      ])
        expect(all, secret).not.toContain(secret);
    },
    SPAWN_TEST_MS,
  );

  it(
    'lets an import in flight finish on SIGTERM and refuses new connections meanwhile',
    async () => {
      const { api, url } = await start({
        ...(await store('drain')),
        SHUTDOWN_GRACE_SECONDS: '120',
      });
      const token = await login(url, ADMIN.ADMIN_EMAIL, ADMIN.ADMIN_PASSWORD);
      const inflight = importFile(url, token, true);
      await runningImport(url, token);
      api.proc.kill('SIGTERM');
      await api.waitFor(/SIGTERM: shutting down/);
      await expect(fetch(`${url}/health/live`)).rejects.toThrow();
      const res = await inflight;
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ status: 'SUCCEEDED', read: ROWS, inserted: ROWS });
      expect(await api.exited).toBe(0);
      expect(api.stdout()).toMatch(/1 running import\(s\) finished/);
    },
    SPAWN_TEST_MS,
  );

  it(
    'marks an import still running after the grace period ABANDONED; importing again gives exact counts',
    async () => {
      const env = { ...(await store('abandon')), SHUTDOWN_GRACE_SECONDS: '1' };
      const first = await start(env);
      let token = await login(first.url, ADMIN.ADMIN_EMAIL, ADMIN.ADMIN_PASSWORD);
      const accepted = await importFile(first.url, token, false);
      expect(accepted.status).toBe(202);
      const runId = ((await accepted.json()) as { id: string }).id;
      await runningImport(first.url, token);
      const stopped = Date.now();
      first.api.proc.kill('SIGTERM');
      expect(await first.api.exited).toBe(0);
      // Grace 1 s, then the run stops at its next row.
      expect(Date.now() - stopped).toBeLessThan(15_000);
      expect(first.api.stdout()).toMatch(
        /1 import\(s\) still running after the grace period were marked ABANDONED/,
      );

      const second = await start(env);
      // Nothing was left RUNNING for the start-up sweep to find.
      expect(second.api.stdout()).not.toMatch(/interrupted by the last stop/);
      token = await login(second.url, ADMIN.ADMIN_EMAIL, ADMIN.ADMIN_PASSWORD);
      const run = await gql<{ importRun: RunNode & { error: string } }>(
        second.url,
        `query Run($id: ID!) { importRun(id: $id) { id status inserted error } }`,
        { id: runId },
        token,
      );
      const abandoned = run.data!.importRun;
      expect(abandoned.status).toBe('ABANDONED');
      expect(abandoned.error).toMatch(/import the file again/);
      expect(abandoned.inserted).toBeGreaterThan(0);
      expect(abandoned.inserted).toBeLessThan(ROWS);

      const again = await importFile(second.url, token, true);
      expect(await again.json()).toMatchObject({
        status: 'SUCCEEDED',
        read: ROWS,
        inserted: ROWS - abandoned.inserted,
        unchanged: abandoned.inserted,
        updated: 0,
      });
      const total = await gql<{ dataset: { complaintCount: number } }>(
        second.url,
        `{ dataset { complaintCount } }`,
        {},
        token,
      );
      expect(total.data!.dataset.complaintCount).toBe(ROWS);
      second.api.proc.kill('SIGTERM');
      expect(await second.api.exited).toBe(0);
    },
    SPAWN_TEST_MS,
  );
});
