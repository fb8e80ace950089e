import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Scope } from '../auth/roles.js';
import type { CollectionAgency, Institution } from './institution.model.js';

/** Largest page of registry entries one query returns. */
export const MAX_REGISTRY_PAGE = 100;

const INSTITUTION_COLUMNS = `id::text AS id, name, type, aliases, credit_code AS "creditCode",
  active_borrowers AS "activeBorrowers", synthetic, provisional`;
const AGENCY_COLUMNS = `id::text AS id, name, aliases, synthetic, provisional`;

/** Registry names compare after NFKC (full-width to half-width), trimming and lower case. */
export function normalizeName(text: string): string {
  return text.normalize('NFKC').trim().replace(/\s+/g, ' ');
}

/** The search text with LIKE's wildcards escaped. */
function escapeLike(search: string): string {
  return normalizeName(search).replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The institutions a scope may see in the registry, or null for all of them. */
function visibleInstitutions(scope: Scope): number[] | null {
  return scope.kind === 'INSTITUTIONS' ? scope.institutionIds : null;
}

@Injectable()
export class RegistryService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Institutions whose name or an alias contains `search` (any case), names that start with
   * it first. An institution officer sees only its own institutions in the registry.
   */
  async searchInstitutions(
    scope: Scope,
    search: string | null,
    first: number,
  ): Promise<Institution[]> {
    const limit = Math.min(Math.max(first, 1), MAX_REGISTRY_PAGE);
    const text = search ? escapeLike(search) : '';
    return this.db.query(
      `SELECT ${INSTITUTION_COLUMNS} FROM institutions
       WHERE ($1 = '' OR name ILIKE '%' || $1 || '%'
              OR EXISTS (SELECT 1 FROM unnest(aliases) AS a WHERE a ILIKE '%' || $1 || '%'))
         AND ($3::int[] IS NULL OR id = ANY($3::int[]))
       ORDER BY (name ILIKE $1 || '%') DESC, length(name), name
       LIMIT $2`,
      [text, limit, visibleInstitutions(scope)],
    );
  }

  /** Institutions by id (unknown and out-of-scope ids are left out). */
  async institutionsByIds(
    ids: readonly string[],
    scope: Scope = { kind: 'ALL' },
  ): Promise<Institution[]> {
    const numeric = ids.filter((id) => /^\d{1,9}$/.test(id)).map(Number);
    if (!numeric.length) return [];
    return this.db.query(
      `SELECT ${INSTITUTION_COLUMNS} FROM institutions
       WHERE id = ANY($1::int[]) AND ($2::int[] IS NULL OR id = ANY($2::int[]))`,
      [numeric, visibleInstitutions(scope)],
    );
  }

  /** Collection agencies whose name or an alias contains `search`, names starting with it first. */
  async searchAgencies(search: string | null, first: number): Promise<CollectionAgency[]> {
    const limit = Math.min(Math.max(first, 1), MAX_REGISTRY_PAGE);
    const text = search ? escapeLike(search) : '';
    return this.db.query(
      `SELECT ${AGENCY_COLUMNS} FROM collection_agencies
       WHERE ($1 = '' OR name ILIKE '%' || $1 || '%'
              OR EXISTS (SELECT 1 FROM unnest(aliases) AS a WHERE a ILIKE '%' || $1 || '%'))
       ORDER BY (name ILIKE $1 || '%') DESC, length(name), name
       LIMIT $2`,
      [text, limit],
    );
  }

  async agenciesByIds(ids: readonly string[]): Promise<CollectionAgency[]> {
    const numeric = ids.filter((id) => /^\d{1,9}$/.test(id)).map(Number);
    if (!numeric.length) return [];
    return this.db.query(
      `SELECT ${AGENCY_COLUMNS} FROM collection_agencies WHERE id = ANY($1::int[])`,
      [numeric],
    );
  }
}
