// One TypeORM DataSource definition for the app, the migration CLI, the seeder and tests.
// Embedded (PGlite) and server PostgreSQL differ only in the `pg` module handed to
// TypeORM's PostgreSQL driver; every query, migration and transaction is the same code.
import { Logger } from '@nestjs/common';
import pg from 'pg';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { ALL_ENTITIES } from './entities.js';
import { ALL_MIGRATIONS } from './migrations/index.js';
import { openEmbeddedDatabase, type EmbeddedDatabase } from './embedded-database.js';
import { pgliteAsPgModule } from './pglite-pg-module.js';

// A DATE column is a calendar day, not an instant: keep it as 'YYYY-MM-DD' rather than a
// JavaScript Date at local midnight (which shifts with the process time zone).
pg.types.setTypeParser(pg.types.builtins.DATE, (text: string) => text);

export type DatabaseTarget =
  /** `replicaUrls`: streaming replicas that answer dashboard reads (read-database.ts). */
  | { kind: 'server'; url: string; poolSize: number; replicaUrls?: string[] }
  /** `dataDir: null` keeps the embedded database in memory (tests). */
  | { kind: 'embedded'; dataDir: string | null };

/** True for the embedded PGlite database (handed to TypeORM as a custom driver module). */
export function isEmbedded(db: DataSource): boolean {
  return (db.options as { driver?: unknown }).driver !== undefined;
}

export interface OpenDatabase {
  dataSource: DataSource;
  kind: DatabaseTarget['kind'];
  /** Closes the DataSource and, for the embedded database, PGlite and its lock. */
  close(): Promise<void>;
}

const common = {
  type: 'postgres' as const,
  entities: ALL_ENTITIES,
  migrations: ALL_MIGRATIONS,
  migrationsTableName: 'migrations',
  synchronize: false,
  migrationsRun: false,
  // TypeORM would log failing queries with their parameters (complaint text): errors are
  // reported by the GraphQL and REST error handlers instead, without parameters.
  logging: false,
} satisfies Partial<DataSourceOptions>;

/** How long start-up waits for a replica to answer before leaving it out. */
export const REPLICA_PROBE_TIMEOUT_MS = 3000;

/**
 * The replicas that answer now. TypeORM opens a connection to every replica when it starts
 * and fails if one is down; a replica that is down at start is left out (with a warning)
 * until the next start, and reads go to the others or to the primary.
 */
async function reachableReplicas(urls: string[]): Promise<string[]> {
  const answers = await Promise.all(
    urls.map(async (url, i) => {
      const client = new pg.Client({
        connectionString: url,
        connectionTimeoutMillis: REPLICA_PROBE_TIMEOUT_MS,
      });
      try {
        await client.connect();
        await client.query('SELECT 1');
        return true;
      } catch (e) {
        new Logger('Database').warn(
          `replica ${i} (DATABASE_REPLICA_URLS) does not answer (${(e as { code?: string }).code ?? 'error'}): left out until the next start`,
        );
        return false;
      } finally {
        await client.end().catch(() => undefined);
      }
    }),
  );
  return urls.filter((_, i) => answers[i]);
}

/** Opens a DataSource on the target; does not migrate. */
export async function openDatabase(target: DatabaseTarget): Promise<OpenDatabase> {
  if (target.kind === 'server') {
    const server = {
      ...common,
      poolSize: target.poolSize,
      // Also how long a query waits for a free pooled connection under load.
      connectTimeoutMS: 30_000,
      applicationName: 'collection-watch-api',
    } satisfies Partial<DataSourceOptions>;
    const replicas = await reachableReplicas(target.replicaUrls ?? []);
    const options: DataSourceOptions = replicas.length
      ? {
          ...server,
          replication: {
            master: { url: target.url },
            slaves: replicas.map((url) => ({ url })),
            // TypeORM's own reads (repositories) stay on the primary: only the queries
            // that ask for it (ReadDatabase) go to a replica, which may lag behind.
            defaultMode: 'master',
          },
        }
      : { ...server, url: target.url };
    const dataSource = await new DataSource(options).initialize();
    return { dataSource, kind: 'server', close: () => dataSource.destroy() };
  }
  const embedded: EmbeddedDatabase = await openEmbeddedDatabase(target.dataDir);
  try {
    const options: DataSourceOptions = {
      ...common,
      driver: pgliteAsPgModule(embedded.db),
      // TypeORM reads these from the URL for a server; PGlite has one fixed database.
      database: 'postgres',
      username: 'postgres',
    };
    const dataSource = await new DataSource(options).initialize();
    return {
      dataSource,
      kind: 'embedded',
      close: async () => {
        await dataSource.destroy();
        await embedded.close();
      },
    };
  } catch (e) {
    await embedded.close();
    throw e;
  }
}
