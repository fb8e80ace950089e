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
import { MetricsService } from '../observability/metrics.service.js';
import { writeComplaints, type PreparedComplaint, type WriteCounts } from './complaint-writer.js';
import { FileError, type ParsedComplaint, type ParsedRow, type RowError } from './ingest-row.js';
import { parseFile, type ImportFormat } from './parse/index.js';
import { RegistryResolver } from './registry-resolver.js';

/** Rows written per transaction. */
export const IMPORT_BATCH_ROWS = 2000;
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

interface Counters extends WriteCounts {
  read: number;
  /** Rejected rows written to import_errors so far (at most MAX_STORED_ERRORS). */
  storedErrors: number;
  skipped: number;
  rejected: number;
}

/** Rows the parser has read, skipped and rejected: what a batch adds to the run's counts. */
type RowTally = Pick<Counters, 'read' | 'skipped' | 'rejected'>;

function addTally(counters: Counters, tally: RowTally): void {
  counters.read += tally.read;
  counters.skipped += tally.skipped;
  counters.rejected += tally.rejected;
}

/** A parsed row with what the text analysis found; the raw narrative goes no further. */
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

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    /** Absent when a script or test builds the service by hand. */
    @Optional() private readonly metrics?: MetricsService,
  ) {}

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
    // The run's counts as committed; only the batch writer changes them.
    const counters: Counters = {
      read: 0,
      inserted: 0,
      updated: 0,
      unchanged: 0,
      skipped: 0,
      rejected: 0,
      storedErrors: 0,
    };
    const resolver = new RegistryResolver();
    let batch: ClassifiedComplaint[] = [];
    let errors: RowError[] = [];
    let keys = new Set<string>();
    // Rows read, skipped and rejected by the parser since the last batch was handed on.
    let seen: RowTally = { read: 0, skipped: 0, rejected: 0 };
    // Rows counted in the metrics: those of committed batches.
    const counted = { accepted: 0, rejected: 0, skipped: 0 };
    // The batch being written. While PostgreSQL writes it, this loop reads, checks and
    // classifies the next one; batches are still written one after another, in file order.
    let writing: Promise<void> = Promise.resolve();
    const flush = async () => {
      const rows = batch;
      const rowErrors = errors;
      const tally = seen;
      batch = [];
      errors = [];
      keys = new Set();
      seen = { read: 0, skipped: 0, rejected: 0 };
      await writing;
      writing = (async () => {
        addTally(counters, tally);
        if (!rows.length && !rowErrors.length) {
          // Only skipped rows since the last batch (a file that ends in them, or holds
          // nothing else): their counts are saved without a batch to carry them.
          await this.saveCounters(this.db, runId, counters);
        } else {
          await this.writeBatch(runId, principal, source, resolver, rows, rowErrors, counters);
        }
        this.countRows(counters, counted);
      })();
      // Its failure surfaces where it is awaited (the next batch, or the end of the run).
      writing.catch(() => undefined);
      // The embedded database runs in this thread and answers without I/O: without a turn
      // of the event loop here, a file already in memory would be imported to its end before
      // any other request, or a shutdown signal, is served.
      await new Promise((resolve) => setImmediate(resolve));
    };
    try {
      for await (const item of items) {
        if (this.stopRuns) throw new ImportStopped();
        seen.read++;
        // A file already received parses without waiting for I/O: a turn of the event loop
        // now and then lets the batch being written send its next statement meanwhile.
        if (seen.read % YIELD_EVERY_ROWS === 0)
          await new Promise((resolve) => setImmediate(resolve));
        if (item.kind === 'skipped') {
          seen.skipped++;
          continue;
        }
        if (item.kind === 'rejected') {
          seen.rejected++;
          errors.push(...item.errors);
        } else {
          // A later row with the same id updates the earlier one: write the earlier first.
          const key = `${item.row.source ?? source}|${item.row.externalId}`;
          if (keys.has(key)) await flush();
          batch.push(classify(item.row));
          keys.add(key);
        }
        if (batch.length >= IMPORT_BATCH_ROWS || errors.length >= IMPORT_BATCH_ROWS) await flush();
      }
      await flush();
      await writing;
      return await this.finish(runId, 'SUCCEEDED', null, principal, ip);
    } catch (e) {
      // A run ends only when no batch of it is being written.
      await writing.catch(() => undefined);
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

  /** Prepares and writes one batch; a row the database refuses is rejected on its own. */
  private async writeBatch(
    runId: string,
    principal: Principal | null,
    source: Source,
    resolver: RegistryResolver,
    batch: ClassifiedComplaint[],
    errors: RowError[],
    counters: Counters,
  ): Promise<void> {
    try {
      await this.db.transaction(async (tx) => {
        const prepared = await this.prepare(tx, resolver, batch, source, principal);
        const written = await writeComplaints(tx, prepared);
        await this.saveBatch(tx, runId, counters, written, errors);
      });
    } catch (e) {
      resolver.reset();
      if (batch.length <= 1) {
        const row = batch[0]?.row;
        if (!row) throw e;
        counters.rejected++;
        const refused: RowError = {
          rowNumber: row.rowNumber,
          field: 'row',
          value: row.externalId,
          reason: databaseReason(e),
        };
        await this.db.transaction((tx) =>
          this.saveBatch(tx, runId, counters, { inserted: 0, updated: 0, unchanged: 0 }, [
            ...errors,
            refused,
          ]),
        );
        return;
      }
      // Find the refused rows: write one at a time (rare: the parsers check what they can).
      await this.db.transaction((tx) =>
        this.saveBatch(tx, runId, counters, { inserted: 0, updated: 0, unchanged: 0 }, errors),
      );
      for (const row of batch)
        await this.writeBatch(runId, principal, source, resolver, [row], [], counters);
    }
  }

  private async saveBatch(
    tx: EntityManager,
    runId: string,
    counters: Counters,
    written: WriteCounts,
    errors: RowError[],
  ) {
    counters.inserted += written.inserted;
    counters.updated += written.updated;
    counters.unchanged += written.unchanged;
    const room = Math.max(0, MAX_STORED_ERRORS - counters.storedErrors);
    const keep = errors.slice(0, room);
    counters.storedErrors += keep.length;
    if (keep.length) {
      await tx.query(
        `INSERT INTO import_errors (run_id, row_number, field, value, reason)
         SELECT $1::bigint, * FROM unnest($2::int[], $3::text[], $4::text[], $5::text[])`,
        [
          runId,
          keep.map((e) => e.rowNumber),
          keep.map((e) => e.field),
          keep.map((e) => e.value.slice(0, 500)),
          keep.map((e) => e.reason),
        ],
      );
    }
    await this.saveCounters(tx, runId, counters);
  }

  /** The run's counts as they stand: with the batch that they include, or on their own. */
  private async saveCounters(
    db: Pick<EntityManager, 'query'>,
    runId: string,
    counters: Counters,
  ): Promise<void> {
    await db.query(
      `UPDATE import_runs SET read = $2, inserted = $3, updated = $4, unchanged = $5, skipped = $6, rejected = $7
       WHERE id = $1::bigint`,
      [
        runId,
        counters.read,
        counters.inserted,
        counters.updated,
        counters.unchanged,
        counters.skipped,
        counters.rejected,
      ],
    );
  }

  /** The batch with its registry entries resolved (provisional ones created in `tx`). */
  private async prepare(
    tx: EntityManager,
    resolver: RegistryResolver,
    rows: ClassifiedComplaint[],
    source: Source,
    principal: Principal | null,
  ): Promise<PreparedComplaint[]> {
    const out: PreparedComplaint[] = [];
    for (const { row: r, analysis, institutionResponse } of rows) {
      const institution = await resolver.resolve(tx, 'institutions', r.institution);
      const agency = r.agency ? await resolver.resolve(tx, 'collection_agencies', r.agency) : null;
      out.push({
        source: r.source ?? source,
        externalId: r.externalId,
        receivedAt: r.receivedAt,
        incidentAt: r.incidentAt,
        institutionId: institution.id,
        agencyId: agency?.id ?? null,
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
      });
    }
    return out;
  }

  /** Adds the rows committed since the last call to the metrics. */
  private countRows(
    counters: Counters,
    counted: { accepted: number; rejected: number; skipped: number },
  ): void {
    const accepted = counters.inserted + counters.updated + counters.unchanged;
    this.metrics?.importRowsCommitted('accepted', accepted - counted.accepted);
    this.metrics?.importRowsCommitted('rejected', counters.rejected - counted.rejected);
    this.metrics?.importRowsCommitted('skipped', counters.skipped - counted.skipped);
    counted.accepted = accepted;
    counted.rejected = counters.rejected;
    counted.skipped = counters.skipped;
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
