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

function intParam(query: QueryParams, name: string, min: number, max: number): number | null {
  const value = query[name];
  if (value === undefined) return null;
  if (typeof value !== 'string' || !/^\d{1,4}$/.test(value) || +value < min || +value > max)
    throw badParam(name, `must be a whole number from ${min} to ${max}`);
  return Number(value);
}

/** The period named by `year`+`quarter`, or by the filter's `from`+`to`; exactly one of them. */
export function reportPeriodOf(query: QueryParams, filter: ComplaintFilter): ReportPeriod {
  const year = intParam(query, 'year', YEARS.min, YEARS.max);
  const quarter = intParam(query, 'quarter', 1, 4);
  if (year !== null || quarter !== null) {
    if (year === null) throw badParam('year', 'is required with quarter');
    if (quarter === null) throw badParam('quarter', 'is required with year');
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
