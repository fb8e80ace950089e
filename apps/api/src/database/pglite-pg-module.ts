// Makes an embedded PGlite database look like the `pg` module to TypeORM, so the embedded
// and the server database share one code path (TypeORM's own PostgreSQL driver).
//
// PGlite is a single PostgreSQL session. A transaction must own that session from BEGIN to
// COMMIT, or another request's statements would run inside it (and be committed or rolled
// back with it). So the pool hands the one session to one client at a time, like a `pg`
// pool of size one; waiters queue, and give up after `acquireTimeoutMs` so that a query
// issued outside a transaction's own runner while that transaction holds the session fails
// loudly instead of hanging forever.
import { EventEmitter } from 'node:events';
import type { PGlite, Results } from '@electric-sql/pglite';

/** Type OIDs whose text form we keep as strings, exactly as `pg` does by default (int8,
 * numeric) or as we configure `pg` to (date: a calendar date is not an instant). */
const KEEP_AS_TEXT_OIDS = [20, 1700, 1082] as const;
export const pgliteParsers = Object.fromEntries(
  KEEP_AS_TEXT_OIDS.map((oid) => [oid, (text: string) => text]),
);

export interface PgliteQueryResult {
  rows: Record<string, unknown>[];
  rowCount: number;
  command: string;
  fields: { name: string; dataTypeID: number }[];
}

/** One borrowed session. Mirrors the part of `pg.PoolClient` TypeORM uses. */
class PgliteClient extends EventEmitter {
  constructor(private readonly db: PGlite) {
    super();
  }

  async query(text: string, params?: unknown[]): Promise<PgliteQueryResult> {
    const results: Results[] =
      params && params.length > 0
        ? [await this.db.query(text, params)]
        : // Without parameters `pg` uses the simple protocol, which allows several
          // statements in one string (migrations rely on it); `exec` does the same.
          await this.db.exec(text);
    const last = results[results.length - 1];
    const rows = (last?.rows ?? []) as Record<string, unknown>[];
    return {
      rows,
      rowCount: last?.affectedRows ?? rows.length,
      command: commandOf(text),
      fields: (last?.fields ?? []).map((f) => ({ name: f.name, dataTypeID: f.dataTypeID })),
    };
  }
}

function commandOf(sql: string): string {
  const word = /^\s*(?:--[^\n]*\n\s*)*(\w+)/.exec(sql)?.[1] ?? '';
  return word.toUpperCase();
}

type ConnectCallback = (
  err: Error | undefined,
  client?: PgliteClient,
  release?: () => void,
) => void;

export class EmbeddedBusyError extends Error {
  constructor(ms: number) {
    super(`embedded database busy: waited ${ms} ms for the session`);
    this.name = 'EmbeddedBusyError';
  }
}

/** Creates a `pg`-shaped module whose pools all share one PGlite session. */
export function pgliteAsPgModule(db: PGlite, acquireTimeoutMs = 30_000) {
  const client = new PgliteClient(db);
  let held = false;
  const waiters: { grant: () => void; timer: NodeJS.Timeout }[] = [];

  function release(): void {
    const next = waiters.shift();
    if (next) {
      clearTimeout(next.timer);
      next.grant();
    } else held = false;
  }

  function acquire(): Promise<void> {
    if (!held) {
      held = true;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const waiter = {
        grant: () => resolve(),
        timer: setTimeout(() => {
          waiters.splice(waiters.indexOf(waiter), 1);
          reject(new EmbeddedBusyError(acquireTimeoutMs));
        }, acquireTimeoutMs),
      };
      waiters.push(waiter);
    });
  }

  class Pool extends EventEmitter {
    /** As `pg.Pool` reports them (metrics): one session, busy or idle, and its queue. */
    get totalCount(): number {
      return 1;
    }
    get idleCount(): number {
      return held ? 0 : 1;
    }
    get waitingCount(): number {
      return waiters.length;
    }

    connect(callback: ConnectCallback): void {
      acquire().then(
        () => {
          let released = false;
          callback(undefined, client, () => {
            // TypeORM may call release twice on error paths; hand the session on once.
            if (released) return;
            released = true;
            release();
          });
        },
        (err: Error) => callback(err),
      );
    }

    query(text: string, params?: unknown[]): Promise<PgliteQueryResult> {
      return acquire().then(() => client.query(text, params).finally(release));
    }

    end(callback?: (err?: Error) => void): void {
      // The PGlite instance belongs to whoever created it; it is closed there.
      callback?.();
    }
  }

  return { Pool, defaults: {} };
}
