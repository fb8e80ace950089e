// Every environment variable the API reads, checked once at start. A bad value stops the
// process with one line per problem that names the variable and says what is wrong.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const postgresUrl = z.string().superRefine((value, ctx) => {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    ctx.addIssue({
      code: 'custom',
      message: 'is not a URL (expected postgres://user@host:5432/db)',
    });
    return;
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    ctx.addIssue({
      code: 'custom',
      message: `must start with postgres:// (got ${url.protocol}//)`,
    });
  } else if (!url.hostname) {
    ctx.addIssue({ code: 'custom', message: 'has no host' });
  } else if (url.pathname.length <= 1) {
    ctx.addIssue({ code: 'custom', message: 'names no database (add /dbname)' });
  }
});

const onOff = z
  .enum(['on', 'off', 'true', 'false', '1', '0'])
  .transform((v) => v === 'on' || v === 'true' || v === '1');

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: postgresUrl.optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** Streaming replicas of DATABASE_URL (comma-separated) that answer dashboard reads. */
  DATABASE_REPLICA_URLS: z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((u) => u.trim())
        .filter(Boolean),
    )
    .pipe(z.array(postgresUrl).max(16))
    .default([]),
  DATA_DIR: z.string().min(1).default('./.data'),
  /** Default: on for the embedded database, off for a server (which holds real data). */
  DEMO_DATA: onOff.optional(),
  DEMO_COMPLAINTS: z.coerce.number().int().min(0).max(20_000_000).default(200_000),
  DEMO_SEED: z.coerce.number().int().min(0).default(20261129),
  DASHBOARD_DIR: z.string().optional(),
  LOG_LEVEL: z.enum(['error', 'warn', 'log', 'debug']).default('log'),
  /** Key that signs session tokens; required in production. */
  TOKEN_SECRET: z.string().min(32, { message: 'must be at least 32 characters' }).optional(),
  TOKEN_TTL_HOURS: z.coerce
    .number()
    .min(0.01)
    .max(24 * 30)
    .default(8),
  /** The first admin, created when no user exists. */
  ADMIN_EMAIL: z.string().email({ message: 'must be an e-mail address' }).optional(),
  ADMIN_PASSWORD: z
    .string()
    .min(12, { message: 'must be at least 12 characters' })
    .max(200)
    .optional(),
  /** Origins allowed to call the API from a browser (comma-separated); none by default. */
  CORS_ORIGINS: z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().url({ message: 'must list origins like https://example.org' })))
    .default([]),
  /** A JSON feed of complaints to poll (see docs/import-format.md); none by default. */
  FEED_URL: z.string().url({ message: 'must be an http(s) URL' }).optional(),
  FEED_SOURCE: z
    .enum([
      'HOTLINE',
      'CONSUMER_ASSOCIATION',
      'POLICE',
      'ONLINE_PLATFORM',
      'INSTITUTION',
      'MEDIA',
      'FILE_IMPORT',
    ])
    .default('ONLINE_PLATFORM'),
  FEED_TOKEN: z.string().optional(),
  FEED_INTERVAL_SECONDS: z.coerce.number().int().min(5).default(300),
  FEED_PAGE_SIZE: z.coerce.number().int().min(1).max(5000).default(500),
  FEED_TIMEOUT_SECONDS: z.coerce.number().min(1).max(300).default(30),
  /** Largest file an import accepts, in bytes (default 4 GiB). */
  IMPORT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(4 * 1024 ** 3),
  /**
   * Longest a request may take to arrive in full, in seconds (default one hour). An import's
   * upload is read only as fast as the import writes it (a million rows take 4–6 minutes on
   * two cores), so this bounds the largest file one request can import; Node's own default
   * of five minutes cut such imports off.
   */
  HTTP_REQUEST_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(86_400).default(3600),
  /** Most complaints a download streams at once; a larger export runs as a background job. */
  EXPORT_SYNC_MAX_ROWS: z.coerce.number().int().min(0).max(100_000_000).default(100_000),
  /** Days a finished background export is kept for download. */
  EXPORT_RETENTION_DAYS: z.coerce.number().int().min(1).max(365).default(7),
  /** GraphQL requests one user (or address, before login) may make per minute. */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(1200),
  /** Bearer token that may read /metrics from anywhere; unset: only from loopback. */
  METRICS_TOKEN: z.string().min(16, { message: 'must be at least 16 characters' }).optional(),
  /** On SIGTERM/SIGINT: how long running imports and requests may take to finish. */
  SHUTDOWN_GRACE_SECONDS: z.coerce.number().min(0).max(3600).default(30),
});

export type Env = z.infer<typeof schema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ConfigError';
  }
}

/** Parses and checks the environment; throws ConfigError listing every problem. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  // Empty strings count as unset, as in most .env tooling.
  const raw = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ''));
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => `${String(i.path[0])}: ${describeIssue(i, raw)}`),
    );
  }
  const env = parsed.data;
  const problems: string[] = [];
  if (env.NODE_ENV === 'production' && !env.TOKEN_SECRET) {
    problems.push('TOKEN_SECRET: required in production (32 or more random characters)');
  }
  if (env.DATABASE_REPLICA_URLS.length && !env.DATABASE_URL) {
    problems.push('DATABASE_REPLICA_URLS: replicas need DATABASE_URL (the primary) too');
  }
  if (Boolean(env.ADMIN_EMAIL) !== Boolean(env.ADMIN_PASSWORD)) {
    problems.push(
      `${env.ADMIN_EMAIL ? 'ADMIN_PASSWORD' : 'ADMIN_EMAIL'}: set ADMIN_EMAIL and ADMIN_PASSWORD together`,
    );
  }
  if (problems.length) throw new ConfigError(problems);
  if (!env.DATABASE_URL) checkDataDir(env.DATA_DIR);
  return env;
}

function describeIssue(issue: z.core.$ZodIssue, raw: Record<string, unknown>): string {
  const name = String(issue.path[0]);
  const value = raw[name];
  // Never echo a secret back.
  const secret = [
    'DATABASE_URL',
    'DATABASE_REPLICA_URLS',
    'TOKEN_SECRET',
    'ADMIN_PASSWORD',
    'METRICS_TOKEN',
  ].includes(name);
  const shown = secret || value === undefined ? '' : ` (got "${String(value)}")`;
  return `${issue.message}${shown}`;
}

/** The embedded database needs a folder it can create and write. */
function checkDataDir(dir: string): void {
  const abs = path.resolve(dir);
  try {
    mkdirSync(abs, { recursive: true });
    // Write a probe file: permission bits alone say nothing when running as root.
    const probe = path.join(abs, `.write-probe-${process.pid}`);
    writeFileSync(probe, '');
    rmSync(probe);
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? 'unknown error';
    throw new ConfigError([`DATA_DIR: cannot write to ${abs} (${reason})`]);
  }
}
