// Starts the built API on a fresh embedded database with a small demo data set.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const MAIN = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../apps/api/dist/main.js',
);

/** The first admin of the server under test. */
export const E2E_ADMIN = { email: 'admin@e2e.example', password: 'e2e admin password' };

export interface TestServer {
  url: string;
  /** Runs SQL on the server's database (server-backed servers only). */
  sql(text: string): Promise<void>;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

const SERVER_ADMIN_URL =
  process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: SERVER_ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Starts the built API with demo data: on a fresh embedded database, or with
 * `{ database: 'server' }` on a new database of the PostgreSQL server, which the test can
 * then also change directly with `sql`. `env` adds settings (e.g. a lower export limit).
 */
export async function startServer(
  complaints = 20_000,
  options: { database?: 'embedded' | 'server'; env?: Record<string, string> } = {},
): Promise<TestServer> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cw-e2e-'));
  const port = await freePort();
  let databaseUrl: string | null = null;
  let dbName: string | null = null;
  if (options.database === 'server') {
    dbName = `cw_e2e_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    await adminQuery(`CREATE DATABASE ${dbName}`);
    const url = new URL(SERVER_ADMIN_URL);
    url.pathname = `/${dbName}`;
    databaseUrl = url.toString();
  }
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([k]) => !['DATABASE_URL', 'ADMIN_EMAIL', 'ADMIN_PASSWORD', 'TOKEN_SECRET'].includes(k),
    ),
  );
  const proc: ChildProcess = spawn(process.execPath, [MAIN], {
    env: {
      ...env,
      PORT: String(port),
      DATA_DIR: dataDir,
      DEMO_COMPLAINTS: String(complaints),
      LOG_LEVEL: 'warn',
      NODE_ENV: 'test',
      ADMIN_EMAIL: E2E_ADMIN.email,
      ADMIN_PASSWORD: E2E_ADMIN.password,
      TOKEN_SECRET: 'e2e-secret-e2e-secret-e2e-secret-e2e-secret',
      ...(databaseUrl ? { DATABASE_URL: databaseUrl, DEMO_DATA: 'on' } : {}),
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  proc.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  proc.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  await new Promise<void>((resolve, reject) => {
    const started = Date.now();
    const tick = () => {
      if (/GraphQL API at/.test(output)) return resolve();
      if (proc.exitCode !== null || Date.now() - started > 180_000) {
        return reject(new Error(`API did not start:\n${output}`));
      }
      setTimeout(tick, 200);
    };
    tick();
  });
  return {
    url: `http://127.0.0.1:${port}`,
    sql: async (text: string) => {
      if (!databaseUrl) throw new Error('sql() needs a server started with { database: "server" }');
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        await client.query(text);
      } finally {
        await client.end();
      }
    },
    stop: async () => {
      proc.kill('SIGTERM');
      await new Promise((r) => proc.once('exit', r));
      rmSync(dataDir, { recursive: true, force: true });
      if (dbName) await adminQuery(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    },
  };
}
