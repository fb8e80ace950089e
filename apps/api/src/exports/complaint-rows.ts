// Reading a large result without holding it: rows come from a database cursor in batches.
// On a PostgreSQL server the cursor lives in a read-only transaction on a connection of its
// own. The embedded database has one session for everybody, so its cursor is declared
// WITH HOLD outside a transaction and each batch is fetched as a query of its own: other
// requests run between the batches instead of waiting for the whole export.
//
// For CSV on a server, PostgreSQL writes the file itself (COPY ... TO STDOUT): several times
// faster than fetching rows, and it streams with back-pressure. COPY takes no bind
// parameters, so the values are written into the statement as escaped literals (pg's
// escapeLiteral, the same quoting libpq uses) after the shared filter schema checked them.
import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import { escapeLiteral } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import type { DataSource } from 'typeorm';
import { isEmbedded } from '../database/data-source.js';
import type { ExportQuery } from './complaint-export-query.js';

/** Rows fetched from the cursor at a time. */
export const FETCH_ROWS = 2000;

export type TextRow = (string | null)[];

export async function* cursorRows(
  db: DataSource,
  query: ExportQuery,
  batchRows = FETCH_ROWS,
): AsyncGenerator<TextRow[]> {
  const name = `export_${randomBytes(8).toString('hex')}`;
  if (isEmbedded(db)) {
    await db.query(`DECLARE ${name} NO SCROLL CURSOR WITH HOLD FOR ${query.sql}`, query.params);
    try {
      for (;;) {
        const rows = await db.query<Record<string, string | null>[]>(
          `FETCH ${batchRows} FROM ${name}`,
        );
        if (!rows.length) return;
        yield rows.map((r) => Object.values(r));
      }
    } finally {
      await db.query(`CLOSE ${name}`);
    }
  }
  const runner = db.createQueryRunner('slave');
  await runner.connect();
  // Committed once the cursor is read to the end; anything else (an error, a reader that
  // stops early) rolls back, so the connection goes back to the pool with no transaction.
  let done = false;
  try {
    await runner.query('BEGIN READ ONLY');
    await runner.query(`DECLARE ${name} NO SCROLL CURSOR FOR ${query.sql}`, query.params);
    for (;;) {
      const rows = (await runner.query(`FETCH ${batchRows} FROM ${name}`)) as Record<
        string,
        string | null
      >[];
      if (!rows.length) break;
      yield rows.map((r) => Object.values(r));
    }
    await runner.query('COMMIT');
    done = true;
  } finally {
    if (!done) await runner.query('ROLLBACK').catch(() => undefined);
    await runner.release();
  }
}

/** A value as an SQL literal: text, a whole number, or a list of them (array literal). */
export function sqlLiteral(value: unknown): string {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  if (typeof value === 'string') return escapeLiteral(value);
  if (Array.isArray(value)) {
    const items = value.map((v) => {
      if (typeof v === 'number' && Number.isSafeInteger(v)) return String(v);
      if (typeof v === 'string') return `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`;
      throw new TypeError(
        'an array parameter holds a value that is neither text nor a whole number',
      );
    });
    return escapeLiteral(`{${items.join(',')}}`);
  }
  throw new TypeError(`cannot write a ${typeof value} parameter as a literal`);
}

/** The query with its $n parameters written in as literals (their ::casts stay). */
export function inlineParameters(query: ExportQuery): string {
  return query.sql.replace(/\$(\d+)/g, (_, n: string) => {
    const index = Number(n) - 1;
    if (index >= query.params.length) throw new RangeError(`no parameter $${n}`);
    return sqlLiteral(query.params[index]);
  });
}

/**
 * PostgreSQL's own CSV of the query, streamed from a server connection of its own. Call
 * `release()` once the stream has ended. When its reader went away midway, call
 * `release(true)`: the COPY is cancelled on the server and the connection is closed rather
 * than pooled, since the client end of a COPY cut off midway cannot be trusted with the
 * next query.
 */
export async function copyCsv(
  db: DataSource,
  query: ExportQuery,
): Promise<{ stream: Readable; release: (failed?: boolean) => Promise<void> }> {
  const runner = db.createQueryRunner('slave');
  const client = (await runner.connect()) as {
    query: (s: unknown) => Readable;
    processID: number;
  };
  const stream = client.query(
    copyTo(`COPY (${inlineParameters(query)}) TO STDOUT WITH (FORMAT csv)`),
  );
  // TypeORM's release passes an error on to pg's pool, which then closes the connection
  // instead of reusing it; its type definitions do not show the argument.
  const releaseWith = runner as unknown as {
    releasePostgresConnection(err?: Error): Promise<void>;
  };
  return {
    stream,
    release: async (failed = false) => {
      if (!failed) return runner.release();
      await db.query('SELECT pg_cancel_backend($1)', [client.processID]).catch(() => undefined);
      await releaseWith.releasePostgresConnection(new Error('the export was cut off'));
    },
  };
}
