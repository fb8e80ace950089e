// The 20 dashboard questions of the analytics benchmark, each twice: as the GraphQL
// query the dashboard sends, and as the plain SQL over the raw `complaints` table that
// answers the same question without rollups (the naive baseline).
//
// Dates are fixed: the benchmark seeds data ending on END_DATE (three years of it), so
// "last 12 months" and "this quarter" mean the same rows on every run.

export const END_DATE = '2026-06-30';

const LAST_12_MONTHS = { from: '2025-07-01', to: '2026-06-30' };
const QUARTER = { from: '2026-04-01', to: '2026-06-30' };
const PREVIOUS_QUARTER = { from: '2026-01-01', to: '2026-03-31' };
const QUARTER_YEAR_AGO = { from: '2025-04-01', to: '2025-06-30' };
const LAST_MONTH = { from: '2026-06-01', to: '2026-06-30' };
const PROVINCE = '440000'; // Guangdong, the most populous province

/** Registry ids that depend on the seed, looked up before the run. */
export interface QueryContext {
  /** The institution with the most complaints. */
  institutionId: string;
}

export interface DashboardQuery {
  name: string;
  /** Where the API reads it, from the trend planner and the figures service. */
  reads: string;
  graphql: { query: string; variables: Record<string, unknown> };
  naive: { sql: string; params: unknown[] }[];
}

const TREND = `query Trend($filter: ComplaintFilter, $interval: Interval!, $groupBy: Dimension, $top: Int) {
  complaintTrend(filter: $filter, interval: $interval, groupBy: $groupBy, top: $top) {
    total multiValued series { key label total points { period count } }
  }
}`;

const COMPARISON = `query Comparison($filter: ComplaintFilter) {
  complaintComparison(filter: $filter) {
    current { from to total } previous { from to total } yearAgo { from to total }
    changeFromPrevious changeFromYearAgo
  }
}`;

const RANKING = `query Ranking($dimension: RankDimension!, $filter: ComplaintFilter, $orderBy: RankOrder!, $top: Int!) {
  ranking(dimension: $dimension, filter: $filter, orderBy: $orderBy, top: $top) {
    rateUnit periods { current { total } previous { total } changeFromPrevious }
    rows { key label count previousCount change rate }
  }
}`;

const SHARES = `query Shares($dimension: ShareDimension!, $filter: ComplaintFilter) {
  shares(dimension: $dimension, filter: $filter) { total multiValued rows { key label count share } }
}`;

const HANDLING = `query Handling($filter: ComplaintFilter, $top: Int!) {
  handling(filter: $filter, top: $top) {
    institution { id name } total responded timely timelyShare medianDaysToAnswer referredToPolice policeShare
  }
}`;

const OFF_HOURS = `query OffHours($filter: ComplaintFilter) {
  offHours(filter: $filter) { withIncidentTime offHours share }
}`;

const SPIKES = `query Spikes($filter: ComplaintFilter, $top: Int!) {
  spikes(filter: $filter, top: $top) { institution { id name } provinceCode period count baseline score }
}`;

const COMPLAINTS = `query Complaints($filter: ComplaintFilter, $first: Int!) {
  complaints(filter: $filter, first: $first) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id receivedAt receivedDay institution { id name } agency { id name } provinceCode
      cityCode categories channels status product narrative } }
  }
}`;

const INSTITUTIONS = `query Institutions($search: String, $first: Int!) {
  institutions(search: $search, first: $first) { id name type aliases }
}`;

// --- naive SQL building blocks ---------------------------------------------------------

const range = (column = 'received_day') => `${column} BETWEEN $1::date AND $2::date`;

/** Counts per bucket, optionally by a key, over the raw table. */
function rawTrend(unit: string, key: string, extraWhere = '', from = 'complaints c'): string {
  return `SELECT ${key} AS key, date_trunc('${unit}', c.received_day::timestamp)::date AS period, count(*)::int AS n
          FROM ${from} WHERE ${range('c.received_day')}${extraWhere} GROUP BY 1, 2 ORDER BY 1, 2`;
}

/** Counts per value of a multi-valued field (NONE for an empty set). */
const unnestField = (column: string) =>
  `complaints c CROSS JOIN LATERAL unnest(CASE WHEN cardinality(c.${column}) = 0
     THEN ARRAY['NONE']::text[] ELSE c.${column} END) AS d(key)`;

const distinctTotal = `SELECT count(*)::int AS n FROM complaints c WHERE ${range('c.received_day')}`;

function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The Monday of the week of `day`. */
function monday(day: string): string {
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

/** The weeks the spike detector reads: 105 weeks of history before the range, then the range. */
function spikeWindow(r: { from: string; to: string }): { from: string; to: string } {
  const history = Math.max(8, 104) + 1; // DEFAULT_SPIKE_OPTIONS: baselineWeeks, dispersionWeeks
  return { from: addDays(monday(r.from), -7 * history), to: addDays(monday(r.to), 6) };
}

export function dashboardQueries(ctx: QueryContext): DashboardQuery[] {
  const y = [LAST_12_MONTHS.from, LAST_12_MONTHS.to];
  const q = [QUARTER.from, QUARTER.to];
  const spikes = spikeWindow(QUARTER);
  return [
    {
      name: 'trend, month, last 12 months',
      reads: 'rollup_daily',
      graphql: { query: TREND, variables: { filter: LAST_12_MONTHS, interval: 'MONTH' } },
      naive: [{ sql: rawTrend('month', `'ALL'`), params: y }],
    },
    {
      name: 'comparison, this quarter',
      reads: 'rollup_daily',
      graphql: { query: COMPARISON, variables: { filter: QUARTER } },
      naive: [
        {
          sql: `SELECT count(*) FILTER (WHERE received_day BETWEEN $1::date AND $2::date)::int AS current,
                       count(*) FILTER (WHERE received_day BETWEEN $3::date AND $4::date)::int AS previous,
                       count(*) FILTER (WHERE received_day BETWEEN $5::date AND $6::date)::int AS year_ago
                FROM complaints WHERE received_day BETWEEN $5::date AND $2::date`,
          params: [
            ...q,
            PREVIOUS_QUARTER.from,
            PREVIOUS_QUARTER.to,
            QUARTER_YEAR_AGO.from,
            QUARTER_YEAR_AGO.to,
          ],
        },
      ],
    },
    {
      name: 'ranking, institutions by count',
      reads: 'rollup_daily',
      graphql: {
        query: RANKING,
        variables: { dimension: 'INSTITUTION', filter: QUARTER, orderBy: 'COUNT', top: 10 },
      },
      naive: [
        {
          sql: `SELECT i.id, i.name, count(*) FILTER (WHERE c.received_day >= $1::date)::int AS n,
                       count(*) FILTER (WHERE c.received_day < $1::date)::int AS previous
                FROM complaints c JOIN institutions i ON i.id = c.institution_id
                WHERE c.received_day BETWEEN $3::date AND $2::date
                GROUP BY i.id, i.name ORDER BY n DESC LIMIT 10`,
          params: [...q, PREVIOUS_QUARTER.from],
        },
      ],
    },
    {
      name: 'ranking, provinces by rate',
      reads: 'rollup_daily',
      graphql: {
        query: RANKING,
        variables: { dimension: 'PROVINCE', filter: QUARTER, orderBy: 'RATE', top: 31 },
      },
      naive: [
        {
          sql: `SELECT r.code, r.name_zh, count(*) FILTER (WHERE c.received_day >= $1::date)::int AS n,
                       count(*) FILTER (WHERE c.received_day < $1::date)::int AS previous,
                       count(*) FILTER (WHERE c.received_day >= $1::date) * 1e6 / r.population AS rate
                FROM complaints c JOIN regions r ON r.code = c.province_code
                WHERE c.received_day BETWEEN $3::date AND $2::date
                GROUP BY r.code, r.name_zh, r.population ORDER BY rate DESC NULLS LAST LIMIT 31`,
          params: [...q, PREVIOUS_QUARTER.from],
        },
      ],
    },
    {
      name: 'shares, category, last 12 months',
      reads: 'rollup_monthly + rollup_daily',
      graphql: { query: SHARES, variables: { dimension: 'CATEGORY', filter: LAST_12_MONTHS } },
      naive: [
        {
          sql: `SELECT d.key, count(*)::int AS n FROM ${unnestField('categories')}
                WHERE ${range('c.received_day')} GROUP BY 1`,
          params: y,
        },
        { sql: distinctTotal, params: y },
      ],
    },
    {
      name: 'shares, channel, last 12 months',
      reads: 'rollup_monthly + rollup_daily',
      graphql: { query: SHARES, variables: { dimension: 'CHANNEL', filter: LAST_12_MONTHS } },
      naive: [
        {
          sql: `SELECT d.key, count(*)::int AS n FROM ${unnestField('channels')}
                WHERE ${range('c.received_day')} GROUP BY 1`,
          params: y,
        },
        { sql: distinctTotal, params: y },
      ],
    },
    {
      name: 'trend, month, one institution, 3 years',
      reads: 'rollup_daily',
      graphql: {
        query: TREND,
        variables: { filter: { institutionIds: [ctx.institutionId] }, interval: 'MONTH' },
      },
      naive: [
        {
          sql: `SELECT date_trunc('month', received_day::timestamp)::date AS period, count(*)::int AS n
                FROM complaints WHERE institution_id = $1::int GROUP BY 1 ORDER BY 1`,
          params: [ctx.institutionId],
        },
      ],
    },
    {
      name: 'trend, month, one province, 12 months',
      reads: 'rollup_daily',
      graphql: {
        query: TREND,
        variables: { filter: { ...LAST_12_MONTHS, provinceCodes: [PROVINCE] }, interval: 'MONTH' },
      },
      naive: [
        { sql: rawTrend('month', `'ALL'`, ` AND c.province_code = $3`), params: [...y, PROVINCE] },
      ],
    },
    {
      name: 'trend, quarter, all data',
      reads: 'rollup_daily',
      graphql: { query: TREND, variables: { interval: 'QUARTER' } },
      naive: [
        {
          sql: `SELECT date_trunc('quarter', received_day::timestamp)::date AS period, count(*)::int AS n
                FROM complaints GROUP BY 1 ORDER BY 1`,
          params: [],
        },
      ],
    },
    {
      name: 'trend, week, this quarter',
      reads: 'rollup_daily',
      graphql: { query: TREND, variables: { filter: QUARTER, interval: 'WEEK' } },
      naive: [{ sql: rawTrend('week', `'ALL'`), params: q }],
    },
    {
      name: 'trend by category, top 5, month',
      reads: 'rollup_monthly + rollup_daily',
      graphql: {
        query: TREND,
        variables: { filter: LAST_12_MONTHS, interval: 'MONTH', groupBy: 'CATEGORY', top: 5 },
      },
      naive: [
        { sql: rawTrend('month', 'd.key', '', unnestField('categories')), params: y },
        { sql: distinctTotal, params: y },
      ],
    },
    {
      name: 'trend by agency, top 10, month',
      reads: 'rollup_monthly',
      graphql: {
        query: TREND,
        variables: { filter: LAST_12_MONTHS, interval: 'MONTH', groupBy: 'AGENCY', top: 10 },
      },
      naive: [{ sql: rawTrend('month', `coalesce(c.agency_id::text, 'NONE')`), params: y }],
    },
    {
      name: 'trend by province, top 10, month',
      reads: 'rollup_daily',
      graphql: {
        query: TREND,
        variables: { filter: LAST_12_MONTHS, interval: 'MONTH', groupBy: 'PROVINCE', top: 10 },
      },
      naive: [{ sql: rawTrend('month', 'c.province_code'), params: y }],
    },
    {
      name: 'trend, month, category THREAT',
      reads: 'rollup_monthly',
      graphql: {
        query: TREND,
        variables: { filter: { ...LAST_12_MONTHS, categories: ['THREAT'] }, interval: 'MONTH' },
      },
      naive: [
        {
          sql: rawTrend('month', `'ALL'`, ` AND c.categories && $3::text[]`),
          params: [...y, ['THREAT']],
        },
      ],
    },
    {
      name: 'handling, top 20, this quarter',
      reads: 'rollup_daily + complaints (medians)',
      graphql: { query: HANDLING, variables: { filter: QUARTER, top: 20 } },
      naive: [
        {
          sql: `SELECT c.institution_id, i.name, count(*)::int AS total, count(c.responded_at)::int AS responded,
                       count(*) FILTER (WHERE c.responded_at <= c.received_at + interval '15 days')::int AS timely,
                       count(*) FILTER (WHERE c.status = 'REFERRED_TO_POLICE')::int AS police,
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM c.responded_at - c.received_at) / 86400.0)
                         FILTER (WHERE c.responded_at IS NOT NULL) AS median_days
                FROM complaints c JOIN institutions i ON i.id = c.institution_id
                WHERE ${range('c.received_day')} GROUP BY ROLLUP ((c.institution_id, i.name))
                ORDER BY total DESC LIMIT 21`,
          params: q,
        },
      ],
    },
    {
      name: 'off-hours share, last 12 months',
      reads: 'rollup_daily',
      graphql: { query: OFF_HOURS, variables: { filter: LAST_12_MONTHS } },
      naive: [
        {
          sql: `SELECT count(incident_hour)::int AS known,
                       count(*) FILTER (WHERE incident_hour >= 22 OR incident_hour < 8)::int AS off
                FROM complaints WHERE ${range()}`,
          params: y,
        },
      ],
    },
    {
      name: 'spikes, this quarter',
      reads: 'rollup_daily (+ detection in Node)',
      graphql: { query: SPIKES, variables: { filter: QUARTER, top: 20 } },
      naive: [
        {
          sql: `SELECT institution_id, province_code, date_trunc('week', received_day::timestamp)::date AS week,
                       count(*)::int AS n
                FROM complaints WHERE ${range()} GROUP BY 1, 2, 3`,
          params: [spikes.from, spikes.to],
        },
      ],
    },
    {
      name: 'trend, day, last month',
      reads: 'rollup_daily',
      graphql: { query: TREND, variables: { filter: LAST_MONTH, interval: 'DAY' } },
      naive: [{ sql: rawTrend('day', `'ALL'`), params: [LAST_MONTH.from, LAST_MONTH.to] }],
    },
    {
      name: 'complaint list, first 20, last month',
      reads: 'complaints',
      graphql: { query: COMPLAINTS, variables: { filter: LAST_MONTH, first: 20 } },
      naive: [
        {
          sql: `SELECT c.*, i.name AS institution, a.name AS agency
                FROM complaints c JOIN institutions i ON i.id = c.institution_id
                LEFT JOIN collection_agencies a ON a.id = c.agency_id
                WHERE ${range('c.received_day')} ORDER BY c.received_at DESC, c.id DESC LIMIT 21`,
          params: [LAST_MONTH.from, LAST_MONTH.to],
        },
        { sql: distinctTotal, params: [LAST_MONTH.from, LAST_MONTH.to] },
      ],
    },
    {
      name: 'institution search',
      reads: 'institutions',
      graphql: { query: INSTITUTIONS, variables: { search: '消费金融', first: 20 } },
      naive: [
        {
          sql: `SELECT id, name, type, aliases FROM institutions
                WHERE name ILIKE '%' || $1 || '%' OR EXISTS (SELECT 1 FROM unnest(aliases) a WHERE a ILIKE '%' || $1 || '%')
                ORDER BY (name ILIKE $1 || '%') DESC, length(name), name LIMIT 20`,
          params: ['消费金融'],
        },
      ],
    },
  ];
}
