// Every figure of the analytics API against an independent computation over the same rows:
// comparison periods, rankings by count, rate and change, shares, handling, off-hours and
// spikes, on both databases.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATEGORY } from '@cw/domain';
import { serveApi, type RunningApi } from '../src/bootstrap.js';
import { Random } from '../src/demo/random.js';
import { createInstitution, insertComplaints, type TestComplaint } from './support/factories.js';
import { shanghaiDay } from './support/expected-trend.js';
import { gql, signIn } from './support/graphql-client.js';
import { openTestDatabase, testTargets } from './support/test-database.js';
import { TEST_ADMIN, testEnv } from './support/test-env.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const POPULATION = new Map(
  readFileSync(path.resolve(repoRoot, '../shared/data/province-population-2020.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(','))
    .map((cols) => [cols[0]!, Number(cols[cols.length - 1])]),
);

const PROVINCES = ['110000', '330000', '440000', '510000'];
const hourIn = (d: Date) =>
  Number(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Shanghai',
      hour: '2-digit',
      hourCycle: 'h23',
    }).format(d),
  );
const between = (c: TestComplaint, from: string, to: string) => {
  const day = shanghaiDay(c.receivedAt);
  return day >= from && day <= to;
};

describe.each(await testTargets())('figures on the %s database', (target) => {
  let api: RunningApi;
  let rows: TestComplaint[];
  let inst: number[];
  const borrowers = [200_000, null, 50_000, 1_000];

  beforeAll(async () => {
    const db = await openTestDatabase(target);
    inst = [];
    for (let i = 0; i < 4; i++) {
      const id = await createInstitution(db.dataSource, {
        name: `F机构${i}`,
        type: i % 2 ? 'BANK' : 'CONSUMER_FINANCE',
      });
      await db.dataSource.query(`UPDATE institutions SET active_borrowers = $2 WHERE id = $1`, [
        id,
        borrowers[i],
      ]);
      inst.push(id);
    }
    const random = new Random(99);
    const start = Date.parse('2024-01-01T00:00:00Z');
    rows = Array.from({ length: 2500 }, (_, i) => {
      const receivedAt = new Date(start + Math.floor(random.next() * 730 * 86_400_000));
      const responded = random.chance(0.7);
      return {
        externalId: `F-${i}`,
        receivedAt,
        institutionId: random.pick(inst),
        provinceCode: random.pick(PROVINCES),
        categories: [...new Set([random.pick(CATEGORY.codes), random.pick(CATEGORY.codes)])].slice(
          0,
          random.int(0, 2),
        ),
        status: random.chance(0.05) ? 'REFERRED_TO_POLICE' : responded ? 'RESPONDED' : 'RECEIVED',
        respondedAt: responded
          ? new Date(receivedAt.getTime() + random.int(1, 40 * 24) * 3_600_000)
          : null,
        incidentAt: random.chance(0.7)
          ? new Date(receivedAt.getTime() - random.int(0, 72) * 3_600_000)
          : null,
      } satisfies TestComplaint;
    });
    // A burst: 40 complaints about one institution in one province in the week of 2025-09-08,
    // where that pair otherwise has about one a week.
    for (let k = 0; k < 40; k++) {
      rows.push({
        externalId: `BURST-${k}`,
        receivedAt: new Date(Date.parse('2025-09-08T02:00:00Z') + k * 3_600_000 * 3),
        institutionId: inst[3]!,
        provinceCode: '510000',
        categories: ['THREAT'],
      });
    }
    await insertComplaints(db.dataSource, rows);
    api = await serveApi(db, testEnv());
    await signIn(api.url, TEST_ADMIN.email, TEST_ADMIN.password);
  });
  afterAll(async () => api?.close());

  const count = (from: string, to: string, where: (c: TestComplaint) => boolean = () => true) =>
    rows.filter((c) => between(c, from, to) && where(c)).length;

  it('compares a quarter with the previous quarter and the same quarter a year earlier', async () => {
    const res = await gql<{
      complaintComparison: Record<
        string,
        { from: string; to: string; total: number } | number | null
      >;
    }>(
      api.url,
      `{ complaintComparison(filter: { from: "2025-04-01", to: "2025-06-30" }) {
           current { from to total } previous { from to total } yearAgo { from to total } changeFromPrevious changeFromYearAgo } }`,
    );
    const c = res.data!.complaintComparison;
    expect(c['current']).toEqual({
      from: '2025-04-01',
      to: '2025-06-30',
      total: count('2025-04-01', '2025-06-30'),
    });
    expect(c['previous']).toEqual({
      from: '2025-01-01',
      to: '2025-03-31',
      total: count('2025-01-01', '2025-03-31'),
    });
    expect(c['yearAgo']).toEqual({
      from: '2024-04-01',
      to: '2024-06-30',
      total: count('2024-04-01', '2024-06-30'),
    });
    expect(c['changeFromPrevious']).toBeCloseTo(
      count('2025-04-01', '2025-06-30') / count('2025-01-01', '2025-03-31') - 1,
      12,
    );
  });

  it('shifts a range of days by its length, and a leap-day February by a year to 28 February', async () => {
    const res = await gql<{
      a: { previous: { from: string; to: string } };
      b: { yearAgo: { from: string; to: string; total: number } };
    }>(
      api.url,
      `{ a: complaintComparison(filter: { from: "2025-03-15", to: "2025-04-14" }) { previous { from to } }
         b: complaintComparison(filter: { from: "2025-02-01", to: "2025-02-28" }) { yearAgo { from to total } } }`,
    );
    expect(res.data!.a.previous).toEqual({ from: '2025-02-12', to: '2025-03-14' });
    expect(res.data!.b.yearAgo).toEqual({
      from: '2024-02-01',
      to: '2024-02-29',
      total: count('2024-02-01', '2024-02-29'),
    });
  });

  it('ranks provinces by count, by rate per million residents, and by change', async () => {
    const q = (orderBy: string) =>
      gql<{
        ranking: {
          rateUnit: string;
          rows: {
            key: string;
            count: number;
            previousCount: number;
            rate: number | null;
            change: number | null;
          }[];
        };
      }>(
        api.url,
        `{ ranking(dimension: PROVINCE, orderBy: ${orderBy}, filter: { from: "2025-01-01", to: "2025-06-30" }) { rateUnit rows { key count previousCount rate change } } }`,
      );
    const expected = PROVINCES.map((p) => {
      const now = count('2025-01-01', '2025-06-30', (c) => c.provinceCode === p);
      const before = count('2024-07-01', '2024-12-31', (c) => c.provinceCode === p);
      return {
        key: p,
        count: now,
        previousCount: before,
        rate: (now / POPULATION.get(p)!) * 1e6,
        change: now / before - 1,
      };
    });
    const byCount = (await q('COUNT')).data!.ranking;
    expect(byCount.rateUnit).toBe('PER_MILLION_RESIDENTS');
    expect(byCount.rows.map((r) => r.key)).toEqual(
      [...expected].sort((a, b) => b.count - a.count).map((r) => r.key),
    );
    for (const r of byCount.rows) {
      const e = expected.find((x) => x.key === r.key)!;
      expect(r.count).toBe(e.count);
      expect(r.previousCount).toBe(e.previousCount);
      expect(r.rate).toBeCloseTo(e.rate, 9);
      expect(r.change).toBeCloseTo(e.change, 12);
    }
    expect((await q('RATE')).data!.ranking.rows.map((r) => r.key)).toEqual(
      [...expected].sort((a, b) => b.rate - a.rate).map((r) => r.key),
    );
    expect((await q('CHANGE')).data!.ranking.rows.map((r) => r.key)).toEqual(
      [...expected].sort((a, b) => b.change - a.change).map((r) => r.key),
    );
  });

  it('ranks institutions by complaints per 10,000 borrowers, those without a number last', async () => {
    const res = await gql<{
      ranking: { rows: { key: string; count: number; rate: number | null }[] };
    }>(
      api.url,
      `{ ranking(dimension: INSTITUTION, orderBy: RATE, filter: { from: "2025-01-01", to: "2025-12-31" }) { rows { key count rate } } }`,
    );
    const got = res.data!.ranking.rows;
    const expected = inst.map((id, i) => {
      const n = count('2025-01-01', '2025-12-31', (c) => c.institutionId === id);
      return {
        key: String(id),
        count: n,
        rate: borrowers[i] ? (n / borrowers[i]!) * 10_000 : null,
      };
    });
    expect(got.map((r) => r.key)).toEqual(
      [...expected]
        .sort((a, b) => (a.rate === null ? 1 : b.rate === null ? -1 : b.rate - a.rate))
        .map((r) => r.key),
    );
    for (const r of got) {
      const want = expected.find((e) => e.key === r.key)!.rate;
      if (want === null) expect(r.rate).toBeNull();
      else expect(r.rate).toBeCloseTo(want, 9);
    }
    expect(got[got.length - 1]!.rate).toBeNull();
  });

  it('gives shares by category that count a complaint once per category', async () => {
    const res = await gql<{
      shares: {
        total: number;
        multiValued: boolean;
        rows: { key: string; count: number; share: number }[];
      };
    }>(
      api.url,
      `{ shares(dimension: CATEGORY, filter: { from: "2024-01-01", to: "2025-12-31" }) { total multiValued rows { key count share } } }`,
    );
    const s = res.data!.shares;
    const total = count('2024-01-01', '2025-12-31');
    expect(s.total).toBe(total);
    expect(s.multiValued).toBe(true);
    for (const r of s.rows) {
      const n = count('2024-01-01', '2025-12-31', (c) =>
        r.key === 'NONE' ? !c.categories?.length : (c.categories ?? []).includes(r.key as never),
      );
      expect(r.count, r.key).toBe(n);
      expect(r.share).toBeCloseTo(n / total, 12);
    }
  });

  it('gives handling figures per institution: on time, median days, referred to police', async () => {
    const filter = `{ from: "2024-07-01", to: "2025-06-30", provinceCodes: ["330000", "440000"] }`;
    for (const extra of ['', ', categories: [THREAT]']) {
      const res = await gql<{
        handling: {
          institution: { id: string } | null;
          total: number;
          responded: number;
          timely: number;
          medianDaysToAnswer: number | null;
          referredToPolice: number;
        }[];
      }>(
        api.url,
        `{ handling(filter: ${filter.replace(' }', `${extra} }`)}) { institution { id } total responded timely medianDaysToAnswer referredToPolice } }`,
      );
      const pick = (c: TestComplaint) =>
        between(c, '2024-07-01', '2025-06-30') &&
        ['330000', '440000'].includes(c.provinceCode) &&
        (!extra || (c.categories ?? []).includes('THREAT'));
      const expectFor = (sel: TestComplaint[]) => {
        const answered = sel.filter((c) => c.respondedAt);
        const days = answered
          .map((c) => (c.respondedAt!.getTime() - c.receivedAt.getTime()) / 86_400_000)
          .sort((a, b) => a - b);
        const mid = days.length / 2;
        const median =
          days.length === 0
            ? null
            : days.length % 2
              ? days[Math.floor(mid)]!
              : (days[mid - 1]! + days[mid]!) / 2;
        return {
          total: sel.length,
          responded: answered.length,
          timely: answered.filter(
            (c) => c.respondedAt!.getTime() - c.receivedAt.getTime() <= 15 * 86_400_000,
          ).length,
          medianDaysToAnswer: median,
          referredToPolice: sel.filter((c) => c.status === 'REFERRED_TO_POLICE').length,
        };
      };
      const [all, ...each] = res.data!.handling;
      const { medianDaysToAnswer, ...allCounts } = expectFor(rows.filter(pick));
      expect(all!.institution).toBeNull();
      expect(all).toMatchObject(allCounts);
      expect(all!.medianDaysToAnswer).toBeCloseTo(medianDaysToAnswer!, 6);
      for (const r of each) {
        const e = expectFor(
          rows.filter((c) => pick(c) && String(c.institutionId) === r.institution!.id),
        );
        expect(r.total).toBe(e.total);
        expect(r.timely).toBe(e.timely);
        expect(r.referredToPolice).toBe(e.referredToPolice);
        expect(r.medianDaysToAnswer).toBeCloseTo(e.medianDaysToAnswer!, 6);
      }
    }
  });

  it('gives the same handling counts when the query does not ask for the medians', async () => {
    const filter = `{ from: "2024-07-01", to: "2025-06-30" }`;
    type Row = { institution: { id: string } | null; total: number; timely: number };
    const fields = 'institution { id } total timely referredToPolice';
    const without = await gql<{ handling: Row[] }>(
      api.url,
      `{ handling(filter: ${filter}) { ${fields} } }`,
    );
    const withMedians = await gql<{ handling: (Row & { medianDaysToAnswer: number | null })[] }>(
      api.url,
      `{ handling(filter: ${filter}) { ${fields} medianDaysToAnswer } }`,
    );
    expect(without.errors).toBeUndefined();
    expect(withMedians.data!.handling.map(({ medianDaysToAnswer: _m, ...r }) => r)).toEqual(
      without.data!.handling,
    );
    expect(withMedians.data!.handling[0]!.medianDaysToAnswer).not.toBeNull();
  });

  it('gives handling figures of zero, not an error, where no complaint matches', async () => {
    // A province without complaints (read from the daily rollup), then a category too (read
    // from the complaints table): both answer the all-institutions row alone, with zeros.
    for (const extra of ['', ', categories: [THREAT]']) {
      const res = await gql<{ handling: unknown[] }>(
        api.url,
        `{ handling(filter: { from: "2024-07-01", to: "2025-06-30", provinceCodes: ["650000"]${extra} }) {
            institution { id } total responded timely timelyShare medianDaysToAnswer referredToPolice policeShare } }`,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.handling).toEqual([
        {
          institution: null,
          total: 0,
          responded: 0,
          timely: 0,
          timelyShare: null,
          medianDaysToAnswer: null,
          referredToPolice: 0,
          policeShare: null,
        },
      ]);
    }
  });

  it('gives the off-hours share from the Shanghai hour of the conduct', async () => {
    for (const extra of ['', ', categories: [INSULT]']) {
      const res = await gql<{
        offHours: { withIncidentTime: number; offHours: number; share: number };
      }>(
        api.url,
        `{ offHours(filter: { from: "2024-01-01", to: "2025-12-31"${extra} }) { withIncidentTime offHours share } }`,
      );
      const sel = rows.filter(
        (c) =>
          between(c, '2024-01-01', '2025-12-31') &&
          c.incidentAt &&
          (!extra || (c.categories ?? []).includes('INSULT')),
      );
      const off = sel.filter(
        (c) => hourIn(c.incidentAt!) >= 22 || hourIn(c.incidentAt!) < 8,
      ).length;
      expect(res.data!.offHours).toEqual({
        withIncidentTime: sel.length,
        offHours: off,
        share: off / sel.length,
      });
    }
  });

  it('finds the injected burst as a spike, in its week, with its count', async () => {
    const res = await gql<{
      spikes: {
        institution: { id: string };
        provinceCode: string;
        period: string;
        count: number;
        baseline: number;
      }[];
    }>(
      api.url,
      `{ spikes(filter: { from: "2025-07-01", to: "2025-12-31" }) { institution { id } provinceCode period count baseline } }`,
    );
    const spikes = res.data!.spikes;
    const burst = spikes.find((s) => s.period === '2025-09-08' && s.provinceCode === '510000');
    expect(burst?.institution.id).toBe(String(inst[3]));
    expect(burst?.count).toBe(
      count(
        '2025-09-08',
        '2025-09-14',
        (c) => c.institutionId === inst[3] && c.provinceCode === '510000',
      ),
    );
    expect(burst!.baseline).toBeLessThan(5);
    expect(spikes.length).toBeLessThanOrEqual(3);
  });
});
