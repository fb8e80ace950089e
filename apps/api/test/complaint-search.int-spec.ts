// The complaint list's narrative search and the complaint(id) query: Chinese and English
// terms find exactly the narratives that contain them (checked against a substring test
// done here), and a provincial or institution user never sees a complaint outside its
// scope, whether by search, by id or by paging.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveApi, type RunningApi } from '../src/bootstrap.js';
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

const PASSWORD = 'a long enough password';

/** Narratives as stored (already redacted), in Chinese and English. */
const NARRATIVES = [
  '催收人员每天打电话威胁我，还说要爆通讯录。',
  '对方冒充公安局，发来伪造的律师函。',
  '晚上十一点还在打电话，态度恶劣，辱骂我的家人。',
  'The collector threatened to visit my workplace and called my boss.',
  'They called 30 times a day and sent threatening SMS messages.',
  '上门催收，在小区张贴我的照片。威胁要起诉。',
  null,
];

interface Row extends TestComplaint {
  narrative: string | null;
}

describe.each(await testTargets())('complaint search and detail on the %s database', (target) => {
  let db: TestDatabase;
  let api: RunningApi;
  let admin: string;
  let provincial: string;
  let officer: string;
  let inst: number[];
  let rows: Row[];

  beforeAll(async () => {
    db = await openTestDatabase(target);
    inst = [await createInstitution(db.dataSource, { name: '甲银行' })];
    inst.push(await createInstitution(db.dataSource, { name: '乙消费金融' }));
    rows = Array.from({ length: 70 }, (_, i) => ({
      externalId: `S-${i}`,
      receivedAt: new Date(Date.UTC(2026, i % 6, 1 + (i % 25), 4, i)),
      institutionId: inst[i % 2]!,
      provinceCode: i % 3 === 0 ? '330000' : '440000',
      narrative: NARRATIVES[i % NARRATIVES.length]!,
    }));
    await insertComplaints(db.dataSource, rows);
    for (const r of rows) await setNarrative(db.dataSource, r.externalId, r.narrative);
    api = await serveApi(db, testEnv());
    admin = await login(api.url, TEST_ADMIN.email, TEST_ADMIN.password);
    for (const input of [
      { email: 'zj@test.example', role: 'PROVINCIAL_ANALYST', provinceCodes: ['330000'] },
      {
        email: 'bank@test.example',
        role: 'INSTITUTION_OFFICER',
        institutionIds: [String(inst[1])],
      },
    ]) {
      const res = await gql(
        api.url,
        `mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`,
        { i: { password: PASSWORD, ...input } },
        admin,
      );
      expect(res.errors).toBeUndefined();
    }
    provincial = await login(api.url, 'zj@test.example', PASSWORD);
    officer = await login(api.url, 'bank@test.example', PASSWORD);
  });

  afterAll(async () => api?.close());

  /** Every external id the search returns, paging through 7 at a time. */
  const searchAll = async (token: string, search: string, filter: object = {}) => {
    const ids: string[] = [];
    let after: string | null = null;
    let totalCount = -1;
    for (let page = 0; page < 20; page++) {
      const res: {
        data?: {
          complaints: {
            totalCount: number;
            edges: { node: { externalId: string } }[];
            pageInfo: { hasNextPage: boolean; endCursor: string | null };
          };
        };
        errors?: unknown;
      } = await gql(
        api.url,
        `query($s: String, $a: String, $f: ComplaintFilter) {
           complaints(search: $s, first: 7, after: $a, filter: $f) {
             totalCount edges { node { externalId } } pageInfo { hasNextPage endCursor }
           }
         }`,
        { s: search, a: after, f: filter },
        token,
      );
      expect(res.errors).toBeUndefined();
      const conn = res.data!.complaints;
      totalCount = conn.totalCount;
      ids.push(...conn.edges.map((e) => e.node.externalId));
      if (!conn.pageInfo.hasNextPage) break;
      after = conn.pageInfo.endCursor;
    }
    expect(ids.length).toBe(totalCount);
    return ids.sort();
  };

  const expected = (terms: string[], sees: (r: Row) => boolean = () => true) =>
    rows
      .filter(
        (r) =>
          sees(r) &&
          r.narrative !== null &&
          terms.every((t) => r.narrative!.toLowerCase().includes(t.toLowerCase())),
      )
      .map((r) => r.externalId)
      .sort();

  it('finds Chinese words anywhere in a narrative, single characters included', async () => {
    for (const term of ['威胁', '爆通讯录', '律师函', '打电话', '我', '照片。威胁']) {
      const found = await searchAll(admin, term);
      expect(found, term).toEqual(expected([term]));
      expect(found.length, term).toBeGreaterThan(0);
    }
  });

  it('requires every term, matches English words from their start, case-insensitively', async () => {
    expect(await searchAll(admin, '威胁 通讯录')).toEqual(expected(['威胁', '通讯录']));
    expect(await searchAll(admin, 'THREAT')).toEqual(expected(['threat']));
    expect(await searchAll(admin, 'threatening sms')).toEqual(expected(['threatening', 'sms']));
    expect(await searchAll(admin, '威胁恐吓')).toEqual([]);
  });

  it('combines the search with the filter', async () => {
    const found = await searchAll(admin, '电话', { provinceCodes: ['440000'] });
    expect(found).toEqual(expected(['电话'], (r) => r.provinceCode === '440000'));
  });

  it('keeps a provincial and an institution user inside their scope when searching', async () => {
    const zj = (r: Row) => r.provinceCode === '330000';
    expect(await searchAll(provincial, '威胁')).toEqual(expected(['威胁'], zj));
    // Asking for another province explicitly still gives nothing outside the scope.
    expect(await searchAll(provincial, '威胁', { provinceCodes: ['440000'] })).toEqual([]);
    const bank = (r: Row) => r.institutionId === inst[1];
    expect(await searchAll(officer, 'called')).toEqual(expected(['called'], bank));
  });

  it('gives one complaint by id with its detail, and null outside the scope', async () => {
    const [idRow] = await db.dataSource.query<{ id: string; external_id: string }[]>(
      `SELECT id::text AS id, external_id FROM complaints WHERE province_code = '440000' ORDER BY id LIMIT 1`,
    );
    const query = `query($id: ID!) { complaint(id: $id) {
      id externalId provinceCode narrative categoriesDeclared categoriesDetected evidence
      institutionResponse status institution { id name } } }`;
    const asAdmin = await gql<{ complaint: { externalId: string; evidence: string[] } | null }>(
      api.url,
      query,
      { id: idRow!.id },
      admin,
    );
    expect(asAdmin.errors).toBeUndefined();
    expect(asAdmin.data!.complaint?.externalId).toBe(idRow!.external_id);
    expect(asAdmin.data!.complaint?.evidence).toEqual([]);

    const asProvincial = await gql<{ complaint: unknown }>(
      api.url,
      query,
      { id: idRow!.id },
      provincial,
    );
    expect(asProvincial.errors).toBeUndefined();
    expect(asProvincial.data!.complaint).toBeNull();

    const missing = await gql<{ complaint: unknown }>(api.url, query, { id: '999999' }, admin);
    expect(missing.data!.complaint).toBeNull();
  });

  it('finds collection agencies by name or alias and labels them by id', async () => {
    const a = await createAgency(db.dataSource, '鼎信催收服务有限公司');
    await createAgency(db.dataSource, '远航资产管理');
    await db.dataSource.query(`UPDATE collection_agencies SET aliases = '{鼎信}' WHERE id = $1`, [
      a,
    ]);
    const res = await gql<{
      agencies: { id: string; name: string }[];
      agenciesByIds: { id: string }[];
    }>(
      api.url,
      `query($ids: [ID!]!) { agencies(search: "鼎信", first: 5) { id name } agenciesByIds(ids: $ids) { id } }`,
      { ids: [String(a), '999999'] },
      officer,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.agencies.map((x) => x.name)).toEqual(['鼎信催收服务有限公司']);
    expect(res.data!.agenciesByIds).toEqual([{ id: String(a) }]);
  });

  it('keeps the bigram index on a server database only (the embedded one scans)', async () => {
    const [row] = await db.dataSource.query<{ ok: boolean }[]>(
      `SELECT to_regclass('complaints_narrative_search_idx') IS NOT NULL AS ok`,
    );
    expect(row?.ok).toBe(target === 'server');
  });

  it('refuses an over-long search with BAD_USER_INPUT', async () => {
    const res = await gql(
      api.url,
      `query($s: String) { complaints(search: $s) { totalCount } }`,
      { s: '催'.repeat(101) },
      admin,
    );
    expect(res.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });
});
