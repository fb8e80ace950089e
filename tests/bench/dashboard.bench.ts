// Dashboard speed: what a first visit to the overview (/) costs and how soon its first chart
// is drawn, in headless Chromium against the built API and dashboard on a large database.
//
//   npm run bench:dashboard                       builds, then measures on the database below
//   DATABASE_URL=postgres://... npm run bench:dashboard
//   BENCH_RUNS=5 (default) BENCH_EMAIL / BENCH_PASSWORD (the first admin, created if none)
//   BENCH_TIMELINE=1 also prints the request timeline of the last run: when each request
//   started and ended (ms from navigation start), GraphQL requests named by operation
//
// Default database: postgres://postgres@127.0.0.1:5432/cw_dash_bench, filled beforehand with
//   createdb cw_dash_bench
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/cw_dash_bench npm run seed -- --complaints 1000000 --seed 7
// The API applies its migrations on start, so never point this at a database that must not
// change.
//
// Each run opens a fresh browser context (empty cache), signs in through the API (the
// session cookie), navigates to / and records, in the page, when the first chart and then
// every figure of the overview appeared (performance.now(), from navigation start). Script
// weight: every script response of the first run, gzip-compressed here at level 9 (what the
// server's compression sends is no larger).
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { freePort, table, withClient } from './support.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DATABASE_URL =
  process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/cw_dash_bench';
const RUNS = Number(process.env['BENCH_RUNS'] ?? 5);
const EMAIL = process.env['BENCH_EMAIL'] ?? 'bench-admin@example.com';
const PASSWORD = process.env['BENCH_PASSWORD'] ?? 'bench admin password 1';
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const TIMELINE = process.env['BENCH_TIMELINE'] === '1';

interface TimelineEntry {
  what: string;
  start: number;
  firstByte: number;
  end: number;
  encoding: string;
}

/** What the page records: selector -> first time it was in the document. */
const MARKS: Record<string, string> = {
  firstChart:
    '[data-testid="trend-chart"] .line-chart-lite path, [data-state="ready"] .bar-list .bar-fill, [data-state="ready"] .tile-map .tile',
  trend: '[data-testid="trend-chart"] .line-chart-lite path',
  topInstitutions: '[data-testid="top-institutions"][data-state="ready"] .bar-fill',
  map: '[data-testid="province-map"][data-state="ready"] .tile',
  categories: '[data-testid="category-shares"][data-state="ready"] .bar-fill',
  headline: '[data-testid="headline"][data-state="ready"]',
  spikes: '[data-testid="spikes"][data-state="ready"], [data-testid="spikes"][data-state="empty"]',
};

function initScript(marks: Record<string, string>) {
  const seen: Record<string, number> = {};
  (window as unknown as { __marks: Record<string, number> }).__marks = seen;
  const check = () => {
    for (const [name, selector] of Object.entries(marks))
      if (!(name in seen) && document.querySelector(selector)) seen[name] = performance.now();
  };
  new MutationObserver(check).observe(document, {
    childList: true,
    subtree: true,
    attributes: true,
  });
}

async function startApi(port: number) {
  const env = { ...process.env };
  delete env['DEMO_DATA'];
  const proc = spawn(process.execPath, [path.join(ROOT, 'apps/api/dist/main.js')], {
    env: {
      ...env,
      PORT: String(port),
      DATABASE_URL,
      DEMO_DATA: 'off',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'test',
      TOKEN_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
      ADMIN_EMAIL: EMAIL,
      ADMIN_PASSWORD: PASSWORD,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  proc.stdout.on('data', (d: Buffer) => (output += d.toString()));
  proc.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const started = Date.now();
  for (;;) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      if (res.status < 500) break;
    } catch {
      // not listening yet
    }
    if (proc.exitCode !== null || Date.now() - started > 300_000)
      throw new Error(`API did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return proc;
}

async function visit(
  browser: Browser,
  base: string,
  collectScripts: boolean,
  collectTimeline: boolean,
) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'zh-CN',
  });
  const login = await context.request.post(`${base}/graphql`, {
    data: {
      query: 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { expiresAt } }',
      variables: { e: EMAIL, p: PASSWORD },
    },
  });
  if (!login.ok()) throw new Error(`login failed: ${login.status()} ${await login.text()}`);
  const page = await context.newPage();
  await page.addInitScript(initScript, MARKS);
  const scripts: { url: string; raw: number; gzip: number }[] = [];
  if (collectScripts) {
    page.on('response', (res) => {
      if (res.request().resourceType() !== 'script') return;
      void res.body().then((body) =>
        scripts.push({
          url: res.url(),
          raw: body.length,
          gzip: gzipSync(body, { level: 9 }).length,
        }),
      );
    });
  }
  const requests: Promise<TimelineEntry>[] = [];
  if (collectTimeline) {
    page.on('requestfinished', (req) => {
      const url = new URL(req.url());
      const body = req.postDataJSON() as { operationName?: string } | null;
      const what =
        url.pathname === '/graphql' ? `graphql ${body?.operationName ?? '?'}` : url.pathname;
      requests.push(
        req.response().then(async (res) => {
          const t = req.timing();
          return {
            what,
            start: t.startTime,
            firstByte: t.startTime + t.responseStart,
            end: t.startTime + t.responseEnd,
            encoding: (await res?.allHeaders())?.['content-encoding'] ?? '',
          };
        }),
      );
    });
  }
  await page.goto(`${base}/`);
  await page.waitForFunction(
    (names) => {
      const m = (window as unknown as { __marks?: Record<string, number> }).__marks ?? {};
      return names.every((n) => n in m);
    },
    Object.keys(MARKS),
    { timeout: 60_000 },
  );
  const marks = await page.evaluate(
    () => (window as unknown as { __marks: Record<string, number> }).__marks,
  );
  await page.waitForLoadState('networkidle');
  // Playwright's request times are wall-clock (ms since 1970); the marks count from the
  // page's time origin.
  const origin = await page.evaluate(() => performance.timeOrigin);
  const timeline = (await Promise.all(requests))
    .map((e) => ({
      ...e,
      start: e.start - origin,
      firstByte: e.firstByte - origin,
      end: e.end - origin,
    }))
    .sort((a, b) => a.start - b.start);
  await context.close();
  return { marks, scripts, timeline };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)]!;
};

async function main() {
  const { complaints, version } = await withClient(DATABASE_URL, async (c) => {
    const [n] = (await c.query<{ n: string }>('SELECT count(*)::text AS n FROM complaints')).rows;
    const [v] = (await c.query<{ server_version: string }>('SHOW server_version')).rows;
    return { complaints: Number(n?.n ?? 0), version: v?.server_version ?? '?' };
  });
  const port = await freePort();
  const api = await startApi(port);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
  try {
    const base = `http://127.0.0.1:${port}`;
    const runs: Awaited<ReturnType<typeof visit>>[] = [];
    for (let i = 0; i < RUNS; i++)
      runs.push(await visit(browser, base, i === 0, TIMELINE && i === RUNS - 1));
    const scripts = runs[0]!.scripts.sort((a, b) => b.gzip - a.gzip);
    const gzipTotal = scripts.reduce((s, x) => s + x.gzip, 0);
    const rawTotal = scripts.reduce((s, x) => s + x.raw, 0);

    console.log(`\n## Dashboard: first visit to the overview\n`);
    console.log(
      `Data: ${complaints.toLocaleString('en-US')} complaints, PostgreSQL ${version}; ` +
        `${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), ${Math.round(os.totalmem() / 2 ** 30)} GB; ` +
        `load average at the end ${os
          .loadavg()
          .map((l) => l.toFixed(1))
          .join(' / ')}; ` +
        `headless Chromium 1280x900; ${RUNS} runs, each a fresh browser context (empty cache).\n`,
    );
    console.log(`### Script loaded by a first visit to /\n`);
    console.log(
      table(
        ['script', 'bytes', 'gzip bytes'],
        [
          ...scripts.map((s) => [
            new URL(s.url).pathname.replace(/^\/assets\//, ''),
            s.raw.toLocaleString('en-US'),
            s.gzip.toLocaleString('en-US'),
          ]),
          ['total', rawTotal.toLocaleString('en-US'), gzipTotal.toLocaleString('en-US')],
        ],
      ),
    );
    console.log(`\nTotal: ${(gzipTotal / 1024).toFixed(1)} KB gzip (goal: at most 250 KB)\n`);
    console.log(`### When each figure was drawn (ms from navigation start)\n`);
    const names = Object.keys(MARKS);
    console.log(
      table(
        [
          'figure',
          ...runs.map((_, i) => (i === 0 ? 'run 1 (cold API)' : `run ${i + 1}`)),
          'median',
        ],
        names.map((n) => [
          n,
          ...runs.map((r) => String(Math.round(r.marks[n] ?? NaN))),
          String(Math.round(median(runs.map((r) => r.marks[n] ?? NaN)))),
        ]),
      ),
    );
    const first = runs.map((r) => r.marks['firstChart'] ?? Infinity);
    if (TIMELINE) {
      console.log(`\n### Request timeline of run ${RUNS} (ms from navigation start)\n`);
      console.log(
        table(
          ['request', 'start', 'first byte', 'end', 'encoding'],
          runs[RUNS - 1]!.timeline.map((e) => [
            e.what,
            String(Math.round(e.start)),
            String(Math.round(e.firstByte)),
            String(Math.round(e.end)),
            e.encoding,
          ]),
        ),
      );
    }
    console.log(
      `\nFirst chart: median ${Math.round(median(first))} ms, worst ${Math.round(Math.max(...first))} ms (goal: within 1,500 ms)`,
    );
  } finally {
    await browser.close();
    api.kill('SIGTERM');
  }
}

await main();
