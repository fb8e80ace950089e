import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Complaints partitioned by month of receipt (Shanghai months, declarative range partitions
 * on `received_at`), so that a query over a period reads only that period's partitions and
 * old months can be archived or moved to cheaper storage one table at a time.
 *
 * PostgreSQL requires every unique key of a partitioned table to contain the partition
 * column, and a Citus deployment requires its distribution column (`institution_id`, see
 * docs/scaling.md) in them too. The keys are therefore (id, institution_id, received_at) and
 * (source, external_id, institution_id, received_at), and `complaint_keys` keeps what the
 * partitioned table no longer can: one row per (source, external_id), naming where that
 * complaint lives. Statement triggers keep it in step with the complaints table, so its
 * primary key refuses a second complaint with the same (source, external_id) however it is
 * written; the writer reads it to move a complaint whose date or institution changed.
 *
 * `complaint_partitions_ensure(days)` creates the partitions of the months those days fall
 * in. It creates a table and attaches it, which locks the parent only against other schema
 * changes (SHARE UPDATE EXCLUSIVE), never against readers or writers; there is no default
 * partition, whose scan and lock every attach would otherwise need. The writer calls it for
 * each batch and the API for the months ahead (ComplaintPartitionsService).
 */
export class PartitionComplaintsByMonth1765300000000 implements MigrationInterface {
  name = 'PartitionComplaintsByMonth1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER complaints_rollup_insert ON complaints;
      DROP TRIGGER complaints_rollup_delete ON complaints;
      DROP TRIGGER complaints_rollup_update ON complaints;
      DROP TRIGGER complaints_version ON complaints;
      ALTER TABLE complaints RENAME TO complaints_unpartitioned;
      ALTER SEQUENCE complaints_id_seq RENAME TO complaints_unpartitioned_id_seq;
      ALTER TABLE complaints_unpartitioned
        DROP CONSTRAINT complaints_pkey,
        DROP CONSTRAINT complaints_source_external_id_key;
      ${dropIndexes()}

      -- Same columns, defaults, generated columns and checks as before.
      CREATE TABLE complaints (
        LIKE complaints_unpartitioned INCLUDING DEFAULTS INCLUDING CONSTRAINTS
          INCLUDING GENERATED INCLUDING IDENTITY,
        CONSTRAINT complaints_pkey PRIMARY KEY (id, institution_id, received_at),
        CONSTRAINT complaints_key UNIQUE (source, external_id, institution_id, received_at),
        ${FOREIGN_KEYS}
      ) PARTITION BY RANGE (received_at);

      CREATE FUNCTION complaint_partitions_ensure(days date[]) RETURNS integer
      LANGUAGE plpgsql AS $fn$
      DECLARE
        month date;
        part text;
        created integer := 0;
      BEGIN
        FOR month IN SELECT DISTINCT date_trunc('month', d)::date FROM unnest(days) AS d
                     WHERE d IS NOT NULL ORDER BY 1 LOOP
          part := 'complaints_' || to_char(month, '"y"YYYY"m"MM');
          CONTINUE WHEN to_regclass(part) IS NOT NULL;
          -- Two writers needing the same new month: the second waits, then finds it.
          PERFORM pg_advisory_xact_lock(hashtext('complaint_partitions_ensure'));
          CONTINUE WHEN to_regclass(part) IS NOT NULL;
          EXECUTE format('CREATE TABLE %I (LIKE complaints INCLUDING DEFAULTS INCLUDING CONSTRAINTS'
                         ' INCLUDING GENERATED)', part);
          EXECUTE format('ALTER TABLE complaints ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)', part,
                         month::timestamp AT TIME ZONE 'Asia/Shanghai',
                         (month + interval '1 month')::timestamp AT TIME ZONE 'Asia/Shanghai');
          created := created + 1;
        END LOOP;
        RETURN created;
      END $fn$;

      SELECT complaint_partitions_ensure(array_agg(DISTINCT received_day)) FROM complaints_unpartitioned;
      INSERT INTO complaints (${COPIED}) OVERRIDING SYSTEM VALUE
        SELECT ${COPIED} FROM complaints_unpartitioned;
      SELECT setval(pg_get_serial_sequence('complaints', 'id'), coalesce(max(id), 0) + 1, false)
        FROM complaints_unpartitioned;
      DROP TABLE complaints_unpartitioned;

      CREATE TABLE complaint_keys (
        source         text NOT NULL,
        external_id    text NOT NULL,
        institution_id integer NOT NULL,
        received_at    timestamptz NOT NULL,
        CONSTRAINT complaint_keys_pkey PRIMARY KEY (source, external_id)
      );
      INSERT INTO complaint_keys SELECT source, external_id, institution_id, received_at FROM complaints;

      CREATE FUNCTION complaint_keys_on_insert() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        INSERT INTO complaint_keys SELECT source, external_id, institution_id, received_at FROM new_rows;
        RETURN NULL;
      END $fn$;
      CREATE FUNCTION complaint_keys_on_delete() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        DELETE FROM complaint_keys k USING old_rows o
        WHERE k.source = o.source AND k.external_id = o.external_id;
        RETURN NULL;
      END $fn$;
      -- Only rows whose key or place changed are touched: the old entry goes, the new one comes
      -- (and meets the primary key if another complaint already holds that key).
      CREATE FUNCTION complaint_keys_on_update() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        DELETE FROM complaint_keys k USING old_rows o
        WHERE k.source = o.source AND k.external_id = o.external_id
          AND NOT EXISTS (SELECT 1 FROM new_rows n
                          WHERE (n.source, n.external_id, n.institution_id, n.received_at)
                              = (o.source, o.external_id, o.institution_id, o.received_at));
        INSERT INTO complaint_keys
          SELECT n.source, n.external_id, n.institution_id, n.received_at FROM new_rows n
          WHERE NOT EXISTS (SELECT 1 FROM old_rows o
                            WHERE (o.source, o.external_id, o.institution_id, o.received_at)
                                = (n.source, n.external_id, n.institution_id, n.received_at));
        RETURN NULL;
      END $fn$;
      CREATE FUNCTION complaint_keys_on_truncate() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        TRUNCATE complaint_keys;
        RETURN NULL;
      END $fn$;

      ${indexes(await embedded(q))}
      ${rollupTriggers()}
      ${keyTriggers()}
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER complaints_keys_insert ON complaints;
      DROP TRIGGER complaints_keys_delete ON complaints;
      DROP TRIGGER complaints_keys_update ON complaints;
      DROP TRIGGER complaints_keys_truncate ON complaints;
      DROP TRIGGER complaints_rollup_insert ON complaints;
      DROP TRIGGER complaints_rollup_delete ON complaints;
      DROP TRIGGER complaints_rollup_update ON complaints;
      DROP TRIGGER complaints_version ON complaints;
      DROP FUNCTION complaint_keys_on_insert();
      DROP FUNCTION complaint_keys_on_delete();
      DROP FUNCTION complaint_keys_on_update();
      DROP FUNCTION complaint_keys_on_truncate();
      DROP TABLE complaint_keys;
      ALTER TABLE complaints RENAME TO complaints_partitioned;
      ALTER SEQUENCE complaints_id_seq RENAME TO complaints_partitioned_id_seq;
      ALTER TABLE complaints_partitioned DROP CONSTRAINT complaints_pkey, DROP CONSTRAINT complaints_key;
      ${dropIndexes()}

      CREATE TABLE complaints (
        LIKE complaints_partitioned INCLUDING DEFAULTS INCLUDING CONSTRAINTS
          INCLUDING GENERATED INCLUDING IDENTITY,
        CONSTRAINT complaints_pkey PRIMARY KEY (id),
        CONSTRAINT complaints_source_external_id_key UNIQUE (source, external_id),
        ${FOREIGN_KEYS}
      );
      INSERT INTO complaints (${COPIED}) OVERRIDING SYSTEM VALUE
        SELECT ${COPIED} FROM complaints_partitioned;
      SELECT setval(pg_get_serial_sequence('complaints', 'id'), coalesce(max(id), 0) + 1, false)
        FROM complaints_partitioned;
      DROP TABLE complaints_partitioned;
      DROP FUNCTION complaint_partitions_ensure(date[]);

      ${indexes(await embedded(q))}
      ${rollupTriggers()}
    `);
  }
}

/** LIKE copies no foreign keys: the complaints table's, as the earlier migrations made them. */
const FOREIGN_KEYS = `
  CONSTRAINT complaints_institution_id_fkey FOREIGN KEY (institution_id) REFERENCES institutions (id),
  CONSTRAINT complaints_agency_id_fkey FOREIGN KEY (agency_id) REFERENCES collection_agencies (id),
  CONSTRAINT complaints_province_code_fkey FOREIGN KEY (province_code) REFERENCES regions (code),
  CONSTRAINT complaints_city_code_fkey FOREIGN KEY (city_code) REFERENCES regions (code),
  CONSTRAINT complaints_submitted_by_fkey FOREIGN KEY (submitted_by) REFERENCES users (id)`;

/** Every stored column; the generated ones (received_day, incident_hour) follow from them. */
const COPIED = [
  'id',
  'source',
  'external_id',
  'received_at',
  'incident_at',
  'institution_id',
  'agency_id',
  'product',
  'province_code',
  'city_code',
  'channels',
  'categories_declared',
  'categories_detected',
  'categories',
  'narrative',
  'amount_owed',
  'overdue_days',
  'status',
  'institution_response',
  'responded_at',
  'evidence',
  'created_at',
  'updated_at',
  'submitted_by',
].join(', ');

// The indexes of the earlier migrations, built after the copy (faster than maintaining them
// row by row). On the partitioned table each is a template every partition gets.
const INDEXES: Record<string, string> = {
  complaints_received_day_idx: '(received_day)',
  complaints_institution_day_idx: '(institution_id, received_day)',
  complaints_province_day_idx: '(province_code, received_day)',
  complaints_city_idx: '(city_code) WHERE city_code IS NOT NULL',
  complaints_agency_idx: '(agency_id) WHERE agency_id IS NOT NULL',
  complaints_categories_idx: 'USING gin (categories)',
  complaints_channels_idx: 'USING gin (channels)',
  complaints_submitted_by_idx: '(submitted_by) WHERE submitted_by IS NOT NULL',
  complaints_received_at_id_idx: '(received_at DESC, id DESC)',
  complaints_narrative_search_idx:
    'USING gin (complaint_search_vector(narrative)) WHERE narrative IS NOT NULL',
};

/** The embedded database keeps no narrative search index (NarrativeSearchIndexOnServerOnly). */
const EMBEDDED_SKIPS = ['complaints_narrative_search_idx'];

const dropIndexes = () =>
  Object.keys(INDEXES)
    .map((name) => `DROP INDEX IF EXISTS ${name};`)
    .join('\n');

const indexes = (onEmbedded: boolean) =>
  Object.entries(INDEXES)
    .filter(([name]) => !(onEmbedded && EMBEDDED_SKIPS.includes(name)))
    .map(([name, def]) => `CREATE INDEX ${name} ON complaints ${def};`)
    .join('\n');

/** The earlier migrations' triggers: rollups and the data version. */
const rollupTriggers = () => `
  CREATE TRIGGER complaints_rollup_insert AFTER INSERT ON complaints
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_on_insert();
  CREATE TRIGGER complaints_rollup_delete AFTER DELETE ON complaints
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_on_delete();
  CREATE TRIGGER complaints_rollup_update AFTER UPDATE ON complaints
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_on_update();
  CREATE TRIGGER complaints_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON complaints
    FOR EACH STATEMENT EXECUTE FUNCTION rollup_version_bump();`;

/** This migration's triggers, which keep complaint_keys. */
const keyTriggers = () => `
  CREATE TRIGGER complaints_keys_insert AFTER INSERT ON complaints
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION complaint_keys_on_insert();
  CREATE TRIGGER complaints_keys_delete AFTER DELETE ON complaints
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION complaint_keys_on_delete();
  CREATE TRIGGER complaints_keys_update AFTER UPDATE ON complaints
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION complaint_keys_on_update();
  CREATE TRIGGER complaints_keys_truncate AFTER TRUNCATE ON complaints
    FOR EACH STATEMENT EXECUTE FUNCTION complaint_keys_on_truncate();`;

async function embedded(q: QueryRunner): Promise<boolean> {
  const [row] = (await q.query(`SELECT version() AS v`)) as { v: string }[];
  return /PGlite/i.test(row?.v ?? '');
}
