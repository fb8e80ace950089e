import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The narrative search index only where it pays: on a PostgreSQL server the search vector
 * costs about 7 microseconds a row to keep, but inside the embedded database (PGlite, whose
 * regular expressions run as WebAssembly) about 0.3 ms, which made imports and the first
 * start's demo data many times slower. The embedded database holds small data sets, where the
 * search's exact term test alone scans the narratives fast enough; the service uses the index
 * when it is there (ComplaintsService.hasSearchIndex).
 */
export class NarrativeSearchIndexOnServerOnly1765200000000 implements MigrationInterface {
  name = 'NarrativeSearchIndexOnServerOnly1765200000000';

  private async embedded(q: QueryRunner): Promise<boolean> {
    const [row] = (await q.query(`SELECT version() AS v`)) as { v: string }[];
    return /PGlite/i.test(row?.v ?? '');
  }

  async up(q: QueryRunner): Promise<void> {
    if (await this.embedded(q))
      await q.query(`DROP INDEX IF EXISTS complaints_narrative_search_idx`);
  }

  async down(q: QueryRunner): Promise<void> {
    if (await this.embedded(q)) {
      await q.query(
        `CREATE INDEX IF NOT EXISTS complaints_narrative_search_idx ON complaints
           USING gin (complaint_search_vector(narrative)) WHERE narrative IS NOT NULL`,
      );
    }
  }
}
