import type { MigrationInterface, QueryRunner } from 'typeorm';
import { narrativeSearchTokens } from '../../complaints/narrative-search.js';
import {
  SEARCH_VECTOR_FUNCTION,
  searchTokensFunction,
} from './1765050000000-AddNarrativeSearch.js';

/**
 * The narrative search vector stored in a column (`narrative_search`) that the writer fills
 * from the API's own tokeniser (narrativeSearchTokens), instead of an index over a SQL
 * function. Measured on a 10,000-row batch: the expression index cost about 65 µs a row of
 * every import (PostgreSQL runs the function's regular expressions row by row in the index
 * code), the stored column and its GIN index about 5 µs. The tokens a search looks for come
 * from the same module, so the two sides are one implementation.
 *
 * A check keeps the column in step with the narrative's presence, so a complaint written
 * around the writer fails loudly instead of silently dropping out of searches. The GIN index
 * is created on server databases only, as before (NarrativeSearchIndexOnServerOnly); the
 * embedded database stores the column and scans.
 *
 * Stored complaints are filled here in pages of `backfillPage`, with the rollup and key
 * triggers off: the update changes neither counts nor keys, and those statement triggers
 * would otherwise re-aggregate every page.
 */
export class StoreNarrativeSearchTokens1765400000000 implements MigrationInterface {
  name = 'StoreNarrativeSearchTokens1765400000000';

  /** Complaints filled per statement; a test lowers it to cross pages with a few rows. */
  static backfillPage = 5000;

  private async embedded(q: QueryRunner): Promise<boolean> {
    const [row] = (await q.query(`SELECT version() AS v`)) as { v: string }[];
    return /PGlite/i.test(row?.v ?? '');
  }

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS complaints_narrative_search_idx`);
    await q.query(`ALTER TABLE complaints ADD COLUMN narrative_search tsvector`);
    await q.query(`
      ALTER TABLE complaints DISABLE TRIGGER complaints_rollup_update;
      ALTER TABLE complaints DISABLE TRIGGER complaints_keys_update;`);
    let after = '0';
    for (;;) {
      const rows = (await q.query(
        // received_at as text: a JavaScript Date would drop its microseconds and miss the row
        // (the driver returns the bigint id as a string already).
        `SELECT id, institution_id, received_at::text AS received_at, narrative FROM complaints
         WHERE narrative IS NOT NULL AND id > $1::bigint ORDER BY id LIMIT $2`,
        [after, StoreNarrativeSearchTokens1765400000000.backfillPage],
      )) as { id: string; institution_id: number; received_at: string; narrative: string }[];
      if (!rows.length) break;
      await q.query(
        `UPDATE complaints c SET narrative_search = array_to_tsvector(t.tokens)
         FROM (SELECT id, institution_id, received_at, string_to_array(tokens, ' ') AS tokens
               FROM unnest($1::bigint[], $2::int[], $3::timestamptz[], $4::text[])
                 AS u(id, institution_id, received_at, tokens)) AS t
         WHERE c.id = t.id AND c.institution_id = t.institution_id AND c.received_at = t.received_at`,
        [
          rows.map((r) => r.id),
          rows.map((r) => r.institution_id),
          rows.map((r) => r.received_at),
          // Tokens never hold a space (they are runs of letters, digits or Chinese characters).
          rows.map((r) => narrativeSearchTokens(r.narrative).join(' ')),
        ],
      );
      after = rows[rows.length - 1]!.id;
    }
    await q.query(`
      ALTER TABLE complaints ENABLE TRIGGER complaints_rollup_update;
      ALTER TABLE complaints ENABLE TRIGGER complaints_keys_update;
      ALTER TABLE complaints ADD CONSTRAINT complaints_narrative_search_check
        CHECK ((narrative IS NULL) = (narrative_search IS NULL));`);
    if (!(await this.embedded(q))) {
      await q.query(
        `CREATE INDEX complaints_narrative_search_idx ON complaints
           USING gin (narrative_search) WHERE narrative_search IS NOT NULL`,
      );
    }
    // Nothing calls the SQL tokeniser any more; down() brings it back.
    await q.query(`DROP FUNCTION complaint_search_vector(text)`);
    await q.query(`DROP FUNCTION complaint_search_tokens(text)`);
  }

  /**
   * Beware: after a DROP COLUMN on complaints, partitions made later differ in layout from
   * their parent, and PostgreSQL 15 then gives the rollup triggers rows from them without
   * their generated columns (an insert into such a month fails on rollup_daily.day). Make the
   * coming months' partitions before undoing this migration.
   */
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS complaints_narrative_search_idx`);
    await q.query(`ALTER TABLE complaints DROP COLUMN narrative_search`);
    await q.query(searchTokensFunction());
    await q.query(SEARCH_VECTOR_FUNCTION);
    if (!(await this.embedded(q))) {
      await q.query(
        `CREATE INDEX complaints_narrative_search_idx ON complaints
           USING gin (complaint_search_vector(narrative)) WHERE narrative IS NOT NULL`,
      );
    }
  }
}
