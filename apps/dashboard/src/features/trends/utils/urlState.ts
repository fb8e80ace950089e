// The page's state as it lives in the URL query string, e.g.
//   ?from=2025-04-01&to=2026-03-31&institutionIds=3,17&provinceCodes=440000&interval=QUARTER
//    &groupBy=CATEGORY&top=5&lang=en
// Parsing never throws: a value that does not pass the shared filter schema is dropped, and
// the rest of the link still works.
import {
  complaintFilterSchema,
  INTERVALS,
  normalizeFilter,
  type ComplaintFilter,
  type Dimension,
  type Interval,
  type Lang,
} from '@cw/domain';

/** Breakdowns offered by the group-by selector. */
export const GROUP_BY_OPTIONS = [
  'PROVINCE',
  'CATEGORY',
  'INSTITUTION',
  'CHANNEL',
  'SOURCE',
  'PRODUCT',
] as const satisfies readonly Dimension[];
export type GroupBy = (typeof GROUP_BY_OPTIONS)[number];

export const DEFAULT_INTERVAL: Interval = 'MONTH';
export const DEFAULT_TOP = 8;
export const TOP_MIN = 1;
export const TOP_MAX = 20;
export const TOP_OPTIONS = [3, 5, 8, 10, 15, 20] as const;

/** Filter fields the URL carries (and the page has controls for), in URL order. */
const DATE_KEYS = ['from', 'to'] as const;
const LIST_KEYS = ['institutionIds', 'provinceCodes'] as const;

export type UrlFilter = Pick<
  ComplaintFilter,
  (typeof DATE_KEYS)[number] | (typeof LIST_KEYS)[number]
>;

export interface UrlState {
  filter: UrlFilter;
  interval: Interval;
  groupBy: GroupBy | null;
  top: number;
  /** Null when the URL names no language (the stored preference or Chinese applies). */
  lang: Lang | null;
}

export const EMPTY_STATE: UrlState = {
  filter: {},
  interval: DEFAULT_INTERVAL,
  groupBy: null,
  top: DEFAULT_TOP,
  lang: null,
};

function listParam(params: URLSearchParams, key: string): string[] {
  const values = params
    .getAll(key)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
  return [...new Set(values)];
}

/**
 * Validates a candidate filter with the shared schema, dropping whatever it refuses: a bad
 * list item alone, a bad date or over-long list as a whole, `to` when it is before `from`.
 */
export function sanitizeFilter(candidate: Record<string, unknown>): ComplaintFilter {
  let current: Record<string, unknown> = { ...candidate };
  for (let attempt = 0; attempt < 8; attempt++) {
    const result = complaintFilterSchema.safeParse(current);
    if (result.success) return normalizeFilter(result.data);
    const dropItems = new Map<string, Set<number>>();
    const next: Record<string, unknown> = { ...current };
    for (const issue of result.error.issues) {
      const [key, index] = issue.path;
      if (typeof key !== 'string') {
        // An issue about the object itself (e.g. an unknown key): keep only known keys.
        for (const k of Object.keys(next)) if (!(k in complaintFilterSchema.shape)) delete next[k];
        continue;
      }
      if (typeof index === 'number' && Array.isArray(current[key])) {
        const set = dropItems.get(key) ?? new Set<number>();
        set.add(index);
        dropItems.set(key, set);
      } else {
        delete next[key];
      }
    }
    for (const [key, indexes] of dropItems) {
      const list = next[key];
      if (Array.isArray(list)) next[key] = list.filter((_, i) => !indexes.has(i));
    }
    current = next;
  }
  return {};
}

export function parseUrlState(search: string): UrlState {
  const params = new URLSearchParams(search);
  const candidate: Record<string, unknown> = {};
  for (const key of DATE_KEYS) {
    const value = params.get(key)?.trim();
    if (value) candidate[key] = value;
  }
  for (const key of LIST_KEYS) {
    const values = listParam(params, key);
    if (values.length > 0) candidate[key] = values;
  }
  const filter = sanitizeFilter(candidate) as UrlFilter;

  const intervalParam = params.get('interval')?.toUpperCase();
  const interval = INTERVALS.find((i) => i === intervalParam) ?? DEFAULT_INTERVAL;

  const groupParam = params.get('groupBy')?.toUpperCase();
  const groupBy = GROUP_BY_OPTIONS.find((g) => g === groupParam) ?? null;

  const topParam = params.get('top') ?? '';
  const topNumber = /^\d{1,3}$/.test(topParam) ? Number(topParam) : NaN;
  const top = topNumber >= TOP_MIN && topNumber <= TOP_MAX ? topNumber : DEFAULT_TOP;

  const langParam = params.get('lang');
  const lang: Lang | null = langParam === 'zh' || langParam === 'en' ? langParam : null;

  return { filter, interval, groupBy, top, lang };
}

/** Writes the state back as a query string (without `?`); defaults are left out. */
export function serializeUrlState(state: UrlState): string {
  const parts: string[] = [];
  const filter = normalizeFilter(state.filter) as UrlFilter;
  for (const key of DATE_KEYS) {
    const value = filter[key];
    if (value) parts.push(`${key}=${encodeURIComponent(value)}`);
  }
  for (const key of LIST_KEYS) {
    const values = filter[key];
    if (values && values.length > 0) {
      parts.push(`${key}=${values.map(encodeURIComponent).join(',')}`);
    }
  }
  if (state.interval !== DEFAULT_INTERVAL) parts.push(`interval=${state.interval}`);
  if (state.groupBy) {
    parts.push(`groupBy=${state.groupBy}`);
    if (state.top !== DEFAULT_TOP) parts.push(`top=${state.top}`);
  }
  if (state.lang) parts.push(`lang=${state.lang}`);
  return parts.join('&');
}
