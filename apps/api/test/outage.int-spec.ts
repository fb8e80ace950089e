// PostgreSQL stopped under load: requests fail fast with a clear 503 (DATABASE_UNAVAILABLE),
// readiness turns 503 while liveness stays 200, the process does not crash, and it serves
// again by itself once the database is back. Runs against a private server this test starts
// and stops (the shared one must keep running). The embedded database lives inside the API
// process and cannot go away on its own, so this is a server-only test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, spawnApi, type ApiProcess } from './support/api-process.js';
import { login } from './support/graphql-client.js';
import { canonicalCsv } from './support/import-files.js';
import {
  privatePostgresAvailable,
  startPrivatePostgres,
  type PrivatePostgres,
} from './support/private-postgres.js';

const ADMIN = {
  ADMIN_EMAIL: 'outage@test.example',
  ADMIN_PASSWORD: 'outage test password 1',
  TOKEN_SECRET: 'outage-secret-outage-secret-outage-secret',
};
/** Clients sending dashboard queries back to back. */
const CLIENTS = 6;
/** A request that takes longer than this while the database is down did not fail fast
 * (a pooled connection waits up to 30 s; the margin is for a loaded 2-core CI machine). */
const FAIL_FAST_MS = 2000;
/** The API must serve again within this long after the database is back. */
const RECOVERY_MS = 15_000;

interface Sample {
  at: number;
  status: number;
  ms: number;
  code: string | null;
}

describe.runIf(privatePostgresAvailable())('PostgreSQL stopped under load', () => {
  let server: PrivatePostgres;
  let api: ApiProcess;
  let url: string;
  let token: string;

  beforeAll(async () => {
    server = await startPrivatePostgres();
    await server.query(`CREATE DATABASE outage`);
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    api = spawnApi({
      ...ADMIN,
      DATABASE_URL: server.url('outage'),
      DEMO_DATA: 'off',
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
    });
    await api.waitFor(/GraphQL API at/);
    token = await login(url, ADMIN.ADMIN_EMAIL, ADMIN.ADMIN_PASSWORD);
    const res = await fetch(`${url}/api/imports?format=canonical&wait=true`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
      body: canonicalCsv(Array.from({ length: 200 }, (_, i) => ({ id: `OUT-${i}` }))),
    });
    expect(res.status).toBe(200);
  });
  afterAll(async () => {
    if (api && api.proc.exitCode === null) {
      api.proc.kill('SIGTERM');
      await api.exited;
    }
    await server?.destroy();
  });

  async function query(): Promise<Sample> {
    const started = Date.now();
    try {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: 'query Totals { dataset { complaintCount } }' }),
        signal: AbortSignal.timeout(30_000),
      });
      const body = (await res.json()) as {
        data?: { dataset: { complaintCount: number } } | null;
        errors?: { extensions?: { code?: string } }[];
      };
      const ok = res.status === 200 && body.data?.dataset.complaintCount === 200;
      return {
        at: started,
        status: ok ? 200 : res.status === 200 ? -1 : res.status,
        ms: Date.now() - started,
        code: body.errors?.[0]?.extensions?.code ?? null,
      };
    } catch {
      return { at: started, status: 0, ms: Date.now() - started, code: null };
    }
  }

  it('answers 503 at once while it is down and recovers by itself', async () => {
    const samples: Sample[] = [];
    let running = true;
    const clients = Array.from({ length: CLIENTS }, async () => {
      while (running) samples.push(await query());
    });
    const status = async (path: string) => (await fetch(`${url}${path}`)).status;

    await new Promise((r) => setTimeout(r, 1500));
    const stopAt = Date.now();
    await server.stop('fast');
    const stoppedAt = Date.now();
    await new Promise((r) => setTimeout(r, 3000));
    const ready = await fetch(`${url}/health/ready`);
    const readyDown = { status: ready.status, body: await ready.json() };
    const liveDown = await status('/health/live');

    const startAt = Date.now();
    await server.start();
    let recoveredAt: number | null = null;
    while (Date.now() - startAt < RECOVERY_MS + 5000) {
      const last = samples.filter((s) => s.at > Date.now() - 300);
      if (last.length && last.every((s) => s.status === 200)) {
        recoveredAt = Math.min(...last.map((s) => s.at));
        break;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    await new Promise((r) => setTimeout(r, 1000));
    running = false;
    await Promise.all(clients);

    const before = samples.filter((s) => s.at + s.ms < stopAt);
    const down = samples.filter((s) => s.at > stoppedAt && s.at + s.ms < startAt);
    const after = samples.filter((s) => recoveredAt !== null && s.at > recoveredAt);
    const summary = {
      before: before.length,
      down: down.length,
      after: after.length,
      downStatuses: [...new Set(down.map((s) => `${s.status}:${s.code}`))],
      downMedianMs: down.map((s) => s.ms).sort((a, b) => a - b)[Math.floor(down.length / 2)],
      downMaxMs: Math.max(...down.map((s) => s.ms)),
      recoveryMs: recoveredAt === null ? null : recoveredAt - startAt,
    };
    console.log(`outage: ${JSON.stringify(summary)}`);

    expect(before.length).toBeGreaterThan(0);
    expect(before.every((s) => s.status === 200)).toBe(true);
    // Down: every request a clear 503, quickly, and nothing else (no 500, no hang).
    expect(down.length).toBeGreaterThan(CLIENTS);
    expect(summary.downStatuses).toEqual(['503:DATABASE_UNAVAILABLE']);
    expect(summary.downMaxMs).toBeLessThan(FAIL_FAST_MS);
    expect(readyDown).toEqual({
      status: 503,
      body: { status: 'not_ready', checks: { database: 'unreachable', migrations: 'unknown' } },
    });
    expect(liveDown).toBe(200);
    // Back: serves again by itself, without a restart.
    expect(summary.recoveryMs).not.toBeNull();
    expect(summary.recoveryMs!).toBeLessThan(RECOVERY_MS);
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((s) => s.status === 200)).toBe(true);
    expect(await status('/health/ready')).toBe(200);
    expect(api.proc.exitCode).toBeNull();
  });
});
