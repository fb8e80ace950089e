// Hostile input and the HTTP front door: nothing gives a 500 or shows internals.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveApi, type RunningApi } from '../src/bootstrap.js';
import { createInstitution, insertComplaints } from './support/factories.js';
import { gql, login } from './support/graphql-client.js';
import { openTestDatabase, testTargets } from './support/test-database.js';
import { TEST_ADMIN, testEnv } from './support/test-env.js';

const INJECTIONS = [
  "'; DROP TABLE complaints; --",
  "' OR '1'='1",
  '%',
  '\\',
  '$1',
  '<script>alert(1)</script>',
  '\u0000',
  'ＳＥＬＥＣＴ * ＦＲＯＭ users',
];

describe.each(await testTargets())('hostile input on the %s database', (target) => {
  let api: RunningApi;
  let token: string;
  const dashboardDir = mkdtempSync(path.join(os.tmpdir(), 'cw-dash-'));

  beforeAll(async () => {
    writeFileSync(path.join(dashboardDir, 'index.html'), '<!doctype html><title>dashboard</title>');
    const db = await openTestDatabase(target);
    const id = await createInstitution(db.dataSource, { name: '<img src=x onerror=alert(1)>银行' });
    await insertComplaints(db.dataSource, [
      {
        externalId: 'H-1',
        receivedAt: new Date('2025-01-01T00:00:00Z'),
        institutionId: id,
        provinceCode: '330000',
      },
    ]);
    api = await serveApi(
      db,
      testEnv({ DASHBOARD_DIR: dashboardDir, RATE_LIMIT_PER_MINUTE: '1000' }),
    );
    token = await login(api.url, TEST_ADMIN.email, TEST_ADMIN.password);
  });
  afterAll(async () => api?.close());

  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
      body,
    });

  it('treats injection strings as data in searches and filters', async () => {
    for (const text of INJECTIONS) {
      const res = await gql<{ institutions: unknown[] }>(
        api.url,
        `query($s: String, $p: [String!]) { institutions(search: $s) { name } complaints(filter: { provinceCodes: $p }) { totalCount } }`,
        { s: text, p: ['330000'] },
        token,
      );
      expect(res.status, text).toBeLessThan(500);
      expect(JSON.stringify(res.errors ?? []), text).not.toMatch(
        /INTERNAL|syntax error|relation|stack/i,
      );
      const bad = await gql(
        api.url,
        `query($p: [String!]) { complaints(filter: { provinceCodes: $p }) { totalCount } }`,
        { p: [text] },
        token,
      );
      expect(bad.errors?.[0]?.extensions?.['code'], text).toBe('BAD_USER_INPUT');
    }
    const still = await gql<{ complaints: { totalCount: number } }>(
      api.url,
      `{ complaints { totalCount } }`,
      {},
      token,
    );
    expect(still.data!.complaints.totalCount).toBe(1);
  });

  it('returns markup in names as plain data', async () => {
    const res = await gql<{ institutions: { name: string }[] }>(
      api.url,
      `{ institutions(search: "img") { name } }`,
      {},
      token,
    );
    expect(res.data!.institutions[0]!.name).toBe('<img src=x onerror=alert(1)>银行');
  });

  it('answers an oversized body with 413 and malformed JSON with 400', async () => {
    const huge = await post(
      JSON.stringify({ query: '{ me { id } }', variables: { pad: 'x'.repeat(2 * 1024 * 1024) } }),
    );
    expect(huge.status).toBe(413);
    expect(
      ((await huge.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions
        .code,
    ).toBe('PAYLOAD_TOO_LARGE');
    const broken = await post('{"query": ');
    expect(broken.status).toBe(400);
  });

  it('refuses a query that costs more than the limit before running it', async () => {
    const wide = (n: number) =>
      `{ ${Array.from({ length: n }, (_, i) => `c${i}: complaints(first: 100) { edges { node { id narrative categories channels institution { id name aliases } } } }`).join(' ')} }`;
    expect((await gql(api.url, wide(1), {}, token)).errors).toBeUndefined();
    const costly = await gql(api.url, wide(8), {}, token);
    expect(costly.status).toBe(400);
    expect(costly.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(costly.errors?.[0]?.message).toMatch(/the limit is 5000/);
  });

  it('refuses the NUL character with 400, not a database error', async () => {
    const res = await gql(
      api.url,
      `query($s: String) { institutions(search: $s) { id } }`,
      { s: 'a\u0000b' },
      token,
    );
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });

  it('answers variables of the wrong type or value with 400 and the reason', async () => {
    for (const [query, variables] of [
      [`query($l: Language) { shares(dimension: CATEGORY, lang: $l) { total } }`, { l: 'klingon' }],
      [`query($t: Int!) { ranking(dimension: PROVINCE, top: $t) { rateUnit } }`, { t: 'ten' }],
      [
        `query($f: ComplaintFilter) { complaintComparison(filter: $f) { changeFromPrevious } }`,
        { f: { nope: 1 } },
      ],
    ] as const) {
      const res = await gql(api.url, query, variables, token);
      expect(res.status, query).toBe(400);
      expect(res.errors?.[0]?.extensions?.['code'], query).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.message, query).toMatch(/Variable "\$\w+"/);
    }
  });

  it('sends security headers, no CORS for other origins, and no server banner', async () => {
    const res = await fetch(`${api.url}/`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(res.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-powered-by')).toBeNull();
    const preflight = await fetch(`${api.url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('does not serve files outside the dashboard folder', async () => {
    for (const p of [
      '/..%2f..%2f..%2fetc%2fpasswd',
      '/assets/..%2f..%2f..%2f..%2fetc%2fpasswd',
      '/%2e%2e/%2e%2e/etc/passwd',
    ]) {
      const res = await fetch(`${api.url}${p}`, { headers: { accept: 'text/html' } });
      expect(res.status, p).toBeLessThan(500);
      expect(await res.text(), p).not.toMatch(/root:/);
    }
  });
});

describe('production mode', () => {
  it('hides the schema, stack traces and internals', async () => {
    const db = await openTestDatabase('embedded');
    const api = await serveApi(db, testEnv({ NODE_ENV: 'production' }));
    try {
      const token = await login(api.url, TEST_ADMIN.email, TEST_ADMIN.password);
      const intro = await gql(api.url, `{ __schema { types { name } } }`, {}, token);
      expect(intro.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
      const bad = await gql(api.url, `{ complaints(after: "!!") { totalCount } }`, {}, token);
      expect(JSON.stringify(bad)).not.toMatch(/stack|\.ts:|node_modules/);
      const cookie = await fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: `mutation { login(email: "${TEST_ADMIN.email}", password: "${TEST_ADMIN.password}") { token } }`,
        }),
      });
      expect(cookie.headers.get('set-cookie')).toMatch(/Secure/);
    } finally {
      await api.close();
    }
  });

  it('limits the requests one caller may make per minute', async () => {
    const db = await openTestDatabase('embedded');
    const api = await serveApi(db, testEnv({ RATE_LIMIT_PER_MINUTE: '5' }));
    try {
      const codes: number[] = [];
      for (let i = 0; i < 7; i++)
        codes.push((await gql(api.url, `{ me { id } }`, {}, null)).status);
      expect(codes.slice(0, 5).every((c) => c === 200)).toBe(true);
      expect(codes[5]).toBe(429);
    } finally {
      await api.close();
    }
  });
});
