// Readiness: the database answers and every migration this build knows is applied. One
// check runs at a time (callers share it) and gives up after READY_TIMEOUT_MS. The answer
// names states only, never hosts, errors or versions.
//
// On a database server the check opens a connection of its own instead of waiting for one
// from the request pool: a busy API whose pool is fully taken by dashboard queries is still
// ready, and an API that cannot open a connection is not.
import pg from 'pg';
import type { DataSource } from 'typeorm';

export const READY_TIMEOUT_MS = 2000;

export type DatabaseState = 'ok' | 'unreachable' | 'timeout';
export type MigrationState = 'ok' | 'pending' | 'unknown';

export interface Readiness {
  status: 'ready' | 'not_ready' | 'stopping';
  checks: { database: DatabaseState; migrations: MigrationState };
}

/** Runs one read for the check; rejects with the driver's error. */
export type ReadinessQuery = (sql: string) => Promise<{ name: string }[]>;

/** A query on a connection opened for it and closed after it (server databases). */
export function ownConnectionQuery(url: string, timeoutMs = READY_TIMEOUT_MS): ReadinessQuery {
  return async (sql) => {
    const client = new pg.Client({
      connectionString: url,
      connectionTimeoutMillis: timeoutMs,
      statement_timeout: timeoutMs,
      application_name: 'collection-watch-health',
    });
    // An error after the answer (the server going away) must not crash the process.
    client.on('error', () => undefined);
    try {
      await client.connect();
      return (await client.query<{ name: string }>(sql)).rows;
    } finally {
      await client.end().catch(() => undefined);
    }
  };
}

/** A query through the DataSource (the embedded database: one connection in-process). */
export function dataSourceQuery(db: DataSource): ReadinessQuery {
  return (sql) => db.query<{ name: string }[]>(sql);
}

export class ReadinessCheck {
  private inFlight: Promise<Readiness> | null = null;

  constructor(
    private readonly query: ReadinessQuery,
    /** Names of the migrations this build knows. */
    private readonly known: string[],
    private readonly timeoutMs = READY_TIMEOUT_MS,
  ) {}

  check(): Promise<Readiness> {
    this.inFlight ??= this.run().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  private async run(): Promise<Readiness> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), this.timeoutMs);
    });
    const answer = this.query(`SELECT name FROM migrations`);
    // A late failure after the timeout has answered is of no interest.
    answer.catch(() => undefined);
    try {
      const applied = await Promise.race([answer, timeout]);
      if (applied === 'timeout') return notReady('timeout', 'unknown');
      const names = new Set(applied.map((r) => r.name));
      const pending = this.known.some((name) => !names.has(name));
      return pending
        ? notReady('ok', 'pending')
        : { status: 'ready', checks: { database: 'ok', migrations: 'ok' } };
    } catch (e) {
      // No migrations table: the database answers but was never migrated.
      const code =
        (e as { code?: string }).code ??
        (e as { driverError?: { code?: string } }).driverError?.code;
      if (code === '42P01') return notReady('ok', 'pending');
      // Cancelled by statement_timeout: the server answers, too slowly.
      if (code === '57014') return notReady('timeout', 'unknown');
      return notReady('unreachable', 'unknown');
    } finally {
      clearTimeout(timer);
    }
  }
}

function notReady(database: DatabaseState, migrations: MigrationState): Readiness {
  return { status: 'not_ready', checks: { database, migrations } };
}
