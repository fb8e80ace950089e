// The import path end to end over HTTP: a canonical file in, counts out; re-imports change
// nothing or update; rejected rows are listed with their reasons; narratives are redacted
// and classified; unknown institutions become provisional; imports are scoped to the user
// who made them; the size limit answers 413; the CLI prints the summary; the intake form.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveApi, type RunningApi } from '../src/bootstrap.js';
import { IMPORT_BATCH_ROWS } from '../src/ingest/import.service.js';
import { createInstitution } from './support/factories.js';
import { gql, login } from './support/graphql-client.js';
import { canonicalCsv, type CsvRow } from './support/import-files.js';
import { openTestDatabase, testTargets, type TestDatabase } from './support/test-database.js';
import { TEST_ADMIN, testEnv } from './support/test-env.js';
import { MAIN } from './support/api-process.js';

const PASSWORD = 'operator password!';
const tmp = mkdtempSync(path.join(os.tmpdir(), 'cw-ingest-'));

interface Summary {
  id: string;
  status: string;
  read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  skipped: number;
  rejected: number;
  errors: { rowNumber: number; field: string; value: string; reason: string }[];
}

describe.each(await testTargets())('imports on the %s database', (target) => {
  let db: TestDatabase;
  let api: RunningApi;
  let admin: string;
  let operator: string;
  let otherOperator: string;
  let analyst: string;

  beforeAll(async () => {
    db = await openTestDatabase(target);
    await createInstitution(db.dataSource, {
      name: '网商银行',
      type: 'INTERNET_BANK',
      aliases: ['网商贷', 'MYbank'],
    });
    api = await serveApi(db, testEnv({ IMPORT_MAX_BYTES: String(2 * 1024 * 1024) }));
    admin = await login(api.url, TEST_ADMIN.email, TEST_ADMIN.password);
    for (const [email, role] of [
      ['op1@test.example', 'OPERATOR'],
      ['op2@test.example', 'OPERATOR'],
      ['nat@test.example', 'NATIONAL_ANALYST'],
    ]) {
      await gql(
        api.url,
        `mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`,
        { i: { email, password: PASSWORD, role } },
        admin,
      );
    }
    operator = await login(api.url, 'op1@test.example', PASSWORD);
    otherOperator = await login(api.url, 'op2@test.example', PASSWORD);
    analyst = await login(api.url, 'nat@test.example', PASSWORD);
  });
  afterAll(async () => api?.close());

  async function upload(
    body: string | Buffer,
    token: string,
    query = 'format=canonical&wait=true',
  ): Promise<{ status: number; body: Summary }> {
    const res = await fetch(`${api.url}/api/imports?${query}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/octet-stream',
        'x-filename': 'test.csv',
      },
      body,
    });
    return { status: res.status, body: (await res.json()) as Summary };
  }

  const rows: CsvRow[] = Array.from({ length: 40 }, (_, i) => ({
    id: `IMP-${i}`,
    receivedAt: `2025-03-${String(1 + (i % 28)).padStart(2, '0')} 10:00`,
    institution:
      i % 4 === 0
        ? '网商贷'
        : i % 4 === 1
          ? 'ＭＹＢＡＮＫ'
          : i % 4 === 2
            ? '网商银行'
            : '示例新机构',
    narrative: i === 0 ? '催收员天天打电话骂我，还说要上门，他的号码是13812345678。' : '',
  }));
  const bad: CsvRow[] = [
    { id: 'BAD-DATE', receivedAt: '2025-02-30 10:00' },
    { id: 'BAD-PROVINCE', province: '火星' },
    { id: 'BAD-INSTITUTION', institution: '' },
  ];

  it('imports a file, counting inserted and rejected rows with their reasons', async () => {
    const { status, body } = await upload(canonicalCsv([...rows, ...bad]), operator);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      status: 'SUCCEEDED',
      read: 43,
      inserted: 40,
      updated: 0,
      unchanged: 0,
      rejected: 3,
    });
    expect(body.errors.map((e) => [e.rowNumber, e.field])).toEqual([
      [41, 'received_at'],
      [42, 'province'],
      [43, 'institution'],
    ]);
    for (const e of body.errors) expect(e.reason.length).toBeGreaterThan(3);
  });

  it('changes nothing when the same file comes again, and updates changed rows', async () => {
    const again = await upload(canonicalCsv([...rows, ...bad]), operator);
    expect(again.body).toMatchObject({ inserted: 0, updated: 0, unchanged: 40, rejected: 3 });
    const changed = rows.map((r, i) => (i < 5 ? { ...r, province: '广东', city: '深圳' } : r));
    const next = await upload(
      canonicalCsv([...changed, { id: 'IMP-NEW-1' }, { id: 'IMP-NEW-2' }]),
      operator,
    );
    expect(next.body).toMatchObject({ inserted: 2, updated: 5, unchanged: 35, rejected: 0 });
    const [n] = await db.dataSource.query(`SELECT count(*)::int AS n FROM complaints`);
    expect(n.n).toBe(42);
    // The same id twice in one file: the later row wins.
    const twice = await upload(
      canonicalCsv([
        { id: 'TWICE', province: '浙江' },
        { id: 'TWICE', province: '四川', city: '成都' },
      ]),
      operator,
    );
    expect(twice.body).toMatchObject({ inserted: 1, updated: 1 });
    const [t] = await db.dataSource.query(
      `SELECT province_code FROM complaints WHERE external_id = 'TWICE'`,
    );
    expect(t.province_code).toBe('510000');
  });

  it('matches institutions by alias and width, and keeps unknown ones as provisional entries', async () => {
    const rowsByInstitution = await db.dataSource.query<
      { name: string; provisional: boolean; n: number }[]
    >(
      `SELECT i.name, i.provisional, count(*)::int AS n FROM complaints c JOIN institutions i ON i.id = c.institution_id
       WHERE c.external_id LIKE 'IMP-%' GROUP BY 1, 2 ORDER BY 1`,
    );
    expect(rowsByInstitution).toEqual([
      { name: '示例新机构', provisional: true, n: 10 },
      { name: '网商银行', provisional: false, n: 32 },
    ]);
  });

  it('stores narratives redacted, with detected categories apart from declared ones', async () => {
    const [c] = await db.dataSource.query(
      `SELECT narrative, categories_declared, categories_detected, categories FROM complaints WHERE external_id = 'IMP-0'`,
    );
    expect(c.narrative).not.toMatch(/13812345678/);
    expect(c.narrative).toContain('[手机号]');
    expect(c.categories_declared).toEqual(['EXCESSIVE_CONTACT']);
    expect(c.categories_detected).toEqual(expect.arrayContaining(['INSULT']));
    expect(c.categories).toEqual(expect.arrayContaining(['EXCESSIVE_CONTACT', 'INSULT']));
  });

  it('saves the counts of skipped rows at the end of a file, and of a file of nothing else', async () => {
    const header =
      'Date received,Product,Sub-product,Issue,Sub-issue,Consumer complaint narrative,Company,State,Complaint ID';
    const line = (id: number, product: string) =>
      `2024/5/${1 + (id % 28)},${product},,Attempts to collect debt not owed,,,"ACME COLLECTIONS, INC.",TX,${id}`;
    // A whole batch of debt collection, written before the two rows that follow it.
    const debt = Array.from({ length: IMPORT_BATCH_ROWS }, (_, i) =>
      line(800_000 + i, 'Debt collection'),
    );
    const other = [1, 2].map((id) => line(900_000 + id, 'Mortgage'));
    const endsSkipped = await upload(
      [header, ...debt, ...other].join('\n'),
      admin,
      'format=cfpb&wait=true',
    );
    expect(endsSkipped.body).toMatchObject({
      status: 'SUCCEEDED',
      read: IMPORT_BATCH_ROWS + 2,
      inserted: IMPORT_BATCH_ROWS,
      skipped: 2,
      rejected: 0,
    });
    const onlySkipped = await upload(
      [header, line(900_010, 'Mortgage'), line(900_011, 'Student loan')].join('\n'),
      admin,
      'format=cfpb&wait=true',
    );
    expect(onlySkipped.body).toMatchObject({ status: 'SUCCEEDED', read: 2, skipped: 2 });
    // The stored run, as the history and importRun(id) show it, says the same.
    const [stored] = await db.dataSource.query<{ read: number; skipped: number }[]>(
      `SELECT read, skipped FROM import_runs WHERE id = $1::bigint`,
      [endsSkipped.body.id],
    );
    expect(stored).toEqual({ read: IMPORT_BATCH_ROWS + 2, skipped: 2 });
  });

  it('counts a file of several batches exactly: rejections, a repeated id, the last row', async () => {
    // Each batch is classified while the one before is written: the counts, the stored
    // errors and the order of writes must come out as if rows were written one at a time.
    const n = 2 * IMPORT_BATCH_ROWS + 501;
    // Unknown lenders named in every batch, in a different order in each: the batches
    // written at the same time must create each one once.
    const newcomers = ['多批新机构甲', '多批新机构乙', '多批新机构丙', '多批新机构丁'];
    const many: CsvRow[] = Array.from({ length: n }, (_, i) => ({
      id: `MB-${i}`,
      receivedAt: `2025-04-${String(1 + (i % 28)).padStart(2, '0')} 09:30`,
      institution:
        i % 300 === 7
          ? newcomers[(Math.floor(i / 300) + Math.floor(i / IMPORT_BATCH_ROWS)) % 4]!
          : '网商银行',
      narrative: i % 50 === 0 ? `第${i}条：催收员威胁要爆通讯录，电话13812345678` : '',
      ...(i % 997 === 5 ? { receivedAt: 'not a date' } : {}),
    }));
    // Early in the second batch: a row of the first again, then a new id twice, which hands
    // that short batch on at once, while the first may still be being written. Row 10 comes
    // again at the very end, in another month. The later row wins each time.
    many.splice(
      IMPORT_BATCH_ROWS + 3,
      0,
      { id: `MB-${IMPORT_BATCH_ROWS - 2}`, receivedAt: '2025-05-20 12:00' },
      { id: 'MB-EXTRA', receivedAt: '2025-05-01 12:00' },
      { id: 'MB-EXTRA', receivedAt: '2025-05-02 12:00' },
    );
    many.push({ id: 'MB-10', receivedAt: '2025-06-15 08:00', institution: '网商银行' });
    const badRows = many.flatMap((r, i) => (r.receivedAt === 'not a date' ? [i + 1] : []));
    expect(badRows.length).toBeGreaterThan(2);

    const { body } = await upload(canonicalCsv(many), admin);
    expect(body).toMatchObject({
      status: 'SUCCEEDED',
      read: n + 4,
      inserted: n - badRows.length + 1,
      updated: 3,
      unchanged: 0,
      rejected: badRows.length,
    });
    const [stored] = await db.dataSource.query<Record<string, number>[]>(
      `SELECT read, inserted, updated, rejected FROM import_runs WHERE id = $1::bigint`,
      [body.id],
    );
    expect(stored).toEqual({
      read: n + 4,
      inserted: n - badRows.length + 1,
      updated: 3,
      rejected: badRows.length,
    });
    const created = await db.dataSource.query<{ name: string; n: number }[]>(
      `SELECT i.name, count(c.id)::int AS n FROM institutions i
         JOIN complaints c ON c.institution_id = i.id AND c.external_id LIKE 'MB-%'
       WHERE i.name LIKE '多批新机构%' AND i.provisional GROUP BY i.name ORDER BY i.name`,
    );
    expect(created.map((c) => c.name)).toEqual([...newcomers].sort());
    expect(created.reduce((sum, c) => sum + c.n, 0)).toBe(
      many.filter((r, i) => r.institution?.startsWith('多批') && !badRows.includes(i + 1)).length,
    );
    const errors = await db.dataSource.query<{ row_number: number }[]>(
      `SELECT row_number FROM import_errors WHERE run_id = $1::bigint ORDER BY row_number`,
      [body.id],
    );
    expect(errors.map((e) => e.row_number)).toEqual(badRows);
    const complaints = await db.dataSource.query<
      { n: number; redacted: number; moved: string; again: string; extra: string }[]
    >(
      `SELECT count(*)::int AS n,
              count(*) FILTER (WHERE narrative LIKE '%[手机号]%')::int AS redacted,
              max(received_day::text) FILTER (WHERE external_id = 'MB-10') AS moved,
              max(received_day::text) FILTER (WHERE external_id = $1) AS again,
              max(received_day::text) FILTER (WHERE external_id = 'MB-EXTRA') AS extra
       FROM complaints WHERE external_id LIKE 'MB-%'`,
      [`MB-${IMPORT_BATCH_ROWS - 2}`],
    );
    expect(complaints[0]).toEqual({
      n: n - badRows.length + 1,
      redacted: many.filter((r, i) => r.narrative && !badRows.includes(i + 1)).length,
      moved: '2025-06-15',
      again: '2025-05-20',
      extra: '2025-05-02',
    });
  });

  it('lists the rejected rows as CSV, and runs only to who made them', async () => {
    const first = (
      await gql<{ importRuns: { edges: { node: { id: string; rejected: number } }[] } }>(
        api.url,
        `{ importRuns { edges { node { id rejected } } } }`,
        {},
        operator,
      )
    ).data!.importRuns.edges;
    const withErrors = first.find((e) => e.node.rejected === 3)!.node.id;
    const csv = await fetch(`${api.url}/api/imports/${withErrors}/rejected.csv`, {
      headers: { authorization: `Bearer ${operator}` },
    });
    expect(csv.status).toBe(200);
    const text = Buffer.from(await csv.arrayBuffer())
      .subarray(3)
      .toString('utf8');
    expect(text.split('\r\n')[0]).toBe('row,field,value,reason');
    expect(text).toContain('41,received_at,2025-02-30 10:00,');
    // Another operator sees neither the run nor its rows; an analyst may not import at all.
    expect(
      (
        await gql(
          api.url,
          `query($id: ID!) { importRun(id: $id) { id } }`,
          { id: withErrors },
          otherOperator,
        )
      ).errors?.[0]?.extensions?.['code'],
    ).toBe('NOT_FOUND');
    expect(
      (
        await fetch(`${api.url}/api/imports/${withErrors}/rejected.csv`, {
          headers: { authorization: `Bearer ${otherOperator}` },
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await fetch(`${api.url}/api/imports/..%2f..%2fetc%2fpasswd/rejected.csv`, {
          headers: { authorization: `Bearer ${admin}` },
        })
      ).status,
    ).toBe(404);
    expect((await upload(canonicalCsv(rows), analyst)).status).toBe(403);
    expect(
      (
        await gql<{ importRuns: { edges: unknown[] } }>(
          api.url,
          `{ importRuns { edges { node { id } } } }`,
          {},
          otherOperator,
        )
      ).data!.importRuns.edges,
    ).toEqual([]);
  });

  it('gives an operator figures over its own submissions only', async () => {
    const mine = await gql<{ complaintTrend: { total: number } }>(
      api.url,
      `{ complaintTrend(interval: YEAR) { total } }`,
      {},
      operator,
    );
    expect(mine.data!.complaintTrend.total).toBe(43);
    const theirs = await gql<{ complaintTrend: { total: number } }>(
      api.url,
      `{ complaintTrend(interval: YEAR) { total } }`,
      {},
      otherOperator,
    );
    expect(theirs.data!.complaintTrend.total).toBe(0);
  });

  it('accepts multipart uploads and answers 202 then finishes in the background', async () => {
    const form = new FormData();
    form.append('file', new Blob([canonicalCsv([{ id: 'MP-1' }, { id: 'MP-2' }])]), 'multi.csv');
    const res = await fetch(`${api.url}/api/imports?format=canonical`, {
      method: 'POST',
      headers: { authorization: `Bearer ${operator}` },
      body: form,
    });
    expect(res.status).toBe(202);
    const started = (await res.json()) as Summary;
    let run: { status: string; inserted: number; filename: string } | undefined;
    for (let i = 0; i < 100; i++) {
      run = (
        await gql<{ importRun: { status: string; inserted: number; filename: string } }>(
          api.url,
          `query($id: ID!) { importRun(id: $id) { status inserted filename } }`,
          { id: started.id },
          operator,
        )
      ).data!.importRun;
      if (run.status !== 'RUNNING') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(run).toEqual({ status: 'SUCCEEDED', inserted: 2, filename: 'multi.csv' });
  });

  it('gives a request as long as HTTP_REQUEST_TIMEOUT_SECONDS to arrive, not five minutes', () => {
    // An import reads its upload only as fast as it writes it: a million rows take longer
    // than Node's default request timeout, which cut such an import off with an empty answer.
    expect(api.app.getHttpServer().requestTimeout).toBe(3_600_000);
  });

  it('refuses files over the size limit with 413 and records the failed run', async () => {
    const big = Buffer.alloc(3 * 1024 * 1024, 'a');
    const res = await upload(big, operator, 'format=canonical');
    expect(res.status).toBe(413);
    const waited = await upload(big, operator);
    expect(waited.status).toBe(413);
    const bad = await upload('x', operator, 'format=excel&wait=true');
    expect(bad.status).toBe(400);
  });

  it('prints the summary as the last line of npm run import', async () => {
    const file = path.join(tmp, `cli-${target}.csv`);
    writeFileSync(
      file,
      canonicalCsv([{ id: 'CLI-1' }, { id: 'CLI-2' }, { id: 'CLI-BAD', province: '火星' }]),
    );
    const cli = path.resolve(path.dirname(MAIN), 'ingest/import.cli.js');
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [cli, file, '--api', api.url, '--source', 'HOTLINE'],
      {
        env: { ...process.env, CW_TOKEN: operator },
      },
    ).catch((e: { stdout: string }) => e);
    const last = JSON.parse(stdout.trim().split('\n').pop()!) as Summary;
    expect(last).toMatchObject({ status: 'SUCCEEDED', read: 3, inserted: 2, rejected: 1 });
    const [s] = await db.dataSource.query(
      `SELECT source FROM complaints WHERE external_id = 'CLI-1'`,
    );
    expect(s.source).toBe('HOTLINE');
  });

  it('takes a complaint from the intake form, suggests categories, and redacts it', async () => {
    const analysis = await gql<{ analyzeNarrative: { categories: string[]; redacted: string } }>(
      api.url,
      `query($t: String!) { analyzeNarrative(text: $t) { categories channels redacted } }`,
      { t: '他们半夜两点打电话威胁我，说要去我单位闹，电话18600001111' },
      operator,
    );
    expect(analysis.data!.analyzeNarrative.categories).toEqual(
      expect.arrayContaining(['THREAT', 'OFF_HOURS']),
    );
    expect(analysis.data!.analyzeNarrative.redacted).not.toMatch(/18600001111/);
    const res = await gql<{
      submitComplaint: {
        externalId: string;
        categoriesDeclared: string[];
        categoriesDetected: string[];
        narrative: string;
      };
    }>(
      api.url,
      `mutation($i: IntakeInput!) { submitComplaint(input: $i) { externalId categoriesDeclared categoriesDetected narrative } }`,
      {
        i: {
          receivedAt: '2025-06-01T02:00:00Z',
          institution: '网商贷',
          provinceCode: '330000',
          cityCode: '330100',
          categories: ['THREAT'],
          narrative: '他们半夜两点打电话威胁我，电话18600001111',
        },
      },
      operator,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.submitComplaint.externalId).toMatch(/^INTAKE-/);
    expect(res.data!.submitComplaint.categoriesDeclared).toEqual(['THREAT']);
    expect(res.data!.submitComplaint.narrative).not.toMatch(/18600001111/);
    const wrongCity = await gql(
      api.url,
      `mutation($i: IntakeInput!) { submitComplaint(input: $i) { id } }`,
      {
        i: {
          receivedAt: '2025-06-01T02:00:00Z',
          institution: 'x',
          provinceCode: '330000',
          cityCode: '440100',
        },
      },
      operator,
    );
    expect(wrongCity.errors?.[0]?.extensions?.['field']).toBe('input.cityCode');
    const analystTry = await gql(
      api.url,
      `mutation($i: IntakeInput!) { submitComplaint(input: $i) { id } }`,
      { i: { receivedAt: '2025-06-01T02:00:00Z', institution: 'x', provinceCode: '330000' } },
      analyst,
    );
    expect(analystTry.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });

  it('records imports in the audit log', async () => {
    const log = await gql<{
      auditLog: { edges: { node: { action: string; actorEmail: string } }[] };
    }>(
      api.url,
      `{ auditLog(action: "IMPORT", first: 50) { edges { node { action actorEmail } } } }`,
      {},
      admin,
    );
    expect(log.data!.auditLog.edges.length).toBeGreaterThan(3);
    expect(log.data!.auditLog.edges[0]!.node.actorEmail).toMatch(/op1@/);
  });
});
