// npm run import -- FILE [--format canonical|cfpb|jsonl] [--source CODE] [--api URL]
// Sends a file to a running API (POST /api/imports?wait=true) and prints the import's
// summary as its last line, one JSON object. Signs in with CW_TOKEN, or CW_EMAIL and
// CW_PASSWORD. Exits 0 when the import succeeded.
import { createReadStream, openSync, readSync, closeSync, statSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { parseArgs } from 'node:util';

function fail(message: string): never {
  console.error(`import: ${message}`);
  process.exit(2);
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    format: { type: 'string' },
    source: { type: 'string' },
    api: { type: 'string', default: process.env['CW_API'] ?? 'http://localhost:3000' },
  },
});
const file = positionals[0];
if (!file)
  fail('usage: npm run import -- FILE [--format canonical|cfpb|jsonl] [--source CODE] [--api URL]');
let size: number;
try {
  size = statSync(file).size;
} catch {
  fail(`cannot read ${file}`);
}

/** canonical, unless the name says JSONL or the first line is a CFPB header. */
function guessFormat(name: string): string {
  if (/\.jsonl?$/i.test(name) || /\.ndjson$/i.test(name)) return 'jsonl';
  const fd = openSync(name, 'r');
  const head = Buffer.alloc(4096);
  const n = readSync(fd, head, 0, head.length, 0);
  closeSync(fd);
  return /Complaint ID/.test(head.subarray(0, n).toString('utf8')) ? 'cfpb' : 'canonical';
}

async function token(api: string): Promise<string> {
  if (process.env['CW_TOKEN']) return process.env['CW_TOKEN'];
  const email = process.env['CW_EMAIL'];
  const password = process.env['CW_PASSWORD'];
  if (!email || !password) fail('set CW_TOKEN, or CW_EMAIL and CW_PASSWORD, to sign in');
  const res = await fetch(`${api}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
      variables: { e: email, p: password },
    }),
  });
  const body = (await res.json()) as {
    data?: { login: { token: string } };
    errors?: { message: string }[];
  };
  if (!body.data) fail(`sign-in refused: ${body.errors?.[0]?.message ?? res.status}`);
  return body.data.login.token;
}

const api = values.api!.replace(/\/$/, '');
const format = values.format ?? guessFormat(file);
const query = new URLSearchParams({
  format,
  wait: 'true',
  ...(values.source ? { source: values.source } : {}),
});
const started = Date.now();
const res = await fetch(`${api}/api/imports?${query}`, {
  method: 'POST',
  headers: {
    authorization: `Bearer ${await token(api)}`,
    'content-type': 'application/octet-stream',
    'content-length': String(size),
    'x-filename': encodeURIComponent(path.basename(file)),
  },
  body: Readable.toWeb(createReadStream(file)) as ReadableStream,
  duplex: 'half',
} as RequestInit & { duplex: 'half' });
const body = (await res.json()) as Record<string, unknown>;
const seconds = (Date.now() - started) / 1000;
if (res.ok) {
  console.error(
    `${file}: ${String(body['read'])} rows read in ${seconds.toFixed(1)} s (${Math.round(Number(body['read']) / seconds)} rows/s)`,
  );
}
console.log(JSON.stringify(res.ok ? body : { status: res.status, ...body }));
process.exit(res.ok && body['status'] === 'SUCCEEDED' ? 0 : 1);
