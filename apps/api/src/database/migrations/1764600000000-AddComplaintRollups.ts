import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rollups: counts the dashboard and the reports read instead of the complaints table.
 * Four tables, from fine to coarse, so that each question reads the smallest that holds it
 * (sizes at 10 million complaints over three years):
 *
 * - `rollup_daily` (~1M rows): Shanghai day x institution x province, with the number of
 *   complaints and the handling figures (answered, answered within 15 days, referred to
 *   police, with a known incident hour, off-hours).
 * - `rollup_daily_national` (~1,100 rows): the same per day for the whole country.
 * - `rollup_monthly` (~1.7M rows): month x institution x province x one dimension (ALL,
 *   agency, city, source, product, category, channel) and its value.
 * - `rollup_monthly_national` (~20,000 rows): month x one dimension and its value.
 *
 * A multi-valued field (categories, channels) counts a complaint once per value. All four are
 * kept current by statement-level triggers on `complaints`, in the same transaction as the
 * change, which aggregate the statement's transition tables: a bulk load of many rows costs a
 * few grouped upserts, not one per row. `rollup_rebuild()` recomputes them from the complaints
 * table.
 */
export class AddComplaintRollups1764600000000 implements MigrationInterface {
  name = 'AddComplaintRollups1764600000000';

  async up(q: QueryRunner): Promise<void> {
    const measures = `
        n              integer NOT NULL,
        responded      integer NOT NULL,
        timely         integer NOT NULL,
        police         integer NOT NULL,
        incident_known integer NOT NULL,
        off_hours      integer NOT NULL`;
    const dims = `'ALL', 'AGENCY', 'CITY', 'SOURCE', 'PRODUCT', 'CATEGORY', 'CHANNEL'`;
    await q.query(`
      CREATE TABLE rollup_daily (
        day            date NOT NULL,
        institution_id integer NOT NULL,
        province_code  text NOT NULL,${measures},
        PRIMARY KEY (day, institution_id, province_code)
      );
      CREATE INDEX rollup_daily_institution_idx ON rollup_daily (institution_id, day);
      CREATE INDEX rollup_daily_province_idx ON rollup_daily (province_code, day);

      CREATE TABLE rollup_daily_national (
        day date PRIMARY KEY,${measures}
      );

      CREATE TABLE rollup_monthly (
        month          date NOT NULL,
        dim            text NOT NULL CHECK (dim IN (${dims})),
        institution_id integer NOT NULL,
        province_code  text NOT NULL,
        -- The dimension's value; 'NONE' where the complaint has none, 'ALL' for dim ALL.
        value          text NOT NULL,
        n              integer NOT NULL,
        PRIMARY KEY (dim, month, institution_id, province_code, value)
      );

      CREATE TABLE rollup_monthly_national (
        month date NOT NULL,
        dim   text NOT NULL CHECK (dim IN (${dims})),
        value text NOT NULL,
        n     integer NOT NULL,
        PRIMARY KEY (dim, month, value)
      );
    `);

    // The maintenance SQL, written once over "rows with a sign" (+1 new, -1 old) and used by
    // the three triggers (whose transition tables differ) and by the rebuild.
    const daily = (source: string, table: string, keys: string[]) => `
      INSERT INTO ${table} AS r (${[...keys, 'n', 'responded', 'timely', 'police', 'incident_known', 'off_hours'].join(', ')})
      SELECT ${keys.map((k) => (k === 'day' ? 'received_day' : k)).join(', ')},
             sum(sign),
             coalesce(sum(sign) FILTER (WHERE responded_at IS NOT NULL), 0),
             coalesce(sum(sign) FILTER (WHERE responded_at <= received_at + interval '360 hours'), 0),
             coalesce(sum(sign) FILTER (WHERE status = 'REFERRED_TO_POLICE'), 0),
             coalesce(sum(sign) FILTER (WHERE incident_hour IS NOT NULL), 0),
             coalesce(sum(sign) FILTER (WHERE incident_hour >= 22 OR incident_hour < 8), 0)
      FROM ${source}
      GROUP BY ${keys.map((_, i) => i + 1).join(', ')}
      ORDER BY ${keys.map((_, i) => i + 1).join(', ')}
      ON CONFLICT (${keys.join(', ')}) DO UPDATE SET
        n = r.n + excluded.n,
        responded = r.responded + excluded.responded,
        timely = r.timely + excluded.timely,
        police = r.police + excluded.police,
        incident_known = r.incident_known + excluded.incident_known,
        off_hours = r.off_hours + excluded.off_hours`;

    const lateral = `
      CROSS JOIN LATERAL (
        VALUES ('ALL', 'ALL'),
               ('AGENCY', coalesce(agency_id::text, 'NONE')),
               ('CITY', coalesce(city_code, 'NONE')),
               ('SOURCE', source),
               ('PRODUCT', coalesce(product, 'NONE'))
        UNION ALL
        SELECT 'CATEGORY', c FROM unnest(CASE WHEN cardinality(categories) = 0 THEN ARRAY['NONE'] ELSE categories END) AS c
        UNION ALL
        SELECT 'CHANNEL', c FROM unnest(CASE WHEN cardinality(channels) = 0 THEN ARRAY['NONE'] ELSE channels END) AS c
      ) AS d(dim, value)`;

    const monthly = (source: string) => `
      INSERT INTO rollup_monthly AS r (month, dim, institution_id, province_code, value, n)
      SELECT date_trunc('month', received_day::timestamp)::date, d.dim, institution_id, province_code, d.value, sum(sign)
      FROM ${source} ${lateral}
      GROUP BY 1, 2, 3, 4, 5
      ORDER BY 2, 1, 3, 4, 5
      ON CONFLICT (dim, month, institution_id, province_code, value) DO UPDATE SET n = r.n + excluded.n`;

    const monthlyNational = (source: string) => `
      INSERT INTO rollup_monthly_national AS r (month, dim, value, n)
      SELECT date_trunc('month', received_day::timestamp)::date, d.dim, d.value, sum(sign)
      FROM ${source} ${lateral}
      GROUP BY 1, 2, 3
      ORDER BY 2, 1, 3
      ON CONFLICT (dim, month, value) DO UPDATE SET n = r.n + excluded.n`;

    const all = (source: string) => `
      ${daily(source, 'rollup_daily', ['day', 'institution_id', 'province_code'])};
      ${daily(source, 'rollup_daily_national', ['day'])};
      ${monthly(source)};
      ${monthlyNational(source)};`;

    const cleanup = `
      DELETE FROM rollup_daily WHERE n = 0;
      DELETE FROM rollup_daily_national WHERE n = 0;
      DELETE FROM rollup_monthly WHERE n = 0;
      DELETE FROM rollup_monthly_national WHERE n = 0;`;

    const signed = (table: string, sign: number) =>
      `(SELECT ${sign} AS sign, * FROM ${table}) AS t`;
    const both = `(SELECT 1 AS sign, * FROM new_rows UNION ALL SELECT -1 AS sign, * FROM old_rows) AS t`;

    for (const [op, source] of [
      ['insert', signed('new_rows', 1)],
      ['delete', signed('old_rows', -1)],
      ['update', both],
    ] as const) {
      await q.query(`
        CREATE FUNCTION rollup_on_${op}() RETURNS trigger LANGUAGE plpgsql AS $fn$
        BEGIN
          ${all(source)}
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
        TRUNCATE rollup_daily, rollup_daily_national, rollup_monthly, rollup_monthly_national;
        ${all(signed('complaints', 1))}
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
      DROP TABLE rollup_monthly_national;
      DROP TABLE rollup_monthly;
      DROP TABLE rollup_daily_national;
      DROP TABLE rollup_daily;
    `);
  }
}
