// Background exports: a raw export too large to stream at once, or a report asked for in
// the background, becomes a job. Jobs run one at a time in the API process, write their file
// under DATA_DIR/exports, report progress, and are kept for EXPORT_RETENTION_DAYS. A job
// runs with its requester's scope as it stands when the job runs (a user whose access was
// narrowed meanwhile gets the narrower file), and its file is given only to the requester
// or an administrator. A job cut off by a restart is queued again and starts from scratch.
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ComplaintFilter, Lang } from '@cw/domain';
import { ENV } from '../app.tokens.js';
import { toPrincipal } from '../auth/auth.service.js';
import { scopeOf, type Principal } from '../auth/roles.js';
import { UsersService } from '../auth/users.service.js';
import type { Env } from '../config/env.js';
import { AppError } from '../graphql/app-error.js';
import { MetricsService } from '../observability/metrics.service.js';
import { QuarterlyReportService } from '../reports/quarterly-report.service.js';
import {
  REPORT_CONTENT_TYPES,
  reportFileName,
  writeReport,
  type ReportFormat,
} from '../reports/report-files.js';
import type { ReportPeriod } from '../reports/report-period.js';
import { ComplaintExportService, type ExportFormat } from './complaint-export.service.js';
import { requestContext } from '../observability/request-context.js';

export type ExportKind = 'COMPLAINTS' | 'QUARTERLY_REPORT';
export type ExportJobStatus = 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED' | 'EXPIRED';

export interface ExportJobParams {
  filter: ComplaintFilter;
  lang: Lang;
  /** Reports only. */
  period?: ReportPeriod;
}

export interface ExportJobRow {
  id: string;
  kind: ExportKind;
  format: ReportFormat | ExportFormat;
  requestedBy: number;
  params: ExportJobParams;
  status: ExportJobStatus;
  rowsTotal: number | null;
  rowsDone: number;
  fileName: string | null;
  fileBytes: number | null;
  error: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  expiresAt: Date | null;
}

const COLUMNS = `id::text AS id, kind, format, requested_by AS "requestedBy", params, status,
  rows_total AS "rowsTotal", rows_done AS "rowsDone", file_name AS "fileName",
  file_bytes::float8 AS "fileBytes", error, created_at AS "createdAt", started_at AS "startedAt",
  finished_at AS "finishedAt", expires_at AS "expiresAt"`;

/** Most jobs one list returns. */
export const MAX_JOB_PAGE = 100;
/** Jobs one user may have waiting or running at once. */
export const MAX_OPEN_JOBS_PER_USER = 5;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** How often a running job writes its progress. */
const PROGRESS_EVERY_MS = 1000;
/** How often finished files past their retention are removed. */
const CLEANUP_EVERY_MS = 3600_000;

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: REPORT_CONTENT_TYPES.xlsx,
};

@Injectable()
export class ExportJobsService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('ExportJobs');
  private working = false;
  private stopped = false;
  private cleanupTimer: NodeJS.Timeout | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(ENV) private readonly env: Env,
    private readonly users: UsersService,
    private readonly complaints: ComplaintExportService,
    private readonly reports: QuarterlyReportService,
    private readonly metrics: MetricsService,
  ) {}

  get directory(): string {
    return path.resolve(this.env.DATA_DIR, 'exports');
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.db.query(
      `UPDATE export_jobs SET status = 'QUEUED', started_at = NULL, rows_done = 0 WHERE status = 'RUNNING'`,
    );
    await this.cleanup();
    this.cleanupTimer = setInterval(() => void this.cleanup(), CLEANUP_EVERY_MS);
    this.cleanupTimer.unref();
    this.kick();
  }

  onModuleDestroy(): void {
    this.stopped = true;
    if (this.cleanupTimer) clearInterval(this.cleanupTimer);
  }

  async request(
    principal: Principal,
    kind: ExportKind,
    format: ReportFormat | ExportFormat,
    params: ExportJobParams,
  ): Promise<ExportJobRow> {
    const [open] = await this.db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM export_jobs WHERE requested_by = $1 AND status IN ('QUEUED', 'RUNNING')`,
      [principal.id],
    );
    if ((open?.n ?? 0) >= MAX_OPEN_JOBS_PER_USER)
      throw new AppError(
        'TOO_MANY_REQUESTS',
        `you have ${MAX_OPEN_JOBS_PER_USER} exports waiting or running; wait for one to finish`,
      );
    let rowsTotal: number | null = null;
    if (kind === 'COMPLAINTS') {
      rowsTotal = await this.complaints.count(scopeOf(principal), params.filter);
      this.complaints.checkSize(format as ExportFormat, rowsTotal);
    }
    const [job] = await this.db.query<ExportJobRow[]>(
      `INSERT INTO export_jobs (kind, format, requested_by, params, rows_total) VALUES ($1, $2, $3, $4::jsonb, $5)
       RETURNING ${COLUMNS}`,
      [kind, format, principal.id, JSON.stringify(params), rowsTotal],
    );
    this.kick();
    return job!;
  }

  /** The caller's jobs, newest first; an administrator may ask for everyone's. */
  async list(principal: Principal, first: number, everyone: boolean): Promise<ExportJobRow[]> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_JOB_PAGE)
      throw new AppError('BAD_USER_INPUT', `first must be between 1 and ${MAX_JOB_PAGE}`, {
        field: 'first',
      });
    if (everyone && principal.role !== 'ADMIN')
      throw new AppError('FORBIDDEN', 'only administrators may list everyone’s exports');
    return this.db.query<ExportJobRow[]>(
      `SELECT ${COLUMNS} FROM export_jobs WHERE ($1::int IS NULL OR requested_by = $1)
       ORDER BY created_at DESC, id LIMIT $2`,
      [everyone ? null : principal.id, first],
    );
  }

  /**
   * A job the caller may see. Someone else's job is "not found", exactly as a job that does
   * not exist, so ids cannot be probed.
   */
  async get(principal: Principal, id: string): Promise<ExportJobRow> {
    const notFound = new AppError('NOT_FOUND', 'no such export', { field: 'id' });
    if (!UUID.test(id)) throw notFound;
    const [job] = await this.db.query<ExportJobRow[]>(
      `SELECT ${COLUMNS} FROM export_jobs WHERE id = $1::uuid`,
      [id],
    );
    if (!job || (job.requestedBy !== principal.id && principal.role !== 'ADMIN')) throw notFound;
    return job;
  }

  /** The finished file of a job the caller may download. */
  async file(
    principal: Principal,
    id: string,
  ): Promise<{ path: string; name: string; contentType: string; job: ExportJobRow }> {
    const job = await this.get(principal, id);
    if (job.status !== 'DONE' || !job.fileName)
      throw new AppError(
        'NOT_FOUND',
        job.status === 'EXPIRED' ? 'this export has expired' : 'this export is not finished',
        {
          field: 'id',
        },
      );
    const contentType =
      job.kind === 'COMPLAINTS'
        ? EXPORT_CONTENT_TYPES[job.format as ExportFormat]
        : REPORT_CONTENT_TYPES[job.format as ReportFormat];
    const file = this.filePath(job);
    // A file removed by hand (or lost with its disk) is gone, not a server error.
    if (!(await stat(file).catch(() => null)))
      throw new AppError('NOT_FOUND', 'the file of this export is no longer there', {
        field: 'id',
      });
    return { path: file, name: job.fileName, contentType, job };
  }

  private filePath(job: Pick<ExportJobRow, 'id' | 'format'>): string {
    return path.join(this.directory, `${job.id}.${job.format === 'csv' ? 'dat' : job.format}`);
  }

  /** Runs queued jobs one after another until none is left. */
  private kick(): void {
    if (this.working || this.stopped) return;
    this.working = true;
    // Outside the request that queued the job: the worker outlives it, and must not keep its
    // data version, its place in the read queue, or its cancellation when the client leaves.
    requestContext.exit(() => this.work());
  }

  private work(): void {
    void (async () => {
      try {
        for (let job = await this.claim(); job && !this.stopped; job = await this.claim())
          await this.run(job);
      } catch (e) {
        this.logger.error(`export queue stopped: ${(e as Error).message}`);
      } finally {
        this.working = false;
      }
    })();
  }

  /** Takes the oldest queued job (SKIP LOCKED: several API processes may share the queue). */
  private async claim(): Promise<ExportJobRow | null> {
    const [job] = await this.db.query<ExportJobRow[]>(
      // A CTE, because TypeORM answers a bare UPDATE with a row count instead of its rows.
      `WITH claimed AS (
         UPDATE export_jobs SET status = 'RUNNING', started_at = now()
         WHERE id = (SELECT id FROM export_jobs WHERE status = 'QUEUED' ORDER BY created_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
         RETURNING *)
       SELECT ${COLUMNS} FROM claimed`,
    );
    return job ?? null;
  }

  private async run(job: ExportJobRow): Promise<void> {
    const target = this.filePath(job);
    const partial = `${target}.part`;
    const started = performance.now();
    // The metric's label: complaints_csv, quarterly_report_pdf, ...
    const metric = `${job.kind.toLowerCase()}_${job.format}`;
    try {
      const user = await this.users.byId(job.requestedBy);
      if (!user || user.disabled)
        throw new AppError('FORBIDDEN', 'the requester’s account is disabled');
      const scope = scopeOf(toPrincipal(user));
      await mkdir(this.directory, { recursive: true });
      const out = createWriteStream(partial);
      const finished = new Promise<void>((resolve, reject) => {
        out.on('close', resolve);
        out.on('error', reject);
      });
      let fileName: string;
      let progressWrite: Promise<unknown> = Promise.resolve();
      if (job.kind === 'COMPLAINTS') {
        let lastWrite = 0;
        const progress = (rows: number) => {
          const now = Date.now();
          if (now - lastWrite < PROGRESS_EVERY_MS) return;
          lastWrite = now;
          // Only while running: a progress write that lands late never undoes the final count.
          progressWrite = this.db
            .query(
              `UPDATE export_jobs SET rows_done = $2 WHERE id = $1::uuid AND status = 'RUNNING'`,
              [job.id, rows],
            )
            .catch(() => undefined);
        };
        await this.complaints.write(
          job.format as ExportFormat,
          scope,
          job.params.filter,
          job.params.lang,
          out,
          progress,
        );
        fileName = `complaints-${job.createdAt.toISOString().slice(0, 10)}.${job.format}`;
      } else {
        const report = await this.reports.build(
          scope,
          job.params.filter,
          job.params.period!,
          job.params.lang,
        );
        await writeReport(report, job.format as ReportFormat, out);
        fileName = reportFileName(report, job.format as ReportFormat);
      }
      await finished;
      await progressWrite;
      await rename(partial, target);
      const { size } = await stat(target);
      await this.db.query(
        `UPDATE export_jobs SET status = 'DONE', finished_at = now(), rows_done = coalesce(rows_total, 0),
           file_name = $2, file_bytes = $3, expires_at = now() + make_interval(days => $4::int)
         WHERE id = $1::uuid`,
        [job.id, fileName, size, this.env.EXPORT_RETENTION_DAYS],
      );
      this.metrics.exportJobFinished(metric, 'succeeded', (performance.now() - started) / 1000);
    } catch (e) {
      await rm(partial, { force: true });
      this.metrics.exportJobFinished(metric, 'failed', (performance.now() - started) / 1000);
      const message =
        e instanceof AppError
          ? e.message
          : 'the export failed; ask an administrator to look at the logs';
      if (!(e instanceof AppError))
        this.logger.error(`export ${job.id} failed: ${(e as Error).message}`);
      await this.db.query(
        `UPDATE export_jobs SET status = 'FAILED', finished_at = now(), error = $2 WHERE id = $1::uuid`,
        [job.id, message],
      );
    }
  }

  /** Removes files past their retention and marks their jobs expired. */
  async cleanup(): Promise<number> {
    const expired = await this.db.query<{ id: string; format: string }[]>(
      `WITH expired AS (
         UPDATE export_jobs SET status = 'EXPIRED' WHERE status = 'DONE' AND expires_at <= now() RETURNING id, format)
       SELECT id::text AS id, format FROM expired`,
    );
    for (const job of expired) await rm(this.filePath(job as ExportJobRow), { force: true });
    return expired.length;
  }
}
