// Property test: for random data, scopes, filters, intervals and breakdowns, every count a
// rollup answers equals the count over the complaints table, before and after a second
// import that updates, moves and deletes rows; and the rollups kept by the triggers equal
// a rebuild from scratch.
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
} from '@cw/domain';
import type { Scope } from '../src/auth/roles.js';
import { ensurePartitionsFor } from '../src/complaints/complaint-partitions.js';
import { planCounts, rawPlan, type CountSource } from '../src/analytics/trend-planner.js';
import { Random } from '../src/demo/random.js';
import {
  createAgency,
  createInstitution,
  insertComplaints,
  type TestComplaint,
} from './support/factories.js';
import { openTestDatabase, testTargets, type TestDatabase } from './support/test-database.js';

const PROVINCES = ['110000', '330000', '440000'];
const CITIES: Record<string, (string | null)[]> = {
  '110000': ['110100', null],
  '330000': ['330100', '330200'],
  '440000': ['440100', '440300', null],
};
const MONTH_STARTS = ['2024-01-01', '2024-02-01', '2024-06-01', '2025-01-01', '2025-03-01'];
const MONTH_ENDS = ['2024-02-29', '2024-12-31', '2025-03-31', '2025-06-30', '2025-12-31'];
const ODD_DAYS = [
  '2024-02-29',
  '2024-07-15',
  '2024-11-20',
  '2025-03-31',
  '2025-04-01',
  '2025-06-14',
];

describe.each(await testTargets())('rollups on the %s database', (target) => {
  let db: TestDatabase;
  let institutions: number[];
  let agencies: number[];
  const random = new Random(2026);
  const used: Record<CountSource, number> = {
    rollup_daily: 0,
    rollup_daily_national: 0,
    rollup_monthly: 0,
    rollup_monthly_national: 0,
    complaints: 0,
    split: 0,
  };

  function complaint(i: number): TestComplaint {
    const province = random.pick(PROVINCES);
    const subset = <T>(items: readonly T[], max: number) => [
      ...new Set(Array.from({ length: random.int(0, max) }, () => random.pick(items))),
    ];
    return {
      externalId: `R-${i}`,
      source: random.pick(SOURCE.codes),
      receivedAt: new Date(
        Date.parse('2024-01-01T00:00:00Z') + Math.floor(random.next() * 730 * 86_400_000),
      ),
      institutionId: random.pick(institutions),
      agencyId: random.chance(0.6) ? random.pick(agencies) : null,
      product: random.chance(0.9) ? random.pick(PRODUCT.codes) : null,
      provinceCode: province,
      cityCode: random.pick(CITIES[province]!),
      channels: subset(CHANNEL.codes, 3),
      categories: subset(CATEGORY.codes, 3),
    };
  }

  function randomScope(): Scope {
    const r = random.int(0, 3);
    if (r === 0) return { kind: 'PROVINCES', provinceCodes: [random.pick(PROVINCES)] };
    if (r === 1)
      return {
        kind: 'INSTITUTIONS',
        institutionIds: [random.pick(institutions), random.pick(institutions)],
      };
    return { kind: 'ALL' };
  }

  function randomFilter(): ComplaintFilter {
    const f: ComplaintFilter = {};
    const some = <T>(items: readonly T[]) => [...new Set([random.pick(items), random.pick(items)])];
    const one = <T>(items: readonly T[]) => [random.pick(items)];
    if (random.chance(0.6))
      f.from = random.chance(0.8) ? random.pick(MONTH_STARTS) : random.pick(ODD_DAYS);
    if (random.chance(0.6))
      f.to = random.chance(0.8) ? random.pick(MONTH_ENDS) : random.pick(ODD_DAYS);
    if (f.from && f.to && f.from > f.to) delete f.to;
    if (random.chance(0.3)) f.institutionIds = some(institutions.map(String));
    if (random.chance(0.3)) f.provinceCodes = some(PROVINCES);
    // Usually at most one more field, as dashboards ask; sometimes two.
    const extra = random.int(0, 8);
    if (extra === 0) f.categories = random.chance(0.5) ? one(CATEGORY.codes) : some(CATEGORY.codes);
    if (extra === 1) f.channels = random.chance(0.5) ? one(CHANNEL.codes) : some(CHANNEL.codes);
    if (extra === 2) f.sources = some(SOURCE.codes);
    if (extra === 3) f.products = some(PRODUCT.codes);
    if (extra === 4) f.agencyIds = some(agencies.map(String));
    if (extra === 5) f.cityCodes = ['330100', '440300'];
    if (extra === 6) {
      f.categories = one(CATEGORY.codes);
      f.sources = one(SOURCE.codes);
    }
    return f;
  }

  const sorted = (rows: { key: string; period: string; count: number }[]) =>
    rows.map((r) => `${r.key}|${r.period}|${r.count}`).sort();

  async function compareMany(n: number): Promise<void> {
    for (let i = 0; i < n; i++) {
      const scope = randomScope();
      const filter = randomFilter();
      const interval = random.pick(INTERVALS);
      const groupBy: Dimension | null = random.chance(0.2) ? null : random.pick(DIMENSIONS);
      const plan = planCounts(scope, filter, interval, groupBy);
      const raw = rawPlan(scope, filter, interval, groupBy);
      const [got, want] = await Promise.all([
        db.dataSource.query(plan.sql, plan.params),
        db.dataSource.query(raw.sql, raw.params),
      ]);
      used[plan.source]++;
      expect(
        sorted(got),
        `${plan.source} ${interval} ${groupBy} ${JSON.stringify({ scope, filter })}`,
      ).toEqual(sorted(want));
    }
  }

  async function rollupTables() {
    return Promise.all([
      db.dataSource.query(`SELECT * FROM rollup_daily ORDER BY day, institution_id, province_code`),
      db.dataSource.query(`SELECT * FROM rollup_daily_national ORDER BY day`),
      db.dataSource.query(
        `SELECT * FROM rollup_monthly ORDER BY dim, month, institution_id, province_code, value`,
      ),
      db.dataSource.query(`SELECT * FROM rollup_monthly_national ORDER BY dim, month, value`),
    ]);
  }

  beforeAll(async () => {
    db = await openTestDatabase(target);
    institutions = [];
    for (let i = 0; i < 6; i++) {
      institutions.push(
        await createInstitution(db.dataSource, {
          name: `R机构${i}`,
          type: i % 2 ? 'BANK' : 'MICROLOAN',
        }),
      );
    }
    agencies = [
      await createAgency(db.dataSource, 'R催收一'),
      await createAgency(db.dataSource, 'R催收二'),
    ];
    await insertComplaints(
      db.dataSource,
      Array.from({ length: 4000 }, (_, i) => complaint(i)),
    );
  });
  afterAll(async () => db?.close());

  it('answers random questions exactly as the complaints table does', async () => {
    await compareMany(300);
    expect(used.rollup_daily).toBeGreaterThan(10);
    expect(used.rollup_monthly).toBeGreaterThan(10);
    expect(used.complaints).toBeGreaterThan(10);
    expect(used.rollup_daily_national).toBeGreaterThan(2);
    expect(used.rollup_monthly_national).toBeGreaterThan(2);
    expect(used.split).toBeGreaterThan(5);
  });

  it('stays exact after a second import that updates, moves and deletes rows', async () => {
    const ds = db.dataSource;
    // Re-imported rows change fields that rollups key on, in one statement each.
    await ds.query(
      `UPDATE complaints SET province_code = '110000', city_code = NULL WHERE id % 5 = 0`,
    );
    await ds.query(
      `UPDATE complaints SET categories = '{THREAT,VISIT}', categories_declared = '{}', channels = '{}' WHERE id % 7 = 0`,
    );
    // Moved 40 days back: the earlier months' partitions first, as the writer does.
    const [span] = await ds.query<{ first: Date }[]>(
      `SELECT min(received_at) AS first FROM complaints`,
    );
    const days = Array.from({ length: 5 }, (_, i) => span!.first.getTime() - i * 10 * 86_400_000);
    await ensurePartitionsFor(
      ds,
      days.map((t) => new Date(t)),
    );
    await ds.query(
      `UPDATE complaints SET received_at = received_at - interval '40 days', institution_id = $1 WHERE id % 9 = 0`,
      [institutions[0]],
    );
    await ds.query(
      `UPDATE complaints SET responded_at = received_at + interval '20 days', status = 'REFERRED_TO_POLICE' WHERE id % 4 = 0`,
    );
    await ds.query(`DELETE FROM complaints WHERE id % 11 = 0`);
    await insertComplaints(
      ds,
      Array.from({ length: 500 }, (_, i) => complaint(10_000 + i)),
    );
    await compareMany(200);
  });

  it('keeps the same rollups as a rebuild from scratch', async () => {
    const kept = await rollupTables();
    await db.dataSource.query(`SELECT rollup_rebuild()`);
    expect(await rollupTables()).toEqual(kept);
    const [sums] = await db.dataSource.query(
      `SELECT (SELECT sum(n)::int FROM rollup_daily) AS daily, (SELECT count(*)::int FROM complaints) AS raw,
              (SELECT sum(n)::int FROM rollup_monthly WHERE dim = 'SOURCE') AS monthly,
              (SELECT sum(n)::int FROM rollup_daily_national) AS national,
              (SELECT sum(n)::int FROM rollup_monthly_national WHERE dim = 'ALL') AS "monthlyNational"`,
    );
    expect(sums.daily).toBe(sums.raw);
    expect(sums.monthly).toBe(sums.raw);
    expect(sums.national).toBe(sums.raw);
    expect(sums.monthlyNational).toBe(sums.raw);
  });
});
