// Which days a report covers: a calendar quarter (year + quarter), or any range given as
// the filter's from and to. Days are Shanghai calendar days, as everywhere.
import { quarterOf, quarterRange, type ComplaintFilter, type Lang } from '@cw/domain';
import { badParam, type QueryParams } from '../web/filter-query.js';

export interface ReportPeriod {
  from: string;
  to: string;
  /** Set when the period is exactly one calendar quarter. */
  quarter: { year: number; quarter: number } | null;
}

/** Earliest and latest year a report may name (the filter's own date bounds). */
const YEARS = { min: 2000, max: 2099 };

/** A query parameter written as a whole number, or null when it is absent. */
function intParam(query: QueryParams, name: string): number | null {
  const value = query[name];
  if (value === undefined) return null;
  if (typeof value !== 'string' || !/^\d{1,4}$/.test(value))
    throw badParam(name, 'must be a whole number');
  return Number(value);
}

/** The period named by the `year` and `quarter` query parameters, or by the filter's range. */
export function reportPeriodOf(query: QueryParams, filter: ComplaintFilter): ReportPeriod {
  return reportPeriod(intParam(query, 'year'), intParam(query, 'quarter'), filter);
}

/**
 * The period named by `year`+`quarter`, or by the filter's `from`+`to`; exactly one of them.
 * (REST reads the numbers from the query; GraphQL has them as arguments.)
 */
export function reportPeriod(
  year: number | null | undefined,
  quarter: number | null | undefined,
  filter: ComplaintFilter,
): ReportPeriod {
  const inRange = (name: string, n: number, min: number, max: number) => {
    if (!Number.isInteger(n) || n < min || n > max)
      throw badParam(name, `must be a whole number from ${min} to ${max}`);
  };
  if (year != null || quarter != null) {
    if (year == null) throw badParam('year', 'is required with quarter');
    if (quarter == null) throw badParam('quarter', 'is required with year');
    inRange('year', year, YEARS.min, YEARS.max);
    inRange('quarter', quarter, 1, 4);
    if (filter.from || filter.to)
      throw badParam('from', 'give either year and quarter, or from and to, not both');
    return { ...quarterRange(year, quarter), quarter: { year, quarter } };
  }
  if (!filter.from || !filter.to)
    throw badParam('year', 'give year and quarter, or from and to, for the period to report on');
  return periodOfRange(filter.from, filter.to);
}

/** A range, recognised as a quarter when it is exactly one. */
export function periodOfRange(from: string, to: string): ReportPeriod {
  const q = quarterOf(from);
  const exact = quarterRange(q.year, q.quarter);
  return { from, to, quarter: exact.from === from && exact.to === to ? q : null };
}

export function periodLabel(p: ReportPeriod, lang: Lang): string {
  if (p.quarter)
    return lang === 'zh'
      ? `${p.quarter.year}年第${'一二三四'[p.quarter.quarter - 1]}季度`
      : `Q${p.quarter.quarter} ${p.quarter.year}`;
  return lang === 'zh' ? `${p.from} 至 ${p.to}` : `${p.from} to ${p.to}`;
}
