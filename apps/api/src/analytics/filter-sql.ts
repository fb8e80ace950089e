// The one way to read complaints: a caller's scope and filter become one parameterised SQL
// condition on the complaints table (alias `c`). Every query over complaints (figures,
// lists, exports, reports) is built on it, so no path can forget the scope. Values are
// always bound parameters, never spliced into the SQL text.
import type { ComplaintFilter } from '@cw/domain';
import type { Scope } from '../auth/roles.js';

export interface SqlCondition {
  /** `TRUE` when the filter is empty. */
  sql: string;
  params: unknown[];
}

/** Where a table keeps the columns the scope is about. */
interface ScopeColumns {
  day: string;
  institution: string;
  province: string;
  submitter: string | null;
}

const RAW_COLUMNS: ScopeColumns = {
  day: 'c.received_day',
  institution: 'c.institution_id',
  province: 'c.province_code',
  submitter: 'c.submitted_by',
};

type Bind = (value: unknown, cast: string) => string;

function scopeParts(scope: Scope, cols: ScopeColumns, bind: Bind): string[] {
  switch (scope.kind) {
    case 'ALL':
      return [];
    case 'PROVINCES':
      return [`${cols.province} = ANY(${bind(scope.provinceCodes, 'text[]')})`];
    case 'INSTITUTIONS':
      return [`${cols.institution} = ANY(${bind(scope.institutionIds, 'int[]')})`];
    case 'SUBMITTER':
      if (!cols.submitter) throw new Error('a submitter scope cannot be read from a rollup');
      return [`${cols.submitter} = ${bind(scope.userId, 'int')}`];
  }
}

/** True when a rollup (which has no submitter column) can serve this scope. */
export function rollupServesScope(scope: Scope): boolean {
  return scope.kind !== 'SUBMITTER';
}

/**
 * The same scope and filter as complaintCondition, on a rollup table (alias `r`) whose day
 * column is `dayColumn`. Only the fields a rollup keeps may be filtered: date, institution,
 * province; the planner routes anything else to the complaints table.
 */
export function rollupCondition(
  scope: Scope,
  filter: Pick<ComplaintFilter, 'from' | 'to' | 'institutionIds' | 'provinceCodes'>,
  dayColumn: string,
  params: unknown[],
): string {
  const bind: Bind = (value, cast) => {
    params.push(value);
    return `$${params.length}::${cast}`;
  };
  const cols: ScopeColumns = {
    day: dayColumn,
    institution: 'r.institution_id',
    province: 'r.province_code',
    submitter: null,
  };
  const parts = scopeParts(scope, cols, bind);
  if (filter.from) parts.push(`${dayColumn} >= ${bind(filter.from, 'date')}`);
  if (filter.to) parts.push(`${dayColumn} <= ${bind(filter.to, 'date')}`);
  if (filter.institutionIds?.length)
    parts.push(`r.institution_id = ANY(${bind(filter.institutionIds.map(Number), 'int[]')})`);
  if (filter.provinceCodes?.length)
    parts.push(`r.province_code = ANY(${bind(filter.provinceCodes, 'text[]')})`);
  return parts.length ? parts.join(' AND ') : 'TRUE';
}

/**
 * Within one field the values are alternatives (any of them); fields combine with AND.
 * Categories and channels are sets on the complaint: a complaint matches when it has at
 * least one of the asked values. The scope is ANDed on: a filter that asks for more than
 * the scope (another province) gets only what lies inside it, which may be nothing.
 */
export function complaintCondition(
  scope: Scope,
  filter: ComplaintFilter,
  firstParam = 1,
): SqlCondition {
  const parts: string[] = [];
  const params: unknown[] = [];
  const bind: Bind = (value, cast) => {
    params.push(value);
    return `$${firstParam + params.length - 1}::${cast}`;
  };
  const ids = (values: string[]) => values.map(Number);

  parts.push(...scopeParts(scope, RAW_COLUMNS, bind));

  // Each day bound also on received_at, the partition column, so that PostgreSQL reads only
  // the period's monthly partitions (received_day is derived from it and cannot prune them).
  if (filter.from) {
    const from = bind(filter.from, 'date');
    parts.push(`c.received_day >= ${from}`);
    parts.push(`c.received_at >= ${from}::timestamp AT TIME ZONE 'Asia/Shanghai'`);
  }
  if (filter.to) {
    const to = bind(filter.to, 'date');
    parts.push(`c.received_day <= ${to}`);
    parts.push(`c.received_at < (${to} + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'`);
  }
  if (filter.institutionIds?.length)
    parts.push(`c.institution_id = ANY(${bind(ids(filter.institutionIds), 'int[]')})`);
  if (filter.agencyIds?.length)
    parts.push(`c.agency_id = ANY(${bind(ids(filter.agencyIds), 'int[]')})`);
  if (filter.provinceCodes?.length)
    parts.push(`c.province_code = ANY(${bind(filter.provinceCodes, 'text[]')})`);
  if (filter.cityCodes?.length)
    parts.push(`c.city_code = ANY(${bind(filter.cityCodes, 'text[]')})`);
  if (filter.categories?.length) parts.push(`c.categories && ${bind(filter.categories, 'text[]')}`);
  if (filter.channels?.length) parts.push(`c.channels && ${bind(filter.channels, 'text[]')}`);
  if (filter.sources?.length) parts.push(`c.source = ANY(${bind(filter.sources, 'text[]')})`);
  if (filter.products?.length) parts.push(`c.product = ANY(${bind(filter.products, 'text[]')})`);

  return { sql: parts.length ? parts.join(' AND ') : 'TRUE', params };
}
