import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rollups: counts the dashboard and the reports read instead of the complaints table.
 *
 * - `rollup_daily`: per Shanghai day x institution x province, the number of complaints and
 *   the handling figures (answered, answered within 15 days, referred to police, with a
 *   known incident hour, off-hours). About one row per 10 complaints at 10 million.
 * - `rollup_monthly`: per month x institution x province x one more dimension (agency,
 *   city, source, product, category, channel) and its value. A multi-valued field
 *   (categories, channels) counts a complaint once per value.
 *
 * Both are kept current by statement-level triggers on `complaints` (in the same
 * transaction as the change), which aggregate the statement's transition tables, so a bulk
 * load of many rows costs a few grouped upserts, not one per row.
 * `rollup_rebuild()` recomputes both from the complaints table.
 */
export class AddComplaintRollups1764600000000 implements MigrationInterface {
  name = 'AddComplaintRollups1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rollup_daily (
        day            date NOT NULL,
        institution_id integer NOT NULL,
        province_code  text NOT NULL,
        n              integer NOT NULL,
        responded      integer NOT NULL,
        timely         integer NOT NULL,
        police         integer NOT NULL,
        incident_known integer NOT NULL,
        off_hours      integer NOT NULL,
        PRIMARY KEY (day, institution_id, province_code)
      );
      CREATE INDEX rollup_daily_institution_idx ON rollup_daily (institution_id, day);
      CREATE INDEX rollup_daily_province_idx ON rollup_daily (province_code, day);

      CREATE TABLE rollup_monthly (
        month          date NOT NULL,
        dim            text NOT NULL CHECK (dim IN ('AGENCY', 'CITY', 'SOURCE', 'PRODUCT', 'CATEGORY', 'CHANNEL')),
        institution_id integer NOT NULL,
        province_code  text NOT NULL,
        -- The dimension's value; 'NONE' where the complaint has none.
        value          text NOT NULL,
        n              integer NOT NULL,
        PRIMARY KEY (dim, month, institution_id, province_code, value)
      );

    `);

    // The maintenance SQL, written once for "rows with a sign" and used by the three
    // triggers (whose transition tables differ) and by the rebuild.
    const daily = (source: string) => `
      INSERT INTO rollup_daily AS r (day, institution_id, province_code, n, responded, timely, police, incident_known, off_hours)
      SELECT received_day, institution_id, province_code,
             sum(sign),
             coalesce(sum(sign) FILTER (WHERE responded_at IS NOT NULL), 0),
             coalesce(sum(sign) FILTER (WHERE responded_at <= received_at + interval '360 hours'), 0),
             coalesce(sum(sign) FILTER (WHERE status = 'REFERRED_TO_POLICE'), 0),
             coalesce(sum(sign) FILTER (WHERE incident_hour IS NOT NULL), 0),
             coalesce(sum(sign) FILTER (WHERE incident_hour >= 22 OR incident_hour < 8), 0)
      FROM ${source}
      GROUP BY 1, 2, 3
      ORDER BY 1, 2, 3
      ON CONFLICT (day, institution_id, province_code) DO UPDATE SET
        n = r.n + excluded.n,
        responded = r.responded + excluded.responded,
        timely = r.timely + excluded.timely,
        police = r.police + excluded.police,
        incident_known = r.incident_known + excluded.incident_known,
        off_hours = r.off_hours + excluded.off_hours`;

    const monthly = (source: string) => `
      INSERT INTO rollup_monthly AS r (month, dim, institution_id, province_code, value, n)
      SELECT date_trunc('month', received_day::timestamp)::date, d.dim, institution_id, province_code, d.value, sum(sign)
      FROM ${source}
      CROSS JOIN LATERAL (
        VALUES ('AGENCY', coalesce(agency_id::text, 'NONE')),
               ('CITY', coalesce(city_code, 'NONE')),
               ('SOURCE', source),
               ('PRODUCT', coalesce(product, 'NONE'))
        UNION ALL
        SELECT 'CATEGORY', c FROM unnest(CASE WHEN cardinality(categories) = 0 THEN ARRAY['NONE'] ELSE categories END) AS c
        UNION ALL
        SELECT 'CHANNEL', c FROM unnest(CASE WHEN cardinality(channels) = 0 THEN ARRAY['NONE'] ELSE channels END) AS c
      ) AS d(dim, value)
      GROUP BY 1, 2, 3, 4, 5
      ORDER BY 2, 1, 3, 4, 5
      ON CONFLICT (dim, month, institution_id, province_code, value) DO UPDATE SET n = r.n + excluded.n`;

    const cleanup = `
      DELETE FROM rollup_daily WHERE n = 0;
      DELETE FROM rollup_monthly WHERE n = 0;`;

    const signed = (table: string, sign: number) => `(SELECT ${sign} AS sign, * FROM ${table})`;
    const both = `(SELECT 1 AS sign, * FROM new_rows UNION ALL SELECT -1 AS sign, * FROM old_rows)`;

    for (const [op, source] of [
      ['insert', signed('new_rows', 1)],
      ['delete', signed('old_rows', -1)],
      ['update', both],
    ] as const) {
      await q.query(`
        CREATE FUNCTION rollup_on_${op}() RETURNS trigger LANGUAGE plpgsql AS $fn$
        BEGIN
          ${daily(`${source} AS t`)};
          ${monthly(`${source} AS t`)};
          ${op === 'insert' ? '' : cleanup}
          RETURN NULL;
        END $fn$;
      `);
    }
    await q.query(`
      CREATE TRIGGER complaints_rollup_insert AFTER INSERT ON complaints
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_on_insert();
      CREATE TRIGGER complaints_rollup_delete AFTER DELETE ON complaints
        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_on_delete();
      CREATE TRIGGER complaints_rollup_update AFTER UPDATE ON complaints
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_on_update();

      CREATE FUNCTION rollup_rebuild() RETURNS void LANGUAGE plpgsql AS $fn$
      BEGIN
        TRUNCATE rollup_daily, rollup_monthly;
        ${daily(signed('complaints', 1) + ' AS t')};
        ${monthly(signed('complaints', 1) + ' AS t')};
      END $fn$;

      -- Rows already stored (the migration may run on a filled database).
      SELECT rollup_rebuild();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER complaints_rollup_insert ON complaints;
      DROP TRIGGER complaints_rollup_delete ON complaints;
      DROP TRIGGER complaints_rollup_update ON complaints;
      DROP FUNCTION rollup_rebuild();
      DROP FUNCTION rollup_on_insert();
      DROP FUNCTION rollup_on_delete();
      DROP FUNCTION rollup_on_update();
      DROP TABLE rollup_monthly;
      DROP TABLE rollup_daily;
    `);
  }
}
