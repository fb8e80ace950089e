// The soak: the built API under a steady mix of dashboard requests for a long time, to show
// that nothing fails and memory does not creep. Open loop: requests leave at a fixed rate
// whether or not earlier ones have been answered, as independent users send them, so a slow
// API meets a queue instead of a politely waiting client.
//
//   npx nx run api:build
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/cw_soak npm run soak -- --duration 600 --rate 50
//   npm run soak:ci     # 60 s at 50/s on a fresh database of 20,000 complaints, then dropped
//
// Starts apps/api/dist/main.js on DATABASE_URL (or, with --fresh N, on a database it creates
// and seeds with N demo complaints and drops at the end), signs in as an administrator and as
// a provincial analyst it creates, and sends the mix of tests/load/soak-mix.ts. It records
// every failed request (non-2xx, GraphQL error, no answer within --timeout), latency per
// window, the rate achieved, and the API's RSS (/proc) and heap (/metrics, including the heap
// left after the latest major collection) every --sample seconds; memory is judged by
// tests/load/memory-rule.ts. Options: --duration, --rate,
// --sample and --window (seconds), --ramp (seconds before the run in which the rate rises
// evenly from 0 to --rate, as after a deploy; its requests count for errors, not for the
// windows or the memory rule), --timeout (seconds a request may take), --seed, --fresh,
// --server (with --fresh), --max-growth, --max-slope and --max-rss (the memory rule), --json FILE (every
// figure), --cpu-prof DIR (a CPU profile of the API). Exit code 1 when any request
// failed, memory was not flat, or fewer than 95 % of the requests were answered in the run.
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { END_DATE } from '../bench/analytics-queries.js';
import {
  cpuSeconds,
  dropDatabase,
  freshDatabase,
  gitCommit,
  graphql,
  percentile,
  Random,
  rssBytes,
  seedDemoData,
  signIn,
  startBenchApi,
  table,
  withClient,
  type BenchApi,
} from '../bench/support.js';
import { memoryVerdict, type MemorySample } from './memory-rule.js';
import { remember, soakMix, type MixMemory, type SoakRequest, type SoakUser } from './soak-mix.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const { values: opts } = parseArgs({
  options: {
    duration: { type: 'string', default: '600' },
    ramp: { type: 'string', default: '0' },
    rate: { type: 'string', default: '50' },
    sample: { type: 'string', default: '10' },
    window: { type: 'string', default: '60' },
    timeout: { type: 'string', default: '30' },
    seed: { type: 'string', default: '7' },
    fresh: { type: 'string' },
    server: {
      type: 'string',
      default: process.env['BENCH_PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432',
    },
    'api-dist': { type: 'string', default: 'apps/api/dist' },
    'max-growth': { type: 'string', default: '20' },
    'max-slope': { type: 'string', default: '2' },
    'max-rss': { type: 'string', default: '1024' },
    json: { type: 'string' },
    'cpu-prof': { type: 'string' },
  },
});

function positive(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) {
    console.error(`soak: --${name} must be a positive number`);
    process.exit(2);
  }
  return n;
}

const durationS = positive('duration', opts.duration);
const rampS = Number(opts.ramp);
if (!Number.isFinite(rampS) || rampS < 0) {
  console.error('soak: --ramp must be zero or a positive number of seconds');
  process.exit(2);
}
const rate = positive('rate', opts.rate);
const sampleS = positive('sample', opts.sample);
const windowS = positive('window', opts.window);
const timeoutMs = positive('timeout', opts.timeout) * 1000;
const rule = {
  maxGrowthMb: positive('max-growth', opts['max-growth']),
  maxSlopeMbPerMin: positive('max-slope', opts['max-slope']),
  maxRssMb: positive('max-rss', opts['max-rss']),
};
const freshComplaints = opts.fresh === undefined ? null : positive('fresh', opts.fresh);
const apiDist = path.resolve(ROOT, opts['api-dist']);
const serverUrl = opts.server.replace(/\/$/, '');
/** Share of the requests that must be answered within the run for the rate to count as held. */
const MIN_ANSWERED_SHARE = 0.95;
const PROVINCIAL = { email: 'soak-provincial@soak.example', password: 'soak provincial password' };

const log = (line = '') => console.log(line);
const ms = (v: number) =>
  Number.isNaN(v) ? '—' : v < 10 ? v.toFixed(1) : v < 1000 ? v.toFixed(0) : v.toFixed(0);
const mb = (bytes: number) => (bytes / 1024 ** 2).toFixed(0);
const int = (n: number) => Math.round(n).toLocaleString('en-US');
const sleep = (msecs: number) => new Promise((r) => setTimeout(r, msecs));

// --- database -------------------------------------------------------------------------------

interface Database {
  url: string;
  /** Set for a database this run created (dropped at the end). */
  fresh: string | null;
}

async function prepareDatabase(): Promise<Database> {
  if (freshComplaints === null) {
    const url = process.env['DATABASE_URL'];
    if (!url) {
      console.error('soak: set DATABASE_URL, or give --fresh N to seed a database of its own');
      process.exit(2);
    }
    return { url, fresh: null };
  }
  const name = `cw_soak_${process.pid}`;
  log(`creating ${name} on ${serverUrl} with ${int(freshComplaints)} demo complaints`);
  const url = await freshDatabase(serverUrl, name);
  await seedDemoData(apiDist, url, { complaints: freshComplaints, seed: opts.seed, end: END_DATE });
  // As autovacuum soon would: statistics and a visibility map for the freshly loaded tables.
  await withClient(url, (c) => c.query('VACUUM ANALYZE'));
  return { url, fresh: name };
}

interface DataFacts {
  complaints: number;
  lastDay: string;
  institutionIds: string[];
  provinceCodes: string[];
  bytes: number;
}

async function dataFacts(url: string): Promise<DataFacts> {
  return withClient(url, async (c) => {
    const { rows } = await c.query<{ n: number; last: string | null; bytes: string }>(
      `SELECT (SELECT count(*)::int FROM complaints) AS n, (SELECT max(day)::text FROM rollup_daily) AS last,
              pg_database_size(current_database())::text AS bytes`,
    );
    const facts = rows[0]!;
    if (!facts.last || facts.n === 0) throw new Error('the database holds no complaints');
    const top = async (column: string, n: number) =>
      (
        await c.query<{ key: string }>(
          `SELECT ${column}::text AS key FROM rollup_daily GROUP BY 1 ORDER BY sum(n) DESC, 1 LIMIT ${n}`,
        )
      ).rows.map((r) => r.key);
    return {
      complaints: facts.n,
      lastDay: facts.last,
      institutionIds: await top('institution_id', 10),
      provinceCodes: await top('province_code', 6),
      bytes: Number(facts.bytes),
    };
  });
}

// --- users ----------------------------------------------------------------------------------

/** Signs the provincial analyst in, creating it first when the store does not have it yet. */
async function provincialToken(api: BenchApi, provinceCodes: string[]): Promise<string> {
  try {
    return await signIn(api.url, PROVINCIAL);
  } catch {
    const created = await graphql(api.url, api.token, {
      query: `mutation CreateUser($input: CreateUserInput!) { createUser(input: $input) { id } }`,
      variables: { input: { ...PROVINCIAL, role: 'PROVINCIAL_ANALYST', provinceCodes } },
    });
    if (created.errors?.length)
      throw new Error(`could not create the provincial analyst: ${JSON.stringify(created.errors)}`);
    return signIn(api.url, PROVINCIAL);
  }
}

// --- the load -------------------------------------------------------------------------------

interface Answer {
  kind: string;
  user: SoakUser;
  /** When it was due to leave, ms since the load started (latency counts from here). */
  due: number;
  /** When its answer arrived (or it failed), ms since the load started. */
  done: number;
  error: string | null;
}

/**
 * Sends one request; resolves with what failed, or null, and the GraphQL data. Settles by
 * --timeout plus 5 s whatever fetch does (an aborted fetch was seen never to settle when the
 * API was far behind, which left the run waiting for ever).
 */
function send(
  api: BenchApi,
  tokens: Record<SoakUser, string>,
  request: SoakRequest,
): Promise<{ error: string | null; data: unknown }> {
  return within(timeoutMs + 5000, attempt(api, tokens, request), () => ({
    error: `no answer within ${timeoutMs / 1000} s (fetch did not give up)`,
    data: null,
  }));
}

/** `promise`, or `fallback()` when it has not settled after `ms`. */
function within<T>(ms: number, promise: Promise<T>, fallback: () => T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback()), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

async function attempt(
  api: BenchApi,
  tokens: Record<SoakUser, string>,
  request: SoakRequest,
): Promise<{ error: string | null; data: unknown }> {
  try {
    const signal = AbortSignal.timeout(timeoutMs);
    if (request.get) {
      const res = await fetch(`${api.url}${request.get}`, { signal });
      const text = await res.text();
      return { error: res.ok ? null : `HTTP ${res.status}: ${text.slice(0, 200)}`, data: null };
    }
    const res = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${tokens[request.user]}`,
      },
      body: JSON.stringify(request.graphql),
      signal,
    });
    const text = await res.text();
    if (!res.ok) return { error: `HTTP ${res.status}: ${text.slice(0, 200)}`, data: null };
    const body = JSON.parse(text) as {
      data?: unknown;
      errors?: { message: string; extensions?: { code?: string } }[];
    };
    if (body.errors?.length) {
      const e = body.errors[0]!;
      return { error: `GraphQL ${e.extensions?.code ?? 'error'}: ${e.message}`, data: null };
    }
    if (body.data == null) return { error: 'GraphQL answer without data', data: null };
    return { error: null, data: body.data };
  } catch (e) {
    const err = e as Error & { cause?: { code?: string; message?: string } };
    if (err.name === 'TimeoutError')
      return { error: `no answer within ${timeoutMs / 1000} s`, data: null };
    // fetch reports a refused or reset connection as "fetch failed" with the reason as cause.
    const cause = err.cause ? ` (${err.cause.code ?? err.cause.message ?? ''})` : '';
    return { error: `${String(e)}${cause}`, data: null };
  }
}

interface Sample {
  /** Seconds since the load started. */
  t: number;
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  /** Heap in use just after the latest major collection (NaN before the first). */
  liveHeap: number;
  /** Major collections so far. */
  majorGcs: number;
  /** Answers and rows in the API's count cache. */
  cacheEntries: number;
  cacheRows: number;
  /** API process CPU seconds (user + system) so far. */
  cpu: number;
  /** Queries waiting for the database: for their turn (read gate) or a pooled connection. */
  dbWaiting: number;
  eventLoopLagP99Ms: number;
  load1: number;
  inFlight: number;
}

/** The value of a Prometheus metric (summed over its label sets), or NaN when missing. */
function metric(text: string, name: string, labels = ''): number {
  let sum = NaN;
  for (const line of text.split('\n')) {
    if (!line.startsWith(name) || (line[name.length] !== ' ' && line[name.length] !== '{'))
      continue;
    if (labels && !line.includes(labels)) continue;
    const v = Number(line.slice(line.lastIndexOf(' ') + 1));
    sum = Number.isNaN(sum) ? v : sum + v;
  }
  return sum;
}

/**
 * RSS and CPU time from /proc at `t`, then heap and pool figures from /metrics (which a busy
 * API may answer late: the sample keeps the time it was taken).
 */
async function takeSample(api: BenchApi, t: number, inFlight: number): Promise<Sample> {
  const rss = rssBytes(api.pid) ?? NaN;
  const cpu = cpuSeconds(api.pid) ?? NaN;
  const load1 = os.loadavg()[0]!;
  const res = await fetch(`${api.url}/metrics`, { signal: AbortSignal.timeout(timeoutMs) });
  if (!res.ok) throw new Error(`/metrics answered HTTP ${res.status}`);
  const text = await res.text();
  const majorGcs = metric(text, 'nodejs_gc_duration_seconds_count', 'kind="major"');
  return {
    t,
    rss,
    heapUsed: metric(text, 'nodejs_heap_size_used_bytes'),
    heapTotal: metric(text, 'nodejs_heap_size_total_bytes'),
    external: metric(text, 'nodejs_external_memory_bytes'),
    liveHeap: majorGcs > 0 ? metric(text, 'cw_heap_used_after_major_gc_bytes') : NaN,
    majorGcs,
    cacheEntries: metric(text, 'cw_count_cache_size', 'unit="entries"'),
    cacheRows: metric(text, 'cw_count_cache_size', 'unit="rows"'),
    cpu,
    dbWaiting:
      metric(text, 'cw_db_pool_connections', 'state="waiting"') +
      (metric(text, 'cw_db_reads_queued') || 0),
    eventLoopLagP99Ms: metric(text, 'nodejs_eventloop_lag_p99_seconds') * 1000,
    load1,
    inFlight,
  };
}

/**
 * The live heap, one point per sample that saw a new major collection (at most one per
 * sample: when several fell between two samples, the latest speaks for them).
 */
function liveHeapSeries(samples: Sample[]): MemorySample[] {
  const points: MemorySample[] = [];
  let seen = -1;
  for (const s of samples) {
    if (Number.isNaN(s.majorGcs) || Number.isNaN(s.liveHeap)) continue;
    if (seen >= 0 && s.majorGcs > seen) points.push({ t: s.t, bytes: s.liveHeap });
    // Samples are ordered by when they were taken; an answer that came late can hold an
    // older count, which must not make the next collection count twice.
    seen = Math.max(seen, s.majorGcs);
  }
  return points;
}

interface LoadResult {
  answers: Answer[];
  samples: Sample[];
  sent: number;
  /** Largest delay of a request behind its due time in this process (the client's own lag). */
  maxSendLagMs: number;
  distinctRequests: number;
  sampleErrors: string[];
}

async function load(
  api: BenchApi,
  tokens: Record<SoakUser, string>,
  facts: DataFacts,
): Promise<LoadResult> {
  const mix = soakMix({
    lastDay: facts.lastDay,
    institutionIds: facts.institutionIds,
    provinceCodes: facts.provinceCodes,
  });
  const random = new Random(Number(opts.seed));
  const memory: MixMemory = { pages: [], complaintIds: [] };
  const answers: Answer[] = [];
  const samples: Sample[] = [];
  const sampleErrors: string[] = [];
  const distinct = new Set<string>();
  const seenErrors = new Set<string>();
  const pending = new Set<Promise<void>>();
  const endMs = durationS * 1000;
  const rampMs = rampS * 1000;
  // When request i is due (ms; the ramp is before 0): the rate rises evenly over the ramp,
  // so by time t in it (rate * t^2 / 2 ramp) requests have left, then holds.
  const rampRequests = (rate * rampS) / 2;
  const dueOf = (i: number) =>
    i < rampRequests
      ? Math.sqrt((2 * rampMs * i * 1000) / rate) - rampMs
      : ((i - rampRequests) * 1000) / rate;
  let sent = 0;
  let maxSendLagMs = 0;

  const start = performance.now() + rampMs;
  const now = () => performance.now() - start;
  const sampling = new Set<Promise<void>>();
  const sampleNow = () => {
    const t = now() / 1000;
    const p = within<Sample | string>(
      timeoutMs + 5000,
      takeSample(api, t, pending.size).catch((e: unknown) => String(e)),
      () => '/metrics did not answer',
    ).then((sample) => {
      if (typeof sample === 'string') sampleErrors.push(`${t.toFixed(0)} s: ${sample}`);
      else samples.push(sample);
    });
    sampling.add(p);
    void p.finally(() => sampling.delete(p));
    return p;
  };
  await sampleNow();
  let nextSample = sampleS * 1000;
  let lastReport = 0;

  for (let due = dueOf(0); due < endMs; due = dueOf(sent)) {
    const wait = due - now();
    if (wait > 0) await sleep(wait);
    maxSendLagMs = Math.max(maxSendLagMs, now() - due);
    const request = mix(random, memory);
    distinct.add(`${request.user} ${request.get ?? JSON.stringify(request.graphql)}`);
    sent++;
    const p = send(api, tokens, request).then(({ error, data }) => {
      pending.delete(p);
      answers.push({ kind: request.kind, user: request.user, due, done: now(), error });
      if (!error) remember(memory, request, data);
      else if (!seenErrors.has(`${request.kind}: ${error}`)) {
        seenErrors.add(`${request.kind}: ${error}`);
        log(
          `  ${(now() / 1000).toFixed(0)} s: first ${request.kind} failure: ${error.slice(0, 300)}`,
        );
      }
    });
    pending.add(p);
    if (now() >= nextSample) {
      nextSample += sampleS * 1000;
      void sampleNow();
    }
    if (now() - lastReport >= 60_000) {
      lastReport = now();
      const failed = answers.filter((a) => a.error).length;
      log(
        `  ${(now() / 1000).toFixed(0)} s: ${int(sent)} sent, ${int(answers.length)} answered, ` +
          `${failed} failed, ${pending.size} in flight, RSS ${mb(rssBytes(api.pid) ?? NaN)} MB`,
      );
    }
  }
  // The last sample at the end of the load, then wait for the stragglers.
  while (now() < endMs) await sleep(5);
  await sampleNow();
  await Promise.all([...pending, ...sampling]);
  samples.sort((a, b) => a.t - b.t);
  return { answers, samples, sent, maxSendLagMs, distinctRequests: distinct.size, sampleErrors };
}

// --- the report -----------------------------------------------------------------------------

function windows(result: LoadResult): string[][] {
  const rows: string[][] = [];
  const count = Math.ceil(durationS / windowS);
  for (let w = 0; w < count; w++) {
    const from = w * windowS * 1000;
    const to = Math.min((w + 1) * windowS * 1000, durationS * 1000);
    const due = result.answers.filter((a) => a.due >= from && a.due < to);
    const latencies = due.filter((a) => !a.error).map((a) => a.done - a.due);
    const answered = result.answers.filter((a) => a.done >= from && a.done < to && !a.error);
    const inWindow = result.samples.filter((s) => s.t * 1000 >= from && s.t * 1000 <= to);
    const first = inWindow[0];
    const last = inWindow[inWindow.length - 1];
    const cpu =
      first && last && last.t > first.t ? (100 * (last.cpu - first.cpu)) / (last.t - first.t) : NaN;
    const mean = (f: (s: Sample) => number) =>
      inWindow.length ? inWindow.reduce((s, x) => s + f(x), 0) / inWindow.length : NaN;
    rows.push([
      `${(from / 1000).toFixed(0)}–${(to / 1000).toFixed(0)} s`,
      int(due.length),
      String(due.filter((a) => a.error).length),
      ((answered.length * 1000) / (to - from)).toFixed(1),
      ms(percentile(latencies, 0.5)),
      ms(percentile(latencies, 0.95)),
      ms(percentile(latencies, 0.99)),
      ms(latencies.length ? Math.max(...latencies) : NaN),
      Number.isNaN(cpu) ? '—' : `${cpu.toFixed(0)} %`,
      mb(mean((s) => s.rss)),
      mb(mean((s) => s.heapUsed)),
      mb(last?.liveHeap ?? NaN),
      mean((s) => s.load1).toFixed(2),
    ]);
  }
  return rows;
}

function perKind(result: LoadResult): string[][] {
  const kinds = [...new Set(result.answers.map((a) => a.kind))].sort();
  return kinds.map((kind) => {
    const all = result.answers.filter((a) => a.kind === kind);
    const latencies = all.filter((a) => !a.error).map((a) => a.done - a.due);
    return [
      kind,
      int(all.length),
      String(all.length - latencies.length),
      ms(percentile(latencies, 0.5)),
      ms(percentile(latencies, 0.95)),
      ms(latencies.length ? Math.max(...latencies) : NaN),
    ];
  });
}

async function main(): Promise<number> {
  const startedAt = new Date();
  log(`soak, ${startedAt.toISOString()}`);
  log(`command: npm run soak -- ${process.argv.slice(2).join(' ')}`);
  const db = await prepareDatabase();
  let api: BenchApi | null = null;
  let cleaned: Promise<void> | null = null;
  const cleanUp = () =>
    (cleaned ??= (async () => {
      await api?.stop();
      if (db.fresh) await dropDatabase(serverUrl, db.fresh);
    })());
  const interrupted = () => {
    log('interrupted: stopping the API');
    void cleanUp().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    const facts = await dataFacts(db.url);
    api = await startBenchApi({
      apiDist,
      databaseUrl: db.url,
      cpuProfileDir: opts['cpu-prof'],
    });
    const tokens: Record<SoakUser, string> = {
      admin: api.token,
      provincial: await provincialToken(api, facts.provinceCodes.slice(0, 2)),
    };
    const cpus = os.cpus();
    const facts1 = [
      ['code', gitCommit(ROOT)],
      [
        'data',
        `${int(facts.complaints)} complaints up to ${facts.lastDay}, database ${mb(facts.bytes)} MB${db.fresh ? ` (${db.fresh}, seeded for this run)` : ''}`,
      ],
      [
        'machine',
        `${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown'}, ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB, ${os.type()} ${os.release()}, Node ${process.version}`,
      ],
      [
        'load average before',
        os
          .loadavg()
          .map((l) => l.toFixed(2))
          .join(', '),
      ],
      [
        'load',
        `${rampS ? `rising evenly from 0 to ${rate}/s over ${rampS} s, then ` : ''}${rate}/s for ${durationS} s, open loop, seed ${opts.seed}; a quarter as a provincial analyst (${facts.provinceCodes.slice(0, 2).join(', ')})`,
      ],
      [
        'memory rule',
        `heap after major collections: floor growth (second half − first, after the first tenth) ≤ ${rule.maxGrowthMb} MB and slope ≤ ${rule.maxSlopeMbPerMin} MB/min; RSS ≤ ${rule.maxRssMb} MB`,
      ],
    ];
    log(table(['run', ''], facts1));
    log();
    log(`sending for ${rampS ? `${rampS} s (ramp) + ` : ''}${durationS} s`);
    const result = await load(api, tokens, facts);
    const failed = result.answers.filter((a) => a.error);
    const answeredInRun = result.answers.filter(
      (a) => !a.error && a.due >= 0 && a.done <= durationS * 1000,
    );
    const achieved = answeredInRun.length / durationS;
    const latencies = result.answers.filter((a) => !a.error).map((a) => a.done - a.due);
    const liveHeap = liveHeapSeries(result.samples);
    const verdict = memoryVerdict(
      liveHeap,
      result.samples.map((s): MemorySample => ({ t: s.t, bytes: s.rss })),
      durationS,
      rule,
    );
    const first = result.samples[0];
    const last = result.samples[result.samples.length - 1];

    log();
    log(`### Per ${windowS} s (latency from the moment a request was due, ms; memory in MB)`);
    log();
    log(
      table(
        [
          'window',
          'sent',
          'errors',
          'answered/s',
          'p50',
          'p95',
          'p99',
          'max',
          'API CPU',
          'RSS',
          'heap used',
          'live heap',
          'load 1 min',
        ],
        windows(result),
      ),
    );
    log();
    log('### Per kind of request (whole run)');
    log();
    log(table(['request', 'sent', 'errors', 'p50 ms', 'p95 ms', 'max ms'], perKind(result)));
    log();
    log(`### Memory every ${sampleS} s (MB)`);
    log();
    log(
      table(
        [
          't s',
          'RSS',
          'heap used',
          'heap total',
          'live heap',
          'major GCs',
          'cached answers',
          'cached rows',
          'external',
          'db waiting',
          'loop lag p99 ms',
          'in flight',
        ],
        result.samples.map((s) => [
          s.t.toFixed(0),
          mb(s.rss),
          mb(s.heapUsed),
          mb(s.heapTotal),
          mb(s.liveHeap),
          String(s.majorGcs),
          int(s.cacheEntries),
          int(s.cacheRows),
          mb(s.external),
          String(s.dbWaiting),
          s.eventLoopLagP99Ms.toFixed(1),
          String(s.inFlight),
        ]),
      ),
    );
    log();
    const errorCounts = new Map<string, number>();
    for (const a of failed) {
      const key = `${a.kind}: ${a.error}`;
      errorCounts.set(key, (errorCounts.get(key) ?? 0) + 1);
    }
    const ramp = result.answers.filter((a) => a.due < 0);
    const steady = result.sent - ramp.length;
    const summary = [
      ...(rampS
        ? [
            [
              'ramp',
              `${int(ramp.length)} sent in ${rampS} s, ${ramp.filter((a) => a.error).length} errors`,
            ],
          ]
        : []),
      [
        'requests sent',
        `${int(steady)} (${(steady / durationS).toFixed(1)}/s; ${int(result.distinctRequests)} distinct${rampS ? ', ramp included' : ''})`,
      ],
      [
        'answered within the run',
        `${int(answeredInRun.length)} (${achieved.toFixed(1)}/s, goal ${rate}/s)`,
      ],
      [
        'errors',
        `${failed.length}${result.sampleErrors.length ? `; /metrics failed ${result.sampleErrors.length} times` : ''}`,
      ],
      [
        'latency, whole run',
        `p50 ${ms(percentile(latencies, 0.5))} ms, p95 ${ms(percentile(latencies, 0.95))} ms, p99 ${ms(percentile(latencies, 0.99))} ms, max ${ms(latencies.length ? Math.max(...latencies) : NaN)} ms`,
      ],
      ['client send lag, max', `${ms(result.maxSendLagMs)} ms`],
      [
        'heap after major collections',
        `${verdict.collections[0]} + ${verdict.collections[1]} collections seen after the warm-up; floor ${verdict.earlyFloorMb.toFixed(1)} MB in the first half, ${verdict.lateFloorMb.toFixed(1)} MB in the second (growth ${verdict.floorGrowthMb.toFixed(1)} MB); slope ${verdict.slopeMbPerMin.toFixed(2)} MB/min`,
      ],
      [
        'RSS',
        `${mb(first?.rss ?? NaN)} MB before the load, ${mb(last?.rss ?? NaN)} MB at the end, ${verdict.peakRssMb.toFixed(0)} MB at most after the warm-up`,
      ],
      ['memory', verdict.flat ? 'flat' : `NOT flat: ${verdict.reasons.join('; ')}`],
      [
        'load average after',
        os
          .loadavg()
          .map((l) => l.toFixed(2))
          .join(', '),
      ],
    ];
    log('### Summary');
    log();
    log(table(['result', ''], summary));
    if (errorCounts.size) {
      log();
      log('Errors (kind: first message, count):');
      for (const [k, n] of [...errorCounts].sort((a, b) => b[1] - a[1]).slice(0, 20))
        log(`  ${n} × ${k}`);
    }
    for (const e of result.sampleErrors.slice(0, 5)) log(`  sample: ${e}`);
    const apiLog = api.output().trim();
    if (apiLog) {
      const lines = apiLog.split('\n');
      log();
      log(`The API wrote ${lines.length} log lines (LOG_LEVEL=warn); the last ones:`);
      for (const line of lines.slice(-10)) log(`  ${line.slice(0, 300)}`);
    }
    if (opts.json)
      writeFileSync(
        opts.json,
        JSON.stringify(
          {
            startedAt,
            options: opts,
            facts,
            machine: facts1,
            summary,
            verdict,
            liveHeap,
            samples: result.samples,
            windows: windows(result),
            kinds: perKind(result),
            errors: Object.fromEntries(errorCounts),
          },
          null,
          1,
        ),
      );
    const problems = [
      ...(failed.length ? [`${failed.length} requests failed`] : []),
      ...(result.sampleErrors.length
        ? [`/metrics failed ${result.sampleErrors.length} times`]
        : []),
      ...(verdict.flat ? [] : ['memory was not flat']),
      ...(answeredInRun.length < MIN_ANSWERED_SHARE * rate * durationS
        ? [`only ${achieved.toFixed(1)} of ${rate} requests/s were answered within the run`]
        : []),
    ];
    log();
    log(
      problems.length
        ? `SOAK FAILED: ${problems.join('; ')}`
        : 'soak passed: no errors, memory flat',
    );
    return problems.length ? 1 : 0;
  } finally {
    await cleanUp();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
