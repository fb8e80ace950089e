// Start-up in one place, shared by main.ts and the tests: open the database, migrate, keep
// reference data current, seed the demo data set, then serve GraphQL and the dashboard.
import { createServer } from 'node:net';
import type { Server } from 'node:http';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { addDays, shanghaiDate } from '@cw/domain';
import { AppModule } from './app.module.js';
import { AuthService } from './auth/auth.service.js';
import { ImportService } from './ingest/import.service.js';
import { ConfigError, type Env } from './config/env.js';
import { openDatabase, type OpenDatabase } from './database/data-source.js';
import { migrate } from './database/migrate.js';
import { seedDemoData } from './demo/demo-seeder.js';
import { installObservability } from './observability/http-observability.js';
import { JsonLogger, levelsFrom } from './observability/json-logger.js';
import { Lifecycle } from './observability/lifecycle.js';
import { MetricsService } from './observability/metrics.service.js';
import { shutdownGracefully } from './observability/shutdown.js';
import { syncRegions } from './registry/region-sync.js';
import { defaultDashboardDir, serveDashboard } from './web/dashboard-static.js';
import { installHttpSecurity } from './web/http-security.js';
import { RestExceptionFilter } from './web/rest-exception.filter.js';

export interface RunningApi {
  app: NestExpressApplication;
  database: OpenDatabase;
  url: string;
  /**
   * Stops gracefully (observability/shutdown.ts): in-flight requests and running imports get
   * `graceMs` (default SHUTDOWN_GRACE_SECONDS) to finish; then the database is closed.
   */
  close(graceMs?: number): Promise<void>;
}

/** Opens, migrates and (when asked) seeds the database the environment names. */
export async function prepareDatabase(
  env: Env,
  logger = new Logger('Database'),
): Promise<OpenDatabase> {
  const database = await openDatabase(
    env.DATABASE_URL
      ? {
          kind: 'server',
          url: env.DATABASE_URL,
          poolSize: env.DATABASE_POOL_SIZE,
          replicaUrls: env.DATABASE_REPLICA_URLS,
        }
      : { kind: 'embedded', dataDir: env.DATA_DIR },
  ).catch((e: unknown) => {
    throw describeConnectError(e, env);
  });
  try {
    const applied = await migrate(database.dataSource);
    if (applied.length) logger.log(`applied migrations: ${applied.join(', ')}`);
    await syncRegions(database.dataSource);
    // Demo data by default only in the embedded database: a server holds real data.
    const demo = env.DEMO_DATA ?? database.kind === 'embedded';
    if (demo && env.DEMO_COMPLAINTS > 0) {
      const started = Date.now();
      const result = await seedDemoData(
        database.dataSource,
        // The data ends yesterday (Shanghai), so no complaint lies in the future.
        {
          complaints: env.DEMO_COMPLAINTS,
          seed: env.DEMO_SEED,
          endDate: addDays(shanghaiDate(new Date()), -1),
        },
        (n) => {
          if (n % 50_000 === 0 && n < env.DEMO_COMPLAINTS)
            logger.log(`demo data: ${n} of ${env.DEMO_COMPLAINTS} complaints`);
        },
      );
      if (result.seeded) {
        logger.log(
          `seeded demo data: ${result.complaints} complaints, ${result.institutions} institutions, ` +
            `${result.agencies} agencies in ${((Date.now() - started) / 1000).toFixed(1)} s`,
        );
      }
    }
    return database;
  } catch (e) {
    await database.close();
    throw e;
  }
}

export async function startApi(env: Env): Promise<RunningApi> {
  await assertPortFree(env.PORT, env.HOST);
  const database = await prepareDatabase(env);
  try {
    return await serveApi(database, env);
  } catch (e) {
    await database.close();
    throw e;
  }
}

/** The Nest application on an open, migrated database, not yet listening. */
export async function createNestApp(
  database: OpenDatabase,
  env: Env,
): Promise<NestExpressApplication> {
  const logger = new JsonLogger(levelsFrom(env.LOG_LEVEL));
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.register(database.dataSource, env),
    {
      logger,
      // Body parsing is ours, with explicit limits (web/http-security.ts).
      bodyParser: false,
    },
  );
  app.disable('x-powered-by');
  // First: request ids, request logs and metrics, health and /metrics (no session needed).
  installObservability(app, {
    env,
    db: database.dataSource,
    metrics: app.get(MetricsService),
    lifecycle: app.get(Lifecycle),
    logger,
  });
  const auth = app.get(AuthService);
  installHttpSecurity(app, env, auth);
  app.useGlobalFilters(new RestExceptionFilter());
  const dashboardDir = env.DASHBOARD_DIR ?? defaultDashboardDir();
  if (!serveDashboard(app, dashboardDir)) {
    new Logger('Dashboard').warn(
      `no built dashboard in ${dashboardDir}: run npm run build (GraphQL still served)`,
    );
  }
  return app;
}

/** Serves GraphQL and the dashboard on an open, migrated database (PORT 0: any free port). */
export async function serveApi(database: OpenDatabase, env: Env): Promise<RunningApi> {
  const app = await createNestApp(database, env);
  await app.get(AuthService).ensureFirstAdmin();
  const abandoned = await app.get(ImportService).abandonInterruptedRuns();
  if (abandoned)
    new Logger('Import').warn(
      `${abandoned} import(s) interrupted by the last stop were marked ABANDONED`,
    );
  (app.getHttpServer() as Server).requestTimeout = env.HTTP_REQUEST_TIMEOUT_SECONDS * 1000;
  await app.listen(env.PORT, env.HOST);
  const { port } = app.getHttpServer().address() as { port: number };
  return {
    app,
    database,
    url: `http://localhost:${port}`,
    close: async (graceMs = env.SHUTDOWN_GRACE_SECONDS * 1000) => {
      await shutdownGracefully(app, graceMs);
      await database.close();
    },
  };
}

function assertPortFree(port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (e: NodeJS.ErrnoException) =>
      reject(
        e.code === 'EADDRINUSE'
          ? new ConfigError([
              `PORT: ${port} is already in use (stop the other process or set PORT)`,
            ])
          : new ConfigError([`PORT: cannot listen on ${host}:${port} (${e.code ?? e.message})`]),
      ),
    );
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

/** Turns a failed connection into one line naming DATABASE_URL, without its password. */
function describeConnectError(e: unknown, env: Env): unknown {
  if (e instanceof ConfigError || !env.DATABASE_URL) return e;
  const url = new URL(env.DATABASE_URL);
  const where = `${url.hostname}:${url.port || 5432}${url.pathname}`;
  const err = e as { code?: string; message?: string };
  const reason =
    err.code === '3D000'
      ? 'the database does not exist'
      : err.code === '28P01' || err.code === '28000'
        ? 'authentication failed'
        : (err.code ?? err.message ?? 'unknown error');
  return new ConfigError([`DATABASE_URL: cannot connect to ${where} (${reason})`]);
}
