import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The complaint list reads newest first, keyset on (received_at, id): give it that index. */
export class AddComplaintListIndex1764800000000 implements MigrationInterface {
  name = 'AddComplaintListIndex1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX complaints_received_at_id_idx ON complaints (received_at DESC, id DESC)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX complaints_received_at_id_idx`);
  }
}
