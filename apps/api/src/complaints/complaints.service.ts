import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ComplaintFilter } from '@cw/domain';
import { CountCache } from '../analytics/count-cache.js';
import { TrendService } from '../analytics/trend.service.js';
import {
  complaintCondition,
  rollupCondition,
  rollupServesScope,
  type SqlCondition,
} from '../analytics/filter-sql.js';
import type { Scope } from '../auth/roles.js';
import { AppError } from '../graphql/app-error.js';
import type {
  Complaint,
  ComplaintConnection,
  ComplaintCountQuery,
  Dataset,
} from './complaint.model.js';
import { parseNarrativeSearch } from './narrative-search.js';

/** Largest page of complaints one query returns. */
export const MAX_COMPLAINT_PAGE = 100;

const COLUMNS = `c.id::text AS id, c.source, c.external_id AS "externalId", c.received_at AS "receivedAt",
  c.received_day AS "receivedDay", c.incident_at AS "incidentAt", c.institution_id::text AS "institutionId",
  c.agency_id::text AS "agencyId", c.product, c.province_code AS "provinceCode", c.city_code AS "cityCode",
  c.channels, c.categories_declared AS "categoriesDeclared", c.categories_detected AS "categoriesDetected",
  c.categories, c.narrative, c.amount_owed AS "amountOwed", c.overdue_days AS "overdueDays", c.status,
  c.responded_at AS "respondedAt", c.institution_response AS "institutionResponse", c.evidence`;

interface Cursor {
  receivedAt: string;
  id: string;
}

function encodeCursor(c: Complaint): string {
  return Buffer.from(`${c.receivedAt.toISOString()}|${c.id}`).toString('base64url');
}

function decodeCursor(cursor: string): Cursor {
  const [receivedAt, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  if (!receivedAt || !id || !/^\d+$/.test(id) || Number.isNaN(Date.parse(receivedAt))) {
    throw new AppError('BAD_USER_INPUT', 'after is not a cursor this API issued', {
      field: 'after',
    });
  }
  return { receivedAt, id };
}

/**
 * The scoped condition, narrowed to narratives that hold every term. With the bigram index
 * (server databases) its tsquery finds the candidates; the term test decides either way.
 */
function withSearch(cond: SqlCondition, search: string | null, useIndex: boolean): SqlCondition {
  const parsed = parseNarrativeSearch(search);
  if (!parsed) return cond;
  const params = [...cond.params];
  const parts = [cond.sql, 'c.narrative IS NOT NULL'];
  if (parsed.tsquery && useIndex) {
    params.push(parsed.tsquery);
    parts.push(`c.narrative_search @@ $${params.length}::tsquery`);
  }
  for (const term of parsed.terms) {
    params.push(term);
    parts.push(`strpos(lower(c.narrative), $${params.length}) > 0`);
  }
  return { sql: parts.join(' AND '), params };
}

@Injectable()
export class ComplaintsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly trends: TrendService,
    private readonly cache: CountCache,
  ) {}

  private searchIndex: Promise<boolean> | null = null;

  /**
   * Whether the narrative search index exists (server databases; see the migration
   * NarrativeSearchIndexOnServerOnly). Asked once; a failed look-up is asked again next time.
   */
  hasSearchIndex(): Promise<boolean> {
    this.searchIndex ??= this.db
      .query<{ ok: boolean }[]>(
        `SELECT to_regclass('complaints_narrative_search_idx') IS NOT NULL AS ok`,
      )
      .then(([row]) => row?.ok === true)
      .catch((e: unknown) => {
        this.searchIndex = null;
        throw e;
      });
    return this.searchIndex;
  }

  /**
   * Newest first; keyset paging on (received_at, id), so deep pages stay fast. `search`
   * narrows to narratives holding every term (see narrative-search.ts), always inside the
   * caller's scope and filter.
   */
  async list(
    scope: Scope,
    filter: ComplaintFilter,
    first: number,
    after: string | null,
    search: string | null = null,
  ): Promise<ComplaintConnection> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_COMPLAINT_PAGE) {
      throw new AppError('BAD_USER_INPUT', `first must be between 1 and ${MAX_COMPLAINT_PAGE}`, {
        field: 'first',
      });
    }
    const cond = withSearch(
      complaintCondition(scope, filter),
      search,
      search ? await this.hasSearchIndex() : false,
    );
    const params = [...cond.params];
    let where = cond.sql;
    if (after) {
      const c = decodeCursor(after);
      params.push(c.receivedAt, c.id);
      where += ` AND (c.received_at, c.id) < ($${params.length - 1}::timestamptz, $${params.length}::bigint)`;
    }
    params.push(first + 1);
    const rows = await this.db.query<Complaint[]>(
      `SELECT ${COLUMNS} FROM complaints c WHERE ${where}
       ORDER BY c.received_at DESC, c.id DESC LIMIT $${params.length}`,
      params,
    );
    const page = rows.slice(0, first);
    const last = page[page.length - 1];
    return {
      countQuery: { scope, filter, search },
      edges: page.map((node) => ({ node, cursor: encodeCursor(node) })),
      pageInfo: { hasNextPage: rows.length > first, endCursor: last ? encodeCursor(last) : null },
    };
  }

  /**
   * How many complaints the list holds in all. Without a search, the same count the trend
   * gives (from the rollups where they can answer: exact, and milliseconds instead of a
   * count over the table); with one, a count of the matching narratives, kept by the count
   * cache while the data is unchanged, so paging through a result counts it once.
   */
  async count({ scope, filter, search }: ComplaintCountQuery): Promise<number> {
    if (!parseNarrativeSearch(search)) return this.trends.countDistinct(scope, filter);
    const cond = withSearch(complaintCondition(scope, filter), search, await this.hasSearchIndex());
    const sql = `SELECT count(*)::int AS n FROM complaints c WHERE ${cond.sql}`;
    const [row] = await this.cache.query<{ n: number }>(sql, cond.params);
    return row?.n ?? 0;
  }

  /** One complaint by id, if the caller may see it; null otherwise (or when there is none). */
  async byId(scope: Scope, id: string): Promise<Complaint | null> {
    if (!/^[1-9]\d{0,17}$/.test(id)) return null;
    const cond = complaintCondition(scope, {});
    const params = [...cond.params, id];
    const [row] = await this.db.query<Complaint[]>(
      `SELECT ${COLUMNS} FROM complaints c WHERE ${cond.sql} AND c.id = $${params.length}::bigint`,
      params,
    );
    return row ?? null;
  }

  /** One complaint by its source and id there, if the caller may see it. */
  async byExternalId(scope: Scope, source: string, externalId: string): Promise<Complaint | null> {
    const cond = complaintCondition(scope, {});
    const params = [...cond.params, source, externalId];
    const [row] = await this.db.query<Complaint[]>(
      `SELECT ${COLUMNS} FROM complaints c
       WHERE ${cond.sql} AND c.source = $${params.length - 1} AND c.external_id = $${params.length}`,
      params,
    );
    return row ?? null;
  }

  /**
   * Size and span of what the caller may see. Every page shows it, so it is read from the
   * rollups (kept in the same transaction as the complaints, so exact) wherever the scope
   * allows: the national daily table for a national scope, the daily one for provinces or
   * institutions; an operator's scope counts the complaints themselves.
   */
  async dataset(scope: Scope): Promise<Dataset> {
    type Row = { n: number; first: string | null; last: string | null; synthetic: boolean };
    const synthetic = `EXISTS (SELECT 1 FROM institutions WHERE synthetic) AS synthetic`;
    let row: Row | undefined;
    if (scope.kind === 'ALL') {
      [row] = await this.db.query<Row[]>(
        `SELECT coalesce(sum(r.n), 0)::int AS n, min(r.day) AS first, max(r.day) AS last, ${synthetic}
         FROM rollup_daily_national r WHERE r.n > 0`,
      );
    } else if (rollupServesScope(scope)) {
      const params: unknown[] = [];
      const where = rollupCondition(scope, {}, 'r.day', params);
      [row] = await this.db.query<Row[]>(
        `SELECT coalesce(sum(r.n), 0)::int AS n, min(r.day) AS first, max(r.day) AS last, ${synthetic}
         FROM rollup_daily r WHERE ${where} AND r.n > 0`,
        params,
      );
    } else {
      const cond = complaintCondition(scope, {});
      [row] = await this.db.query<Row[]>(
        `SELECT count(*)::int AS n, min(c.received_day) AS first, max(c.received_day) AS last, ${synthetic}
         FROM complaints c WHERE ${cond.sql}`,
        cond.params,
      );
    }
    return {
      complaintCount: row?.n ?? 0,
      firstReceived: row?.first ?? null,
      lastReceived: row?.last ?? null,
      synthetic: row?.synthetic ?? false,
      asOf: new Date().toISOString(),
    };
  }
}
