// The institutions table: the ranking (count, previous count, change, rate) joined with the
// handling figures (share answered within 15 days) by institution, and its sort.
import type { HandlingRowData } from '../../analysis/graphql/handling';
import type { RankingRowData } from '../../analysis/graphql/ranking';
import type { SortKey } from '../../trends/utils/urlState';

export interface InstitutionRow {
  id: string;
  name: string;
  count: number;
  previousCount: number;
  change: number | null;
  rate: number | null;
  timelyShare: number | null;
}

/** Institutions of the ranking, each with its timely share when the handling figures have it. */
export function joinInstitutionRows(
  ranking: readonly RankingRowData[],
  handling: readonly HandlingRowData[],
): InstitutionRow[] {
  const timely = new Map<string, number | null>();
  for (const h of handling) if (h.institution) timely.set(h.institution.id, h.timelyShare);
  return ranking.map((r) => ({
    id: r.key,
    name: r.label,
    count: r.count,
    previousCount: r.previousCount,
    change: r.change,
    rate: r.rate,
    timelyShare: timely.get(r.key) ?? null,
  }));
}

const VALUE: Record<SortKey, (r: InstitutionRow) => number | null> = {
  count: (r) => r.count,
  rate: (r) => r.rate,
  change: (r) => r.change,
  timely: (r) => r.timelyShare,
};

/**
 * Largest first, except the share answered on time, worst (smallest) first: the table is for
 * finding offenders. Rows without the value come last; ties by count, then name.
 */
export function sortInstitutionRows(
  rows: readonly InstitutionRow[],
  key: SortKey,
): InstitutionRow[] {
  const value = VALUE[key];
  const sign = key === 'timely' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    if (va === null && vb !== null) return 1;
    if (vb === null && va !== null) return -1;
    if (va !== null && vb !== null && va !== vb) return sign * (va - vb);
    return b.count - a.count || a.name.localeCompare(b.name);
  });
}

/** The API's order for a sort key (the share answered on time is sorted here). */
export function rankOrderFor(key: SortKey): 'COUNT' | 'RATE' | 'CHANGE' {
  return key === 'rate' ? 'RATE' : key === 'change' ? 'CHANGE' : 'COUNT';
}
