// Rules the Docker files must keep, checked in CI (docker-files.spec.ts) because Docker
// itself cannot run there: a multi-stage image that runs as a non-root user with a health
// check and exec-form CMD (so SIGTERM reaches the API), and a compose file whose databases
// publish no port, where every service has a health check and data lives in named volumes.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

export interface Instruction {
  keyword: string;
  args: string;
  line: number;
}

/** Dockerfile instructions, with continuation lines joined and comments dropped. */
export function parseDockerfile(text: string): Instruction[] {
  const out: Instruction[] = [];
  let current: Instruction | null = null;
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!current && (line === '' || line.startsWith('#'))) return;
    if (current && line.startsWith('#')) return;
    const continued = line.endsWith('\\');
    const body = continued ? line.slice(0, -1).trim() : line;
    if (current) current.args = `${current.args} ${body}`.trim();
    else {
      const [keyword = '', ...rest] = body.split(/\s+/);
      current = { keyword: keyword.toUpperCase(), args: rest.join(' '), line: i + 1 };
    }
    if (!continued) {
      out.push(current);
      current = null;
    }
  });
  if (current) out.push(current);
  return out;
}

/** Problems with the API image; `manifests` are the workspace package.json paths. */
export function dockerfileProblems(text: string, manifests: string[]): string[] {
  const all = parseDockerfile(text);
  const problems: string[] = [];
  const stages = all.filter((i) => i.keyword === 'FROM');
  if (stages.length < 2) problems.push('not multi-stage: build in one stage, run from another');
  const lastFrom = all.lastIndexOf(stages[stages.length - 1]!);
  const final = all.slice(lastFrom);
  const users = final.filter((i) => i.keyword === 'USER');
  const user = users[users.length - 1]?.args.split(':')[0];
  if (!user) problems.push('the final stage sets no USER (it would run as root)');
  else if (user === 'root' || user === '0') problems.push(`the final stage runs as ${user}`);
  const cmd = final.find((i) => i.keyword === 'CMD');
  if (!cmd) problems.push('no CMD');
  else if (!cmd.args.startsWith('['))
    problems.push('CMD is in shell form: SIGTERM would not reach node');
  if (cmd && users.length && all.indexOf(users[users.length - 1]!) > all.indexOf(cmd))
    problems.push('USER comes after CMD');
  const health = final.find((i) => i.keyword === 'HEALTHCHECK');
  if (!health || /^NONE\b/i.test(health.args)) problems.push('no HEALTHCHECK in the final stage');
  else if (!health.args.includes('/health/')) problems.push('HEALTHCHECK does not ask /health/');
  if (final.some((i) => i.keyword === 'COPY' && /^\.\s/.test(i.args)))
    problems.push('the final stage copies the whole source tree');
  if (!final.some((i) => i.keyword === 'RUN' && /npm ci\b.*--omit=dev/.test(i.args)))
    problems.push('the final stage does not install production dependencies only');
  if (!final.some((i) => i.keyword === 'ENV' && /NODE_ENV=production/.test(i.args)))
    problems.push('the final stage does not set NODE_ENV=production');
  // npm ci in a workspace needs every workspace manifest, in both stages.
  for (const stage of [all.slice(0, lastFrom), final]) {
    if (!stage.some((i) => i.keyword === 'RUN' && /npm ci\b/.test(i.args))) continue;
    for (const m of manifests) {
      const dir = path.dirname(m);
      const copied = stage.some(
        (i) =>
          i.keyword === 'COPY' &&
          (i.args.includes(` ${m} `) || i.args.startsWith(`${m} `) || i.args.includes(m)) &&
          !i.args.startsWith('--from'),
      );
      const wholeTree = stage.some((i) => i.keyword === 'COPY' && /^\.\s/.test(i.args));
      if (!copied && !wholeTree) problems.push(`a stage runs npm ci without ${m} (${dir})`);
    }
  }
  return [...new Set(problems)];
}

interface ComposeService {
  image?: string;
  build?: unknown;
  ports?: unknown[];
  expose?: unknown[];
  healthcheck?: { test?: unknown; disable?: boolean };
  volumes?: (string | { type?: string; source?: string; target?: string })[];
  environment?: Record<string, unknown> | string[];
  depends_on?: Record<string, { condition?: string }> | string[];
  entrypoint?: unknown;
  command?: unknown;
  privileged?: boolean;
  user?: string;
  stop_grace_period?: string;
}

function environmentOf(s: ComposeService): Record<string, string> {
  if (Array.isArray(s.environment))
    return Object.fromEntries(
      s.environment.map((e) => [e.split('=')[0]!, e.split('=').slice(1).join('=')]),
    );
  return Object.fromEntries(
    Object.entries(s.environment ?? {}).map(([k, v]) => [k, String(v ?? '')]),
  );
}

function seconds(duration: string | undefined): number {
  const m = /^(\d+)(s|m)$/.exec(duration ?? '');
  if (!m) return 10; // Docker's default
  return Number(m[1]) * (m[2] === 'm' ? 60 : 1);
}

/** Problems with the compose file; `dir` is its folder (for files it mounts). */
export function composeProblems(text: string, dir: string): string[] {
  const doc = parse(text) as {
    services?: Record<string, ComposeService>;
    volumes?: Record<string, unknown>;
  };
  const services = doc.services ?? {};
  const named = new Set(Object.keys(doc.volumes ?? {}));
  const problems: string[] = [];
  const isPostgres = (s: ComposeService) => /^postgres(:|$)/.test(s.image ?? '');
  const databases = Object.entries(services).filter(([, s]) => isPostgres(s));
  if (databases.length < 2) problems.push('expected a PostgreSQL primary and a read replica');
  for (const [name, s] of Object.entries(services)) {
    if (!s.healthcheck?.test || s.healthcheck.disable) problems.push(`${name}: no healthcheck`);
    if (s.privileged) problems.push(`${name}: privileged`);
    for (const v of s.volumes ?? []) {
      const source = typeof v === 'string' ? v.split(':')[0]! : (v.source ?? '');
      if (source.startsWith('.') || source.startsWith('/')) {
        if (source.startsWith('.') && !existsSync(path.resolve(dir, source)))
          problems.push(`${name}: mounts ${source}, which does not exist`);
      } else if (source && !named.has(source)) {
        problems.push(`${name}: volume ${source} is not declared`);
      }
    }
  }
  for (const [name, s] of databases) {
    if (s.ports?.length) problems.push(`${name}: a database publishes a port`);
    const data = (s.volumes ?? []).some((v) =>
      (typeof v === 'string' ? v : `${v.source}:${v.target}`).match(
        /^[\w-]+:\/var\/lib\/postgresql\/data$/,
      ),
    );
    if (!data) problems.push(`${name}: its data is not on a named volume`);
    for (const [k, v] of Object.entries(environmentOf(s)))
      if (/PASSWORD/.test(k) && !/^\$\{\w+:\?/.test(v))
        problems.push(`${name}: ${k} is not required from the environment`);
  }
  // The replica: a PostgreSQL service whose entrypoint clones the primary (pg_basebackup -R).
  const replica = databases.find(([, s]) =>
    (s.volumes ?? []).some((v) => {
      const source = typeof v === 'string' ? v.split(':')[0]! : (v.source ?? '');
      const file = path.resolve(dir, source);
      if (!source.startsWith('.') || !existsSync(file) || !statSync(file).isFile()) return false;
      const script = readFileSync(file, 'utf8');
      return (
        /pg_basebackup\b[^\n]*(\\\n[^\n]*)*\s-R\b/.test(script) &&
        JSON.stringify(s.entrypoint ?? '').includes(path.basename(source))
      );
    }),
  );
  if (!replica)
    problems.push('no replica service (an entrypoint script that runs pg_basebackup -R)');
  const primary = databases.find(([n]) => n !== replica?.[0]);
  const api = Object.entries(services).find(([, s]) => s.build);
  if (!api) problems.push('no api service built from the Dockerfile');
  else {
    const [name, s] = api;
    const env = environmentOf(s);
    if (primary && !env['DATABASE_URL']?.includes(`@${primary[0]}:`))
      problems.push(`${name}: DATABASE_URL does not name the primary (${primary[0]})`);
    if (replica && !env['DATABASE_REPLICA_URLS']?.includes(`@${replica[0]}:`))
      problems.push(`${name}: DATABASE_REPLICA_URLS does not name the replica (${replica[0]})`);
    if (!JSON.stringify(s.healthcheck?.test ?? '').includes('/health/ready'))
      problems.push(`${name}: its healthcheck does not ask /health/ready`);
    const deps = s.depends_on && !Array.isArray(s.depends_on) ? s.depends_on : {};
    if (primary && deps[primary[0]]?.condition !== 'service_healthy')
      problems.push(`${name}: does not wait for the primary to be healthy`);
    const grace = Number(env['SHUTDOWN_GRACE_SECONDS'] ?? 30);
    if (seconds(s.stop_grace_period) <= grace)
      problems.push(
        `${name}: stop_grace_period is not longer than SHUTDOWN_GRACE_SECONDS (${grace} s)`,
      );
    if (env['TOKEN_SECRET'] !== undefined && !/^\$\{\w+:\?/.test(env['TOKEN_SECRET']))
      problems.push(`${name}: TOKEN_SECRET is not required from the environment`);
  }
  return problems;
}

/** The workspace's package.json files, as the Dockerfile must copy them. */
export function workspaceManifests(root: string): string[] {
  const found: string[] = [];
  for (const group of ['apps', 'libs']) {
    for (const name of readdirSync(path.join(root, group)))
      if (existsSync(path.join(root, group, name, 'package.json')))
        found.push(`${group}/${name}/package.json`);
  }
  if (existsSync(path.join(root, 'tests/package.json'))) found.push('tests/package.json');
  return found.sort();
}
