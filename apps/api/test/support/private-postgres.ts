// A PostgreSQL server of the test's own, made with Debian's PostgreSQL tools in a temporary
// folder on a free loopback port, so that a test can stop and start it (the shared server on
// 5432 must keep running), or make a streaming replica of it. As root, the tools run as the
// `postgres` OS user (PostgreSQL refuses to run as root).
import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort } from './api-process.js';

const run = promisify(execFile);

/** The newest Debian PostgreSQL's bin folder, or null when the server tools are missing. */
export function postgresBinDir(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(path.join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], 'bin') : null;
}

/** Whether this run can make private servers; in CI their absence fails the run. */
export function privatePostgresAvailable(): boolean {
  if (postgresBinDir()) return true;
  if (process.env['CI'] === 'true')
    throw new Error(
      'CI: PostgreSQL server tools (initdb, pg_ctl) are missing: apt-get install postgresql',
    );
  console.warn('PostgreSQL server tools not found: tests with a private server skipped');
  return false;
}

const asRoot = process.getuid?.() === 0;

async function tool(name: string, args: string[]): Promise<string> {
  const bin = path.join(postgresBinDir()!, name);
  const { stdout } = asRoot
    ? await run('runuser', ['-u', 'postgres', '--', bin, ...args], { cwd: '/tmp' })
    : await run(bin, args, { cwd: '/tmp' });
  return stdout;
}

export interface PrivatePostgres {
  port: number;
  dataDir: string;
  /** URL of database `name` on this server. */
  url(name?: string): string;
  query<T = Record<string, unknown>>(sql: string, params?: unknown[], db?: string): Promise<T[]>;
  /** `fast`: disconnect clients and stop cleanly; `immediate`: like a crash. */
  stop(mode?: 'fast' | 'immediate'): Promise<void>;
  start(): Promise<void>;
  /** Stops the server and removes its folder. */
  destroy(): Promise<void>;
}

function makeDir(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  if (asRoot) {
    const { uid, gid } = postgresUser();
    chownSync(dir, uid, gid);
  }
  return dir;
}

let cachedUser: { uid: number; gid: number } | undefined;
function postgresUser(): { uid: number; gid: number } {
  if (cachedUser) return cachedUser;
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l: string) => l.startsWith('postgres:'));
  if (!line) throw new Error('no postgres OS user: apt-get install postgresql');
  const [, , uid, gid] = line.split(':');
  cachedUser = { uid: Number(uid), gid: Number(gid) };
  return cachedUser;
}

function server(root: string, dataDir: string, port: number): PrivatePostgres {
  const log = path.join(root, 'server.log');
  const options = [
    `-p ${port}`,
    `-k ${root}`,
    `-c listen_addresses=127.0.0.1`,
    // A throwaway server: durability off, small.
    `-c fsync=off -c synchronous_commit=off -c full_page_writes=off`,
    `-c shared_buffers=32MB -c max_connections=60`,
  ].join(' ');
  const self: PrivatePostgres = {
    port,
    dataDir,
    url: (name = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${name}`,
    async query<T>(sql: string, params: unknown[] = [], db = 'postgres') {
      const client = new pg.Client({ connectionString: self.url(db) });
      await client.connect();
      try {
        return (await client.query(sql, params)).rows as T[];
      } finally {
        await client.end();
      }
    },
    async stop(mode = 'fast') {
      await tool('pg_ctl', ['-D', dataDir, '-m', mode, '-w', 'stop']);
    },
    async start() {
      await tool('pg_ctl', ['-D', dataDir, '-l', log, '-o', options, '-w', '-t', '60', 'start']);
    },
    async destroy() {
      await self.stop('immediate').catch(() => undefined);
      rmSync(root, { recursive: true, force: true });
    },
  };
  return self;
}

/** A new, running server (user `postgres`, trust on loopback, replication allowed). */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const root = makeDir('cw-pg-');
  const dataDir = path.join(root, 'data');
  await tool('initdb', ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8']);
  const pgServer = server(root, dataDir, await freePort());
  await pgServer.start();
  return pgServer;
}

/** A hot-standby streaming replica of `primary` (pg_basebackup -R), running. */
export async function startStreamingReplica(primary: PrivatePostgres): Promise<PrivatePostgres> {
  const root = makeDir('cw-pg-replica-');
  const dataDir = path.join(root, 'data');
  await tool('pg_basebackup', [
    '-h',
    '127.0.0.1',
    '-p',
    String(primary.port),
    '-U',
    'postgres',
    '-D',
    dataDir,
    '-R',
    '-X',
    'stream',
    // Checkpoint now rather than spread over minutes.
    '--checkpoint=fast',
    '--no-sync',
  ]);
  const replica = server(root, dataDir, await freePort());
  await replica.start();
  return replica;
}
