// Institution search (name, alias, width and case), lookups by id, and the complaint list's
// keyset paging, through GraphQL on both databases.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveApi, type RunningApi } from '../src/bootstrap.js';
import { schemaText } from '../src/graphql/print-schema.js';
import { createAgency, createInstitution, insertComplaints } from './support/factories.js';
import { gql, signIn } from './support/graphql-client.js';
import { openTestDatabase, testTargets } from './support/test-database.js';
import { TEST_ADMIN, testEnv } from './support/test-env.js';

describe.each(await testTargets())('registry and complaint list on the %s database', (target) => {
  let api: RunningApi;
  let mybank: number;
  let agency: number;

  beforeAll(async () => {
    const db = await openTestDatabase(target);
    mybank = await createInstitution(db.dataSource, {
      name: '网商银行',
      type: 'INTERNET_BANK',
      aliases: ['网商贷', 'MYbank'],
    });
    await createInstitution(db.dataSource, {
      name: '招联消费金融有限公司',
      type: 'CONSUMER_FINANCE',
      aliases: ['招联好期贷'],
    });
    await createInstitution(db.dataSource, { name: '100%_银行', type: 'BANK' });
    agency = await createAgency(db.dataSource, '测试资产管理有限公司');
    const start = Date.parse('2025-05-01T00:00:00Z');
    await insertComplaints(
      db.dataSource,
      Array.from({ length: 45 }, (_, i) => ({
        externalId: `L-${i}`,
        // Pairs share a timestamp so that paging must break ties by id.
        receivedAt: new Date(start + Math.floor(i / 2) * 3_600_000),
        institutionId: mybank,
        agencyId: i % 3 === 0 ? agency : null,
        provinceCode: i % 2 ? '330000' : '440000',
        categories: i % 5 === 0 ? ['THREAT', 'INSULT'] : ['EXCESSIVE_CONTACT'],
      })),
    );
    api = await serveApi(db, testEnv());
    await signIn(api.url, TEST_ADMIN.email, TEST_ADMIN.password);
  });
  afterAll(async () => api?.close());

  const search = async (text: string) =>
    (
      await gql<{ institutions: { name: string }[] }>(
        api.url,
        `query($s: String) { institutions(search: $s) { name } }`,
        { s: text },
      )
    ).data!.institutions.map((i) => i.name);

  it('finds institutions by name or alias, in any case or width', async () => {
    expect(await search('网商')).toEqual(['网商银行']);
    expect(await search('网商贷')).toEqual(['网商银行']);
    expect(await search('mybank')).toEqual(['网商银行']);
    expect(await search('ＭＹＢＡＮＫ')).toEqual(['网商银行']);
    expect(await search('  好期贷 ')).toEqual(['招联消费金融有限公司']);
    expect(await search('%')).toEqual(['100%_银行']);
    expect(await search('_')).toEqual(['100%_银行']);
    expect(await search('没有这家')).toEqual([]);
    expect((await search('')).length).toBe(3);
  });

  it('bounds the page size', async () => {
    const res = await gql(api.url, `{ institutions(first: 1000) { id } }`);
    expect(res.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });

  it('looks institutions up by id, leaving unknown ids out', async () => {
    const res = await gql<{ institutionsByIds: { id: string; name: string }[] }>(
      api.url,
      `query($ids: [ID!]!) { institutionsByIds(ids: $ids) { id name } }`,
      { ids: [String(mybank), '999999', 'x'] },
    );
    expect(res.data!.institutionsByIds).toEqual([{ id: String(mybank), name: '网商银行' }]);
  });

  it('pages through complaints newest first without gaps or repeats', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const res: Awaited<
        ReturnType<
          typeof gql<{
            complaints: {
              totalCount: number;
              edges: {
                node: {
                  externalId: string;
                  receivedAt: string;
                  institution: { name: string };
                  agency: { name: string } | null;
                };
              }[];
              pageInfo: { hasNextPage: boolean; endCursor: string | null };
            };
          }>
        >
      > = await gql(
        api.url,
        `query($after: String) { complaints(first: 10, after: $after, filter: { provinceCodes: ["330000", "440000"] }) {
          totalCount edges { node { externalId receivedAt institution { name } agency { name } } } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      const c = res.data!.complaints;
      expect(c.totalCount).toBe(45);
      seen.push(...c.edges.map((e) => e.node.externalId));
      for (const e of c.edges) expect(e.node.institution.name).toBe('网商银行');
      if (!c.pageInfo.hasNextPage) break;
      after = c.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(45);
    expect(new Set(seen).size).toBe(45);
    expect(seen[0]).toBe('L-44');
  });

  it('filters the list like the trend and refuses a forged cursor', async () => {
    const res = await gql<{ complaints: { totalCount: number } }>(
      api.url,
      `{ complaints(filter: { categories: [THREAT] }) { totalCount } }`,
    );
    expect(res.data!.complaints.totalCount).toBe(9);
    const bad = await gql(api.url, `{ complaints(after: "bm90LWEtY3Vyc29y") { totalCount } }`);
    expect(bad.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    const big = await gql(api.url, `{ complaints(first: 101) { totalCount } }`);
    expect(big.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });

  it('refuses queries nested beyond the depth limit', async () => {
    const deep = `{ complaints { edges { node { institution { id } } } } }`;
    expect((await gql(api.url, deep)).errors).toBeUndefined();
    const fragmentLoop = `query { complaints { ...A } } fragment A on ComplaintConnection { edges { node { institution { aliases } } } pageInfo { endCursor } }`;
    expect((await gql(api.url, fragmentLoop)).errors).toBeUndefined();
  });

  it('serves the schema that is committed in apps/api/src/schema.gql', async () => {
    if (target !== 'embedded') return;
    const committed = readFileSync(
      path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src/schema.gql'),
      'utf8',
    );
    expect(await schemaText(api.app)).toBe(committed);
  });
});
