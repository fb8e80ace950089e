// Prometheus metrics of one API process, on its own registry (GET /metrics; who may read it:
// http-observability.ts). Label values are bounded: routes come from the route table,
// GraphQL operation names are capped, export kinds must look like identifiers.
import {
  constants as perfConstants,
  PerformanceObserver,
  type PerformanceEntry,
} from 'node:perf_hooks';
import { getHeapStatistics } from 'node:v8';
import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { DataSource } from 'typeorm';

/** Distinct GraphQL operation names kept as labels; later new names count as `other`. */
export const MAX_OPERATION_NAMES = 100;
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const EXPORT_KIND = /^[a-z][a-z0-9_]{0,31}$/;

export type ExportOutcome = 'succeeded' | 'failed' | 'cancelled';
export type ImportRowOutcome = 'accepted' | 'rejected' | 'skipped';

/** Seconds: from 5 ms (a cached count) to 30 s (a cold aggregation or an import). */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** What a `pg` pool (or the embedded database's one session) says about its connections. */
interface PoolCounts {
  totalCount?: number;
  idleCount?: number;
  waitingCount?: number;
}

@Injectable()
export class MetricsService implements OnModuleDestroy {
  readonly registry = new Registry();
  private readonly operations = new Set<string>();
  private readonly majorCollections = watchMajorCollections();

  private readonly httpDuration = new Histogram({
    name: 'cw_http_request_duration_seconds',
    help: 'HTTP requests by method, route (the route pattern, never the raw path) and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  private readonly graphqlDuration = new Histogram({
    name: 'cw_graphql_operation_duration_seconds',
    help: 'GraphQL requests by operation name, type and outcome (ok, or error when the answer holds errors)',
    labelNames: ['operation', 'type', 'outcome'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  private readonly importRows = new Counter({
    name: 'cw_import_rows_total',
    help: 'Import rows committed: accepted (inserted, updated or unchanged), rejected, skipped',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  private readonly importRuns = new Counter({
    name: 'cw_import_runs_total',
    help: 'Import runs finished, by status',
    labelNames: ['status'] as const,
    registers: [this.registry],
  });

  private readonly exportJobs = new Counter({
    name: 'cw_export_jobs_total',
    help: 'Export and report jobs finished, by kind and outcome',
    labelNames: ['kind', 'outcome'] as const,
    registers: [this.registry],
  });

  private readonly exportDuration = new Histogram({
    name: 'cw_export_job_duration_seconds',
    help: 'Duration of export and report jobs, by kind',
    labelNames: ['kind'] as const,
    buckets: [0.1, 0.5, 1, 5, 15, 60, 300, 900],
    registers: [this.registry],
  });

  private readonly reads = new Counter({
    name: 'cw_db_reads_total',
    help: 'Dashboard reads by where they ran: primary, or replica_N (DATABASE_REPLICA_URLS)',
    labelNames: ['target'] as const,
    registers: [this.registry],
  });

  /** Dashboard reads waiting for their turn (database/read-gate.ts); set by the read side. */
  private readQueue: () => number = () => 0;
  /** What the count cache holds (analytics/count-cache.ts); set by the cache. */
  private cachedAnswers: () => { entries: number; rows: number } = () => ({ entries: 0, rows: 0 });

  constructor(@InjectDataSource() dataSource: DataSource) {
    collectDefaultMetrics({ register: this.registry });
    const readQueue = () => this.readQueue();
    new Gauge({
      name: 'cw_db_reads_queued',
      help: 'Dashboard reads waiting for their turn, oldest request first (before the pool)',
      registers: [this.registry],
      collect() {
        this.set(readQueue());
      },
    });
    const cachedAnswers = () => this.cachedAnswers();
    new Gauge({
      name: 'cw_count_cache_size',
      help: 'What the count cache holds: entries (answers) and rows (in all answers); both are bounded',
      labelNames: ['unit'] as const,
      registers: [this.registry],
      collect() {
        const { entries, rows } = cachedAnswers();
        this.set({ unit: 'entries' }, entries);
        this.set({ unit: 'rows' }, rows);
      },
    });
    const collections = this.majorCollections;
    new Gauge({
      name: 'cw_heap_used_after_major_gc_bytes',
      help: 'V8 heap in use just after the latest major (mark-compact) collection: what survives, the figure a leak raises and a saw-tooth does not',
      registers: [this.registry],
      // Major collections are counted by prom-client's nodejs_gc_duration_seconds{kind="major"}.
      collect() {
        if (collections.heapUsedAfter !== null) this.set(collections.heapUsedAfter);
      },
    });
    new Gauge({
      name: 'cw_db_pool_connections',
      help: 'Database connections by pool (primary, replica_N) and state (total, idle, waiting: queries waiting for a connection)',
      labelNames: ['pool', 'state'] as const,
      registers: [this.registry],
      collect() {
        this.reset();
        for (const [pool, counts] of poolsOf(dataSource)) {
          if (counts.totalCount !== undefined)
            this.set({ pool, state: 'total' }, counts.totalCount);
          if (counts.idleCount !== undefined) this.set({ pool, state: 'idle' }, counts.idleCount);
          if (counts.waitingCount !== undefined)
            this.set({ pool, state: 'waiting' }, counts.waitingCount);
        }
      },
    });
  }

  onModuleDestroy(): void {
    this.majorCollections.stop();
  }

  /** Where the gauge of the count cache's size reads from. */
  countCachedAnswers(size: () => { entries: number; rows: number }): void {
    this.cachedAnswers = size;
  }

  /** Where the gauge of queued reads reads from. */
  countQueuedReads(queued: () => number): void {
    this.readQueue = queued;
  }

  /** One finished HTTP request; `route` must be a pattern from the route table. */
  httpRequest(method: string, route: string, status: number, seconds: number): void {
    this.httpDuration.observe({ method, route, status: String(status) }, seconds);
  }

  /** One finished GraphQL request. */
  graphqlRequest(
    operation: string | null,
    type: string,
    outcome: 'ok' | 'error',
    seconds: number,
  ): void {
    this.graphqlDuration.observe(
      { operation: this.operationLabel(operation), type, outcome },
      seconds,
    );
  }

  /** Rows of an import batch, counted once the batch is committed. */
  importRowsCommitted(outcome: ImportRowOutcome, rows: number): void {
    if (rows > 0) this.importRows.inc({ outcome }, rows);
  }

  importRunFinished(status: string): void {
    this.importRuns.inc({ status });
  }

  /**
   * For the reports and exports: call once when a job ends. `kind` names the format or
   * report (`csv`, `xlsx`, `pdf`, `quarterly_report`: lower-case letters, digits and `_`,
   * at most 32; anything else is counted as `other`); `seconds`, when given, is its run time.
   */
  exportJobFinished(kind: string, outcome: ExportOutcome, seconds?: number): void {
    const label = EXPORT_KIND.test(kind) ? kind : 'other';
    this.exportJobs.inc({ kind: label, outcome });
    if (seconds !== undefined && Number.isFinite(seconds) && seconds >= 0)
      this.exportDuration.observe({ kind: label }, seconds);
  }

  /** One read of the read side (database/read-database.ts), by where it ran. */
  databaseRead(target: string): void {
    this.reads.inc({ target });
  }

  /** The Prometheus text exposition. */
  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }

  private operationLabel(name: string | null): string {
    if (name === null) return 'anonymous';
    if (!OPERATION_NAME.test(name)) return 'other';
    if (this.operations.has(name)) return name;
    if (this.operations.size >= MAX_OPERATION_NAMES) return 'other';
    this.operations.add(name);
    return name;
  }
}

/** A `gc` performance entry: Node puts the kind of collection in `detail`. */
type GcEntry = PerformanceEntry & { detail?: { kind?: number } };

/**
 * Follows V8's major collections. The observer is called shortly after each collection (its
 * entries are delivered in a later task), so the heap read then is what survived plus what
 * the few callbacks in between allocated: a close upper bound of the live heap, and one that
 * does not depend on when the heap is sampled, unlike `nodejs_heap_size_used_bytes`.
 */
function watchMajorCollections(): { heapUsedAfter: number | null; stop(): void } {
  const state = {
    heapUsedAfter: null as number | null,
    stop: () => observer.disconnect(),
  };
  const observer = new PerformanceObserver((list) => {
    const major = list
      .getEntries()
      .some((e) => (e as GcEntry).detail?.kind === perfConstants.NODE_PERFORMANCE_GC_MAJOR);
    if (major) state.heapUsedAfter = getHeapStatistics().used_heap_size;
  });
  observer.observe({ entryTypes: ['gc'] });
  return state;
}

/** The driver's pools: the primary, then each replica (TypeORM calls them master, slaves). */
function poolsOf(dataSource: DataSource): [string, PoolCounts][] {
  if (!dataSource.isInitialized) return [];
  const driver = dataSource.driver as unknown as { master?: PoolCounts; slaves?: PoolCounts[] };
  const pools: [string, PoolCounts][] = [];
  if (driver.master) pools.push(['primary', driver.master]);
  (driver.slaves ?? []).forEach((p, i) => pools.push([`replica_${i}`, p]));
  return pools;
}
