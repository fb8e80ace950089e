// The reports and exports benchmark, on an existing benchmark database (`npm run
// bench:analytics` seeds one):
//
//   npx nx run api:build
//   npm run bench:reports -- --database cw_bench
//
// 1. The quarterly report for the last whole quarter in the data, as PDF, XLSX and CSV zip,
//    through GET /api/reports/quarterly on the built API: the first request after start-up
//    (nothing cached) and the following ones.
// 2. A raw CSV export of about --export-rows complaints (the latest days that hold that
//    many) through GET /api/exports/complaints, against PostgreSQL's own
//    `COPY (SELECT * FROM complaints WHERE ...) TO STDOUT (FORMAT csv)` of the same rows,
//    with the API's resident memory sampled every 20 ms during the export.
// It prints data size, hardware, the results and whether each goal was met; it always exits 0.
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { to as copyTo } from 'pg-copy-streams';
import { gitCommit, rssBytes, startBenchApi, table, withClient, type BenchApi } from './support.js';

const GOALS = { pdfSeconds: 5, copyRatio: 0.5, growthMb: 100 };
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const { values: opts } = parseArgs({
  options: {
    database: { type: 'string', default: 'cw_bench' },
    server: {
      type: 'string',
      default: process.env['BENCH_PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432',
    },
    'api-dist': { type: 'string', default: 'apps/api/dist' },
    runs: { type: 'string', default: '5' },
    'export-rows': { type: 'string', default: '1000000' },
  },
});
const databaseUrl = `${opts.server.replace(/\/$/, '')}/${opts.database}`;
const apiDist = path.resolve(ROOT, opts['api-dist']);
const runs = Number(opts.runs);
const exportRows = Number(opts['export-rows']);

const log = (line = '') => console.log(line);
const int = (n: number) => Math.round(n).toLocaleString('en-US');
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mb = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(0)} MB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;

/** The last whole quarter in the data, and the data's size. */
async function dataFacts() {
  return withClient(databaseUrl, async (c) => {
    const { rows } = await c.query<{ n: number; last: string; size: number }>(
      `SELECT (SELECT count(*)::int FROM complaints) AS n, (SELECT max(day)::text FROM rollup_daily) AS last,
              pg_database_size(current_database())::float8 AS size`,
    );
    const { n, last, size } = rows[0]!;
    const [y, m, d] = last.split('-').map(Number) as [number, number, number];
    const endOfQuarter = m % 3 === 0 && new Date(Date.UTC(y, m, 0)).getUTCDate() === d;
    let quarter = Math.floor((m - 1) / 3) + 1 - (endOfQuarter ? 0 : 1);
    let year = y;
    if (quarter === 0) {
      quarter = 4;
      year -= 1;
    }
    const { rows: pg } = await c.query<{ version: string; sb: string; wm: string }>(
      `SELECT version() AS version, current_setting('shared_buffers') AS sb, current_setting('work_mem') AS wm`,
    );
    return { complaints: n, lastDay: last, size, year, quarter, pg: pg[0]! };
  });
}

/** The shortest run of latest days that holds at least `rows` complaints. */
async function exportRange(rows: number): Promise<{ from: string; to: string; count: number }> {
  return withClient(databaseUrl, async (c) => {
    const { rows: days } = await c.query<{ day: string; n: number }>(
      `SELECT day::text, sum(n)::int AS n FROM rollup_daily GROUP BY day ORDER BY day DESC`,
    );
    let count = 0;
    for (const d of days) {
      count += d.n;
      if (count >= rows) return { from: d.day, to: days[0]!.day, count };
    }
    return { from: days[days.length - 1]!.day, to: days[0]!.day, count };
  });
}

async function timedDownload(api: BenchApi, url: string, sampleMemory = false) {
  const samples: number[] = [];
  const before = rssBytes(api.pid) ?? 0;
  const timer = sampleMemory ? setInterval(() => samples.push(rssBytes(api.pid) ?? 0), 20) : null;
  const t = performance.now();
  const res = await fetch(`${api.url}${url}`, {
    headers: { authorization: `Bearer ${api.token}` },
  });
  if (res.status !== 200) throw new Error(`${url}: HTTP ${res.status} ${await res.text()}`);
  let bytes = 0;
  let newlines = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.length;
    for (let i = 0; i < chunk.length; i++) if (chunk[i] === 0x0a) newlines++;
  }
  const ms = performance.now() - t;
  if (timer) clearInterval(timer);
  return { ms, bytes, newlines, before, peak: Math.max(before, ...samples) };
}

async function copyBaseline(from: string, to: string) {
  return withClient(databaseUrl, async (c) => {
    const t = performance.now();
    const stream = c.query(
      copyTo(
        `COPY (SELECT * FROM complaints WHERE received_day BETWEEN '${from}' AND '${to}') TO STDOUT (FORMAT csv)`,
      ),
    );
    let bytes = 0;
    for await (const chunk of stream as AsyncIterable<Buffer>) bytes += chunk.length;
    return { ms: performance.now() - t, bytes };
  });
}

async function main(): Promise<void> {
  const facts = await dataFacts();
  const cpus = os.cpus();
  log('# Reports and exports benchmark');
  log();
  log(
    table(
      ['', 'value'],
      [
        ['code', gitCommit(ROOT)],
        ['complaints', int(facts.complaints)],
        [
          'database',
          `${opts.database}, ${(facts.size / 1024 ** 3).toFixed(2)} GiB, data to ${facts.lastDay}`,
        ],
        ['cpu', `${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown'}`],
        ['memory', `${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`],
        ['node', process.version],
        [
          'postgresql',
          `${facts.pg.version.split(' on ')[0]} (shared_buffers ${facts.pg.sb}, work_mem ${facts.pg.wm})`,
        ],
        [
          'load average at start',
          os
            .loadavg()
            .map((l) => l.toFixed(2))
            .join(', '),
        ],
      ],
    ),
  );
  const range = await exportRange(exportRows);
  const api = await startBenchApi({
    apiDist,
    databaseUrl,
    env: { EXPORT_SYNC_MAX_ROWS: String(Math.max(exportRows * 2, 100_000)) },
  });
  try {
    log();
    log(`## Quarterly report, ${facts.year} Q${facts.quarter}, no filter (${runs} runs a format)`);
    log();
    const reportRows: string[][] = [];
    let pdfWarm = Infinity;
    let pdfFirst = Infinity;
    for (const format of ['pdf', 'xlsx', 'csv']) {
      const times: number[] = [];
      let size = 0;
      for (let i = 0; i < runs; i++) {
        const r = await timedDownload(
          api,
          `/api/reports/quarterly?year=${facts.year}&quarter=${facts.quarter}&format=${format}`,
        );
        times.push(r.ms);
        size = r.bytes;
      }
      if (format === 'pdf') {
        pdfFirst = times[0]!;
        pdfWarm = median(times.slice(1));
      }
      reportRows.push([
        format,
        secs(times[0]!),
        secs(median(times.slice(1))),
        secs(Math.max(...times.slice(1))),
        `${(size / 1024).toFixed(0)} KB`,
      ]);
    }
    log(table(['format', 'first request', 'median after', 'slowest after', 'file'], reportRows));
    const filtered = await timedDownload(
      api,
      `/api/reports/quarterly?year=${facts.year}&quarter=${facts.quarter}&format=pdf&provinceCodes=440000`,
    );
    const byCategory = await timedDownload(
      api,
      `/api/reports/quarterly?year=${facts.year}&quarter=${facts.quarter}&format=pdf&categories=THREAT`,
    );
    log();
    log(
      table(
        ['PDF with a filter (first request)', 'time'],
        [
          ['one province (rollups answer)', secs(filtered.ms)],
          ['one conduct category (the complaints table answers)', secs(byCategory.ms)],
        ],
      ),
    );

    log();
    log(`## Raw CSV export: ${int(range.count)} complaints received ${range.from} to ${range.to}`);
    log();
    // Alternated, best of two each: on a busy machine one run of either can be slowed down.
    const exportUrl = `/api/exports/complaints?format=csv&from=${range.from}&to=${range.to}`;
    const copy = await copyBaseline(range.from, range.to);
    const first = await timedDownload(api, exportUrl, true);
    const copyAgain = await copyBaseline(range.from, range.to);
    const second = await timedDownload(api, exportUrl, true);
    const exported = first.ms <= second.ms ? first : second;
    const copyMs = Math.min(copy.ms, copyAgain.ms);
    log(
      table(
        ['', 'time', 'rows/s', 'bytes'],
        [
          [
            'PostgreSQL COPY (SELECT * ...) TO STDOUT, best of 2',
            secs(copyMs),
            int(range.count / (copyMs / 1000)),
            mb(copy.bytes),
          ],
          [
            'GET /api/exports/complaints?format=csv',
            secs(exported.ms),
            int(range.count / (exported.ms / 1000)),
            mb(exported.bytes),
          ],
        ],
      ),
    );
    const growth = Math.max(first.peak - first.before, second.peak - second.before);
    log();
    log(
      `API resident memory: ${mb(exported.before)} before, ${mb(exported.peak)} at the peak, growth ${mb(growth)}`,
    );

    const ratio = copyMs / exported.ms;
    log();
    log('## Goals');
    log();
    log(
      table(
        ['goal', 'measured', 'met'],
        [
          [
            `quarterly PDF under ${GOALS.pdfSeconds} s`,
            `${secs(pdfFirst)} first, ${secs(pdfWarm)} after`,
            pdfFirst < GOALS.pdfSeconds * 1000
              ? 'MET'
              : pdfWarm < GOALS.pdfSeconds * 1000
                ? 'MET when warm only'
                : 'NOT MET',
          ],
          [
            `CSV export at least ${GOALS.copyRatio} × COPY's speed`,
            `${ratio.toFixed(2)} ×`,
            ratio >= GOALS.copyRatio ? 'MET' : 'NOT MET',
          ],
          [
            `API memory growth under ${GOALS.growthMb} MB`,
            mb(growth),
            growth < GOALS.growthMb * 1024 ** 2 ? 'MET' : 'NOT MET',
          ],
        ],
      ),
    );
  } finally {
    await api.stop();
  }
}

await main();
