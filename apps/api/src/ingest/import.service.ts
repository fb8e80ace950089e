// One import run: a file (or a feed page, or an intake form) streamed through its parser,
// in batches, each batch in its own transaction together with the run's counters. A crash
// keeps the committed batches; importing the same file again inserts only what is missing
// and leaves the rest unchanged, so the store ends with exactly the file's rows.
import { Injectable, Logger, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Readable } from 'node:stream';
import { DataSource, type EntityManager } from 'typeorm';
import { analyzeNarrative, redactNarrative } from '@cw/text';
import type { Source } from '@cw/domain';
import { AuditService } from '../audit/audit.service.js';
import type { Principal } from '../auth/roles.js';
import { AppError } from '../graphql/app-error.js';
import { isEmbedded } from '../database/data-source.js';
import { MetricsService } from '../observability/metrics.service.js';
import { writeComplaints, type PreparedComplaint, type WriteCounts } from './complaint-writer.js';
import { FileError, type ParsedComplaint, type ParsedRow, type RowError } from './ingest-row.js';
import { parseFile, type ImportFormat } from './parse/index.js';
import { RegistryResolver } from './registry-resolver.js';

/** Rows written per transaction. */
export const IMPORT_BATCH_ROWS = 2000;
/**
 * Batches of one run written at the same time on a server database, each in its own
 * transaction on its own connection, so that PostgreSQL works on more than one core. The
 * embedded database has one connection: one batch at a time there.
 */
export const IMPORT_WRITERS = 2;
/** Rows read between two turns of the event loop (see runRows). */
const YIELD_EVERY_ROWS = 100;
/** Rejected rows kept per run with their reasons; beyond it they are only counted. */
export const MAX_STORED_ERRORS = 100_000;

/** Why a run that the API stopped (crash or shutdown) ended ABANDONED. */
export const ABANDONED_MESSAGE =
  'the API stopped during this import; import the file again to complete it';

/** How long a shutdown waits for runs it asked to stop to record that they stopped. */
const STOP_WAIT_MS = 10_000;

/** Thrown inside a run asked to stop by a shutdown; the run ends ABANDONED. */
class ImportStopped extends Error {}

export type RunFormat = ImportFormat | 'feed' | 'intake';
export type RunStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'ABANDONED';

export interface RunSummary {
  id: string;
  status: RunStatus;
  format: RunFormat;
  source: Source;
  filename: string | null;
  read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  skipped: number;
  rejected: number;
  error: string | null;
  startedAt: Date;
  finishedAt: Date | null;
  submittedBy: string | null;
}

/** What one batch adds to its run's counts. */
interface RunCounts extends WriteCounts {
  read: number;
  skipped: number;
  rejected: number;
}

const NO_COUNTS: RunCounts = {
  read: 0,
  inserted: 0,
  updated: 0,
  unchanged: 0,
  skipped: 0,
  rejected: 0,
};

/** A batch handed to a writer, with the rows it carries and what the parser counted. */
interface Batch {
  rows: ClassifiedComplaint[];
  errors: RowError[];
  counts: RunCounts;
  /** The (source, external_id) of its rows. */
  keys: Set<string>;
}

/** A run's state shared by its writers. */
interface RunState {
  runId: string;
  principal: Principal | null;
  source: Source;
  resolver: RegistryResolver;
  /** Rejected rows stored so far (at most MAX_STORED_ERRORS). */
  storedErrors: number;
}

/**
 * A parsed row with what the text analysis found. Its raw texts stay in memory until the
 * batch is written; only the redacted ones are stored.
 */
interface ClassifiedComplaint {
  row: ParsedComplaint;
  analysis: ReturnType<typeof analyzeNarrative> | null;
  /** Redacted, not classified: an answer says what the lender did, not the collector. */
  institutionResponse: string | null;
}

/**
 * Classifies and redacts a row (CPU only, no database) as it is read, outside any
 * transaction, so that the work overlaps the writing of the batch before.
 */
function classify(row: ParsedComplaint): ClassifiedComplaint {
  return {
    row,
    // Classified on the raw text; only the redacted text is kept.
    analysis: row.narrative ? analyzeNarrative(row.narrative) : null,
    institutionResponse: row.institutionResponse ? redactNarrative(row.institutionResponse) : null,
  };
}

const SUMMARY_COLUMNS = `r.id::text AS id, r.status, r.format, r.source, r.filename, r.read, r.inserted, r.updated,
  r.unchanged, r.skipped, r.rejected, r.error, r.started_at AS "startedAt", r.finished_at AS "finishedAt",
  u.email AS "submittedBy"`;

/** A run is visible to admins and to the user who started it. */
function visibility(principal: Principal, params: unknown[]): string {
  if (principal.role === 'ADMIN') return 'TRUE';
  params.push(principal.id);
  return `r.submitted_by = $${params.length}`;
}

@Injectable()
export class ImportService {
  private readonly logger = new Logger('Import');
  /** Runs in progress in this process. */
  private readonly active = new Set<Promise<unknown>>();
  /** Set by a shutdown: no new runs; when `stopRuns` too, running ones stop at the next row. */
  private draining = false;
  private stopRuns = false;
  /** Batches of a run written at once (IMPORT_WRITERS, or 1 on the embedded database). */
  private readonly writers: number;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    /** Absent when a script or test builds the service by hand. */
    @Optional() private readonly metrics?: MetricsService,
  ) {
    this.writers = isEmbedded(db) ? 1 : IMPORT_WRITERS;
  }

  /**
   * For a shutdown: refuses new runs, lets running ones finish until `deadline` (epoch ms),
   * then stops the rest at their next row. A stopped run keeps its committed batches and
   * ends ABANDONED, so importing the file again completes it with exact counts.
   */
  async drain(deadline: number): Promise<{ finished: number; abandoned: number }> {
    this.draining = true;
    const running = [...this.active];
    if (!running.length) return { finished: 0, abandoned: 0 };
    let timer: NodeJS.Timeout | undefined;
    const late = await Promise.race([
      Promise.allSettled(running).then(() => false),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(true), Math.max(0, deadline - Date.now()));
      }),
    ]);
    clearTimeout(timer);
    const left = this.active.size;
    if (late) {
      this.stopRuns = true;
      // A run stops at its next row; one waiting for a slow upload stops when the
      // shutdown closes that connection (the caller waits again with `idle`).
      await this.idle(STOP_WAIT_MS);
    }
    return { finished: running.length - (late ? left : 0), abandoned: late ? left : 0 };
  }

  /** Waits until no run is in progress, at most `ms`; true when none is. */
  async idle(ms: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const done = await Promise.race([
      Promise.allSettled([...this.active]).then(() => true),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), ms);
      }),
    ]);
    clearTimeout(timer);
    return done && this.active.size === 0;
  }

  async startRun(
    principal: Principal | null,
    format: RunFormat,
    source: Source,
    filename: string | null,
  ): Promise<string> {
    if (this.draining)
      throw new AppError('SHUTTING_DOWN', 'the API is shutting down: send the file again shortly');
    const [row] = await this.db.query<{ id: string }[]>(
      `INSERT INTO import_runs (format, source, filename, submitted_by) VALUES ($1, $2, $3, $4) RETURNING id::text AS id`,
      [format, source, filename?.slice(0, 500) ?? null, principal?.id ?? null],
    );
    return row!.id;
  }

  /** Streams `input` through the format's parser into the store; returns the final summary. */
  async runFile(
    runId: string,
    principal: Principal | null,
    format: ImportFormat,
    source: Source,
    input: Readable,
    meta: { filename?: string | null; ip?: string | null } = {},
  ): Promise<RunSummary> {
    return this.run(
      runId,
      principal,
      source,
      parseFile(format, input, { filename: meta.filename ?? undefined }),
      meta.ip ?? null,
    );
  }

  /** Writes parsed rows (from a file, a feed page or the intake form) as run `runId`. */
  run(
    runId: string,
    principal: Principal | null,
    source: Source,
    items: AsyncIterable<ParsedRow> | Iterable<ParsedRow>,
    ip: string | null,
  ): Promise<RunSummary> {
    const running = this.runRows(runId, principal, source, items, ip);
    this.active.add(running);
    void running.finally(() => this.active.delete(running)).catch(() => undefined);
    return running;
  }

  private async runRows(
    runId: string,
    principal: Principal | null,
    source: Source,
    items: AsyncIterable<ParsedRow> | Iterable<ParsedRow>,
    ip: string | null,
  ): Promise<RunSummary> {
    const run: RunState = {
      runId,
      principal,
      source,
      resolver: new RegistryResolver(this.db),
      storedErrors: 0,
    };
    const emptyBatch = (): Batch => ({
      rows: [],
      errors: [],
      counts: { ...NO_COUNTS },
      keys: new Set(),
    });
    let batch = emptyBatch();
    // Batches being written, oldest first. While PostgreSQL writes them, this loop reads,
    // checks and classifies the next one.
    const writing: { done: Promise<void>; keys: Set<string> }[] = [];
    const settle = async () => {
      while (writing.length) await writing.shift()!.done;
    };
    const handOn = async () => {
      const ready = batch;
      batch = emptyBatch();
      while (writing.length >= this.writers) await writing.shift()!.done;
      const done = this.writeBatch(run, ready);
      // Its failure surfaces where it is awaited (a later batch, or the end of the run).
      done.catch(() => undefined);
      writing.push({ done, keys: ready.keys });
      // The embedded database runs in this thread and answers without I/O: without a turn
      // of the event loop here, a file already in memory would be imported to its end before
      // any other request, or a shutdown signal, is served.
      await new Promise((resolve) => setImmediate(resolve));
    };
    try {
      let read = 0;
      for await (const item of items) {
        if (this.stopRuns) throw new ImportStopped();
        batch.counts.read++;
        // A file already received parses without waiting for I/O: a turn of the event loop
        // now and then lets the batches being written send their next statements meanwhile.
        if (++read % YIELD_EVERY_ROWS === 0) await new Promise((resolve) => setImmediate(resolve));
        if (item.kind === 'skipped') {
          batch.counts.skipped++;
        } else if (item.kind === 'rejected') {
          batch.counts.rejected++;
          batch.errors.push(...item.errors);
        } else {
          // A later row with the same id updates the earlier one: the earlier is written
          // (committed) first, whether it is in this batch or in one being written.
          const key = `${item.row.source ?? source}|${item.row.externalId}`;
          if (batch.keys.has(key)) await handOn();
          if (writing.some((w) => w.keys.has(key))) await settle();
          batch.rows.push(classify(item.row));
          batch.keys.add(key);
        }
        if (batch.rows.length >= IMPORT_BATCH_ROWS || batch.errors.length >= IMPORT_BATCH_ROWS)
          await handOn();
      }
      await handOn();
      await settle();
      return await this.finish(runId, 'SUCCEEDED', null, principal, ip);
    } catch (e) {
      // A run ends only when none of its batches is being written.
      for (const w of writing) await w.done.catch(() => undefined);
      // Stopped by a shutdown, or its upload cut off by one.
      if (e instanceof ImportStopped || this.stopRuns) {
        this.logger.warn(`import ${runId} stopped by the shutdown; marked ABANDONED`);
        return this.finish(runId, 'ABANDONED', ABANDONED_MESSAGE, principal, ip);
      }
      const message =
        e instanceof FileError || e instanceof AppError
          ? e.message
          : 'the import stopped on an internal error; rows written before it are kept';
      if (!(e instanceof FileError) && !(e instanceof AppError))
        this.logger.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
      return this.finish(runId, 'FAILED', message, principal, ip);
    }
  }

  /** Runs left RUNNING by a process that died are marked ABANDONED at start. */
  async abandonInterruptedRuns(): Promise<number> {
    const [row] = await this.db.query<{ n: number }[]>(
      `WITH abandoned AS (
         UPDATE import_runs SET status = 'ABANDONED', finished_at = now(), error = $1
         WHERE status = 'RUNNING' RETURNING id)
       SELECT count(*)::int AS n FROM abandoned`,
      [ABANDONED_MESSAGE],
    );
    return row?.n ?? 0;
  }

  async summary(principal: Principal, id: string): Promise<RunSummary> {
    if (!/^\d{1,18}$/.test(id)) throw new AppError('NOT_FOUND', 'no such import run');
    const params: unknown[] = [id];
    const where = visibility(principal, params);
    const [row] = await this.db.query<RunSummary[]>(
      `SELECT ${SUMMARY_COLUMNS} FROM import_runs r LEFT JOIN users u ON u.id = r.submitted_by
       WHERE r.id = $1::bigint AND ${where}`,
      params,
    );
    // Another user's run and no run at all look the same.
    if (!row) throw new AppError('NOT_FOUND', 'no such import run');
    return row;
  }

  async history(principal: Principal, first: number, after: string | null) {
    if (!Number.isInteger(first) || first < 1 || first > 100) {
      throw new AppError('BAD_USER_INPUT', 'first must be between 1 and 100', { field: 'first' });
    }
    if (after != null && !/^\d{1,18}$/.test(after)) {
      throw new AppError('BAD_USER_INPUT', 'after is not a cursor this API issued', {
        field: 'after',
      });
    }
    const params: unknown[] = [after ?? null, first + 1];
    const where = visibility(principal, params);
    const rows = await this.db.query<RunSummary[]>(
      `SELECT ${SUMMARY_COLUMNS} FROM import_runs r LEFT JOIN users u ON u.id = r.submitted_by
       WHERE ($1::bigint IS NULL OR r.id < $1::bigint) AND ${where} ORDER BY r.id DESC LIMIT $2`,
      params,
    );
    const page = rows.slice(0, first);
    return {
      edges: page.map((node) => ({ node, cursor: node.id })),
      pageInfo: { hasNextPage: rows.length > first, endCursor: page[page.length - 1]?.id ?? null },
    };
  }

  async errors(runId: string, first: number): Promise<RowError[]> {
    return this.db.query(
      `SELECT row_number AS "rowNumber", field, value, reason FROM import_errors WHERE run_id = $1::bigint
       ORDER BY row_number, field LIMIT $2`,
      [runId, Math.min(Math.max(first, 1), 1000)],
    );
  }

  /** All stored rejected rows of a run the principal may see, in chunks (CSV download). */
  async *rejectedRows(principal: Principal, runId: string): AsyncGenerator<RowError[]> {
    await this.summary(principal, runId);
    let after = -1;
    for (;;) {
      const rows = await this.db.query<RowError[]>(
        `SELECT row_number AS "rowNumber", field, value, reason FROM import_errors
         WHERE run_id = $1::bigint AND row_number > $2 ORDER BY row_number, field LIMIT 5000`,
        [runId, after],
      );
      if (!rows.length) return;
      yield rows;
      after = rows[rows.length - 1]!.rowNumber;
    }
  }

  /**
   * Writes one batch in its own transaction, with what it adds to the run's counts; a row
   * the database refuses is rejected on its own. Batches of a run may be written at the same
   * time (see `writers`): the counts are added, not set, so their commits may come in any
   * order.
   */
  private async writeBatch(run: RunState, batch: Batch): Promise<void> {
    if (!batch.rows.length && !batch.errors.length) {
      // Only skipped rows since the last batch (a file that ends in them, or holds nothing
      // else): their counts are saved without a batch to carry them.
      if (batch.counts.read) await this.saveBatch(this.db, run, batch.counts, []);
      this.countRows(batch.counts);
      return;
    }
    try {
      const ids = await this.resolveRegistry(run.resolver, batch.rows);
      const written = await this.db.transaction(async (tx) => {
        const written = await writeComplaints(
          tx,
          this.prepare(ids, batch.rows, run.source, run.principal),
        );
        await this.saveBatch(tx, run, { ...batch.counts, ...written }, batch.errors);
        return written;
      });
      this.countRows({ ...batch.counts, ...written });
    } catch (e) {
      run.resolver.reset();
      const row = batch.rows[0]?.row;
      if (!row) throw e;
      if (batch.rows.length === 1) {
        const refused: RowError = {
          rowNumber: row.rowNumber,
          field: 'row',
          value: row.externalId,
          reason: databaseReason(e),
        };
        const counts = { ...batch.counts, rejected: batch.counts.rejected + 1 };
        await this.db.transaction((tx) =>
          this.saveBatch(tx, run, counts, [...batch.errors, refused]),
        );
        this.countRows(counts);
        return;
      }
      // Find the refused rows: write one at a time (rare: the parsers check what they can).
      await this.db.transaction((tx) => this.saveBatch(tx, run, batch.counts, batch.errors));
      this.countRows(batch.counts);
      for (const one of batch.rows) {
        await this.writeBatch(run, {
          rows: [one],
          errors: [],
          counts: { ...NO_COUNTS },
          keys: new Set(),
        });
      }
    }
  }

  /** Adds a batch's counts to its run and stores its rejected rows (up to the limit). */
  private async saveBatch(
    db: Pick<EntityManager, 'query'>,
    run: RunState,
    counts: RunCounts,
    errors: RowError[],
  ): Promise<void> {
    const room = Math.max(0, MAX_STORED_ERRORS - run.storedErrors);
    const keep = errors.slice(0, room);
    run.storedErrors += keep.length;
    if (keep.length) {
      await db.query(
        `INSERT INTO import_errors (run_id, row_number, field, value, reason)
         SELECT $1::bigint, * FROM unnest($2::int[], $3::text[], $4::text[], $5::text[])`,
        [
          run.runId,
          keep.map((e) => e.rowNumber),
          keep.map((e) => e.field),
          keep.map((e) => e.value.slice(0, 500)),
          keep.map((e) => e.reason),
        ],
      );
    }
    await db.query(
      `UPDATE import_runs SET read = read + $2, inserted = inserted + $3, updated = updated + $4,
         unchanged = unchanged + $5, skipped = skipped + $6, rejected = rejected + $7
       WHERE id = $1::bigint`,
      [
        run.runId,
        counts.read,
        counts.inserted,
        counts.updated,
        counts.unchanged,
        counts.skipped,
        counts.rejected,
      ],
    );
  }

  /** Registry ids for a batch's institutions and agencies, made before its transaction. */
  private async resolveRegistry(resolver: RegistryResolver, rows: ClassifiedComplaint[]) {
    return {
      institution: await resolver.resolveAll(
        'institutions',
        rows.map((r) => r.row.institution),
      ),
      agency: await resolver.resolveAll(
        'collection_agencies',
        rows.flatMap((r) => (r.row.agency ? [r.row.agency] : [])),
      ),
    };
  }

  /** The batch as the complaint writer takes it, with its registry ids. */
  private prepare(
    ids: { institution: (name: string) => number; agency: (name: string) => number },
    rows: ClassifiedComplaint[],
    source: Source,
    principal: Principal | null,
  ): PreparedComplaint[] {
    return rows.map(({ row: r, analysis, institutionResponse }) => ({
      source: r.source ?? source,
      externalId: r.externalId,
      receivedAt: r.receivedAt,
      incidentAt: r.incidentAt,
      institutionId: ids.institution(r.institution),
      agencyId: r.agency ? ids.agency(r.agency) : null,
      product: r.product,
      provinceCode: r.provinceCode,
      cityCode: r.cityCode,
      channels: [...new Set([...r.channels, ...(analysis?.channels ?? [])])],
      categoriesDeclared: r.categoriesDeclared,
      categoriesDetected: analysis?.categories ?? [],
      narrative: analysis?.redacted ?? null,
      amountOwed: r.amountOwed,
      overdueDays: r.overdueDays,
      status: r.status,
      institutionResponse,
      respondedAt: r.respondedAt,
      evidence: r.evidence,
      submittedBy: principal?.id ?? null,
    }));
  }

  /** Adds a committed batch's rows to the metrics. */
  private countRows(counts: RunCounts): void {
    this.metrics?.importRowsCommitted(
      'accepted',
      counts.inserted + counts.updated + counts.unchanged,
    );
    this.metrics?.importRowsCommitted('rejected', counts.rejected);
    this.metrics?.importRowsCommitted('skipped', counts.skipped);
  }

  private async finish(
    runId: string,
    status: RunStatus,
    error: string | null,
    principal: Principal | null,
    ip: string | null,
  ) {
    this.metrics?.importRunFinished(status);
    await this.db.query(
      `UPDATE import_runs SET status = $2, error = $3, finished_at = now() WHERE id = $1::bigint`,
      [runId, status, error],
    );
    const [row] = await this.db.query<RunSummary[]>(
      `SELECT ${SUMMARY_COLUMNS} FROM import_runs r LEFT JOIN users u ON u.id = r.submitted_by WHERE r.id = $1::bigint`,
      [runId],
    );
    await this.audit.record({
      actor: principal,
      action: 'IMPORT',
      target: `import ${runId}`,
      ip,
      details: {
        status,
        format: row!.format,
        source: row!.source,
        filename: row!.filename,
        read: row!.read,
        inserted: row!.inserted,
        updated: row!.updated,
        rejected: row!.rejected,
      },
    });
    return row!;
  }
}

/** The database's reason, without SQL or values. */
function databaseReason(e: unknown): string {
  const err = e as { driverError?: { constraint?: string; message?: string }; constraint?: string };
  const constraint = err.driverError?.constraint ?? err.constraint;
  return constraint ? `refused by the store (${constraint})` : 'refused by the store';
}
