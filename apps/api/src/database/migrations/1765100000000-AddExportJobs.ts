import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Background exports and reports (one row a job; the file lives in DATA_DIR/exports), and
 * the time the data last changed, which every report prints as its "data as of".
 */
export class AddExportJobs1765100000000 implements MigrationInterface {
  name = 'AddExportJobs1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE export_jobs (
        -- Random, so that one user cannot guess another's download; ownership is checked too.
        id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind         text NOT NULL CHECK (kind IN ('COMPLAINTS', 'QUARTERLY_REPORT')),
        format       text NOT NULL CHECK (format IN ('csv', 'xlsx', 'pdf')),
        requested_by integer NOT NULL REFERENCES users (id),
        -- The filter, period and language: codes and ids only, never personal data.
        params       jsonb NOT NULL,
        status       text NOT NULL DEFAULT 'QUEUED'
                       CHECK (status IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED', 'EXPIRED')),
        rows_total   integer,
        rows_done    integer NOT NULL DEFAULT 0,
        file_name    text,
        file_bytes   bigint,
        error        text,
        created_at   timestamptz NOT NULL DEFAULT now(),
        started_at   timestamptz,
        finished_at  timestamptz,
        expires_at   timestamptz
      );
      CREATE INDEX export_jobs_requested_by_idx ON export_jobs (requested_by, created_at DESC);
      CREATE INDEX export_jobs_status_idx ON export_jobs (status) WHERE status IN ('QUEUED', 'RUNNING');

      ALTER TABLE rollup_version ADD COLUMN changed_at timestamptz NOT NULL DEFAULT now();
      CREATE OR REPLACE FUNCTION rollup_version_bump() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        UPDATE rollup_version SET version = version + 1, changed_at = now() WHERE id = 1;
        RETURN NULL;
      END $fn$;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION rollup_version_bump() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        UPDATE rollup_version SET version = version + 1 WHERE id = 1;
        RETURN NULL;
      END $fn$;
      ALTER TABLE rollup_version DROP COLUMN changed_at;
      DROP TABLE export_jobs;
    `);
  }
}
