// The analytics benchmark: 20 typical dashboard queries over GraphQL/HTTP against the built
// API on server PostgreSQL, the same questions as plain SQL over the raw complaints table
// (the naive baseline) in the same run, then 32 concurrent clients sending the mix.
//
//   npx nx run api:build
//   npm run bench:analytics -- --complaints 10000000 --reuse
//
// Seeds (or, with --reuse, reuses) the database `cw_bench`, starts apps/api/dist/main.js on
// it, and prints data size, hardware, a results table and whether each goal was met. A
// benchmark reports; it does not fail: the exit code is 0 whatever the figures.
// --cpu-prof DIR writes a V8 CPU profile of the API to DIR when it stops.
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { dashboardQueries, END_DATE, type DashboardQuery } from './analytics-queries.js';
import {
  gitCommit,
  graphql,
  percentile,
  seedDemoData,
  startBenchApi,
  table,
  withClient,
  type BenchApi,
} from './support.js';

const GOALS = { p95Ms: 50, speedup: 10, queriesPerSecond: 500 };
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const { values: opts } = parseArgs({
  options: {
    complaints: { type: 'string', default: '10000000' },
    reuse: { type: 'boolean', default: false },
    database: { type: 'string', default: 'cw_bench' },
    server: {
      type: 'string',
      default: process.env['BENCH_PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432',
    },
    'api-dist': { type: 'string', default: 'apps/api/dist' },
    seed: { type: 'string', default: '7' },
    iterations: { type: 'string', default: '20' },
    'naive-iterations': { type: 'string', default: '5' },
    clients: { type: 'string', default: '32' },
    duration: { type: 'string', default: '30' },
    json: { type: 'string' },
    'cpu-prof': { type: 'string' },
  },
});
const complaints = Number(opts.complaints);
const iterations = Number(opts.iterations);
const naiveIterations = Number(opts['naive-iterations']);
const clients = Number(opts.clients);
const durationSeconds = Number(opts.duration);
const apiDist = path.resolve(ROOT, opts['api-dist']);
const serverUrl = opts.server.replace(/\/$/, '');
const databaseUrl = `${serverUrl}/${opts.database}`;

// --- small helpers ----------------------------------------------------------------------

const log = (line = '') => console.log(line);

const ms = (v: number) =>
  Number.isNaN(v) ? '—' : v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : v.toFixed(0);
const int = (n: number) => n.toLocaleString('en-US');
const bytes = (n: number) => `${(n / 1024 ** 3).toFixed(2)} GiB`;

// --- data -------------------------------------------------------------------------------

async function ensureDatabase(): Promise<void> {
  await withClient(`${serverUrl}/postgres`, async (c) => {
    const { rowCount } = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [
      opts.database,
    ]);
    if (!rowCount) {
      log(`creating database ${opts.database}`);
      await c.query(`CREATE DATABASE "${opts.database.replace(/"/g, '""')}"`);
    }
  });
}

/** Complaints and last day already in the benchmark database (null when not migrated). */
async function currentData(): Promise<{ complaints: number; lastDay: string | null } | null> {
  return withClient(databaseUrl, async (c) => {
    const { rows } = await c.query<{ t: string | null }>(
      `SELECT to_regclass('rollup_daily')::text AS t`,
    );
    if (!rows[0]?.t) return null;
    const { rows: n } = await c.query<{ n: number; last: string | null }>(
      `SELECT (SELECT count(*)::int FROM complaints) AS n, (SELECT max(day)::text FROM rollup_daily) AS last`,
    );
    return { complaints: n[0]!.n, lastDay: n[0]!.last };
  });
}

async function prepareData(): Promise<void> {
  await ensureDatabase();
  const now = await currentData();
  if (opts.reuse && now?.complaints === complaints && now.lastDay === END_DATE) {
    log(`reusing ${opts.database}: ${int(complaints)} complaints ending ${END_DATE}`);
  } else {
    log(
      `seeding ${opts.database} with ${int(complaints)} complaints ending ${END_DATE} ` +
        `(it holds ${now ? int(now.complaints) : 'nothing'}${opts.reuse ? '' : '; no --reuse'})`,
    );
    const started = performance.now();
    await seedDemoData(apiDist, databaseUrl, {
      complaints,
      seed: opts.seed,
      end: END_DATE,
      replace: true,
    });
    log(`seeded in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  // A bulk load leaves the visibility map empty (no index-only scans) and no statistics:
  // vacuum once, as autovacuum would soon, so neither side is measured on a cold table.
  await withClient(databaseUrl, async (c) => {
    const { rows } = await c.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_user_tables
       WHERE relname IN ('complaints', 'rollup_daily', 'rollup_monthly')
         AND coalesce(last_vacuum, last_autovacuum) IS NULL`,
    );
    if (rows[0]!.n > 0) {
      log('vacuuming the freshly loaded tables');
      await c.query('VACUUM ANALYZE complaints, rollup_daily, rollup_monthly');
    } else {
      await c.query('ANALYZE complaints, rollup_daily, rollup_monthly');
    }
  });
}

interface DataSize {
  complaints: number;
  rollupDaily: number;
  rollupMonthly: number;
  database: number;
  complaintsTable: number;
  rollupTables: number;
}

async function dataSize(): Promise<DataSize> {
  return withClient(databaseUrl, async (c) => {
    const { rows } = await c.query<DataSize>(`SELECT
      (SELECT count(*)::int FROM complaints) AS complaints,
      (SELECT count(*)::int FROM rollup_daily) AS "rollupDaily",
      (SELECT count(*)::int FROM rollup_monthly) AS "rollupMonthly",
      pg_database_size(current_database())::float8 AS database,
      pg_total_relation_size('complaints')::float8 AS "complaintsTable",
      (pg_total_relation_size('rollup_daily') + pg_total_relation_size('rollup_monthly'))::float8 AS "rollupTables"`);
    return rows[0]!;
  });
}

async function hardware(): Promise<Record<string, string>> {
  const settings = await withClient(databaseUrl, async (c) => {
    const { rows } = await c.query<{
      version: string;
      sb: string;
      wm: string;
      par: string;
      jit: string;
    }>(
      `SELECT version() AS version, current_setting('shared_buffers') AS sb, current_setting('work_mem') AS wm,
              current_setting('max_parallel_workers_per_gather') AS par, current_setting('jit') AS jit`,
    );
    return rows[0]!;
  });
  const cpus = os.cpus();
  return {
    code: gitCommit(ROOT),
    cpu: `${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown'}`,
    memory: bytes(os.totalmem()),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    postgresql: settings.version.split(' on ')[0] ?? settings.version,
    'postgresql settings': `shared_buffers ${settings.sb}, work_mem ${settings.wm}, max_parallel_workers_per_gather ${settings.par}, jit ${settings.jit} (defaults)`,
  };
}

// --- API --------------------------------------------------------------------------------

type Api = BenchApi;

const startApi = (): Promise<Api> =>
  startBenchApi({
    apiDist,
    databaseUrl,
    cpuProfileDir: opts['cpu-prof'],
  });

/** One timed GraphQL request; throws on a GraphQL error, so no error is timed as an answer. */
async function timeApi(api: Api, q: DashboardQuery): Promise<number> {
  const t = performance.now();
  const res = await graphql(api.url, api.token, q.graphql);
  const elapsed = performance.now() - t;
  if (res.errors?.length)
    throw new Error(`${q.name}: ${res.errors.map((e) => e.message).join('; ')}`);
  return elapsed;
}

/** One timed run of the naive SQL (all its statements, one after another). */
async function timeNaive(client: pg.Client, q: DashboardQuery): Promise<number> {
  const t = performance.now();
  for (const s of q.naive) await client.query(s.sql, s.params);
  return performance.now() - t;
}

// --- the run ----------------------------------------------------------------------------

interface Measured {
  query: DashboardQuery;
  api: number[];
  naive: number[];
}

/** The cost of any request: HTTP, session check, GraphQL parse and validation, no figures. */
async function floor(api: Api): Promise<number[]> {
  const me: DashboardQuery = {
    name: 'me',
    reads: 'users',
    graphql: { query: 'query Me { me { email } }', variables: {} },
    naive: [],
  };
  for (let i = 0; i < 10; i++) await timeApi(api, me);
  const samples: number[] = [];
  for (let i = 0; i < 100; i++) samples.push(await timeApi(api, me));
  return samples;
}

async function sequential(api: Api, queries: DashboardQuery[]): Promise<Measured[]> {
  const measured = queries.map((query) => ({ query, api: [] as number[], naive: [] as number[] }));
  log(`warming up (3 rounds over the API, 1 of naive SQL)`);
  for (let round = 0; round < 3; round++) for (const q of queries) await timeApi(api, q);
  log(`API: ${iterations} rounds of the ${queries.length} queries, one at a time`);
  for (let round = 0; round < iterations; round++) {
    for (const m of measured) m.api.push(await timeApi(api, m.query));
  }
  await withClient(databaseUrl, async (client) => {
    for (const q of queries) await timeNaive(client, q);
    log(`naive SQL: ${naiveIterations} rounds, one at a time, over one pg connection`);
    for (let round = 0; round < naiveIterations; round++) {
      const t = performance.now();
      for (const m of measured) m.naive.push(await timeNaive(client, m.query));
      log(`  round ${round + 1}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
    }
  });
  return measured;
}

interface Concurrency {
  clients: number;
  seconds: number;
  completed: number;
  errors: number;
  firstError: string | null;
  latencies: number[];
}

async function concurrent(api: Api, queries: DashboardQuery[]): Promise<Concurrency> {
  log(
    `concurrency: ${clients} clients for ${durationSeconds} s, each sending the ${queries.length} queries in turn`,
  );
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | null = null;
  const started = performance.now();
  const deadline = started + durationSeconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (let i = client; performance.now() < deadline; i++) {
        const q = queries[i % queries.length]!;
        try {
          latencies.push(await timeApi(api, q));
        } catch (e) {
          errors++;
          firstError ??= String(e);
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { clients, seconds, completed: latencies.length, errors, firstError, latencies };
}

async function main(): Promise<void> {
  const startedAt = new Date();
  log(`analytics benchmark, ${startedAt.toISOString()}`);
  log(`command: npm run bench:analytics -- ${process.argv.slice(2).join(' ')}`);
  await prepareData();
  const size = await dataSize();
  const hw = await hardware();
  const institutionId = await withClient(databaseUrl, async (c) => {
    const { rows } = await c.query<{ id: string }>(
      `SELECT institution_id::text AS id FROM rollup_daily GROUP BY 1 ORDER BY sum(n) DESC, 1 LIMIT 1`,
    );
    return rows[0]?.id ?? '1';
  });
  const queries = dashboardQueries({ institutionId });

  const api = await startApi();
  let measured: Measured[];
  let load: Concurrency;
  let floorSamples: number[];
  try {
    // Every query must answer without errors before anything is timed.
    for (const q of queries) await timeApi(api, q);
    floorSamples = await floor(api);
    measured = await sequential(api, queries);
    load = await concurrent(api, queries);
  } finally {
    await api.stop();
  }

  log();
  log('## Data');
  log(
    table(
      ['', 'value'],
      [
        ['complaints', int(size.complaints)],
        ['rollup_daily rows', int(size.rollupDaily)],
        ['rollup_monthly rows', int(size.rollupMonthly)],
        ['complaints table + indexes', bytes(size.complaintsTable)],
        ['rollup tables + indexes', bytes(size.rollupTables)],
        ['database', bytes(size.database)],
        ['span', `3 years ending ${END_DATE}`],
      ],
    ),
  );
  log();
  log('## Hardware');
  log(table(['', 'value'], Object.entries(hw)));
  log();
  log(
    `## Latency, one query at a time (ms; API: ${iterations} runs each, naive SQL: ${naiveIterations})`,
  );
  const rows = measured.map((m, i) => {
    const a50 = percentile(m.api, 0.5);
    const n50 = percentile(m.naive, 0.5);
    return [
      `${String(i + 1).padStart(2)}. ${m.query.name}`,
      m.query.reads,
      ms(a50),
      ms(percentile(m.api, 0.95)),
      ms(n50),
      ms(percentile(m.naive, 0.95)),
      `${(n50 / a50).toFixed(1)}×`,
    ];
  });
  const allApi = measured.flatMap((m) => m.api);
  const allNaive = measured.flatMap((m) => m.naive);
  const apiP95 = percentile(allApi, 0.95);
  const naiveP95 = percentile(allNaive, 0.95);
  const apiP50 = percentile(allApi, 0.5);
  const naiveP50 = percentile(allNaive, 0.5);
  const sumApi = measured.reduce((s, m) => s + percentile(m.api, 0.5), 0);
  const sumNaive = measured.reduce((s, m) => s + percentile(m.naive, 0.5), 0);
  const geo = Math.exp(
    measured.reduce((s, m) => s + Math.log(percentile(m.naive, 0.5) / percentile(m.api, 0.5)), 0) /
      measured.length,
  );
  rows.push([
    'all queries',
    '',
    ms(apiP50),
    ms(apiP95),
    ms(naiveP50),
    ms(naiveP95),
    `${(naiveP95 / apiP95).toFixed(1)}× (p95)`,
  ]);
  log(
    table(
      ['query', 'API reads', 'API p50', 'API p95', 'naive p50', 'naive p95', 'speed-up (p50)'],
      rows,
    ),
  );
  log(
    `whole dashboard (sum of the 20 medians): API ${ms(sumApi)} ms, naive ${ms(sumNaive)} ms ` +
      `(${(sumNaive / sumApi).toFixed(1)}×); geometric mean of per-query speed-ups ${geo.toFixed(1)}×`,
  );
  log(
    `floor (query { me { email } }, 100 runs): p50 ${ms(percentile(floorSamples, 0.5))} ms, ` +
      `p95 ${ms(percentile(floorSamples, 0.95))} ms`,
  );
  log();
  const qps = load.completed / load.seconds;
  log(
    `## Concurrency (${load.clients} clients, ${load.seconds.toFixed(1)} s, the 20 queries in turn)`,
  );
  log(
    table(
      ['', 'value'],
      [
        ['queries answered', int(load.completed)],
        ['errors', int(load.errors)],
        ['queries/s', qps.toFixed(0)],
        ['p50 ms', ms(percentile(load.latencies, 0.5))],
        ['p95 ms', ms(percentile(load.latencies, 0.95))],
        ['p99 ms', ms(percentile(load.latencies, 0.99))],
      ],
    ),
  );
  if (load.firstError) log(`first error: ${load.firstError}`);
  log();
  const verdict = (ok: boolean) => (ok ? 'MET' : 'NOT MET');
  const goals = [
    [
      `p95 ≤ ${GOALS.p95Ms} ms (one at a time, all queries)`,
      `${ms(apiP95)} ms`,
      verdict(apiP95 <= GOALS.p95Ms),
    ],
    [
      `≥ ${GOALS.speedup}× faster than naive SQL (p95 against p95)`,
      `${(naiveP95 / apiP95).toFixed(1)}×`,
      verdict(naiveP95 / apiP95 >= GOALS.speedup),
    ],
    [
      `${clients} clients sustain ≥ ${GOALS.queriesPerSecond} queries/s`,
      `${qps.toFixed(0)} /s (errors: ${load.errors})`,
      verdict(qps >= GOALS.queriesPerSecond && load.errors === 0),
    ],
  ];
  log('## Goals');
  log(table(['goal', 'measured', ''], goals));

  if (opts.json) {
    writeFileSync(
      opts.json,
      JSON.stringify(
        {
          startedAt,
          args: process.argv.slice(2),
          size,
          hardware: hw,
          queries: measured.map((m) => ({
            name: m.query.name,
            reads: m.query.reads,
            api: m.api,
            naive: m.naive,
          })),
          concurrency: { ...load, latencies: undefined, qps },
        },
        null,
        2,
      ),
    );
    log(`raw samples written to ${opts.json}`);
  }
}

main().catch((e: unknown) => {
  // A benchmark reports: say what went wrong, but do not fail the shell.
  console.error(`benchmark stopped: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
});
