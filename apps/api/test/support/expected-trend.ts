// An independent computation of complaintTrend over rows held in memory: days from the
// platform's Intl time-zone database (not the app's fixed-offset helpers), buckets from
// plain calendar arithmetic written here, and ranking as the contract states it.
import type { ComplaintFilter, Dimension, Interval } from '@cw/domain';
import type { TestComplaint } from './factories.js';

const dayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

export function shanghaiDay(instant: Date): string {
  return dayFormat.format(instant);
}

function ymd(y: number, m: number, d: number): string {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.toISOString().slice(0, 10);
}

export function bucketOf(day: string, interval: Interval): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  if (interval === 'DAY') return day;
  if (interval === 'MONTH') return ymd(y, m, 1);
  if (interval === 'QUARTER') return ymd(y, Math.floor((m - 1) / 3) * 3 + 1, 1);
  if (interval === 'YEAR') return ymd(y, 1, 1);
  const dow = new Date(Date.UTC(y, m - 1, d)).getUTCDay(); // 0 = Sunday
  return ymd(y, m, d - ((dow + 6) % 7));
}

function nextBucket(bucket: string, interval: Interval): string {
  const [y, m, d] = bucket.split('-').map(Number) as [number, number, number];
  switch (interval) {
    case 'DAY':
      return ymd(y, m, d + 1);
    case 'WEEK':
      return ymd(y, m, d + 7);
    case 'MONTH':
      return ymd(y, m + 1, 1);
    case 'QUARTER':
      return ymd(y, m + 3, 1);
    case 'YEAR':
      return ymd(y + 1, 1, 1);
  }
}

export interface Lookup {
  institutionType: Map<number, string>;
}

function keysOf(
  c: TestComplaint,
  dim: Dimension | null,
  filter: ComplaintFilter,
  lookup: Lookup,
): string[] {
  const setKeys = (values: string[] | undefined, only: string[] | undefined) => {
    const all = values && values.length ? values : ['NONE'];
    return only && only.length ? all.filter((v) => only.includes(v)) : all;
  };
  switch (dim) {
    case null:
      return ['ALL'];
    case 'INSTITUTION':
      return [String(c.institutionId)];
    case 'AGENCY':
      return [c.agencyId ? String(c.agencyId) : 'NONE'];
    case 'INSTITUTION_TYPE':
      return [lookup.institutionType.get(c.institutionId) ?? '?'];
    case 'PROVINCE':
      return [c.provinceCode];
    case 'CITY':
      return [c.cityCode ?? 'NONE'];
    case 'CATEGORY':
      return setKeys(c.categories, filter.categories);
    case 'CHANNEL':
      return setKeys(c.channels, filter.channels);
    case 'SOURCE':
      return [c.source ?? 'HOTLINE'];
    case 'PRODUCT':
      return [c.product ?? 'NONE'];
  }
}

export function matches(c: TestComplaint, f: ComplaintFilter): boolean {
  const day = shanghaiDay(c.receivedAt);
  const any = <T>(list: T[] | undefined, value: T) =>
    !list || list.length === 0 || list.includes(value);
  const overlaps = (list: string[] | undefined, values: string[] | undefined) =>
    !list || list.length === 0 || (values ?? []).some((v) => list.includes(v));
  return (
    (!f.from || day >= f.from) &&
    (!f.to || day <= f.to) &&
    any(f.institutionIds, String(c.institutionId)) &&
    (!f.agencyIds?.length || (c.agencyId != null && f.agencyIds.includes(String(c.agencyId)))) &&
    any(f.provinceCodes, c.provinceCode) &&
    (!f.cityCodes?.length || (c.cityCode != null && f.cityCodes.includes(c.cityCode))) &&
    overlaps(f.categories, c.categories) &&
    overlaps(f.channels, c.channels) &&
    any(f.sources, c.source ?? 'HOTLINE') &&
    (!f.products?.length || (c.product != null && f.products.includes(c.product)))
  );
}

export interface ExpectedTrend {
  total: number;
  series: { key: string; total: number; points: { period: string; count: number }[] }[];
}

export function expectedTrend(
  rows: TestComplaint[],
  filter: ComplaintFilter,
  interval: Interval,
  groupBy: Dimension | null,
  top: number | null,
  lookup: Lookup,
): ExpectedTrend {
  const hits = rows.filter((c) => matches(c, filter));
  const counts = new Map<string, Map<string, number>>();
  const days: string[] = [];
  for (const c of hits) {
    const day = shanghaiDay(c.receivedAt);
    days.push(day);
    const bucket = bucketOf(day, interval);
    for (const key of keysOf(c, groupBy, filter, lookup)) {
      const m = counts.get(key) ?? new Map<string, number>();
      m.set(bucket, (m.get(bucket) ?? 0) + 1);
      counts.set(key, m);
    }
  }
  days.sort();
  const from = filter.from ?? days[0];
  const to = filter.to ?? days[days.length - 1];
  const periods: string[] = [];
  if (from && to) {
    for (let b = bucketOf(from, interval); b <= bucketOf(to, interval); b = nextBucket(b, interval))
      periods.push(b);
  }
  if (!from || !to) return { total: hits.length, series: [] };
  if (groupBy === null && counts.size === 0) counts.set('ALL', new Map());
  let ranked = [...counts.entries()]
    .map(([key, m]) => ({ key, m, total: [...m.values()].reduce((a, b) => a + b, 0) }))
    .sort((a, b) => b.total - a.total || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  if (top !== null && ranked.length > top) {
    const realOther = ranked.filter((s) => s.key === 'OTHER');
    ranked = ranked.filter((s) => s.key !== 'OTHER');
    const other = new Map<string, number>();
    for (const s of [...ranked.slice(top), ...realOther])
      for (const [p, n] of s.m) other.set(p, (other.get(p) ?? 0) + n);
    ranked = [
      ...ranked.slice(0, top),
      { key: 'OTHER', m: other, total: [...other.values()].reduce((a, b) => a + b, 0) },
    ];
  }
  return {
    total: hits.length,
    series: ranked.map((s) => ({
      key: s.key,
      total: s.total,
      points: periods.map((period) => ({ period, count: s.m.get(period) ?? 0 })),
    })),
  };
}
