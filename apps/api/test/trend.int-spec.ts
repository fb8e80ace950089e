// complaintTrend over GraphQL/HTTP against an independent computation on the same rows,
// for every interval and dimension, on the embedded database and on a PostgreSQL server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CATEGORY,
  CHANNEL,
  DIMENSIONS,
  INTERVALS,
  PRODUCT,
  SOURCE,
  type ComplaintFilter,
  type Dimension,
  type Interval,
} from '@cw/domain';
import { serveApi, type RunningApi } from '../src/bootstrap.js';
import { ensurePartitionsFor } from '../src/complaints/complaint-partitions.js';
import { Random } from '../src/demo/random.js';
import {
  createAgency,
  createInstitution,
  insertComplaints,
  type TestComplaint,
} from './support/factories.js';
import { expectedTrend, type Lookup } from './support/expected-trend.js';
import { gql, signIn } from './support/graphql-client.js';
import { openTestDatabase, testTargets, type TestDatabase } from './support/test-database.js';
import { TEST_ADMIN, testEnv } from './support/test-env.js';

const TREND = `query Trend($filter: ComplaintFilter, $interval: Interval!, $groupBy: Dimension, $top: Int) {
  complaintTrend(filter: $filter, interval: $interval, groupBy: $groupBy, top: $top) {
    total multiValued series { key label total points { period count } }
  }
}`;

interface TrendResult {
  complaintTrend: {
    total: number;
    multiValued: boolean;
    series: {
      key: string;
      label: string;
      total: number;
      points: { period: string; count: number }[];
    }[];
  };
}

const PROVINCES = ['110000', '330000', '440000', '510000'];
const CITIES: Record<string, (string | null)[]> = {
  '110000': ['110100'],
  '330000': ['330100', '330200', null],
  '440000': ['440100', '440300'],
  '510000': ['510100', null],
};

// Instants at period edges (Shanghai is UTC+8): the last minutes of a quarter, the first
// minutes of the next, a leap day, a year end, a Sunday night before a Monday.
const EDGES = [
  '2025-03-31T15:30:00Z', // 2025-03-31 23:30 Shanghai: Q1
  '2025-03-31T17:00:00Z', // 2025-04-01 01:00 Shanghai: Q2
  '2025-03-31T16:00:00Z', // 2025-04-01 00:00 Shanghai exactly: Q2
  '2025-03-31T15:59:59Z', // 2025-03-31 23:59:59 Shanghai: Q1
  '2024-02-28T16:30:00Z', // 2024-02-29 00:30 Shanghai: leap day
  '2024-12-31T15:59:59Z', // 2024-12-31 23:59:59 Shanghai
  '2024-12-31T16:00:00Z', // 2025-01-01 00:00 Shanghai
  '2025-06-01T15:59:00Z', // Sunday 2025-06-01 23:59 Shanghai: week of 2025-05-26
  '2025-06-01T16:00:00Z', // Monday 2025-06-02 00:00 Shanghai: week of 2025-06-02
];

function randomComplaints(
  random: Random,
  institutions: number[],
  agencies: number[],
  n: number,
): TestComplaint[] {
  const start = Date.parse('2024-01-01T00:00:00Z');
  const span = Date.parse('2026-01-15T00:00:00Z') - start;
  const subset = <T>(items: readonly T[], max: number) => [
    ...new Set(Array.from({ length: random.int(0, max) }, () => random.pick(items))),
  ];
  const rows: TestComplaint[] = [];
  for (let i = 0; i < n; i++) {
    const province = random.pick(PROVINCES);
    const receivedAt =
      i < EDGES.length ? new Date(EDGES[i]!) : new Date(start + Math.floor(random.next() * span));
    rows.push({
      externalId: `T-${i}`,
      source: random.pick(SOURCE.codes.filter((s) => s !== 'CFPB')),
      receivedAt,
      institutionId: random.pick(institutions),
      agencyId: random.chance(0.6) ? random.pick(agencies) : null,
      product: random.chance(0.9) ? random.pick(PRODUCT.codes) : null,
      provinceCode: province,
      cityCode: random.pick(CITIES[province]!),
      channels: subset(CHANNEL.codes, 3),
      categories: subset(CATEGORY.codes, 3),
    });
  }
  return rows;
}

function randomFilter(random: Random, institutions: number[], agencies: number[]): ComplaintFilter {
  const f: ComplaintFilter = {};
  const some = <T>(items: readonly T[]) => [...new Set([random.pick(items), random.pick(items)])];
  if (random.chance(0.5))
    f.from = random.pick(['2024-02-29', '2024-07-15', '2025-01-01', '2025-04-01']);
  if (random.chance(0.5))
    f.to = random.pick(['2025-03-31', '2025-06-30', '2025-12-31', '2026-02-10']);
  if (f.from && f.to && f.from > f.to) delete f.to;
  if (random.chance(0.3)) f.institutionIds = some(institutions.map(String));
  if (random.chance(0.2)) f.agencyIds = some(agencies.map(String));
  if (random.chance(0.3)) f.provinceCodes = some(PROVINCES);
  if (random.chance(0.2)) f.cityCodes = ['330100', '440300'];
  if (random.chance(0.3)) f.categories = some(CATEGORY.codes);
  if (random.chance(0.2)) f.channels = some(CHANNEL.codes);
  if (random.chance(0.2)) f.sources = some(SOURCE.codes);
  if (random.chance(0.2)) f.products = some(PRODUCT.codes);
  return f;
}

describe.each(await testTargets())('complaintTrend on the %s database', (target) => {
  let api: RunningApi;
  let db: TestDatabase;
  let rows: TestComplaint[];
  let institutions: number[];
  let agencies: number[];
  const lookup: Lookup = { institutionType: new Map() };

  beforeAll(async () => {
    db = await openTestDatabase(target);
    const ds = db.dataSource;
    institutions = [];
    const types = ['BANK', 'INTERNET_BANK', 'CONSUMER_FINANCE', 'MICROLOAN'] as const;
    for (let i = 0; i < 12; i++) {
      const type = types[i % types.length]!;
      const id = await createInstitution(ds, { name: `测试机构${i}`, type });
      institutions.push(id);
      lookup.institutionType.set(id, type);
    }
    agencies = [];
    for (let i = 0; i < 5; i++) agencies.push(await createAgency(ds, `测试催收公司${i}`));
    rows = randomComplaints(new Random(42), institutions, agencies, 3000);
    await insertComplaints(ds, rows);
    api = await serveApi(db, testEnv());
    await signIn(api.url, TEST_ADMIN.email, TEST_ADMIN.password);
  });

  afterAll(async () => {
    await api?.close();
  });

  async function trend(
    filter: ComplaintFilter,
    interval: Interval,
    groupBy: Dimension | null,
    top: number | null,
  ) {
    const res = await gql<TrendResult>(api.url, TREND, { filter, interval, groupBy, top });
    expect(res.errors).toBeUndefined();
    return res.data!.complaintTrend;
  }

  function stripLabels(t: TrendResult['complaintTrend']) {
    return {
      total: t.total,
      series: t.series.map(({ key, total, points }) => ({ key, total, points })),
    };
  }

  it.each(INTERVALS)('equals the independent count for every dimension by %s', async (interval) => {
    const random = new Random(INTERVALS.indexOf(interval) + 7);
    const range: ComplaintFilter = { from: '2024-01-01', to: '2025-12-31' };
    for (const groupBy of [null, ...DIMENSIONS]) {
      for (const filter of [range, randomFilter(random, institutions, agencies)]) {
        if (interval === 'DAY' && !filter.from) filter.from = '2025-01-01';
        const top = random.chance(0.5) ? random.int(1, 4) : null;
        const got = await trend(filter, interval, groupBy, top);
        const want = expectedTrend(rows, filter, interval, groupBy, top, lookup);
        expect(
          stripLabels(got),
          `${interval} ${groupBy} top=${top} ${JSON.stringify(filter)}`,
        ).toEqual(want);
        expect(got.multiValued).toBe(groupBy === 'CATEGORY' || groupBy === 'CHANNEL');
      }
    }
  });

  it('puts 23:30 Shanghai on the last day of a quarter in that quarter, and 17:00 UTC that day in the next', async () => {
    const filter = { from: '2025-03-31', to: '2025-04-01' };
    const byDay = await trend(filter, 'DAY', null, null);
    const byQuarter = await trend(filter, 'QUARTER', null, null);
    const expected = expectedTrend(rows, filter, 'DAY', null, null, lookup);
    expect(byDay.series[0]!.points).toEqual(expected.series[0]!.points);
    // Two edge rows on each side of the quarter boundary at least.
    const [q1, q2] = byQuarter.series[0]!.points;
    expect(q1!.period).toBe('2025-01-01');
    expect(q2!.period).toBe('2025-04-01');
    expect(q1!.count).toBe(byDay.series[0]!.points[0]!.count);
    expect(q2!.count).toBe(byDay.series[0]!.points[1]!.count);
    expect(q1!.count).toBeGreaterThanOrEqual(2);
    expect(q2!.count).toBeGreaterThanOrEqual(2);
  });

  it('counts a multi-category complaint once in the total and once per category in the breakdown', async () => {
    const filter = { from: '2024-01-01', to: '2025-12-31' };
    const t = await trend(filter, 'YEAR', 'CATEGORY', null);
    const plain = await trend(filter, 'YEAR', null, null);
    expect(t.total).toBe(plain.total);
    const perCategory = t.series.reduce((s, x) => s + x.total, 0);
    expect(perCategory).toBeGreaterThan(t.total);
  });

  it('returns zero-count buckets inside the range and one OTHER series with top', async () => {
    const t = await trend({ from: '2030-01-01', to: '2030-03-31' }, 'MONTH', null, null);
    expect(t.series).toEqual([
      {
        key: 'ALL',
        label: '全部投诉',
        total: 0,
        points: [
          { period: '2030-01-01', count: 0 },
          { period: '2030-02-01', count: 0 },
          { period: '2030-03-01', count: 0 },
        ],
      },
    ]);
    const top = await trend({ from: '2024-01-01', to: '2025-12-31' }, 'YEAR', 'INSTITUTION', 3);
    expect(top.series.map((s) => s.key).slice(3)).toEqual(['OTHER']);
    expect(top.series.reduce((s, x) => s + x.total, 0)).toBe(top.total);
    expect(top.series[0]!.label).toMatch(/^测试机构\d+$/);
  });

  it('answers again from the data, not from an old answer, after complaints change', async () => {
    const filter = { from: '2024-01-01', to: '2025-12-31' };
    const before = (await trend(filter, 'YEAR', null, null)).total;
    expect((await trend(filter, 'YEAR', null, null)).total).toBe(before);
    await insertComplaints(db.dataSource, [
      {
        externalId: 'CACHE-1',
        receivedAt: new Date('2025-05-05T05:00:00Z'),
        institutionId: institutions[0]!,
        provinceCode: '330000',
      },
    ]);
    expect((await trend(filter, 'YEAR', null, null)).total).toBe(before + 1);
    await ensurePartitionsFor(db.dataSource, [new Date('2023-05-05T05:00:00Z')]);
    await db.dataSource.query(
      `UPDATE complaints SET received_at = '2023-05-05T05:00:00Z' WHERE external_id = 'CACHE-1'`,
    );
    expect((await trend(filter, 'YEAR', null, null)).total).toBe(before);
    await db.dataSource.query(`DELETE FROM complaints WHERE external_id = 'CACHE-1'`);
    expect((await trend({}, 'YEAR', null, null)).total).toBe(rows.length);
  });

  it('labels series in the asked language', async () => {
    const res = await gql<TrendResult>(
      api.url,
      `{ complaintTrend(interval: YEAR, groupBy: PROVINCE, lang: EN, filter: { provinceCodes: ["330000"] }) { series { key label } } }`,
    );
    expect(res.data!.complaintTrend.series).toEqual([{ key: '330000', label: 'Zhejiang' }]);
  });

  it('refuses bad arguments with a code and the field, without internals', async () => {
    const cases: [string, string][] = [
      [
        `{ complaintTrend(interval: DAY, filter: { from: "2000-01-01", to: "2026-01-01" }) { total } }`,
        'RANGE_TOO_LONG',
      ],
      [`{ complaintTrend(interval: MONTH, top: 0) { total } }`, 'BAD_USER_INPUT'],
      [
        `{ complaintTrend(interval: MONTH, filter: { from: "2025-02-30" }) { total } }`,
        'GRAPHQL_VALIDATION_FAILED',
      ],
      [
        `{ complaintTrend(interval: MONTH, filter: { from: "2025-03-01", to: "2025-02-01" }) { total } }`,
        'BAD_USER_INPUT',
      ],
      [
        `{ complaintTrend(interval: MONTH, filter: { provinceCodes: ["'; DROP TABLE complaints; --"] }) { total } }`,
        'BAD_USER_INPUT',
      ],
      [
        `{ complaintTrend(interval: MONTH, filter: { institutionIds: ["abc"] }) { total } }`,
        'BAD_USER_INPUT',
      ],
    ];
    for (const [query, code] of cases) {
      const res = await gql(api.url, query);
      expect(res.errors?.[0]?.extensions?.['code'], query).toBe(code);
      expect(JSON.stringify(res.errors)).not.toMatch(/SELECT|stack|\.ts:/);
    }
    const still = await trend({}, 'YEAR', null, null);
    expect(still.total).toBe(rows.length);
  });
});
