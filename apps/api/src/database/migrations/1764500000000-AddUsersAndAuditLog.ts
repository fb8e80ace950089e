import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Users with a role and a scope, an append-only audit log, and the submitter of a
 * complaint (the scope of an OPERATOR).
 */
export class AddUsersAndAuditLog1764500000000 implements MigrationInterface {
  name = 'AddUsersAndAuditLog1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE users (
        id              integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        email           text NOT NULL UNIQUE CHECK (email = lower(email) AND email ~ '^[^@\\s]+@[^@\\s]+$'),
        password_hash   text NOT NULL,
        role            text NOT NULL CHECK (role IN ('ADMIN', 'NATIONAL_ANALYST', 'PROVINCIAL_ANALYST',
                          'INSTITUTION_OFFICER', 'OPERATOR')),
        province_codes  text[] NOT NULL DEFAULT '{}',
        institution_ids integer[] NOT NULL DEFAULT '{}',
        disabled        boolean NOT NULL DEFAULT false,
        -- Raised on password change, disabling and logout: tokens carry it and older ones stop working.
        token_version   integer NOT NULL DEFAULT 0,
        created_at      timestamptz NOT NULL DEFAULT now(),
        updated_at      timestamptz NOT NULL DEFAULT now(),
        last_login_at   timestamptz,
        CONSTRAINT users_scope_check CHECK (
          (role <> 'PROVINCIAL_ANALYST' OR cardinality(province_codes) > 0) AND
          (role <> 'INSTITUTION_OFFICER' OR cardinality(institution_ids) > 0))
      );

      CREATE TABLE audit_log (
        id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at          timestamptz NOT NULL DEFAULT now(),
        actor_id    integer,
        actor_email text,
        action      text NOT NULL,
        target      text,
        ip          text,
        details     jsonb
      );
      CREATE INDEX audit_log_at_idx ON audit_log (at DESC, id DESC);
      CREATE INDEX audit_log_action_idx ON audit_log (action, at DESC);

      -- Append-only: no row of the audit log can be changed or removed through SQL.
      CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only';
      END $$;
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
        FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
        FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();

      ALTER TABLE complaints ADD COLUMN submitted_by integer REFERENCES users (id);
      CREATE INDEX complaints_submitted_by_idx ON complaints (submitted_by) WHERE submitted_by IS NOT NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE complaints DROP COLUMN submitted_by;
      DROP TABLE audit_log;
      DROP FUNCTION audit_log_is_append_only();
      DROP TABLE users;
    `);
  }
}
