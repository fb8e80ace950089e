import { describe, expect, it } from 'vitest';
import { CATEGORY, PROVINCES, regionByCode, shanghaiDate, isValidCreditCode } from '@cw/domain';
import { demoDataSet, type DemoComplaint } from './demo-generator.js';

const take = (n: number, seed = 1, endDate = '2026-06-30') =>
  [...demoDataSet({ complaints: n, seed, endDate }).complaints()] as DemoComplaint[];

describe('demo data set', () => {
  const rows = take(20_000);

  it('is the same for the same seed and differs for another', () => {
    expect(take(500)).toEqual(take(500));
    expect(take(500, 2)).not.toEqual(take(500));
  });

  it('has exactly the asked number of complaints, in order, over the three years before the end date', () => {
    expect(rows).toHaveLength(20_000);
    const days = rows.map((r) => shanghaiDate(r.receivedAt));
    expect(days[0]! >= '2023-07-02').toBe(true);
    expect(days[days.length - 1]).toBe('2026-06-30');
    for (let i = 1; i < rows.length; i++)
      expect(rows[i]!.receivedAt >= rows[i - 1]!.receivedAt).toBe(true);
    expect(new Set(rows.map((r) => r.externalId)).size).toBe(rows.length);
  });

  it('uses real regions, and a city always inside its province', () => {
    const mainland = new Set(PROVINCES.map((p) => p.code));
    for (const r of rows) {
      expect(mainland.has(r.provinceCode)).toBe(true);
      if (r.cityCode) expect(regionByCode(r.cityCode)?.provinceCode).toBe(r.provinceCode);
    }
  });

  it('has heavy offenders: the top three lenders draw over a third of complaints', () => {
    const counts = new Map<number, number>();
    for (const r of rows) counts.set(r.institution, (counts.get(r.institution) ?? 0) + 1);
    const sorted = [...counts.values()].sort((a, b) => b - a);
    expect((sorted[0]! + sorted[1]! + sorted[2]!) / rows.length).toBeGreaterThan(1 / 3);
    expect(counts.size).toBeGreaterThan(30);
  });

  it('has multi-category complaints, declared and detected kept apart, and both languages', () => {
    const multi = rows.filter((r) => r.categories.length > 1).length / rows.length;
    expect(multi).toBeGreaterThan(0.25);
    expect(multi).toBeLessThan(0.6);
    for (const r of rows.slice(0, 2000)) {
      for (const c of [...r.categoriesDeclared, ...r.categoriesDetected])
        expect(r.categories).toContain(c);
      for (const c of r.categories) expect(CATEGORY.is(c)).toBe(true);
    }
    expect(rows.some((r) => r.categoriesDeclared.join() !== r.categoriesDetected.join())).toBe(
      true,
    );
    const english = rows.filter((r) => /^[\x20-\x7e[\]]+$/.test(r.narrative)).length / rows.length;
    expect(english).toBeGreaterThan(0.08);
    expect(english).toBeLessThan(0.2);
  });

  it('is seasonal: more complaints in March than in February of the same year', () => {
    const month = (m: string) =>
      rows.filter((r) => shanghaiDate(r.receivedAt).startsWith(m)).length;
    expect(month('2025-03')).toBeGreaterThan(month('2025-02') * 1.2);
  });

  it('answers most complaints within 15 days, never before receipt', () => {
    const answered = rows.filter((r) => r.respondedAt);
    for (const r of answered) expect(r.respondedAt! > r.receivedAt).toBe(true);
    const timely = answered.filter(
      (r) => r.respondedAt!.getTime() - r.receivedAt.getTime() <= 15 * 86_400_000,
    );
    expect(timely.length / answered.length).toBeGreaterThan(0.7);
  });

  it('gives every invented lender a valid credit code and marks nothing real', () => {
    const data = demoDataSet({ complaints: 0, seed: 1, endDate: '2026-06-30' });
    for (const i of data.institutions) expect(isValidCreditCode(i.creditCode)).toBe(true);
    for (const a of data.agencies) expect(isValidCreditCode(a.creditCode)).toBe(true);
  });
});
