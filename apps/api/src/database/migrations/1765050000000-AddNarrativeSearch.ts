import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The SQL tokeniser, under `name`. Also made again by StoreNarrativeSearchTokens.down, and
 * by a test that compares it with the API's tokeniser (narrativeSearchTokens), which
 * replaced it.
 */
export const searchTokensFunction = (name = 'complaint_search_tokens') => `
  CREATE FUNCTION ${name}(t text) RETURNS text[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE COST 10000 AS $$
    SELECT coalesce(array_agg(DISTINCT tok), '{}'::text[])
    FROM regexp_matches(lower(coalesce(t, '')), '[0-9a-z]+|[一-鿿㐀-䶿]+', 'g') AS m(r)
    CROSS JOIN LATERAL (
      SELECT left(r[1], 64) AS tok WHERE r[1] ~ '^[0-9a-z]' OR char_length(r[1]) = 1
      UNION ALL
      SELECT substr(r[1], i, 2) FROM generate_series(1, char_length(r[1]) - 1) AS i
      WHERE r[1] !~ '^[0-9a-z]'
    ) AS x
  $$`;

export const SEARCH_VECTOR_FUNCTION = `
  CREATE FUNCTION complaint_search_vector(t text) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE COST 10000 SET search_path FROM CURRENT AS $$
    SELECT array_to_tsvector(complaint_search_tokens(t))
  $$`;

/**
 * Full-text search over narratives that works for Chinese without an extension (PGlite has
 * none loaded, and the server may not allow one): a narrative's search vector holds its
 * Latin words and digit runs whole, and every two adjacent characters of its runs of Chinese
 * characters (a run of one character is kept alone). A GIN index on that expression finds
 * the candidate rows; the service then checks that each search term occurs as it was typed,
 * so the bigrams only narrow, never decide. Core PostgreSQL 15 and 18 (PGlite) both run it.
 *
 * PostgreSQL 17 and later run index expressions with a bare search_path, hence the
 * vector function's own. The function is marked expensive so that the planner reaches for the index rather than
 * computing vectors row by row behind another index.
 */
export class AddNarrativeSearch1765050000000 implements MigrationInterface {
  name = 'AddNarrativeSearch1765050000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(searchTokensFunction());
    await q.query(SEARCH_VECTOR_FUNCTION);
    await q.query(
      `CREATE INDEX complaints_narrative_search_idx ON complaints
         USING gin (complaint_search_vector(narrative)) WHERE narrative IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX complaints_narrative_search_idx`);
    await q.query(`DROP FUNCTION complaint_search_vector(text)`);
    await q.query(`DROP FUNCTION complaint_search_tokens(text)`);
  }
}
