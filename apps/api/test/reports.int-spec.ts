// The quarterly report: every table of it equals the dashboard's figure for the same filter
// (the GraphQL queries the dashboard runs), in each format; the PDF shows Chinese, has text
// that can be extracted and a page 1 that is not blank; a scoped user's report holds only
// what the scope allows; bad parameters are refused by name; an empty quarter still gives
// valid files. On both databases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATEGORY, CHANNEL, type Source } from '@cw/domain';
import { serveApi, type RunningApi } from '../src/bootstrap.js';
import { Random } from '../src/demo/random.js';
import {
  download,
  pageOneInk,
  pdfPages,
  pdfText,
  workbook,
  zippedCsvs,
} from './support/downloads.js';
import { shanghaiDay } from './support/expected-trend.js';
import { createInstitution, insertComplaints, type TestComplaint } from './support/factories.js';
import { gql, login } from './support/graphql-client.js';
import { openTestDatabase, testTargets, type TestDatabase } from './support/test-database.js';
import { TEST_ADMIN, testEnv } from './support/test-env.js';

const PROVINCES = ['110000', '330000', '440000', '510000'];
const SOURCES: Source[] = ['HOTLINE', 'CONSUMER_ASSOCIATION', 'ONLINE_PLATFORM'];
const PASSWORD = 'report test password';
const Q3 = { from: '2025-07-01', to: '2025-09-30' };

interface Period {
  from: string;
  to: string;
  total: number;
}
interface ShareRow {
  label: string;
  count: number;
  share: number;
}
interface RankRow {
  key: string;
  label: string;
  count: number;
  previousCount: number;
  change: number | null;
  rate: number | null;
}
interface HandlingRow {
  institution: { name: string } | null;
  total: number;
  responded: number;
  timely: number;
  timelyShare: number | null;
  medianDaysToAnswer: number | null;
  referredToPolice: number;
  policeShare: number | null;
}
interface SpikeRow {
  institution: { name: string };
  provinceCode: string;
  period: string;
  count: number;
  baseline: number;
  score: number;
}
/** What the dashboard's queries answer. */
interface Figures {
  complaintComparison: { current: Period; previous: Period; yearAgo: Period };
  types: { rows: ShareRow[] };
  categories: { rows: ShareRow[] };
  channels: { rows: ShareRow[] };
  sources: { rows: ShareRow[] };
  institutions: { rows: RankRow[] };
  provinces: { rows: RankRow[] };
  handling: HandlingRow[];
  spikes: SpikeRow[];
}
type ShareKey = 'types' | 'categories' | 'channels' | 'sources';

/** A number as the CSV writes it ('' for none). */
const csvNumber = (v: number | null | undefined) =>
  v === null || v === undefined ? '' : String(v);

describe.each(await testTargets())('the quarterly report on the %s database', (target) => {
  let db: TestDatabase;
  let api: RunningApi;
  let admin: string;
  let provincial: string;
  let officer: string;
  let rows: TestComplaint[];
  let inst: number[];

  beforeAll(async () => {
    db = await openTestDatabase(target);
    inst = [];
    const names = ['报告甲银行', '报告乙消费金融', '报告丙小贷', '报告丁网络银行'];
    const types = ['BANK', 'CONSUMER_FINANCE', 'MICROLOAN', 'INTERNET_BANK'] as const;
    for (let i = 0; i < names.length; i++) {
      const id = await createInstitution(db.dataSource, { name: names[i]!, type: types[i] });
      inst.push(id);
    }
    await db.dataSource.query(`UPDATE institutions SET active_borrowers = 120000 WHERE id = $1`, [
      inst[0],
    ]);
    const random = new Random(2025);
    const start = Date.parse('2024-01-01T00:00:00Z');
    rows = Array.from({ length: 1800 }, (_, i) => {
      const receivedAt = new Date(start + Math.floor(random.next() * 730 * 86_400_000));
      const responded = random.chance(0.6);
      return {
        externalId: `R-${i}`,
        source: random.pick(SOURCES),
        receivedAt,
        institutionId: inst[Math.min(3, Math.floor(random.next() * random.next() * 5))]!,
        provinceCode: random.pick(PROVINCES),
        channels: [...new Set([random.pick(CHANNEL.codes), random.pick(CHANNEL.codes)])],
        categories: [...new Set([random.pick(CATEGORY.codes), random.pick(CATEGORY.codes)])].slice(
          0,
          random.int(1, 2),
        ),
        status: random.chance(0.05) ? 'REFERRED_TO_POLICE' : responded ? 'RESPONDED' : 'RECEIVED',
        respondedAt: responded
          ? new Date(receivedAt.getTime() + random.int(1, 30 * 24) * 3_600_000)
          : null,
      } satisfies TestComplaint;
    });
    // A spike inside Q3 2025: one institution in one province, 30 in a week.
    for (let k = 0; k < 30; k++)
      rows.push({
        externalId: `SPIKE-${k}`,
        receivedAt: new Date(Date.parse('2025-08-11T02:00:00Z') + k * 3_600_000 * 4),
        institutionId: inst[2]!,
        provinceCode: '510000',
        categories: ['THREAT'],
      });
    await insertComplaints(db.dataSource, rows);
    api = await serveApi(db, testEnv());
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
    provincial = await create({
      email: 'gd-report@test.example',
      role: 'PROVINCIAL_ANALYST',
      provinceCodes: ['440000'],
    });
    officer = await create({
      email: 'bank-report@test.example',
      role: 'INSTITUTION_OFFICER',
      institutionIds: [String(inst[0])],
    });
  });
  afterAll(async () => {
    await api?.close();
  });

  const report = (params: string, token = admin) =>
    download(`${api.url}/api/reports/quarterly?${params}`, token);

  /** The dashboard's figures for a filter, through the same GraphQL queries it runs. */
  async function dashboardFigures(filter: Record<string, unknown>, token = admin) {
    const res = await gql<Figures>(
      api.url,
      `query($f: ComplaintFilter) {
        complaintComparison(filter: $f) { current { from to total } previous { from to total } yearAgo { from to total } }
        types: shares(dimension: INSTITUTION_TYPE, filter: $f) { rows { label count share } }
        categories: shares(dimension: CATEGORY, filter: $f) { rows { label count share } }
        channels: shares(dimension: CHANNEL, filter: $f) { rows { label count share } }
        sources: shares(dimension: SOURCE, filter: $f) { rows { label count share } }
        institutions: ranking(dimension: INSTITUTION, filter: $f, top: 20) { rows { key label count previousCount change rate } }
        provinces: ranking(dimension: PROVINCE, filter: $f, top: 100) { rows { key label count previousCount change rate } }
        handling(filter: $f, top: 20) { institution { name } total responded timely timelyShare medianDaysToAnswer referredToPolice policeShare }
        spikes(filter: $f, top: 20) { institution { name } provinceCode period count baseline score }
      }`,
      { f: filter },
      token,
    );
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    return res.data;
  }

  /** Every table of the CSV zip against the dashboard's figures. */
  async function expectReportEqualsDashboard(
    params: string,
    filter: Record<string, unknown>,
    token = admin,
  ) {
    const file = await report(`${params}&format=csv`, token);
    expect(file.status).toBe(200);
    expect(file.type).toBe('application/zip');
    const csv = zippedCsvs(file.body);
    const d = await dashboardFigures(filter, token);
    const body = (name: string) =>
      csv
        .get(`${name}.csv`)!
        .slice(1)
        .filter((r) => r.length > 1);

    const c = d.complaintComparison;
    expect(body('headline').map((r) => [r[1], r[2], r[3]])).toEqual(
      [c.current, c.previous, c.yearAgo].map((p) => [p.from, p.to, String(p.total)]),
    );
    const shares = (name: string, key: ShareKey) =>
      expect(body(name)).toEqual(
        d[key].rows.map((r) => [r.label, String(r.count), String(r.share)]),
      );
    shares('institution_types', 'types');
    shares('categories', 'categories');
    shares('channels', 'channels');
    shares('sources', 'sources');
    expect(body('top_institutions')).toEqual(
      d['institutions'].rows.map((r, i) => [
        String(i + 1),
        r.label,
        String(r.count),
        String(r.previousCount),
        csvNumber(r.change),
        csvNumber(r.rate),
      ]),
    );
    expect(body('provinces')).toEqual(
      d['provinces'].rows.map((r) => [
        r.label,
        r.key,
        String(r.count),
        csvNumber(r.rate),
        String(r.previousCount),
        csvNumber(r.change),
      ]),
    );
    expect(body('handling')).toEqual(
      d['handling'].map((r) => [
        r.institution?.name ?? '全部机构',
        String(r.total),
        String(r.responded),
        String(r.timely),
        csvNumber(r.timelyShare),
        csvNumber(r.medianDaysToAnswer),
        String(r.referredToPolice),
        csvNumber(r.policeShare),
      ]),
    );
    const spikes = body('spikes');
    expect(spikes.filter((r) => r[0] !== '' && r[2] !== '')).toEqual(
      d['spikes'].map((r) => [
        r.institution.name,
        expect.any(String),
        r.period,
        String(r.count),
        String(r.baseline),
        String(r.score),
      ]),
    );
    return { csv, dashboard: d };
  }

  it('equals the dashboard, table by table, for a quarter with no filter', async () => {
    const { dashboard } = await expectReportEqualsDashboard('year=2025&quarter=3', Q3);
    // And the headline is the number of complaints received in the quarter, Shanghai days.
    const inQ3 = rows.filter((r) => {
      const day = shanghaiDay(r.receivedAt);
      return day >= Q3.from && day <= Q3.to;
    }).length;
    expect(dashboard['complaintComparison'].current.total).toBe(inQ3);
    expect(dashboard['spikes'].length).toBeGreaterThan(0);
  });

  it('equals the dashboard for a filtered range that the rollups cannot answer', async () => {
    const filter = {
      from: '2025-02-10',
      to: '2025-05-20',
      categories: ['THREAT', 'INSULT'],
      provinceCodes: ['440000', '510000'],
    };
    await expectReportEqualsDashboard(
      'from=2025-02-10&to=2025-05-20&categories=THREAT,INSULT&provinceCodes=440000&provinceCodes=510000',
      filter,
    );
  });

  it('gives a provincial analyst only their province, whatever the filter asks', async () => {
    const { csv } = await expectReportEqualsDashboard('year=2025&quarter=3', Q3, provincial);
    const provinces = csv.get('provinces.csv')!.slice(1);
    expect(provinces.map((r) => r[1])).toEqual(['440000']);
    const inScope = rows.filter((r) => {
      const day = shanghaiDay(r.receivedAt);
      return r.provinceCode === '440000' && day >= Q3.from && day <= Q3.to;
    }).length;
    expect(csv.get('headline.csv')![1]![3]).toBe(String(inScope));
    const about = csv.get('about.csv')!.map((r) => r.join(' '));
    expect(about.join('\n')).toContain('省份：广东');

    const outside = zippedCsvs(
      (await report('year=2025&quarter=3&format=csv&provinceCodes=510000', provincial)).body,
    );
    expect(outside.get('headline.csv')![1]![3]).toBe('0');
    expect(
      outside
        .get('spikes.csv')!
        .slice(1)
        .filter((r) => r[2]),
    ).toEqual([]);
  });

  it('never names an institution outside an officer’s scope, even one the filter asks for', async () => {
    const other = inst[1]!;
    const file = await report(`year=2025&quarter=3&format=pdf&institutionIds=${other}`, officer);
    expect(file.status).toBe(200);
    const text = pdfText(file.body);
    expect(text).toContain(`#${other}`);
    expect(text).not.toContain('报告乙消费金融');
    expect(text).toContain('报告甲银行'); // the scope line names the officer's own
    const zip = zippedCsvs((await report(`year=2025&quarter=3&format=csv`, officer)).body);
    const named = [...zip.values()].flat(2).join('\n');
    for (const name of ['报告乙消费金融', '报告丙小贷', '报告丁网络银行'])
      expect(named).not.toContain(name);
  });

  it('writes a PDF in Chinese with extractable text, the figures, page numbers and a page 1 that is not blank', async () => {
    const file = await report('year=2025&quarter=3&format=pdf');
    expect(file.status).toBe(200);
    expect(file.type).toBe('application/pdf');
    expect(file.disposition).toContain('complaints-report-2025-Q3.pdf');
    expect(file.body.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(file.body);
    const d = await dashboardFigures(Q3);
    expect(text).toContain('暴力催收投诉季度报告');
    expect(text).toContain('2025年第三季度');
    expect(text).toContain('目录');
    expect(text).toContain('广东');
    expect(text).toContain('威胁恐吓');
    expect(text).toContain(d.institutions.rows[0]!.label);
    expect(text).toContain(d['complaintComparison'].current.total.toLocaleString('zh-CN'));
    const pages = pdfPages(file.body);
    expect(pages).toBeGreaterThanOrEqual(10);
    expect(text).toContain(`第 1 页 / 共 ${pages} 页`);
    expect(text).toContain(`第 ${pages} 页 / 共 ${pages} 页`);
    expect(text.match(/数据截至 \d{4}-\d\d-\d\d \d\d:\d\d/g)?.length).toBeGreaterThanOrEqual(pages);
    expect(pageOneInk(file.body)).toBeGreaterThan(0.05);
  });

  it('writes the report in English on request', async () => {
    const file = await report('year=2025&quarter=3&format=pdf&lang=en');
    const text = pdfText(file.body);
    expect(text).toContain('Quarterly report on complaints about');
    expect(text).toContain('abusive debt collection');
    expect(text).toContain('Q3 2025');
    expect(text).toContain('Guangdong');
    expect(text).toContain('Threats and intimidation');
    expect(text).toMatch(/Page 1 of \d+/);
  });

  it('writes an XLSX with a sheet a table, frozen headers, number formats and an About sheet', async () => {
    const file = await report('year=2025&quarter=3&format=xlsx');
    expect(file.status).toBe(200);
    const book = await workbook(file.body);
    expect(book.worksheets.map((s) => s.name)).toEqual([
      '说明',
      'headline',
      'institution_types',
      'top_institutions',
      'provinces',
      'categories',
      'channels',
      'handling',
      'spikes',
      'sources',
    ]);
    const csv = zippedCsvs((await report('year=2025&quarter=3&format=csv')).body);
    for (const sheet of book.worksheets.slice(1)) {
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      const expected = csv.get(`${sheet.name}.csv`)!;
      const values: string[][] = [];
      sheet.eachRow((row) => {
        const cells = (row.values as unknown[]).slice(1);
        values.push(
          Array.from({ length: expected[0]!.length }, (_, i) =>
            cells[i] === null || cells[i] === undefined ? '' : String(cells[i]),
          ),
        );
      });
      expect(values.filter((r) => r.some(Boolean))).toEqual(
        expected
          .filter((r) => r.some(Boolean))
          .map((r) =>
            [...r, ...Array(expected[0]!.length - r.length).fill('')].slice(0, expected[0]!.length),
          ),
      );
    }
    const counts = book.getWorksheet('provinces')!.getColumn(3);
    expect(counts.numFmt).toBe('#,##0');
    expect(book.getWorksheet('categories')!.getColumn(3).numFmt).toBe('0.0%');
    const about = book.getWorksheet('说明')!;
    const aboutText = JSON.stringify(about.getSheetValues());
    expect(aboutText).toContain('2025-07-01');
    expect(aboutText).toContain('全国');
  });

  it('gives valid files with headers for a quarter without complaints', async () => {
    const pdf = await report('year=2031&quarter=1&format=pdf');
    expect(pdf.status).toBe(200);
    expect(pdfText(pdf.body)).toContain('报告期内无数据');
    const csv = zippedCsvs((await report('year=2031&quarter=1&format=csv')).body);
    expect(csv.get('headline.csv')![1]).toEqual(['本期', '2031-01-01', '2031-03-31', '0', '']);
    expect(csv.get('top_institutions.csv')).toEqual([
      ['排名', '机构', '投诉件数', '上期件数', '环比变化', '每万名借款人投诉'],
    ]);
    const xlsx = await workbook((await report('year=2031&quarter=1&format=xlsx')).body);
    expect(xlsx.getWorksheet('provinces')!.getRow(1).values).toEqual([
      undefined,
      '省份',
      '代码',
      '投诉件数',
      '每百万人口投诉',
      '上期件数',
      '环比变化',
    ]);
  });

  it('refuses bad parameters by name, and records every report in the audit log', async () => {
    const cases: [string, string][] = [
      ['format=pdf', 'year'],
      ['year=2025', 'quarter'],
      ['year=2025&quarter=5', 'quarter'],
      ['year=2025&quarter=3&format=doc', 'format'],
      ['year=2025&quarter=3&provinceCode=440000', 'provinceCode'],
      ['year=2025&quarter=3&provinceCodes=44', 'provinceCodes'],
      ['year=2025&quarter=3&from=2025-01-01', 'from'],
      ['from=2025-03-01&to=2025-01-01', 'to'],
      ['year=2025&quarter=3&lang=fr', 'lang'],
    ];
    for (const [params, field] of cases) {
      const res = await fetch(`${api.url}/api/reports/quarterly?${params}`, {
        headers: { authorization: `Bearer ${admin}` },
      });
      expect(res.status, params).toBe(400);
      const body = (await res.json()) as {
        errors: { message: string; extensions: { code: string; field: string } }[];
      };
      expect(body.errors[0]!.extensions, params).toEqual({ code: 'BAD_USER_INPUT', field });
      expect(body.errors[0]!.message, params).toContain(field);
    }
    expect((await fetch(`${api.url}/api/reports/quarterly?year=2025&quarter=3`)).status).toBe(401);

    const log = await db.dataSource.query<{ actor_email: string; details: { format: string } }[]>(
      `SELECT actor_email, details FROM audit_log WHERE action = 'REPORT_EXPORTED' ORDER BY id`,
    );
    expect(log.length).toBeGreaterThanOrEqual(10);
    expect(log.map((l) => l.actor_email)).toContain('gd-report@test.example');
  });

  it('previews the same tables over GraphQL', async () => {
    const res = await gql<{
      quarterlyReport: { periodLabel: string; tables: { id: string; rows: string[][] }[] };
    }>(
      api.url,
      `{ quarterlyReport(year: 2025, quarter: 3) { periodLabel tables { id rows } } }`,
      {},
      admin,
    );
    expect(res.data!.quarterlyReport.periodLabel).toBe('2025年第三季度');
    // The same quarter given as the filter's range (year and quarter left out) is the same report.
    const byRange = await gql<{ quarterlyReport: { periodLabel: string } }>(
      api.url,
      `query($f: ComplaintFilter) { quarterlyReport(filter: $f, lang: EN) { periodLabel } }`,
      { f: Q3 },
      admin,
    );
    expect(byRange.data?.quarterlyReport.periodLabel).toBe('Q3 2025');
    const d = await dashboardFigures(Q3);
    const provinces = res.data!.quarterlyReport.tables.find((t) => t.id === 'provinces')!;
    expect(provinces.rows.map((r) => [r[0], r[2]])).toEqual(
      d['provinces'].rows.map((r) => [r.label, r.count.toLocaleString('zh-CN')]),
    );
  });
});
