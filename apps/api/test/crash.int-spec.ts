// SIGKILL in the middle of an import, restart, import the same file again: the store ends
// with exactly the file's rows, on the embedded database (whose folder must survive the
// crash) and on the server; the rejected rows are counted exactly once in the second run,
// and the rollups (kept by triggers in each batch's transaction) still add up to the table.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/database/data-source.js';
import { freePort, spawnApi } from './support/api-process.js';
import { gql, login } from './support/graphql-client.js';
import { canonicalCsv } from './support/import-files.js';
import { createServerDatabase, testTargets } from './support/test-database.js';

const ADMIN = {
  ADMIN_EMAIL: 'crash@test.example',
  ADMIN_PASSWORD: 'crash test password',
  TOKEN_SECRET: 'crash-secret-crash-secret-crash-secret-0',
};
const ROWS = 30_000;
// Two starts of the built API, 60,000 rows and a look at the store: up to 300 s on a loaded
// 2-core machine (a fresh embedded database alone can take a minute there).
/** Rows with a province that does not exist: rejected. */
const isBad = (i: number) => i % 997 === 500;
const BAD = Array.from({ length: ROWS }, (_, i) => i).filter(isBad).length;
const tmp = mkdtempSync(path.join(os.tmpdir(), 'cw-crash-'));
const file = path.join(tmp, 'big.csv');
writeFileSync(
  file,
  canonicalCsv(
    Array.from({ length: ROWS }, (_, i) => ({
      id: `CRASH-${i}`,
      receivedAt: `2025-0${1 + (i % 9)}-1${i % 10} 09:00`,
      institution: `崩溃测试机构${i % 7}`,
      province: isBad(i) ? '不存在省' : ['浙江', '广东', '四川'][i % 3]!,
      city: ['杭州', '深圳', '成都'][i % 3]!,
      narrative: i % 5 === 0 ? '催收员每天打十几个电话骂人' : '',
    })),
  ),
);

describe.each(await testTargets())('an import killed on the %s database', (target) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of cleanups) await c();
  });

  it('ends with exactly the file after a restart and a second import', async () => {
    const env: Record<string, string> = { ...ADMIN, DEMO_DATA: 'off', LOG_LEVEL: 'warn' };
    if (target === 'server') {
      const db = await createServerDatabase();
      cleanups.push(db.drop);
      env['DATABASE_URL'] = db.url;
    } else {
      env['DATA_DIR'] = path.join(tmp, 'data');
    }
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const first = spawnApi({ ...env, PORT: String(port) });
    await first.waitFor(/GraphQL API at/, 240_000);
    let token = await login(url, ADMIN.ADMIN_EMAIL, ADMIN.ADMIN_PASSWORD);
    const res = await fetch(`${url}/api/imports?format=canonical`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
      body: await import('node:fs/promises').then((fs) => fs.readFile(file)),
    });
    expect(res.status).toBe(202);
    const runId = ((await res.json()) as { id: string }).id;
    // Kill it once some batches are in and the rest are not.
    let inserted = 0;
    for (let i = 0; i < 600 && inserted < 4000; i++) {
      const run = await gql<{ importRun: { inserted: number; status: string } }>(
        url,
        `query($id: ID!) { importRun(id: $id) { inserted status } }`,
        { id: runId },
        token,
      );
      inserted = run.data?.importRun.inserted ?? 0;
      if (run.data?.importRun.status !== 'RUNNING') break;
      await new Promise((r) => setTimeout(r, 20));
    }
    first.proc.kill('SIGKILL');
    await first.exited;
    expect(inserted).toBeGreaterThan(0);
    expect(inserted).toBeLessThan(ROWS);

    const port2 = await freePort();
    const url2 = `http://127.0.0.1:${port2}`;
    const second = spawnApi({ ...env, PORT: String(port2) });
    cleanups.push(async () => {
      second.proc.kill('SIGTERM');
      await second.exited;
    });
    await second.waitFor(/GraphQL API at/, 240_000);
    token = await login(url2, ADMIN.ADMIN_EMAIL, ADMIN.ADMIN_PASSWORD);
    const abandoned = await gql<{ importRun: { status: string; inserted: number } }>(
      url2,
      `query($id: ID!) { importRun(id: $id) { status inserted } }`,
      { id: runId },
      token,
    );
    expect(abandoned.data!.importRun.status).toBe('ABANDONED');

    const again = await fetch(`${url2}/api/imports?format=canonical&wait=true`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
      body: await import('node:fs/promises').then((fs) => fs.readFile(file)),
    });
    const summary = (await again.json()) as {
      status: string;
      read: number;
      inserted: number;
      unchanged: number;
      updated: number;
      rejected: number;
    };
    expect(summary.status).toBe('SUCCEEDED');
    expect(summary.read).toBe(ROWS);
    expect(summary.updated).toBe(0);
    expect(summary.rejected).toBe(BAD);
    expect(summary.inserted + summary.unchanged).toBe(ROWS - BAD);
    expect(summary.unchanged).toBe(abandoned.data!.importRun.inserted);
    const total = await gql<{ dataset: { complaintCount: number } }>(
      url2,
      `{ dataset { complaintCount } }`,
      {},
      token,
    );
    expect(total.data!.dataset.complaintCount).toBe(ROWS - BAD);

    // The rollups, read straight from the store once the API has stopped.
    second.proc.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    const store = await openDatabase(
      target === 'server'
        ? { kind: 'server', url: env['DATABASE_URL']!, poolSize: 1 }
        : { kind: 'embedded', dataDir: env['DATA_DIR']! },
    );
    try {
      const [sums] = await store.dataSource.query<Record<string, number>[]>(
        `SELECT (SELECT count(*) FROM complaints)::int AS complaints,
                (SELECT sum(n) FROM rollup_daily)::int AS daily,
                (SELECT sum(n) FROM rollup_daily_national)::int AS daily_national,
                (SELECT sum(n) FROM rollup_monthly WHERE dim = 'ALL')::int AS monthly,
                (SELECT sum(n) FROM rollup_monthly_national WHERE dim = 'ALL')::int AS monthly_national`,
      );
      const n = ROWS - BAD;
      expect(sums).toEqual({
        complaints: n,
        daily: n,
        daily_national: n,
        monthly: n,
        monthly_national: n,
      });
    } finally {
      await store.close();
    }
  }, 300_000);
});
