// The soak's request mix: what the dashboard sends, in rough proportion to how often its
// pages and panels ask. Each request is drawn at random (seeded), with a filter drawn the way
// many analysts would choose one: mostly the default view (the last 12 months, nothing
// narrowed), then a few popular narrowings (the biggest provinces, institutions, categories
// more often than the smaller ones), rarely the rest. So most answers come from the count
// cache and a steady trickle of new questions is computed from the tables, as in real use;
// the run prints how many distinct requests it sent.
//
// Operations are written as the dashboard writes them (apps/dashboard/src/features/*/graphql);
// the tests may not import the dashboard, so they are repeated here.
import {
  addDays,
  addMonths,
  periodStart,
  quarterOf,
  quarterRange,
  type CalendarDate,
} from '@cw/domain';
import { weighted, type Random } from '../bench/support.js';

export type SoakUser = 'admin' | 'provincial';

export interface SoakRequest {
  /** A short name for the tables: what the dashboard was doing. */
  kind: string;
  user: SoakUser;
  /** A GraphQL operation, or a plain GET (health checks). */
  graphql?: { query: string; variables: Record<string, unknown> };
  get?: string;
}

/** What the mix needs to know about the data. */
export interface MixContext {
  /** The last day that holds complaints: ranges end there, as on a dashboard opened today. */
  lastDay: CalendarDate;
  /** Institutions with the most complaints (ids). */
  institutionIds: string[];
  /** Provinces with the most complaints (codes). */
  provinceCodes: string[];
}

/** What earlier answers gave: cursors for next pages, ids for detail pages. */
export interface MixMemory {
  pages: { user: SoakUser; filter: Filter; search: string | null; after: string }[];
  complaintIds: { user: SoakUser; id: string }[];
}

type Filter = Record<string, unknown>;

const FILTER_FIELDS = `$filter: ComplaintFilter`;

const HEADLINE_FIGURES = `query HeadlineFigures(${FILTER_FIELDS}) {
  complaintComparison(filter: $filter) {
    current { from to total } previous { from to total } yearAgo { from to total }
    changeFromPrevious changeFromYearAgo
  }
  handling(filter: $filter, top: 1) { total timely timelyShare }
  offHours(filter: $filter) { withIncidentTime offHours share }
}`;

const COMPLAINT_TREND = `query ComplaintTrend(${FILTER_FIELDS}, $interval: Interval!, $groupBy: Dimension, $top: Int) {
  complaintTrend(filter: $filter, interval: $interval, groupBy: $groupBy, top: $top) {
    total series { key label total points { period count } }
  }
}`;

const RANKING = `query Ranking($dimension: RankDimension!, $orderBy: RankOrder!, $top: Int!, ${FILTER_FIELDS}, $lang: Language) {
  ranking(dimension: $dimension, orderBy: $orderBy, top: $top, filter: $filter, lang: $lang) {
    rateUnit periods { previous { from to } } rows { key label count previousCount change rate }
  }
}`;

const SHARES = `query Shares($dimension: ShareDimension!, ${FILTER_FIELDS}, $lang: Language) {
  shares(dimension: $dimension, filter: $filter, lang: $lang) { total multiValued rows { key label count share } }
}`;

const SPIKES = `query Spikes(${FILTER_FIELDS}, $top: Int!) {
  spikes(filter: $filter, top: $top) { institution { id name } provinceCode period count baseline score }
}`;

const HANDLING = `query Handling(${FILTER_FIELDS}, $top: Int!) {
  handling(filter: $filter, top: $top) {
    institution { id name } total responded timely timelyShare medianDaysToAnswer referredToPolice policeShare
  }
}`;

const COMPLAINT_COMPARISON = `query ComplaintComparison(${FILTER_FIELDS}) {
  complaintComparison(filter: $filter) {
    current { from to total } previous { from to total } yearAgo { from to total }
    changeFromPrevious changeFromYearAgo
  }
}`;

const COMPLAINTS = `query Complaints(${FILTER_FIELDS}, $first: Int!, $after: String, $search: String) {
  complaints(filter: $filter, first: $first, after: $after, search: $search) {
    totalCount
    edges { cursor node { id receivedAt receivedDay source provinceCode cityCode categories status narrative institution { id name } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

const COMPLAINT = `query Complaint($id: ID!) {
  complaint(id: $id) {
    id source externalId receivedAt receivedDay incidentAt product provinceCode cityCode channels
    categoriesDeclared categoriesDetected narrative amountOwed overdueDays status respondedAt
    institutionResponse evidence institution { id name } agency { id name }
  }
}`;

const QUARTERLY_REPORT = `query QuarterlyReport(${FILTER_FIELDS}, $lang: Language, $year: Int, $quarter: Int) {
  quarterlyReport(filter: $filter, lang: $lang, year: $year, quarter: $quarter) {
    periodLabel from to scopeLabel filterLines dataAsOf synthetic method
    tables { id section note columns { key header kind } rows }
  }
}`;

const INSTITUTIONS = `query Institutions($search: String, $first: Int) {
  institutions(search: $search, first: $first) { id name type aliases synthetic }
}`;

const DATASET = `query Dataset { dataset { complaintCount firstReceived lastReceived synthetic asOf } }`;

const ME = `query Me { me { id email role provinceCodes institutionIds } }`;

const CATEGORIES = ['THREAT', 'THIRD_PARTY', 'EXCESSIVE_CONTACT', 'IMPERSONATION'];
const TREND_GROUPS = [
  null,
  'CATEGORY',
  'CHANNEL',
  'PROVINCE',
  'INSTITUTION',
  'AGENCY',
  'PRODUCT',
  'SOURCE',
  'INSTITUTION_TYPE',
];
const SHARE_DIMENSIONS = ['CATEGORY', 'CHANNEL', 'SOURCE', 'PRODUCT', 'INSTITUTION_TYPE'];
const RANK_DIMENSIONS = ['INSTITUTION', 'AGENCY', 'PROVINCE', 'CITY'];
const RANK_ORDERS = ['COUNT', 'RATE', 'CHANGE'];
/** Words found in the demo narratives, Chinese and English, one or two at a time. */
const SEARCHES = ['威胁', '上门', '凌晨', '律师函', '通讯录 亲戚', 'threatened', 'jail', '辱骂'];
const TYPE_AHEAD = ['银行', '消费金融', '小贷', '信', '金融'];

/** The mix: a request drawn at random, given what the data holds and earlier answers. */
export function soakMix(ctx: MixContext): (random: Random, memory: MixMemory) => SoakRequest {
  const last = ctx.lastDay;
  const month = periodStart(last, 'MONTH');
  const { year, quarter } = quarterOf(last);
  const thisQuarter = quarterRange(year, quarter);
  const previousQuarter = quarterRange(
    quarter === 1 ? year - 1 : year,
    quarter === 1 ? 4 : quarter - 1,
  );
  // The dashboard's default is the last 12 months; the others are a click away.
  const ranges = weighted(
    [
      { w: 10, range: { from: addMonths(month, -11), to: last } },
      { w: 3, range: thisQuarter },
      { w: 3, range: { from: month, to: last } },
      { w: 1, range: previousQuarter },
      { w: 1, range: {} },
    ],
    (r) => r.w,
  );
  // Larger provinces, institutions (both ordered by complaints) and commoner categories
  // are chosen more often: the i-th with weight 1 / (i + 1).
  const zipf = <T>(items: readonly T[]) => weighted(items, (_, i) => 1 / (i + 1));
  const province = zipf(ctx.provinceCodes);
  const institution = zipf(ctx.institutionIds);
  const category = zipf(CATEGORIES);
  const narrowing = weighted(
    [
      { w: 16, add: (_: Random): Filter => ({}) },
      { w: 4, add: (r: Random): Filter => ({ provinceCodes: [province(r)] }) },
      { w: 2, add: (r: Random): Filter => ({ institutionIds: [institution(r)] }) },
      { w: 3, add: (r: Random): Filter => ({ categories: [category(r)] }) },
    ],
    (n) => n.w,
  );
  const filter = (r: Random): Filter => ({ ...ranges(r).range, ...narrowing(r).add(r) });
  /** Day buckets only over short ranges, as the dashboard offers them. */
  const shortFilter = (r: Random): Filter => ({
    ...r.pick([thisQuarter, { from: month, to: last }, { from: addDays(last, -29), to: last }]),
    ...narrowing(r).add(r),
  });
  const lang = (r: Random) => (r.chance(0.8) ? 'ZH' : 'EN');
  const gql = (query: string, variables: Record<string, unknown>) => ({ query, variables });

  type Make = (r: Random, user: SoakUser, memory: MixMemory) => Omit<SoakRequest, 'user'>;
  const kinds: { w: number; make: Make }[] = [
    // The overview: headline, monthly trend, top institutions, province map, categories, spikes.
    {
      w: 8,
      make: (r) => ({
        kind: 'overview headline',
        graphql: gql(HEADLINE_FIGURES, { filter: filter(r) }),
      }),
    },
    {
      w: 8,
      make: (r) => ({
        kind: 'overview trend',
        graphql: gql(COMPLAINT_TREND, { filter: filter(r), interval: 'MONTH' }),
      }),
    },
    {
      w: 7,
      make: (r) => ({
        kind: 'overview top institutions',
        graphql: gql(RANKING, {
          dimension: 'INSTITUTION',
          orderBy: 'COUNT',
          top: 10,
          filter: filter(r),
          lang: lang(r),
        }),
      }),
    },
    {
      w: 6,
      make: (r) => ({
        kind: 'overview province map',
        graphql: gql(RANKING, {
          dimension: 'PROVINCE',
          orderBy: r.pick(['COUNT', 'RATE']),
          top: 34,
          filter: filter(r),
          lang: lang(r),
        }),
      }),
    },
    {
      w: 6,
      make: (r) => ({
        kind: 'overview categories',
        graphql: gql(SHARES, { dimension: 'CATEGORY', filter: filter(r), lang: lang(r) }),
      }),
    },
    {
      w: 4,
      make: (r) => ({
        kind: 'overview spikes',
        graphql: gql(SPIKES, { filter: filter(r), top: 10 }),
      }),
    },
    // The trends page: any interval, any breakdown.
    {
      w: 10,
      make: (r) => {
        const interval = r.pick(['WEEK', 'MONTH', 'MONTH', 'QUARTER', 'YEAR']);
        const groupBy = r.pick(TREND_GROUPS);
        return {
          kind: 'trend',
          graphql: gql(COMPLAINT_TREND, {
            filter: filter(r),
            interval,
            groupBy,
            top: groupBy ? r.pick([5, 10]) : null,
          }),
        };
      },
    },
    {
      w: 3,
      make: (r) => ({
        kind: 'trend, days',
        graphql: gql(COMPLAINT_TREND, {
          filter: shortFilter(r),
          interval: 'DAY',
          groupBy: r.pick([null, null, 'CATEGORY', 'PROVINCE']),
          top: 5,
        }),
      }),
    },
    // Institutions, regions and agencies pages: rankings; the analysis panels.
    {
      w: 7,
      make: (r) => ({
        kind: 'ranking',
        graphql: gql(RANKING, {
          dimension: r.pick(RANK_DIMENSIONS),
          orderBy: r.pick(RANK_ORDERS),
          top: r.pick([10, 20, 50]),
          filter: filter(r),
          lang: lang(r),
        }),
      }),
    },
    {
      w: 3,
      make: (r) => ({
        kind: 'shares',
        graphql: gql(SHARES, {
          dimension: r.pick(SHARE_DIMENSIONS),
          filter: filter(r),
          lang: lang(r),
        }),
      }),
    },
    {
      w: 3,
      make: (r) => ({ kind: 'handling', graphql: gql(HANDLING, { filter: filter(r), top: 20 }) }),
    },
    {
      w: 2,
      make: (r) => ({
        kind: 'comparison',
        graphql: gql(COMPLAINT_COMPARISON, { filter: filter(r) }),
      }),
    },
    // The complaint list: first pages, next pages, a complaint opened, a narrative search.
    {
      w: 7,
      make: (r) => ({
        kind: 'complaint list',
        graphql: gql(COMPLAINTS, { filter: filter(r), first: 20, after: null, search: null }),
      }),
    },
    {
      w: 3,
      make: (r, user, memory) => {
        const page = memory.pages.filter((p) => p.user === user);
        if (!page.length)
          return {
            kind: 'complaint list',
            graphql: gql(COMPLAINTS, { filter: filter(r), first: 20 }),
          };
        const p = r.pick(page);
        return {
          kind: 'complaint list, next page',
          graphql: gql(COMPLAINTS, {
            filter: p.filter,
            first: 20,
            after: p.after,
            search: p.search,
          }),
        };
      },
    },
    {
      w: 3,
      make: (r, user, memory) => {
        const ids = memory.complaintIds.filter((c) => c.user === user);
        if (!ids.length)
          return {
            kind: 'complaint list',
            graphql: gql(COMPLAINTS, { filter: filter(r), first: 20 }),
          };
        return { kind: 'complaint detail', graphql: gql(COMPLAINT, { id: r.pick(ids).id }) };
      },
    },
    {
      w: 2,
      make: (r) => ({
        kind: 'narrative search',
        graphql: gql(COMPLAINTS, {
          filter: filter(r),
          first: 20,
          after: null,
          search: r.pick(SEARCHES),
        }),
      }),
    },
    // The reports page: the quarterly report's preview, this quarter or the one before.
    {
      w: 2,
      make: (r) => {
        const q = r.chance(0.7) ? quarterOf(thisQuarter.from) : quarterOf(previousQuarter.from);
        const narrow = narrowing(r).add(r);
        return {
          kind: 'report preview',
          graphql: gql(QUARTERLY_REPORT, {
            filter: narrow,
            lang: lang(r),
            year: q.year,
            quarter: q.quarter,
          }),
        };
      },
    },
    // The filter bar and the app shell.
    {
      w: 2,
      make: (r) => ({
        kind: 'institution search',
        graphql: gql(INSTITUTIONS, { search: r.pick(TYPE_AHEAD), first: 20 }),
      }),
    },
    { w: 1, make: () => ({ kind: 'dataset', graphql: gql(DATASET, {}) }) },
    { w: 1, make: () => ({ kind: 'me', graphql: gql(ME, {}) }) },
    // What a load balancer and an orchestrator ask.
    { w: 2, make: () => ({ kind: 'health, live', get: '/health/live' }) },
    { w: 2, make: () => ({ kind: 'health, ready', get: '/health/ready' }) },
  ];
  const pick = weighted(kinds, (k) => k.w);
  return (random, memory) => {
    // A quarter of the requests come from a provincial analyst: every path in its scope.
    const user: SoakUser = random.chance(1 / 4) ? 'provincial' : 'admin';
    return { ...pick(random).make(random, user, memory), user };
  };
}

/** Keeps what a complaint list answered, for later next pages and detail pages. */
export function remember(memory: MixMemory, request: SoakRequest, data: unknown): void {
  const variables = request.graphql?.variables;
  const list = (data as { complaints?: ComplaintsAnswer } | null)?.complaints;
  if (!variables || !list) return;
  const { pageInfo, edges } = list;
  if (pageInfo.hasNextPage && pageInfo.endCursor)
    push(memory.pages, {
      user: request.user,
      filter: (variables['filter'] as Filter | undefined) ?? {},
      search: (variables['search'] as string | null | undefined) ?? null,
      after: pageInfo.endCursor,
    });
  for (const e of edges.slice(0, 3))
    push(memory.complaintIds, { user: request.user, id: e.node.id });
}

interface ComplaintsAnswer {
  edges: { node: { id: string } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** The last 200 entries: enough variety, bounded memory in a long run. */
function push<T>(list: T[], item: T): void {
  list.push(item);
  if (list.length > 200) list.shift();
}
