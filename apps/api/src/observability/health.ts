// Readiness: the database answers and every migration this build knows is applied. One
// check runs at a time (callers share it) and gives up after READY_TIMEOUT_MS. The answer
// names states only, never hosts, errors or versions.
//
// On a database server the check keeps a connection of its own instead of waiting for one
// from the request pool: a busy API whose pool is fully taken by dashboard queries is still
// ready.
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

/**
 * Queries on a connection of their own (server databases), opened at the first check and
 * kept: a new connection costs the server a process start, which under heavy load can take
 * longer than the check may. A connection that failed is closed, and the next check opens
 * another.
 */
export class OwnConnection {
  private client: Promise<pg.Client> | null = null;
  /** The connection once open; what a failure drops. */
  private opened: pg.Client | null = null;

  constructor(
    private readonly url: string,
    private readonly timeoutMs = READY_TIMEOUT_MS,
  ) {}

  readonly query: ReadinessQuery = async (sql) => {
    const client = await this.connected();
    try {
      return (await client.query<{ name: string }>(sql)).rows;
    } catch (e) {
      // A missing table is an answer; anything else may have left the connection unusable.
      if ((e as { code?: string }).code !== '42P01') this.drop(client);
      throw e;
    }
  };

  async close(): Promise<void> {
    const client = this.client;
    this.client = null;
    this.opened = null;
    if (client) await client.then((c) => c.end()).catch(() => undefined);
  }

  private connected(): Promise<pg.Client> {
    this.client ??= this.open().catch((e: unknown) => {
      this.client = null;
      throw e;
    });
    return this.client;
  }

  private async open(): Promise<pg.Client> {
    const client = new pg.Client({
      connectionString: this.url,
      connectionTimeoutMillis: this.timeoutMs,
      statement_timeout: this.timeoutMs,
      application_name: 'collection-watch-health',
    });
    // The server going away between checks: the next check opens another connection.
    client.on('error', () => this.drop(client));
    await client.connect();
    this.opened = client;
    return client;
  }

  /** Closes a failed connection; the next check opens another (a failed open clears itself). */
  private drop(client: pg.Client): void {
    if (this.opened === client) {
      this.opened = null;
      this.client = null;
    }
    client.end().catch(() => undefined);
  }
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
