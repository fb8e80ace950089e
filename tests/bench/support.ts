// Helpers the benchmarks share: result tables, a one-off PostgreSQL client, a free port,
// the built API started and signed in to, a process's memory, the commit measured.
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

export async function withClient<T>(url: string, f: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await f(client);
  } finally {
    await client.end();
  }
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
}): Promise<BenchApi> {
  const main = path.join(options.apiDist, 'main.js');
  if (!existsSync(main)) throw new Error(`${main} is missing: run \`npx nx run api:build\` first`);
  const port = await freePort();
  const proc: ChildProcess = spawn(process.execPath, [...(options.nodeArgs ?? []), main], {
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
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query:
          'mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { token } }',
        variables: BENCH_ADMIN,
      }),
    });
    const body = (await res.json()) as { data?: { login?: { token?: string } }; errors?: unknown };
    const token = body.data?.login?.token;
    if (!token) throw new Error(`login failed: ${JSON.stringify(body.errors)}`);
    return { url, token, pid: proc.pid!, stop };
  } catch (e) {
    await stop();
    throw e;
  }
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

/** The checked-out commit, and whether the tree has changes. */
export function gitCommit(root: string): string {
  const git = (args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
  try {
    return `${git(['rev-parse', '--short', 'HEAD'])}${git(['status', '--porcelain']) ? ' + uncommitted changes' : ''}`;
  } catch {
    return 'unknown';
  }
}
