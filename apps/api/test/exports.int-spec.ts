// Raw exports of the filtered complaints: every row in scope and none outside it, text a
// spreadsheet would run as a formula defused, CSV that spreadsheet programs and parsers read
// back exactly, XLSX with numbers as numbers, valid empty files; large exports as background
// jobs whose files only the requester (or an administrator) can fetch, kept for a while and
// then removed; every export in the audit log. On both databases; on the server also that
// PostgreSQL's COPY and the cursor write the same bytes.
import { mkdtempSync } from 'node:fs';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveApi, type RunningApi } from '../src/bootstrap.js';
import { ensurePartitionsFor } from '../src/complaints/complaint-partitions.js';
import { narrativeSearchTokens } from '../src/complaints/narrative-search.js';
import { complaintExportQuery } from '../src/exports/complaint-export-query.js';
import { copyCsv, cursorRows } from '../src/exports/complaint-rows.js';
import { ComplaintExportService, csvRecord } from '../src/exports/complaint-export.service.js';
import { ExportJobsService } from '../src/exports/export-jobs.service.js';
import { csvRecords, download, workbook } from './support/downloads.js';
import {
  createAgency,
  createInstitution,
  insertComplaints,
  setNarrative,
  type TestComplaint,
} from './support/factories.js';
import { gql, login } from './support/graphql-client.js';
import { openTestDatabase, testTargets, type TestDatabase } from './support/test-database.js';
import { TEST_ADMIN, testEnv } from './support/test-env.js';

const PROVINCES = ['110000', '330000', '440000', '510000'];
const PASSWORD = 'export test password';
/** Direct downloads up to this many rows; the test data has more. */
const SYNC_LIMIT = 100;

const NARRATIVES: Record<string, string | null> = {
  'X-0': '=HYPERLINK("http://evil.example","点我")',
  'X-1': '+86 催收员说要上门',
  'X-2': '-1 表示欠款',
  'X-3': '@所有人 他在群里曝光我',
  'X-4': '\t以制表符开头',
  'X-5': '他说："再不还钱就去你单位"，还说了很多, 很多',
  'X-6': '第一行\n第二行\r\n第三行',
  'X-7': '',
  'X-8': null,
};

const HEADER_ZH = [
  '编号',
  '来源',
  '来源编号',
  '受理时间（北京时间）',
  '发生时间（北京时间）',
  '机构',
  '催收机构',
  '产品',
  '省份代码',
  '省份',
  '城市代码',
  '城市',
  '催收渠道',
  '申报类别',
  '识别类别',
  '状态',
  '机构答复时间（北京时间）',
  '15日内答复',
  '欠款金额（元）',
  '逾期天数',
  '证据',
  '投诉内容（已脱敏）',
];

describe.each(await testTargets())('complaint exports on the %s database', (target) => {
  let db: TestDatabase;
  let api: RunningApi;
  let admin: string;
  let national: string;
  let provincial: string;
  let rows: TestComplaint[];
  let inst: number[];
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cw-exports-'));

  beforeAll(async () => {
    db = await openTestDatabase(target);
    inst = [
      await createInstitution(db.dataSource, { name: '=导出甲银行' }),
      await createInstitution(db.dataSource, { name: '导出乙小贷' }),
    ];
    const agency = await createAgency(db.dataSource, '导出催收公司');
    rows = Array.from({ length: 240 }, (_, i) => ({
      externalId: `X-${i}`,
      receivedAt: new Date(Date.UTC(2025, i % 12, 1 + (i % 27), 16 + (i % 8))),
      institutionId: inst[i % 2]!,
      agencyId: i % 3 === 0 ? agency : null,
      product: i % 5 === 0 ? 'CONSUMER_LOAN' : null,
      provinceCode: PROVINCES[i % 4]!,
      cityCode: i % 4 === 2 ? '440300' : null,
      channels: i % 2 ? ['PHONE_CALL', 'SMS'] : [],
      categories: i % 3 ? ['THREAT'] : ['INSULT', 'VISIT'],
      status: i % 7 === 0 ? 'RESPONDED' : 'RECEIVED',
      respondedAt: i % 7 === 0 ? new Date(Date.UTC(2025, i % 12, 6 + (i % 27), 3)) : null,
    }));
    await insertComplaints(db.dataSource, rows);
    for (const [externalId, narrative] of Object.entries(NARRATIVES)) {
      await setNarrative(db.dataSource, externalId, narrative);
      await db.dataSource.query(
        `UPDATE complaints SET amount_owed = 1234.5, overdue_days = 40 WHERE external_id = $1`,
        [externalId],
      );
    }
    api = await serveApi(
      db,
      testEnv({ DATA_DIR: dataDir, EXPORT_SYNC_MAX_ROWS: String(SYNC_LIMIT) }),
    );
    admin = await login(api.url, TEST_ADMIN.email, TEST_ADMIN.password);
    const create = async (input: Record<string, unknown>) => {
      const res = await gql(
        api.url,
        `mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`,
        { i: { password: PASSWORD, ...input } },
        admin,
      );
      if (!res.data) throw new Error(JSON.stringify(res.errors));
      return login(api.url, input['email'] as string, PASSWORD);
    };
    national = await create({ email: 'national-export@test.example', role: 'NATIONAL_ANALYST' });
    provincial = await create({
      email: 'gd-export@test.example',
      role: 'PROVINCIAL_ANALYST',
      provinceCodes: ['440000'],
    });
  });
  afterAll(async () => {
    await api?.close();
  });

  const exportFile = (params: string, token = admin) =>
    download(`${api.url}/api/exports/complaints?${params}`, token);

  it('exports the filtered complaints as CSV that reads back exactly, with formulas defused', async () => {
    const file = await exportFile('provinceCodes=110000');
    expect(file.status).toBe(200);
    expect(file.type).toBe('text/csv; charset=utf-8');
    expect(file.disposition).toMatch(/attachment; filename="complaints-\d{4}-\d\d-\d\d\.csv"/);
    const [header, ...records] = csvRecords(file.body);
    expect(header).toEqual(HEADER_ZH);
    const expected = rows.filter((r) => r.provinceCode === '110000');
    expect(records.map((r) => r[2]).sort()).toEqual(expected.map((r) => r.externalId).sort());
    const byRef = new Map(records.map((r) => [r[2], r]));
    expect(byRef.get('X-0')![21]).toBe(`'=HYPERLINK("http://evil.example","点我")`);
    expect(byRef.get('X-4')![21]).toBe("'\t以制表符开头");
    expect(byRef.get('X-8')![21]).toBe('');
    expect(byRef.get('X-0')![5]).toBe("'=导出甲银行");
    expect(byRef.get('X-0')![3]).toBe('2025-01-02 00:00:00'); // 16:00 UTC is midnight in Beijing
    expect(byRef.get('X-0')![9]).toBe('北京市');
    expect(byRef.get('X-0')![6]).toBe('导出催收公司');
    expect(byRef.get('X-0')![13]).toBe('辱骂侮辱; 上门催收');
    expect(byRef.get('X-0')![17]).toBe('是'); // answered 5 days after receipt
    expect(byRef.get('X-4')![17]).toBe('否');
    expect(byRef.get('X-0')![18]).toBe('1234.50');
  });

  it('keeps commas, quotes and line breaks inside a cell', async () => {
    // One province at a time: each stays under the direct-download limit.
    const records: string[][] = [];
    for (const code of ['330000', '440000', '510000'])
      records.push(...csvRecords((await exportFile(`provinceCodes=${code}`)).body).slice(1));
    const byRef = new Map(records.map((r) => [r[2], r]));
    expect(byRef.get('X-1')![21]).toBe("'+86 催收员说要上门");
    expect(byRef.get('X-5')![21]).toBe('他说："再不还钱就去你单位"，还说了很多, 很多');
    expect(byRef.get('X-6')![21]).toBe('第一行\n第二行\r\n第三行');
    expect(byRef.get('X-2')![21]).toBe("'-1 表示欠款");
    expect(byRef.get('X-3')![21]).toBe("'@所有人 他在群里曝光我");
    expect(byRef.get('X-2')![11]).toBe('深圳市');
  });

  it('writes English headers and labels on request', async () => {
    const [header, first] = csvRecords((await exportFile('provinceCodes=110000&lang=en')).body);
    expect(header![0]).toBe('ID');
    expect(header![21]).toBe('Narrative (redacted)');
    expect(first![1]).toBe('Regulator hotline (12378)');
    expect(first![9]).toBe('Beijing');
  });

  it('gives a provincial analyst only their province, and nothing for another', async () => {
    const records = csvRecords((await exportFile('', provincial)).body).slice(1);
    expect(records.length).toBe(rows.filter((r) => r.provinceCode === '440000').length);
    expect(new Set(records.map((r) => r[8]))).toEqual(new Set(['440000']));
    const other = await exportFile('provinceCodes=110000', provincial);
    expect(other.status).toBe(200);
    expect(csvRecords(other.body)).toEqual([HEADER_ZH]);
  });

  it('exports XLSX with the same rows, numbers as numbers, and a frozen header', async () => {
    const csv = csvRecords((await exportFile('provinceCodes=110000')).body);
    const file = await exportFile('provinceCodes=110000&format=xlsx');
    expect(file.status).toBe(200);
    const book = await workbook(file.body);
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe('投诉');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const values: unknown[][] = [];
    sheet.eachRow((row) => values.push((row.values as unknown[]).slice(1)));
    expect(values.length).toBe(csv.length);
    expect(values[0]).toEqual(HEADER_ZH);
    const x0 = values.find((v) => v[2] === 'X-0')!;
    expect(typeof x0[0]).toBe('number');
    expect(x0[18]).toBe(1234.5);
    expect(values.map((v) => String(v[2])).sort()).toEqual(csv.map((r) => r[2]!).sort());
    expect(x0[21]).toBe(`'=HYPERLINK("http://evil.example","点我")`);
  });

  it('gives valid files with only the header when nothing matches', async () => {
    const csv = await exportFile('from=2030-01-01&to=2030-12-31');
    expect(csv.status).toBe(200);
    expect(csvRecords(csv.body)).toEqual([HEADER_ZH]);
    const xlsx = await workbook(
      (await exportFile('from=2030-01-01&to=2030-12-31&format=xlsx')).body,
    );
    expect(xlsx.worksheets[0]!.rowCount).toBe(1);
  });

  it('refuses bad parameters by name', async () => {
    for (const [params, field] of [
      ['format=pdf', 'format'],
      ['categories=THREAT,NOPE', 'categories'],
      ['province=440000', 'province'],
      ['from=2025-13-01', 'from'],
    ]) {
      const res = await fetch(`${api.url}/api/exports/complaints?${params}`, {
        headers: { authorization: `Bearer ${admin}` },
      });
      expect(res.status, params).toBe(400);
      const body = (await res.json()) as { errors: { extensions: { field: string } }[] };
      expect(body.errors[0]!.extensions.field, params).toBe(field);
    }
  });

  it.runIf(target === 'server')(
    'writes the same bytes through COPY as through the cursor',
    async () => {
      const query = complaintExportQuery(
        { kind: 'ALL' },
        { provinceCodes: ['330000', '440000'] },
        'zh',
      );
      const { stream, release } = await copyCsv(db.dataSource, query);
      const chunks: Buffer[] = [];
      for await (const chunk of stream.pipe(new PassThrough())) chunks.push(chunk as Buffer);
      await release();
      let viaCursor = '';
      for await (const batch of cursorRows(db.dataSource, query))
        viaCursor += batch.map(csvRecord).join('');
      expect(viaCursor.length).toBeGreaterThan(1000);
      // The export has no ORDER BY and a cursor may be planned differently from COPY: the
      // same records, each written byte for byte the same, possibly in another order.
      const viaCopy = Buffer.concat(chunks).toString('utf8');
      expect(viaCopy.length).toBe(viaCursor.length);
      const records = (text: string) =>
        csvRecords(Buffer.from(`\ufeff${text}`))
          .map((r) => csvRecord(r.map((v) => (v === '' ? null : v))))
          .sort();
      expect(records(viaCopy)).toEqual(records(viaCursor));
      expect(records(viaCopy).length).toBe(
        rows.filter((r) => ['330000', '440000'].includes(r.provinceCode)).length,
      );
    },
  );

  it('reads a cursor in batches to the end, and leaves no cursor open', async () => {
    const query = complaintExportQuery({ kind: 'ALL' }, {}, 'en');
    let batches = 0;
    const ids: string[] = [];
    for await (const batch of cursorRows(db.dataSource, query, 7)) {
      batches++;
      expect(batch.length).toBeLessThanOrEqual(7);
      ids.push(...batch.map((r) => r[2]!));
    }
    expect(batches).toBe(Math.ceil(rows.length / 7));
    expect(ids.sort()).toEqual(rows.map((r) => r.externalId).sort());
    // Stopping early closes the cursor too.
    for await (const batch of cursorRows(db.dataSource, query, 7)) if (batch.length) break;
    const open = await db.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM pg_cursors WHERE name LIKE 'export_%'`,
    );
    expect(open[0]!.n).toBe(0);
  });

  it.runIf(target === 'server')(
    'cancels the COPY of a reader that goes away, and the connection serves the next query',
    async () => {
      await ensurePartitionsFor(db.dataSource, [new Date(Date.now() - 20000 * 60_000)]);
      await db.dataSource.query(
        `INSERT INTO complaints (source, external_id, received_at, institution_id, province_code, narrative,
           narrative_search)
         SELECT 'MEDIA', 'BULK-' || g, now() - g * interval '1 minute', $1, '110000', $2, array_to_tsvector($3::text[])
         FROM generate_series(1, 20000) AS g`,
        [inst[0], '批量导入的投诉', narrativeSearchTokens('批量导入的投诉')],
      );
      try {
        const service = api.app.get(ComplaintExportService);
        let received = 0;
        const goneAway = new Writable({
          write(chunk: Buffer, _enc, done) {
            received += chunk.length;
            // The reader leaves after the first 256 KB.
            done(received > 256 * 1024 ? new Error('client went away') : null);
          },
        });
        await expect(
          service.write('csv', { kind: 'ALL' }, { sources: ['MEDIA'] }, 'zh', goneAway),
        ).rejects.toThrow(/went away/);
        // Every pooled connection answers, and no COPY is left running.
        const answers = await Promise.all(
          Array.from({ length: 12 }, () =>
            db.dataSource.query<{ one: number }[]>('SELECT 1 AS one'),
          ),
        );
        expect(answers.every((r) => r[0]!.one === 1)).toBe(true);
        const copies = await db.dataSource.query<{ n: number }[]>(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'COPY (%' AND state = 'active'`,
        );
        expect(copies[0]!.n).toBe(0);
      } finally {
        await db.dataSource.query(`DELETE FROM complaints WHERE source = 'MEDIA'`);
      }
    },
  );

  /** Polls a job until it leaves QUEUED and RUNNING. */
  async function finished(id: string, token: string) {
    for (let i = 0; i < 600; i++) {
      const res = await gql<{ exportJob: Record<string, unknown> }>(
        api.url,
        `query($id: ID!) { exportJob(id: $id) { id status progress rowsTotal rowsDone fileName downloadUrl error expiresAt } }`,
        { id },
        token,
      );
      const job = res.data?.exportJob;
      if (!job) throw new Error(JSON.stringify(res.errors));
      if (job['status'] !== 'QUEUED' && job['status'] !== 'RUNNING') return job;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the export did not finish');
  }

  it('runs a large export as a background job whose file only its requester or an admin gets', async () => {
    const res = await fetch(`${api.url}/api/exports/complaints?format=csv`, {
      headers: { authorization: `Bearer ${national}` },
    });
    expect(res.status).toBe(202);
    const body = (await res.json()) as { job: { id: string; rowsTotal: number } };
    expect(body.job.rowsTotal).toBe(rows.length);
    const job = await finished(body.job.id, national);
    expect(job).toMatchObject({ status: 'DONE', progress: 1, rowsDone: rows.length });
    expect(job['downloadUrl']).toBe(`/api/exports/jobs/${body.job.id}/file`);

    const mine = await download(`${api.url}${job['downloadUrl']}`, national);
    expect(mine.status).toBe(200);
    const records = csvRecords(mine.body);
    expect(records[0]).toEqual(HEADER_ZH);
    expect(records.length - 1).toBe(rows.length);

    // Someone else: as if there were no such job.
    const theirs = await download(`${api.url}${job['downloadUrl']}`, provincial);
    expect(theirs.status).toBe(404);
    const peek = await gql(
      api.url,
      `query($id: ID!) { exportJob(id: $id) { id } }`,
      { id: body.job.id },
      provincial,
    );
    expect(peek.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    const listed = await gql<{ exportJobs: { id: string }[] }>(
      api.url,
      `{ exportJobs { id } }`,
      {},
      provincial,
    );
    expect(listed.data!.exportJobs).toEqual([]);
    const everyone = await gql(api.url, `{ exportJobs(everyone: true) { id } }`, {}, provincial);
    expect(everyone.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect((await download(`${api.url}/api/exports/jobs/not-a-job/file`, national)).status).toBe(
      404,
    );
    // An administrator may.
    expect((await download(`${api.url}${job['downloadUrl']}`, admin)).status).toBe(200);

    const log = await db.dataSource.query<
      { action: string; actor_email: string; target: string | null }[]
    >(
      `SELECT action, actor_email, target FROM audit_log WHERE action IN ('EXPORT_REQUESTED', 'EXPORT_DOWNLOADED') AND target = $1 ORDER BY id`,
      [body.job.id],
    );
    expect(log.map((l) => [l.action, l.actor_email])).toEqual([
      ['EXPORT_REQUESTED', 'national-export@test.example'],
      ['EXPORT_DOWNLOADED', 'national-export@test.example'],
      ['EXPORT_DOWNLOADED', TEST_ADMIN.email],
    ]);
    const metrics = await (await fetch(`${api.url}/metrics`)).text();
    expect(metrics).toMatch(
      /cw_export_jobs_total\{kind="complaints_csv",outcome="succeeded"\} [1-9]/,
    );
    const direct = await db.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'COMPLAINTS_EXPORTED'`,
    );
    expect(direct[0]!.n).toBeGreaterThan(0);
  });

  it('builds a report in the background on request', async () => {
    const res = await gql<{ requestExport: { id: string; status: string } }>(
      api.url,
      `mutation { requestExport(input: { kind: QUARTERLY_REPORT, format: PDF, year: 2025, quarter: 2 }) { id status } }`,
      {},
      national,
    );
    const job = await finished(res.data!.requestExport.id, national);
    expect(job['status']).toBe('DONE');
    expect(job['fileName']).toBe('complaints-report-2025-Q2.pdf');
    const file = await download(`${api.url}${job['downloadUrl']}`, national);
    expect(file.type).toBe('application/pdf');
    expect(file.body.subarray(0, 5).toString()).toBe('%PDF-');

    const bad = await gql(
      api.url,
      `mutation { requestExport(input: { kind: COMPLAINTS, format: PDF }) { id } }`,
      {},
      national,
    );
    expect(bad.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });

  it('removes files past their retention, and limits how many jobs one user has open', async () => {
    const res = await gql<{ requestExport: { id: string } }>(
      api.url,
      `mutation { requestExport(input: { kind: COMPLAINTS, format: CSV, filter: { provinceCodes: ["110000"] } }) { id } }`,
      {},
      national,
    );
    const id = res.data!.requestExport.id;
    await finished(id, national);
    const file = path.join(dataDir, 'exports', `${id}.dat`);
    expect(existsSync(file)).toBe(true);
    await db.dataSource.query(
      `UPDATE export_jobs SET expires_at = now() - interval '1 minute' WHERE id = $1`,
      [id],
    );
    expect(await api.app.get(ExportJobsService).cleanup()).toBe(1);
    expect(existsSync(file)).toBe(false);
    expect((await finished(id, national))['status']).toBe('EXPIRED');
    const gone = await download(`${api.url}/api/exports/jobs/${id}/file`, national);
    expect(gone.status).toBe(404);

    // Five jobs open (held as RUNNING so the queue leaves them alone): the sixth is refused.
    const [user] = await db.dataSource.query<{ id: number }[]>(
      `SELECT id FROM users WHERE email = 'national-export@test.example'`,
    );
    await db.dataSource.query(
      `INSERT INTO export_jobs (kind, format, requested_by, params, status)
       SELECT 'COMPLAINTS', 'csv', $1, '{"filter":{},"lang":"zh"}', 'RUNNING' FROM generate_series(1, 5)`,
      [user!.id],
    );
    const refused = await gql(
      api.url,
      `mutation { requestExport(input: { kind: COMPLAINTS, format: CSV }) { id } }`,
      {},
      national,
    );
    expect(refused.errors?.[0]?.extensions?.['code']).toBe('TOO_MANY_REQUESTS');
    await db.dataSource.query(`DELETE FROM export_jobs WHERE status = 'RUNNING'`);
  });
});
