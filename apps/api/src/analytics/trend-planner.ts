// Chooses where a count comes from: the smallest table that can answer it exactly.
//
//   rollup_monthly_national  month x one field: whole-month ranges, month/quarter/year
//                            buckets, no institution or province involved.
//   rollup_monthly           the same per institution x province.
//   rollup_daily_national    day: any range and bucket, nothing but dates filtered.
//   rollup_daily             day x institution x province: any range and bucket, filters on
//                            institution and province (and breakdowns by them or by type).
//   complaints               everything else (two more fields, part-month ranges or day and
//                            week buckets by another field, the submitter scope).
//
// A range that starts or ends inside a month (the dashboard's default, the last twelve
// months up to today) with month or longer buckets is split: its whole months from a
// monthly table, the days before and after them from the best table for those days alone.
// Counts of disjoint days add up, so the sum per key and bucket is exact.
//
// Every plan returns rows { key, period, count } that mean the same thing, and the
// property test checks that each rollup plan equals the complaints plan.
import {
  addDays,
  addMonths,
  periodStart,
  type ComplaintFilter,
  type Dimension,
  type Interval,
} from '@cw/domain';
import type { Scope } from '../auth/roles.js';
import { complaintCondition, rollupCondition, rollupServesScope } from './filter-sql.js';

export type CountSource =
  | 'rollup_daily'
  | 'rollup_daily_national'
  | 'rollup_monthly'
  | 'rollup_monthly_national'
  | 'complaints'
  /** Whole months from a monthly table, the days around them from another. */
  | 'split';

export interface CountPlan {
  source: CountSource;
  sql: string;
  params: unknown[];
}

const TRUNC_UNIT: Record<Interval, string> = {
  DAY: 'day',
  WEEK: 'week', // ISO weeks: Monday
  MONTH: 'month',
  QUARTER: 'quarter',
  YEAR: 'year',
};

/** Fields that only rollup_monthly (one at a time) or the complaints table hold. */
type ExtraField = 'AGENCY' | 'CITY' | 'SOURCE' | 'PRODUCT' | 'CATEGORY' | 'CHANNEL';

const FILTER_FIELD: Record<ExtraField, keyof ComplaintFilter> = {
  AGENCY: 'agencyIds',
  CITY: 'cityCodes',
  SOURCE: 'sources',
  PRODUCT: 'products',
  CATEGORY: 'categories',
  CHANNEL: 'channels',
};

const MULTI_VALUED: ReadonlySet<ExtraField> = new Set(['CATEGORY', 'CHANNEL']);

function isExtra(d: Dimension | null): d is ExtraField {
  return d !== null && d in FILTER_FIELD;
}

/** Raw-table SQL for each breakdown's key. */
interface RawDimension {
  key?: string;
  unnest?: string;
  join?: string;
  sameFieldFilter?: keyof ComplaintFilter;
}

const RAW_DIMENSIONS: Record<Dimension, RawDimension> = {
  INSTITUTION: { key: 'c.institution_id::text' },
  AGENCY: { key: `coalesce(c.agency_id::text, 'NONE')` },
  INSTITUTION_TYPE: { key: 'i.type', join: 'JOIN institutions i ON i.id = c.institution_id' },
  PROVINCE: { key: 'c.province_code' },
  CITY: { key: `coalesce(c.city_code, 'NONE')` },
  CATEGORY: { unnest: 'c.categories', sameFieldFilter: 'categories' },
  CHANNEL: { unnest: 'c.channels', sameFieldFilter: 'channels' },
  SOURCE: { key: 'c.source' },
  PRODUCT: { key: `coalesce(c.product, 'NONE')` },
};

/** Rollup key of a breakdown that a rollup row carries directly (or via its institution). */
function rollupKey(groupBy: Dimension | null): { key: string; join: string } | null {
  switch (groupBy) {
    case null:
      return { key: `'ALL'`, join: '' };
    case 'INSTITUTION':
      return { key: 'r.institution_id::text', join: '' };
    case 'PROVINCE':
      return { key: 'r.province_code', join: '' };
    case 'INSTITUTION_TYPE':
      return { key: 'i.type', join: 'JOIN institutions i ON i.id = r.institution_id' };
    default:
      return null;
  }
}

function isFirstOfMonth(date: string): boolean {
  return date.endsWith('-01');
}

function isLastOfMonth(date: string): boolean {
  return isFirstOfMonth(addDays(date, 1));
}

/** Counts per (key, period) for the caller's scope and filter. */
export function planCounts(
  scope: Scope,
  filter: ComplaintFilter,
  interval: Interval,
  groupBy: Dimension | null,
): CountPlan {
  return (
    rollupPlan(scope, filter, interval, groupBy) ??
    splitPlan(scope, filter, interval, groupBy) ??
    rawPlan(scope, filter, interval, groupBy)
  );
}

/**
 * The whole months of a part-month range from a monthly rollup, plus its first and last
 * part months from whatever answers those days best; null when there is no whole month in
 * the range, the buckets are finer than a month, or the months need the complaints table.
 */
function splitPlan(
  scope: Scope,
  filter: ComplaintFilter,
  interval: Interval,
  groupBy: Dimension | null,
): CountPlan | null {
  if (interval === 'DAY' || interval === 'WEEK') return null;
  const headPart = filter.from !== undefined && !isFirstOfMonth(filter.from);
  const tailPart = filter.to !== undefined && !isLastOfMonth(filter.to);
  if (!headPart && !tailPart) return null;
  const coreFrom = headPart ? addMonths(periodStart(filter.from!, 'MONTH'), 1) : filter.from;
  const coreTo = tailPart ? addDays(periodStart(filter.to!, 'MONTH'), -1) : filter.to;
  if (coreFrom && coreTo && coreFrom > coreTo) return null;
  const core = rollupPlan(scope, { ...filter, from: coreFrom, to: coreTo }, interval, groupBy);
  if (!core) return null;
  const parts = [core];
  if (headPart)
    parts.push(planCounts(scope, { ...filter, to: addDays(coreFrom!, -1) }, interval, groupBy));
  if (tailPart)
    parts.push(planCounts(scope, { ...filter, from: addDays(coreTo!, 1) }, interval, groupBy));
  const params: unknown[] = [];
  const selects = parts.map((part) => {
    // Each part numbers its parameters from $1: renumber them after the earlier parts'.
    const offset = params.length;
    params.push(...part.params);
    return part.sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`);
  });
  return {
    source: 'split',
    params,
    sql: `SELECT key, period, sum(count)::int AS count
          FROM (${selects.join('\n UNION ALL ')}) AS parts GROUP BY 1, 2`,
  };
}

function rollupPlan(
  scope: Scope,
  filter: ComplaintFilter,
  interval: Interval,
  groupBy: Dimension | null,
): CountPlan | null {
  if (!rollupServesScope(scope)) return null;
  const extras = new Set<ExtraField>();
  for (const [field, key] of Object.entries(FILTER_FIELD) as [
    ExtraField,
    keyof ComplaintFilter,
  ][]) {
    const v = filter[key];
    if (Array.isArray(v) && v.length) extras.add(field);
  }
  if (isExtra(groupBy)) extras.add(groupBy);
  // Questions about particular institutions or provinces need the tables that keep them.
  const local =
    scope.kind !== 'ALL' ||
    Boolean(filter.institutionIds?.length) ||
    Boolean(filter.provinceCodes?.length) ||
    groupBy === 'INSTITUTION' ||
    groupBy === 'PROVINCE' ||
    groupBy === 'INSTITUTION_TYPE';
  // Monthly rows answer whole-month ranges with buckets no finer than a month.
  const monthly =
    interval !== 'DAY' &&
    interval !== 'WEEK' &&
    (!filter.from || isFirstOfMonth(filter.from)) &&
    (!filter.to || isLastOfMonth(filter.to));
  const unit = TRUNC_UNIT[interval];

  if (extras.size === 0) {
    if (monthly)
      return monthlyPlan(
        local ? 'rollup_monthly' : 'rollup_monthly_national',
        'ALL',
        scope,
        filter,
        unit,
        groupBy,
      );
    const table = local ? 'rollup_daily' : 'rollup_daily_national';
    const k = local ? rollupKey(groupBy)! : { key: `'ALL'`, join: '' };
    const params: unknown[] = [];
    const where = rollupCondition(scope, filter, 'r.day', params);
    return {
      source: table,
      params,
      sql: `SELECT ${k.key} AS key, date_trunc('${unit}', r.day::timestamp)::date AS period, sum(r.n)::int AS count
            FROM ${table} r ${k.join} WHERE ${where} GROUP BY 1, 2`,
    };
  }

  if (extras.size > 1 || !monthly) return null;
  const [field] = [...extras] as [ExtraField];
  const values = filter[FILTER_FIELD[field]] as string[] | undefined;
  // A complaint with two of several asked categories would count twice when it is not
  // the breakdown: only the complaints table can count it once.
  if (MULTI_VALUED.has(field) && groupBy !== field && values && values.length > 1) return null;
  return monthlyPlan(
    local ? 'rollup_monthly' : 'rollup_monthly_national',
    field,
    scope,
    filter,
    unit,
    groupBy,
  );
}

function monthlyPlan(
  table: 'rollup_monthly' | 'rollup_monthly_national',
  dim: ExtraField | 'ALL',
  scope: Scope,
  filter: ComplaintFilter,
  unit: string,
  groupBy: Dimension | null,
): CountPlan | null {
  const k = groupBy !== null && groupBy === dim ? { key: 'r.value', join: '' } : rollupKey(groupBy);
  if (!k) return null;
  const params: unknown[] = [dim];
  const where = rollupCondition(scope, filter, 'r.month', params);
  const values = dim === 'ALL' ? undefined : (filter[FILTER_FIELD[dim]] as string[] | undefined);
  let valueCondition = '';
  if (values?.length) {
    params.push(values);
    valueCondition = ` AND r.value = ANY($${params.length}::text[])`;
  }
  return {
    source: table,
    params,
    sql: `SELECT ${k.key} AS key, date_trunc('${unit}', r.month::timestamp)::date AS period, sum(r.n)::int AS count
          FROM ${table} r ${k.join} WHERE r.dim = $1 AND ${where}${valueCondition} GROUP BY 1, 2`,
  };
}

/** The complaints table: answers everything. */
export function rawPlan(
  scope: Scope,
  filter: ComplaintFilter,
  interval: Interval,
  groupBy: Dimension | null,
): CountPlan {
  const cond = complaintCondition(scope, filter);
  const dim = groupBy ? RAW_DIMENSIONS[groupBy] : { key: `'ALL'` };
  const params = [...cond.params];
  let from = 'complaints c';
  let key = dim.key ?? 'd.key';
  let where = cond.sql;
  if (dim.join) from += ` ${dim.join}`;
  if (dim.unnest) {
    // A complaint with an empty set still counts, under NONE.
    from += ` CROSS JOIN LATERAL unnest(CASE WHEN cardinality(${dim.unnest}) = 0
              THEN ARRAY['NONE']::text[] ELSE ${dim.unnest} END) AS d(key)`;
    key = 'd.key';
    const same = dim.sameFieldFilter ? filter[dim.sameFieldFilter] : undefined;
    if (Array.isArray(same) && same.length) {
      params.push(same);
      where += ` AND d.key = ANY($${params.length}::text[])`;
    }
  }
  return {
    source: 'complaints',
    params,
    sql: `SELECT ${key} AS key, date_trunc('${TRUNC_UNIT[interval]}', c.received_day::timestamp)::date AS period,
                 count(*)::int AS count
          FROM ${from} WHERE ${where} GROUP BY 1, 2`,
  };
}
