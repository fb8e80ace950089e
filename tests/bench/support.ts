// Helpers the benchmarks and the soak (tests/load) share: result tables, percentiles, a
// one-off PostgreSQL client, databases created and dropped, a child process run to its end,
// a free port, the built API started and signed in to, GraphQL requests, a process's memory
// and CPU time, the commit measured.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import pg from 'pg';

/** A Markdown table: first column left-aligned, the others right-aligned. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (i === 0 ? `${'-'.repeat(w + 1)}-` : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

/** Nearest-rank percentile of unsorted samples (NaN when there are none). */
export function percentile(samples: number[], p: number): number {
  if (!samples.length) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

/** sfc32, seeded: the same numbers for the same seed on every machine. */
export class Random {
  private a = 0x9e3779b9;
  private b = 0x243f6a88;
  private c = 0xb7e15162;
  private d: number;
  constructor(seed: number) {
    this.d = seed >>> 0;
    for (let i = 0; i < 15; i++) this.next();
  }
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
}

/** Picks by weight in O(log n). */
export function weighted<T>(items: readonly T[], weight: (t: T, i: number) => number) {
  const cumulative: number[] = [];
  let total = 0;
  items.forEach((t, i) => cumulative.push((total += weight(t, i))));
  return (random: Random): T => {
    const x = random.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return items[lo]!;
  };
}

export async function withClient<T>(url: string, f: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await f(client);
  } finally {
    await client.end();
  }
}

export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Drops (closing its sessions) and creates database `name` on `serverUrl`; returns its URL. */
export async function freshDatabase(serverUrl: string, name: string): Promise<string> {
  await withClient(`${serverUrl}/postgres`, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${quoteIdent(name)}`);
  });
  return `${serverUrl}/${name}`;
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await withClient(`${serverUrl}/postgres`, (c) =>
    c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`),
  );
}

/** Runs a command with inherited output; rejects unless it exits with 0. */
export function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const p = spawn(command, args, { env, stdio: 'inherit' });
    p.once('error', reject);
    p.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${args.join(' ')} exited with ${code}`)),
    );
  });
}

/** Fills the database at `url` with the demo data set through the built seed CLI. */
export function seedDemoData(
  apiDist: string,
  url: string,
  opts: { complaints: number; seed: string; end: string; replace?: boolean },
): Promise<void> {
  return run(
    process.execPath,
    [
      path.join(apiDist, 'demo/seed.cli.js'),
      '--complaints',
      String(opts.complaints),
      '--seed',
      opts.seed,
      '--end',
      opts.end,
      ...(opts.replace ? ['--replace'] : []),
    ],
    { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'warn' },
  );
}

/** A port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** The administrator every benchmark's API is started with. */
export const BENCH_ADMIN = { email: 'bench@bench.example', password: 'bench admin password' };

export interface BenchApi {
  url: string;
  token: string;
  pid: number;
  /** What the API has written to stdout and stderr so far. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts the built API (`apiDist`/main.js) on `databaseUrl` in production mode on a free
 * port, waits for it, and signs in as BENCH_ADMIN. `env` adds or overrides settings.
 */
export async function startBenchApi(options: {
  apiDist: string;
  databaseUrl: string;
  env?: Record<string, string>;
  nodeArgs?: string[];
  /** A V8 CPU profile of the API is written to this folder when it stops. */
  cpuProfileDir?: string;
}): Promise<BenchApi> {
  const main = path.join(options.apiDist, 'main.js');
  const nodeArgs = [
    ...(options.nodeArgs ?? []),
    ...(options.cpuProfileDir
      ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(options.cpuProfileDir)}`]
      : []),
  ];
  if (!existsSync(main)) throw new Error(`${main} is missing: run \`npx nx run api:build\` first`);
  const port = await freePort();
  const proc: ChildProcess = spawn(process.execPath, [...nodeArgs, main], {
    env: {
      ...process.env,
      DATABASE_URL: options.databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      TOKEN_SECRET: 'bench-secret-bench-secret-bench-secret',
      ADMIN_EMAIL: BENCH_ADMIN.email,
      ADMIN_PASSWORD: BENCH_ADMIN.password,
      RATE_LIMIT_PER_MINUTE: '10000000',
      LOG_LEVEL: 'warn',
      DEMO_DATA: 'off',
      NODE_ENV: 'production',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  proc.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  proc.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const started = Date.now();
  while (!/GraphQL API at/.test(output)) {
    if (proc.exitCode !== null || Date.now() - started > 120_000)
      throw new Error(`the API did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const stop = async () => {
    if (proc.exitCode !== null) return;
    proc.kill('SIGTERM');
    await new Promise((r) => proc.once('exit', r));
  };
  try {
    return {
      url,
      token: await signIn(url, BENCH_ADMIN),
      pid: proc.pid!,
      output: () => output,
      stop,
    };
  } catch (e) {
    await stop();
    throw e;
  }
}

export interface GraphqlResponse {
  data?: unknown;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** POSTs one GraphQL request; a non-2xx answer without `errors` gets one saying its status. */
export async function graphql(
  url: string,
  token: string | null,
  body: { query: string; variables?: Record<string, unknown> },
): Promise<GraphqlResponse> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as GraphqlResponse;
  if (!res.ok && !json.errors) json.errors = [{ message: `HTTP ${res.status}` }];
  return json;
}

/** Signs in and returns the session token (sent as `Authorization: Bearer`). */
export async function signIn(
  url: string,
  user: { email: string; password: string },
): Promise<string> {
  const body = await graphql(url, null, {
    query:
      'mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { token } }',
    variables: user,
  });
  const token = (body.data as { login?: { token?: string } } | undefined)?.login?.token;
  if (!token) throw new Error(`login failed: ${JSON.stringify(body.errors)}`);
  return token;
}

/** A process's resident memory (Linux /proc), or null when it is gone. */
export function rssBytes(pid: number): number | null {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

const CLOCK_TICKS = 100; // USER_HZ on Linux

/** User + system CPU seconds of a process (Linux /proc), or null when it is gone. */
export function cpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

/** The checked-out commit, and whether the tree has changes. */
export function gitCommit(root: string): string {
  const git = (args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
  try {
    return `${git(['rev-parse', '--short', 'HEAD'])}${git(['status', '--porcelain']) ? ' + uncommitted changes' : ''}`;
  } catch {
    return 'unknown';
  }
}
