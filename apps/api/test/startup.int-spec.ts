// Start-up as an operator meets it: bad configuration stops with one clear line and no
// stack trace; the embedded database keeps its data across restarts and is seeded once.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, spawnApi } from './support/api-process.js';
import { gql, login } from './support/graphql-client.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'cw-startup-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function failsWith(env: Record<string, string>, line: RegExp): Promise<void> {
  const api = spawnApi({ DATA_DIR: path.join(tmp, 'data'), ...env });
  expect(await api.exited).toBe(1);
  const lines = api.stderr().trim().split('\n');
  expect(lines, api.stderr()).toHaveLength(1);
  expect(lines[0]).toMatch(line);
  expect(api.stderr()).not.toMatch(/\n\s+at /);
  expect(api.stderr()).not.toMatch(/secret|pw@/);
}

describe('bad configuration', () => {
  it('names a malformed DATABASE_URL without echoing it', async () => {
    await failsWith(
      { DATABASE_URL: 'not a url with secret', PORT: String(await freePort()) },
      /^configuration error: DATABASE_URL: is not a URL/,
    );
    await failsWith(
      { DATABASE_URL: 'mysql://user:pw@localhost/db', PORT: String(await freePort()) },
      /^configuration error: DATABASE_URL: must start with postgres:\/\//,
    );
  });

  it('names a DATABASE_URL that cannot be reached, without its password', async () => {
    const api = spawnApi({
      DATABASE_URL: 'postgres://u:secret@127.0.0.1:1/x',
      PORT: String(await freePort()),
    });
    expect(await api.exited).toBe(1);
    expect(api.stderr().trim()).toBe(
      'configuration error: DATABASE_URL: cannot connect to 127.0.0.1:1/x (ECONNREFUSED)',
    );
  });

  it('names a DATA_DIR it cannot write', async () => {
    const file = path.join(tmp, 'a-file');
    writeFileSync(file, '');
    await failsWith(
      { DATA_DIR: path.join(file, 'data') },
      /^configuration error: DATA_DIR: cannot write to .* \(ENOTDIR\)$/,
    );
  });

  it('refuses production without a token secret, and ADMIN_EMAIL without ADMIN_PASSWORD', async () => {
    await failsWith(
      { NODE_ENV: 'production', PORT: String(await freePort()) },
      /^configuration error: TOKEN_SECRET: required in production/,
    );
    await failsWith(
      { ADMIN_EMAIL: 'a@b.example', PORT: String(await freePort()) },
      /^configuration error: ADMIN_PASSWORD: set ADMIN_EMAIL and ADMIN_PASSWORD together$/,
    );
  });

  it('names a PORT in use or malformed', async () => {
    const blocker = createServer();
    const port = await new Promise<number>((resolve) =>
      blocker.listen(0, '0.0.0.0', () => resolve((blocker.address() as { port: number }).port)),
    );
    try {
      await failsWith(
        { PORT: String(port) },
        new RegExp(`^configuration error: PORT: ${port} is already in use`),
      );
    } finally {
      blocker.close();
    }
    await failsWith({ PORT: 'eighty' }, /^configuration error: PORT: .*\(got "eighty"\)$/);
  });
});

describe('the embedded database across restarts', () => {
  it('keeps its data, seeds the demo data and the first admin once, and refuses a second process on the same DATA_DIR', async () => {
    const dataDir = path.join(tmp, 'restart');
    const env = { DATA_DIR: dataDir, DEMO_COMPLAINTS: '3000', DEMO_SEED: '7' };
    const dataset = async (url: string, password: string) => {
      const token = await login(url, 'admin@localhost', password);
      const res = await gql<{ dataset: { complaintCount: number; synthetic: boolean } }>(
        url,
        '{ dataset { complaintCount synthetic } }',
        {},
        token,
      );
      return res.data!.dataset;
    };

    const port1 = await freePort();
    const first = spawnApi({ ...env, PORT: String(port1) });
    await first.waitFor(/GraphQL API at/);
    expect(first.stdout()).toMatch(/seeded demo data: 3000 complaints/);
    // No ADMIN_EMAIL/ADMIN_PASSWORD: a first admin with a random password, shown once.
    const password = /password: (\S+)/.exec(first.stdout())?.[1];
    expect(password).toMatch(/^[\w-]{20,}$/);
    expect(await dataset(`http://127.0.0.1:${port1}`, password!)).toEqual({
      complaintCount: 3000,
      synthetic: true,
    });

    const intruder = spawnApi({ ...env, PORT: String(await freePort()) });
    expect(await intruder.exited).toBe(1);
    expect(intruder.stderr().trim()).toMatch(
      /^configuration error: DATA_DIR: .* is in use by another API process \(pid \d+\)$/,
    );

    first.proc.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    const port2 = await freePort();
    const second = spawnApi({ ...env, PORT: String(port2) });
    await second.waitFor(/GraphQL API at/);
    expect(second.stdout()).not.toMatch(/seeded demo data/);
    expect(second.stdout()).not.toMatch(/password:/);
    expect(await dataset(`http://127.0.0.1:${port2}`, password!)).toEqual({
      complaintCount: 3000,
      synthetic: true,
    });
    second.proc.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  });
});
