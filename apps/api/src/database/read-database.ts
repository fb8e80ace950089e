// Where dashboard reads go. With DATABASE_REPLICA_URLS, read-only queries that ask for it
// (the analytics services) run on a streaming replica, through the pools TypeORM's
// replication opened; everything else (writes, sessions, imports) stays on the primary.
//
// - One request reads from one place: the first read picks a replica (round robin over
//   those that are up) and the request's other reads follow it, so a figure and the data
//   version it is cached under come from the same replica (a replica only moves forward).
// - A replica that fails (connection refused or lost, or a query cancelled by a conflict
//   with recovery) is left alone for REPLICA_RETRY_MS: the failed read and the rest of
//   the request go to the primary, which is never behind a replica.
// - Without replicas, and on the embedded database, reads simply go to the primary.
// - On each database, reads take turns by their request's arrival (read-gate.ts), as many
//   at once as the pool has connections. Holding two back for sign-in and writes cost a
//   fifth of the throughput of 32 clients with cached answers (docs/benchmarks.md); they
//   are not needed, since the gate keeps the pool's own queue short: a sign-in waits behind
//   at most the reads already running, never behind the read queue.
import { Global, Logger, Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { performance } from 'node:perf_hooks';
import type pg from 'pg';
import { DataSource, QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable } from '../graphql/error-formatter.js';
import { MetricsService } from '../observability/metrics.service.js';
import { requestContext } from '../observability/request-context.js';
import { ReadGate, RequestAbandonedError, type ReadOwner } from './read-gate.js';

/** Injection token of the read side (a ReadDatabase). */
export const READ_DATABASE = Symbol('READ_DATABASE');

/** What a read-only service needs: a DataSource satisfies it too (tests, scripts). */
export interface Queryable {
  query<T = unknown>(sql: string, params?: unknown[]): Promise<T>;
}

/** How long a failed replica is left alone before reads try it again. */
export const REPLICA_RETRY_MS = 5000;

const PRIMARY = -1;

export class ReadDatabase implements Queryable {
  private readonly logger = new Logger('ReadDatabase');
  private readonly downUntil: number[] = [];
  private next = 0;
  private readonly gates = new Map<number, ReadGate>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly counted?: (target: string) => void,
  ) {}

  /** Reads waiting for their turn, on every database. */
  get queued(): number {
    let n = 0;
    for (const gate of this.gates.values()) n += gate.queued;
    return n;
  }

  async query<T = unknown>(sql: string, params: unknown[] = []): Promise<T> {
    const replicas = this.replicas();
    const context = requestContext.getStore();
    // Work outside a request (export jobs, schedules) queues as if it arrived now.
    const owner: ReadOwner = {
      arrivedAt: context?.arrivedAt ?? performance.now(),
      signal: context?.signal,
    };
    let target = context?.readTarget ?? this.pick(replicas.length);
    if (context && context.readTarget === undefined) context.readTarget = target;
    if (target !== PRIMARY) {
      try {
        const rows = await this.gate(target).run(owner, () =>
          this.onReplica(replicas[target]!, sql, params),
        );
        this.counted?.(`replica_${target}`);
        return rows as T;
      } catch (e) {
        if (e instanceof RequestAbandonedError) throw e;
        if (!replicaFailed(e)) throw new QueryFailedError(sql, params, e as Error);
        this.markDown(target, e);
        target = PRIMARY;
        if (context) context.readTarget = PRIMARY;
      }
    }
    const rows = await this.gate(PRIMARY).run(owner, () => this.dataSource.query<T>(sql, params));
    this.counted?.('primary');
    return rows;
  }

  /** The gate of one database, sized by its pool (the embedded database: one at a time). */
  private gate(target: number): ReadGate {
    let gate = this.gates.get(target);
    if (!gate) {
      gate = new ReadGate((this.dataSource.options as { poolSize?: number }).poolSize ?? 1);
      this.gates.set(target, gate);
    }
    return gate;
  }

  /** TypeORM's replica pools (empty without replication). */
  private replicas(): pg.Pool[] {
    const driver = this.dataSource.driver as unknown as { slaves?: pg.Pool[] };
    return driver.slaves ?? [];
  }

  /** The next replica that is up, round robin; the primary when none is. */
  private pick(count: number): number {
    const now = Date.now();
    for (let k = 0; k < count; k++) {
      const i = (this.next + k) % count;
      if ((this.downUntil[i] ?? 0) <= now) {
        this.next = i + 1;
        return i;
      }
    }
    return PRIMARY;
  }

  private markDown(i: number, e: unknown): void {
    const wasUp = (this.downUntil[i] ?? 0) <= Date.now();
    this.downUntil[i] = Date.now() + REPLICA_RETRY_MS;
    if (wasUp) {
      const code = (e as { code?: string }).code ?? 'error';
      this.logger.warn(
        `replica ${i} failed (${code}): reads go to the primary, trying it again in ${REPLICA_RETRY_MS / 1000} s`,
      );
    }
  }

  private async onReplica(pool: pg.Pool, sql: string, params: unknown[]): Promise<unknown[]> {
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      return (await client.query(sql, params)).rows as unknown[];
    } catch (e) {
      // A connection that failed is not handed out again.
      if (replicaFailed(e)) broken = e as Error;
      throw e;
    } finally {
      client.release(broken);
    }
  }
}

/** The replica cannot answer now; the primary can answer instead. */
function replicaFailed(e: unknown): boolean {
  // 40001 on a standby: the query was cancelled by a conflict with recovery.
  return isDatabaseUnavailable(e) || (e as { code?: string }).code === '40001';
}

@Global()
@Module({
  providers: [
    {
      provide: READ_DATABASE,
      inject: [getDataSourceToken(), MetricsService],
      useFactory: (dataSource: DataSource, metrics: MetricsService) => {
        const reads = new ReadDatabase(dataSource, (target) => metrics.databaseRead(target));
        metrics.countQueuedReads(() => reads.queued);
        return reads;
      },
    },
  ],
  exports: [READ_DATABASE],
})
export class ReadDatabaseModule {}
