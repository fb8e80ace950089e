import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The registry (regions, institutions, collection agencies) and the complaint store.
 *
 * Codes (source, product, status, categories, channels, evidence) are text checked against
 * their vocabulary rather than PostgreSQL enum types: `pg` returns enum arrays as unparsed
 * strings, and adding a code to a CHECK is a cheaper migration than altering an enum.
 */
export class AddRegistryAndComplaints1764400000000 implements MigrationInterface {
  name = 'AddRegistryAndComplaints1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- GB 32100 check character of a unified social credit code.
      CREATE FUNCTION credit_code_is_valid(code text) RETURNS boolean
      LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
        SELECT code ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'
           AND substr('0123456789ABCDEFGHJKLMNPQRTUWXY',
                 (31 - (SELECT sum((strpos('0123456789ABCDEFGHJKLMNPQRTUWXY', substr(code, i, 1)) - 1)
                                   * (power(3, i - 1)::bigint % 31))
                        FROM generate_series(1, 17) AS i)::int % 31) % 31 + 1, 1)
               = substr(code, 18, 1)
      $$;

      CREATE TABLE regions (
        code         text PRIMARY KEY,
        country      text NOT NULL CHECK (country IN ('CN', 'US')),
        level        text NOT NULL CHECK (level IN ('PROVINCE', 'CITY')),
        name_zh      text NOT NULL,
        short_zh     text NOT NULL,
        name_en      text NOT NULL,
        province_code text NOT NULL,
        population   bigint CHECK (population >= 0)
      );

      CREATE TABLE institutions (
        id               integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        name             text NOT NULL UNIQUE CHECK (length(btrim(name)) BETWEEN 1 AND 200),
        type             text NOT NULL DEFAULT 'OTHER' CHECK (type IN
                           ('BANK', 'INTERNET_BANK', 'CONSUMER_FINANCE', 'MICROLOAN', 'LOAN_PLATFORM', 'OTHER')),
        credit_code      text UNIQUE CHECK (credit_code_is_valid(credit_code)),
        aliases          text[] NOT NULL DEFAULT '{}',
        active_borrowers integer CHECK (active_borrowers >= 0),
        synthetic        boolean NOT NULL DEFAULT false,
        provisional      boolean NOT NULL DEFAULT false,
        created_at       timestamptz NOT NULL DEFAULT now(),
        updated_at       timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE collection_agencies (
        id           integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        name         text NOT NULL UNIQUE CHECK (length(btrim(name)) BETWEEN 1 AND 200),
        credit_code  text UNIQUE CHECK (credit_code_is_valid(credit_code)),
        aliases      text[] NOT NULL DEFAULT '{}',
        synthetic    boolean NOT NULL DEFAULT false,
        provisional  boolean NOT NULL DEFAULT false,
        created_at   timestamptz NOT NULL DEFAULT now(),
        updated_at   timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE complaints (
        id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        source               text NOT NULL CHECK (source IN ('HOTLINE', 'CONSUMER_ASSOCIATION', 'POLICE',
                               'ONLINE_PLATFORM', 'INSTITUTION', 'MEDIA', 'INTAKE', 'FILE_IMPORT', 'CFPB')),
        external_id          text NOT NULL CHECK (length(external_id) BETWEEN 1 AND 200),
        received_at          timestamptz NOT NULL,
        -- The Shanghai calendar day of receipt: every figure is bucketed by it.
        received_day         date GENERATED ALWAYS AS ((received_at AT TIME ZONE 'Asia/Shanghai')::date) STORED,
        incident_at          timestamptz,
        -- Shanghai hour of the conduct (0-23), for the off-hours figure.
        incident_hour        smallint GENERATED ALWAYS AS
                               (extract(hour FROM incident_at AT TIME ZONE 'Asia/Shanghai')::smallint) STORED,
        institution_id       integer NOT NULL REFERENCES institutions (id),
        agency_id            integer REFERENCES collection_agencies (id),
        product              text CHECK (product IN ('BUSINESS_LOAN', 'CONSUMER_LOAN', 'CREDIT_CARD', 'BNPL', 'OTHER')),
        province_code        text NOT NULL REFERENCES regions (code),
        city_code            text REFERENCES regions (code),
        channels             text[] NOT NULL DEFAULT '{}' CHECK (channels <@ ARRAY['PHONE_CALL', 'SMS',
                               'SOCIAL_MEDIA', 'VISIT_HOME', 'VISIT_WORKPLACE', 'LETTER', 'EMAIL', 'APP_PUSH', 'OTHER']),
        categories_declared  text[] NOT NULL DEFAULT '{}',
        categories_detected  text[] NOT NULL DEFAULT '{}',
        -- Declared and detected together: what breakdowns and filters use.
        categories           text[] NOT NULL DEFAULT '{}' CHECK (categories <@ ARRAY['THREAT', 'INSULT',
                               'THIRD_PARTY', 'EXCESSIVE_CONTACT', 'OFF_HOURS', 'IMPERSONATION',
                               'PRIVACY_DISCLOSURE', 'VISIT', 'VIOLENCE', 'DECEPTION']),
        narrative            text CHECK (length(narrative) <= 20000),
        amount_owed          numeric(14, 2) CHECK (amount_owed >= 0),
        overdue_days         integer CHECK (overdue_days >= 0),
        status               text NOT NULL DEFAULT 'RECEIVED' CHECK (status IN ('RECEIVED', 'FORWARDED',
                               'RESPONDED', 'MEDIATED', 'CLOSED', 'REFERRED_TO_POLICE')),
        institution_response text CHECK (length(institution_response) <= 20000),
        responded_at         timestamptz,
        evidence             text[] NOT NULL DEFAULT '{}' CHECK (evidence <@ ARRAY['RECORDING', 'SCREENSHOT',
                               'DOCUMENT', 'WITNESS']),
        created_at           timestamptz NOT NULL DEFAULT now(),
        updated_at           timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT complaints_source_external_id_key UNIQUE (source, external_id),
        CONSTRAINT complaints_categories_cover_check
          CHECK (categories @> categories_declared AND categories @> categories_detected),
        CONSTRAINT complaints_responded_after_received_check
          CHECK (responded_at IS NULL OR responded_at >= received_at)
      );

      -- Trend queries filter by day and usually by institution or province.
      CREATE INDEX complaints_received_day_idx ON complaints (received_day);
      CREATE INDEX complaints_institution_day_idx ON complaints (institution_id, received_day);
      CREATE INDEX complaints_province_day_idx ON complaints (province_code, received_day);
      CREATE INDEX complaints_city_idx ON complaints (city_code) WHERE city_code IS NOT NULL;
      CREATE INDEX complaints_agency_idx ON complaints (agency_id) WHERE agency_id IS NOT NULL;
      CREATE INDEX complaints_categories_idx ON complaints USING gin (categories);
      CREATE INDEX complaints_channels_idx ON complaints USING gin (channels);
      -- Name and alias search in the registry.
      CREATE INDEX institutions_aliases_idx ON institutions USING gin (aliases);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE complaints;
      DROP TABLE collection_agencies;
      DROP TABLE institutions;
      DROP TABLE regions;
      DROP FUNCTION credit_code_is_valid(text);
    `);
  }
}
