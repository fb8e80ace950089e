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
  const bind = (value: unknown, cast: string) => {
    params.push(value);
    return `$${firstParam + params.length - 1}::${cast}`;
  };
  const ids = (values: string[]) => values.map(Number);

  switch (scope.kind) {
    case 'ALL':
      break;
    case 'PROVINCES':
      parts.push(`c.province_code = ANY(${bind(scope.provinceCodes, 'text[]')})`);
      break;
    case 'INSTITUTIONS':
      parts.push(`c.institution_id = ANY(${bind(scope.institutionIds, 'int[]')})`);
      break;
    case 'SUBMITTER':
      parts.push(`c.submitted_by = ${bind(scope.userId, 'int')}`);
      break;
  }

  if (filter.from) parts.push(`c.received_day >= ${bind(filter.from, 'date')}`);
  if (filter.to) parts.push(`c.received_day <= ${bind(filter.to, 'date')}`);
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
