// Every analysis page's state as it lives in the URL query string, e.g.
//   ?from=2025-04-01&to=2026-03-31&institutionIds=3,17&provinceCodes=440000&categories=THREAT
//    &interval=QUARTER&groupBy=CATEGORY&top=5&chart=area&compare=yearAgo&lang=en
// The filter part is shared by all pages (and carried by the navigation links); the rest
// (interval, breakdown, chart style, map metric, table sort, search text) is read by the page
// that has a control for it and ignored by the others.
// Parsing never throws: a value that does not pass the shared filter schema is dropped, and
// the rest of the link still works.
import {
  complaintFilterSchema,
  DIMENSIONS,
  INTERVALS,
  normalizeFilter,
  type ComplaintFilter,
  type Dimension,
  type Interval,
  type Lang,
} from '@cw/domain';

/** Breakdowns offered by the group-by selector: every dimension the API has. */
export const GROUP_BY_OPTIONS = DIMENSIONS;
export type GroupBy = Dimension;

export const CHART_STYLES = ['line', 'area'] as const;
export type ChartStyle = (typeof CHART_STYLES)[number];
export const COMPARE_OPTIONS = ['previous', 'yearAgo'] as const;
export type Compare = (typeof COMPARE_OPTIONS)[number];
export const MAP_METRICS = ['count', 'rate'] as const;
export type MapMetric = (typeof MAP_METRICS)[number];
export const SORT_KEYS = ['count', 'rate', 'change', 'timely'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
/** Longest narrative search kept in the URL (the API's limit). */
export const MAX_SEARCH = 100;

export const DEFAULT_INTERVAL: Interval = 'MONTH';
export const DEFAULT_TOP = 8;
export const TOP_MIN = 1;
export const TOP_MAX = 20;
export const TOP_OPTIONS = [3, 5, 8, 10, 15, 20] as const;

/** Filter fields the URL carries (and the page has controls for), in URL order. */
const DATE_KEYS = ['from', 'to'] as const;
const LIST_KEYS = [
  'institutionIds',
  'agencyIds',
  'provinceCodes',
  'cityCodes',
  'categories',
  'channels',
  'sources',
  'products',
] as const;
export type ListKey = (typeof LIST_KEYS)[number];

export type UrlFilter = Pick<ComplaintFilter, (typeof DATE_KEYS)[number] | ListKey>;

export interface UrlState {
  filter: UrlFilter;
  interval: Interval;
  groupBy: GroupBy | null;
  top: number;
  chart: ChartStyle;
  compare: Compare | null;
  metric: MapMetric;
  sort: SortKey;
  /** Narrative search of the complaints page. */
  q: string;
  /** Null when the URL names no language (the stored preference or Chinese applies). */
  lang: Lang | null;
}

export const EMPTY_STATE: UrlState = {
  filter: {},
  interval: DEFAULT_INTERVAL,
  groupBy: null,
  top: DEFAULT_TOP,
  chart: 'line',
  compare: null,
  metric: 'count',
  sort: 'count',
  q: '',
  lang: null,
};

const pick = <T extends string>(options: readonly T[], value: string | null | undefined) =>
  options.find((o) => o === value);

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

  const chart = pick(CHART_STYLES, params.get('chart')) ?? EMPTY_STATE.chart;
  const compare = pick(COMPARE_OPTIONS, params.get('compare')) ?? null;
  const metric = pick(MAP_METRICS, params.get('metric')) ?? EMPTY_STATE.metric;
  const sort = pick(SORT_KEYS, params.get('sort')) ?? EMPTY_STATE.sort;
  const q = [...(params.get('q') ?? '').trim()].slice(0, MAX_SEARCH).join('');

  return { filter, interval, groupBy, top, chart, compare, metric, sort, q, lang };
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
  if (state.chart !== EMPTY_STATE.chart) parts.push(`chart=${state.chart}`);
  if (state.compare) parts.push(`compare=${state.compare}`);
  if (state.metric !== EMPTY_STATE.metric) parts.push(`metric=${state.metric}`);
  if (state.sort !== EMPTY_STATE.sort) parts.push(`sort=${state.sort}`);
  if (state.q) parts.push(`q=${encodeURIComponent(state.q)}`);
  if (state.lang) parts.push(`lang=${state.lang}`);
  return parts.join('&');
}

/** The part of the state every page shares (filter and language), for navigation links. */
export function sharedQuery(state: UrlState): string {
  return serializeUrlState({ ...EMPTY_STATE, filter: state.filter, lang: state.lang });
}

/** Adds a value to a filter list (cross-filtering); a value already there is left alone. */
export function withFilterValue(state: UrlState, key: ListKey, value: string): UrlState {
  const current = (state.filter[key] ?? []) as string[];
  if (current.includes(value)) return state;
  return { ...state, filter: { ...state.filter, [key]: [...current, value] } };
}
