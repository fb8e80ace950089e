// Test databases: every test file gets a fresh one. Embedded: an in-memory PGlite.
// Server: a new database on the PostgreSQL server (TEST_DATABASE_URL, default the local
// one), dropped afterwards. Without a reachable server the server half is skipped, unless
// CI=true, where a missing server fails the run.
import pg from 'pg';
import { openDatabase, type OpenDatabase } from '../../src/database/data-source.js';
import { migrate } from '../../src/database/migrate.js';
import { syncRegions } from '../../src/registry/region-sync.js';

export type TestTarget = 'embedded' | 'server';

export const SERVER_ADMIN_URL =
  process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function serverReachable(): Promise<boolean> {
  const client = new pg.Client({
    connectionString: SERVER_ADMIN_URL,
    connectionTimeoutMillis: 2000,
  });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

let cached: Promise<TestTarget[]> | undefined;

/** The databases this run tests on. */
export function testTargets(): Promise<TestTarget[]> {
  cached ??= serverReachable().then((ok) => {
    if (ok) return ['embedded', 'server'] as TestTarget[];
    if (process.env['CI'] === 'true') {
      throw new Error(`CI: PostgreSQL server not reachable at ${redact(SERVER_ADMIN_URL)}`);
    }
    console.warn(
      `PostgreSQL server not reachable at ${redact(SERVER_ADMIN_URL)}: server tests skipped`,
    );
    return ['embedded'] as TestTarget[];
  });
  return cached;
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

export interface TestDatabase extends OpenDatabase {
  target: TestTarget;
  /** The server database's URL (server target only). */
  url: string | null;
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: SERVER_ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Creates an empty server database and returns its URL and a function that drops it. */
export async function createServerDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `cw_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(SERVER_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

/** A fresh, migrated database with the region table loaded. */
export async function openTestDatabase(target: TestTarget): Promise<TestDatabase> {
  if (target === 'embedded') {
    const db = await openDatabase({ kind: 'embedded', dataDir: null });
    await migrate(db.dataSource);
    await syncRegions(db.dataSource);
    return { ...db, target, url: null };
  }
  const server = await createServerDatabase();
  const db = await openDatabase({ kind: 'server', url: server.url, poolSize: 5 });
  await migrate(db.dataSource);
  await syncRegions(db.dataSource);
  return {
    ...db,
    target,
    url: server.url,
    close: async () => {
      await db.close();
      await server.drop();
    },
  };
}
