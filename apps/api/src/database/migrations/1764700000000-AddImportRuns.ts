import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Import runs (one per file, feed page or intake form), the rows each rejected, feed checkpoints. */
export class AddImportRuns1764700000000 implements MigrationInterface {
  name = 'AddImportRuns1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE import_runs (
        id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        format       text NOT NULL CHECK (format IN ('canonical', 'cfpb', 'jsonl', 'feed', 'intake')),
        source       text NOT NULL,
        filename     text,
        status       text NOT NULL DEFAULT 'RUNNING' CHECK (status IN ('RUNNING', 'SUCCEEDED', 'FAILED', 'ABANDONED')),
        read         integer NOT NULL DEFAULT 0,
        inserted     integer NOT NULL DEFAULT 0,
        updated      integer NOT NULL DEFAULT 0,
        unchanged    integer NOT NULL DEFAULT 0,
        skipped      integer NOT NULL DEFAULT 0,
        rejected     integer NOT NULL DEFAULT 0,
        error        text,
        submitted_by integer REFERENCES users (id),
        started_at   timestamptz NOT NULL DEFAULT now(),
        finished_at  timestamptz
      );
      CREATE INDEX import_runs_started_idx ON import_runs (started_at DESC, id DESC);
      CREATE INDEX import_runs_submitted_by_idx ON import_runs (submitted_by, id DESC);

      CREATE TABLE import_errors (
        run_id     bigint NOT NULL REFERENCES import_runs (id) ON DELETE CASCADE,
        row_number integer NOT NULL,
        field      text NOT NULL,
        value      text NOT NULL,
        reason     text NOT NULL
      );
      CREATE INDEX import_errors_run_idx ON import_errors (run_id, row_number);

      -- Where each JSON feed was left: the next cursor, or the newest update time seen.
      CREATE TABLE feed_checkpoints (
        feed                 text PRIMARY KEY,
        cursor               text,
        updated_since        timestamptz,
        pages                integer NOT NULL DEFAULT 0,
        last_success_at      timestamptz,
        last_error           text,
        consecutive_failures integer NOT NULL DEFAULT 0
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE feed_checkpoints; DROP TABLE import_errors; DROP TABLE import_runs;`);
  }
}
