// Access control end to end: each role sees only its scope on every path, checked against
// counts computed here from the rows inserted; tokens that are missing, expired, tampered
// or revoked are refused on GraphQL and REST alike; the audit log records who did what.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveApi, type RunningApi } from '../src/bootstrap.js';
import { signToken } from '../src/auth/token.js';
import { createInstitution, insertComplaints, type TestComplaint } from './support/factories.js';
import { gql, login } from './support/graphql-client.js';
import { openTestDatabase, testTargets, type TestDatabase } from './support/test-database.js';
import { TEST_ADMIN, testEnv } from './support/test-env.js';

const SECRET = 'test-secret-test-secret-test-secret-0123';
const PASSWORD = 'a long enough password';
const PROVINCES = ['330000', '440000', '510000'];

interface Caller {
  email: string;
  token: string;
  /** Which inserted complaints this caller may see. */
  sees: (c: TestComplaint & { submittedBy?: number }) => boolean;
}

describe.each(await testTargets())('access control on the %s database', (target) => {
  let db: TestDatabase;
  let api: RunningApi;
  let admin: string;
  let inst: number[];
  let rows: (TestComplaint & { submittedBy?: number })[];
  const callers: Record<string, Caller> = {};

  const createUser = async (input: Record<string, unknown>) => {
    const res = await gql<{ createUser: { id: string } }>(
      api.url,
      `mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`,
      { i: { password: PASSWORD, ...input } },
      admin,
    );
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    return Number(res.data.createUser.id);
  };

  beforeAll(async () => {
    db = await openTestDatabase(target);
    inst = [];
    for (const name of ['甲银行', '乙消费金融', '丙小贷'])
      inst.push(await createInstitution(db.dataSource, { name }));
    api = await serveApi(db, testEnv());
    admin = await login(api.url, TEST_ADMIN.email, TEST_ADMIN.password);

    const operatorId = await createUser({ email: 'op@test.example', role: 'OPERATOR' });
    await createUser({ email: 'national@test.example', role: 'NATIONAL_ANALYST' });
    await createUser({
      email: 'zj@test.example',
      role: 'PROVINCIAL_ANALYST',
      provinceCodes: ['330000'],
    });
    await createUser({
      email: 'zjgd@test.example',
      role: 'PROVINCIAL_ANALYST',
      provinceCodes: ['330000', '440000'],
    });
    await createUser({
      email: 'bank@test.example',
      role: 'INSTITUTION_OFFICER',
      institutionIds: [String(inst[0])],
    });

    rows = Array.from({ length: 240 }, (_, i) => ({
      externalId: `A-${i}`,
      receivedAt: new Date(Date.UTC(2025, i % 12, 1 + (i % 27), 3)),
      institutionId: inst[i % 3]!,
      provinceCode: PROVINCES[Math.floor(i / 3) % 3]!,
      categories: i % 4 === 0 ? ['THREAT'] : ['INSULT'],
      submittedBy: i % 10 === 0 ? operatorId : undefined,
    }));
    await insertComplaints(db.dataSource, rows);
    // The factory does not set the submitter: mark the operator's complaints directly.
    await db.dataSource.query(
      `UPDATE complaints SET submitted_by = $1 WHERE external_id = ANY($2::text[])`,
      [operatorId, rows.filter((r) => r.submittedBy).map((r) => r.externalId)],
    );

    const defs: [string, Caller['sees']][] = [
      [TEST_ADMIN.email, () => true],
      ['national@test.example', () => true],
      ['zj@test.example', (c) => c.provinceCode === '330000'],
      ['zjgd@test.example', (c) => ['330000', '440000'].includes(c.provinceCode)],
      ['bank@test.example', (c) => c.institutionId === inst[0]],
      ['op@test.example', (c) => c.submittedBy === operatorId],
    ];
    for (const [email, sees] of defs) {
      const password = email === TEST_ADMIN.email ? TEST_ADMIN.password : PASSWORD;
      callers[email] = { email, sees, token: await login(api.url, email, password) };
    }
  });

  afterAll(async () => api?.close());

  const trendTotal = async (token: string, filter: Record<string, unknown> = {}) => {
    const res = await gql<{
      complaintTrend: { total: number; series: { key: string; total: number }[] };
    }>(
      api.url,
      `query($f: ComplaintFilter) { complaintTrend(interval: YEAR, groupBy: PROVINCE, filter: $f) { total series { key total } } }`,
      { f: filter },
      token,
    );
    expect(res.errors).toBeUndefined();
    return res.data!.complaintTrend;
  };

  it('gives every role exactly its scope on the trend, the list, the dataset and the breakdowns', async () => {
    for (const caller of Object.values(callers)) {
      const visible = rows.filter(caller.sees);
      const trend = await trendTotal(caller.token);
      expect(trend.total, caller.email).toBe(visible.length);
      const byProvince = Object.fromEntries(
        PROVINCES.map((p) => [p, visible.filter((c) => c.provinceCode === p).length]),
      );
      for (const s of trend.series)
        expect(s.total, `${caller.email} ${s.key}`).toBe(byProvince[s.key]);
      expect(trend.series.every((s) => byProvince[s.key]! > 0)).toBe(true);

      const list = await gql<{
        complaints: { totalCount: number; edges: { node: { externalId: string } }[] };
        dataset: { complaintCount: number };
      }>(
        api.url,
        `{ complaints(first: 100) { totalCount edges { node { externalId } } } dataset { complaintCount } }`,
        {},
        caller.token,
      );
      expect(list.data!.complaints.totalCount, caller.email).toBe(visible.length);
      expect(list.data!.dataset.complaintCount, caller.email).toBe(visible.length);
      const allowed = new Set(visible.map((c) => c.externalId));
      for (const e of list.data!.complaints.edges)
        expect(allowed.has(e.node.externalId), caller.email).toBe(true);
    }
  });

  it('gives a provincial analyst nothing of another province, whatever the filter asks', async () => {
    const zj = callers['zj@test.example']!;
    expect((await trendTotal(zj.token, { provinceCodes: ['440000'] })).total).toBe(0);
    expect((await trendTotal(zj.token, { provinceCodes: ['440000', '330000'] })).total).toBe(
      rows.filter((c) => c.provinceCode === '330000').length,
    );
    expect((await trendTotal(zj.token, { cityCodes: ['440100'] })).total).toBe(0);
    const list = await gql<{ complaints: { totalCount: number } }>(
      api.url,
      `{ complaints(filter: { provinceCodes: ["510000"] }) { totalCount } }`,
      {},
      zj.token,
    );
    expect(list.data!.complaints.totalCount).toBe(0);
  });

  it('shows an institution officer nothing about other institutions, in figures or the registry', async () => {
    const bank = callers['bank@test.example']!;
    const res = await gql<{
      institutions: { id: string }[];
      institutionsByIds: { id: string }[];
      complaintTrend: { series: { key: string }[] };
    }>(
      api.url,
      `query($ids: [ID!]!) { institutions(first: 100) { id } institutionsByIds(ids: $ids) { id }
         complaintTrend(interval: YEAR, groupBy: INSTITUTION) { series { key } } }`,
      { ids: inst.map(String) },
      bank.token,
    );
    expect(res.data!.institutions.map((i) => i.id)).toEqual([String(inst[0])]);
    expect(res.data!.institutionsByIds.map((i) => i.id)).toEqual([String(inst[0])]);
    expect(res.data!.complaintTrend.series.map((s) => s.key)).toEqual([String(inst[0])]);
    expect((await trendTotal(bank.token, { institutionIds: [String(inst[1])] })).total).toBe(0);
  });

  it('keeps users and the audit log to admins, on GraphQL and REST', async () => {
    for (const caller of Object.values(callers)) {
      const isAdmin = caller.email === TEST_ADMIN.email;
      const res = await gql(
        api.url,
        `{ users { email } auditLog(first: 5) { totalCount } }`,
        {},
        caller.token,
      );
      if (isAdmin) expect(res.errors).toBeUndefined();
      else expect(res.errors?.[0]?.extensions?.['code'], caller.email).toBe('FORBIDDEN');
      const csv = await fetch(`${api.url}/api/audit/export.csv`, {
        headers: { authorization: `Bearer ${caller.token}` },
      });
      expect(csv.status, caller.email).toBe(isAdmin ? 200 : 403);
      if (isAdmin) {
        const bytes = Buffer.from(await csv.arrayBuffer());
        expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
        const text = bytes.subarray(3).toString('utf8');
        expect(text.startsWith('id,at,actor,action')).toBe(true);
        expect(text).toContain('USER_CREATED');
      }
    }
  });

  it('refuses anonymous, expired, tampered and revoked tokens on GraphQL and REST alike', async () => {
    const adminId = Number(
      (await gql<{ me: { id: string } }>(api.url, `{ me { id } }`, {}, admin)).data!.me.id,
    );
    const [{ token_version: ver }] = await db.dataSource.query(
      `SELECT token_version FROM users WHERE id = $1`,
      [adminId],
    );
    const expired = signToken(
      { sub: adminId, ver, exp: Math.floor(Date.now() / 1000) - 60 },
      SECRET,
    );
    const [body, sig] = admin.split('.');
    const payload = JSON.parse(Buffer.from(body!, 'base64url').toString());
    const tampered = `${Buffer.from(JSON.stringify({ ...payload, exp: payload.exp + 3600 })).toString('base64url')}.${sig}`;
    const forged = signToken(
      { sub: adminId, ver, exp: Math.floor(Date.now() / 1000) + 3600 },
      'another-secret-another-secret-another',
    );

    const temp = await login(api.url, 'national@test.example', PASSWORD);
    expect((await gql(api.url, `mutation { logout }`, {}, temp)).errors).toBeUndefined();

    for (const [name, token] of [
      ['anonymous', null],
      ['expired', expired],
      ['tampered', tampered],
      ['forged', forged],
      ['garbage', 'x.y.z'],
      ['logged out', temp],
    ] as const) {
      const res = await gql(api.url, `{ complaintTrend(interval: YEAR) { total } }`, {}, token);
      expect(res.errors?.[0]?.extensions?.['code'], name).toBe('UNAUTHENTICATED');
      expect(res.data ?? null, name).toBeNull();
      const rest = await fetch(`${api.url}/api/audit/export.csv`, {
        headers: token ? { authorization: `Bearer ${token}` } : {},
      });
      expect(rest.status, name).toBe(401);
      expect(
        ((await rest.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!
          .extensions.code,
      ).toBe('UNAUTHENTICATED');
    }
    expect((await gql(api.url, `{ me { id } }`, {}, null)).data).toEqual({ me: null });
    // The logout of one user ended that user's other sessions, not anyone else's.
    expect(
      (await gql(api.url, `{ me { email } }`, {}, callers['national@test.example']!.token)).data,
    ).toEqual({ me: null });
    callers['national@test.example']!.token = await login(
      api.url,
      'national@test.example',
      PASSWORD,
    );
  });

  it('ends the sessions of a disabled user and refuses its login', async () => {
    const id = await createUser({ email: 'leaver@test.example', role: 'NATIONAL_ANALYST' });
    const token = await login(api.url, 'leaver@test.example', PASSWORD);
    const res = await gql(
      api.url,
      `mutation($id: ID!) { disableUser(id: $id) { disabled } }`,
      { id: String(id) },
      admin,
    );
    expect(res.data).toEqual({ disableUser: { disabled: true } });
    expect(
      (await gql(api.url, `{ dataset { complaintCount } }`, {}, token)).errors?.[0]?.extensions?.[
        'code'
      ],
    ).toBe('UNAUTHENTICATED');
    await expect(login(api.url, 'leaver@test.example', PASSWORD)).rejects.toThrow(
      /UNAUTHENTICATED/,
    );
  });

  it('checks new users: e-mail, password length, scope for the role', async () => {
    const attempt = async (input: Record<string, unknown>) =>
      (
        await gql(
          api.url,
          `mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`,
          { i: input },
          admin,
        )
      ).errors?.[0]?.extensions?.['field'];
    expect(await attempt({ email: 'x@test.example', password: 'short', role: 'ADMIN' })).toBe(
      'input.password',
    );
    expect(await attempt({ email: 'not-an-email', password: PASSWORD, role: 'ADMIN' })).toBe(
      'input.email',
    );
    expect(
      await attempt({ email: 'NATIONAL@test.example', password: PASSWORD, role: 'ADMIN' }),
    ).toBe('input.email');
    expect(
      await attempt({ email: 'p@test.example', password: PASSWORD, role: 'PROVINCIAL_ANALYST' }),
    ).toBe('input.provinceCodes');
    expect(
      await attempt({
        email: 'p@test.example',
        password: PASSWORD,
        role: 'PROVINCIAL_ANALYST',
        provinceCodes: ['999999'],
      }),
    ).toBe('input.provinceCodes');
    expect(
      await attempt({
        email: 'o@test.example',
        password: PASSWORD,
        role: 'INSTITUTION_OFFICER',
        institutionIds: ['424242'],
      }),
    ).toBe('input.institutionIds');
  });

  it('limits failed logins per account, with one message for unknown and wrong', async () => {
    const wrong = (email: string) =>
      gql(
        api.url,
        `mutation { login(email: "${email}", password: "wrong password!") { token } }`,
        {},
        null,
      );
    const unknown = await wrong('nobody@test.example');
    const bad = await wrong('zj@test.example');
    expect(unknown.errors?.[0]?.message).toBe(bad.errors?.[0]?.message);
    for (let i = 0; i < 4; i++) await wrong('zj@test.example');
    const limited = await gql(
      api.url,
      `mutation($p: String!) { login(email: "zj@test.example", password: $p) { token } }`,
      { p: PASSWORD },
      null,
    );
    expect(limited.errors?.[0]?.extensions?.['code']).toBe('TOO_MANY_REQUESTS');
    expect(limited.errors?.[0]?.extensions?.['retryAfterSeconds']).toBeGreaterThan(0);
  });

  it('records logins, failures and user changes in an append-only audit log', async () => {
    const res = await gql<{
      auditLog: {
        edges: {
          node: {
            action: string;
            actorEmail: string | null;
            target: string | null;
            ip: string | null;
          };
        }[];
      };
    }>(
      api.url,
      `{ auditLog(first: 500) { edges { node { action actorEmail target ip } } } }`,
      {},
      admin,
    );
    const entries = res.data!.auditLog.edges.map((e) => e.node);
    const actions = new Set(entries.map((e) => e.action));
    for (const a of [
      'ADMIN_BOOTSTRAPPED',
      'LOGIN',
      'LOGIN_FAILED',
      'LOGIN_RATE_LIMITED',
      'LOGOUT',
      'USER_CREATED',
      'USER_DISABLED',
      'AUDIT_EXPORTED',
    ]) {
      expect(actions.has(a), a).toBe(true);
    }
    const created = entries.find(
      (e) => e.action === 'USER_CREATED' && e.target === 'zj@test.example',
    );
    expect(created?.actorEmail).toBe(TEST_ADMIN.email);
    expect(created?.ip).toMatch(/127\.0\.0\.1/);
    expect(JSON.stringify(entries)).not.toContain(PASSWORD);
    await expect(db.dataSource.query(`UPDATE audit_log SET action = 'X'`)).rejects.toThrow(
      /append-only/,
    );
    await expect(db.dataSource.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
  });

  it('sets an HttpOnly SameSite session cookie and refuses its use from another site', async () => {
    const res = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `mutation { login(email: "zjgd@test.example", password: "${PASSWORD}") { token } }`,
      }),
    });
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^cw_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const session = cookie.split(';')[0]!;
    const query = JSON.stringify({ query: '{ me { email } }' });
    const same = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: session, origin: api.url },
      body: query,
    });
    expect(((await same.json()) as { data: unknown }).data).toEqual({
      me: { email: 'zjgd@test.example' },
    });
    const cross = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: session,
        origin: 'https://evil.example',
      },
      body: query,
    });
    expect(cross.status).toBe(403);
    expect(cross.headers.get('access-control-allow-origin')).toBeNull();
    const simple = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', cookie: session },
      body: query,
    });
    expect(simple.status).toBe(400);
  });
});
