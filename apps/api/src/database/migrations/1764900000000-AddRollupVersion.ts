import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A counter every change to complaints raises (in the same statement trigger as the
 * rollups), so an answer computed at version V is still exact while the version is V:
 * the figures cache keys on it.
 */
export class AddRollupVersion1764900000000 implements MigrationInterface {
  name = 'AddRollupVersion1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rollup_version (
        id      smallint PRIMARY KEY CHECK (id = 1),
        version bigint NOT NULL
      );
      INSERT INTO rollup_version VALUES (1, 0);

      CREATE FUNCTION rollup_version_bump() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        UPDATE rollup_version SET version = version + 1 WHERE id = 1;
        RETURN NULL;
      END $fn$;
      CREATE TRIGGER complaints_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON complaints
        FOR EACH STATEMENT EXECUTE FUNCTION rollup_version_bump();
      CREATE TRIGGER institutions_version AFTER INSERT OR UPDATE OR DELETE ON institutions
        FOR EACH STATEMENT EXECUTE FUNCTION rollup_version_bump();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER institutions_version ON institutions;
      DROP TRIGGER complaints_version ON complaints;
      DROP FUNCTION rollup_version_bump();
      DROP TABLE rollup_version;
    `);
  }
}
