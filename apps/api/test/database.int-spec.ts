// The schema's own guarantees and the embedded driver's transaction isolation, on both
// databases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckChar } from '@cw/domain';
import { ComplaintEntity } from '../src/complaints/complaint.entity.js';
import { migrationsAreCurrent } from '../src/database/migrate.js';
import { createInstitution, insertComplaints } from './support/factories.js';
import { openTestDatabase, testTargets, type TestDatabase } from './support/test-database.js';

const validCode = (body17: string) => body17 + creditCodeCheckChar(body17);

describe.each(await testTargets())('schema on the %s database', (target) => {
  let db: TestDatabase;
  let institution: number;

  beforeAll(async () => {
    db = await openTestDatabase(target);
    institution = await createInstitution(db.dataSource, { name: '约束测试银行' });
  });
  afterAll(async () => db?.close());

  it('is fully migrated and has every region of the domain table', async () => {
    expect(await migrationsAreCurrent(db.dataSource)).toBe(true);
    const [row] = await db.dataSource.query(
      `SELECT count(*) FILTER (WHERE level = 'PROVINCE')::int AS provinces, count(*) FILTER (WHERE level = 'CITY')::int AS cities FROM regions`,
    );
    expect(row).toEqual({ provinces: 34 + 57, cities: 337 });
  });

  it('keeps (source, external_id) unique across months and institutions', async () => {
    const row = {
      externalId: 'DUP-1',
      receivedAt: new Date('2025-01-01T00:00:00Z'),
      institutionId: institution,
      provinceCode: '330000',
    };
    await insertComplaints(db.dataSource, [row]);
    await expect(insertComplaints(db.dataSource, [row])).rejects.toThrow(
      /duplicate key value violates unique constraint/,
    );
    // Another month or another institution is another partition and another unique key of
    // the complaints table: complaint_keys still refuses the second complaint.
    await expect(
      insertComplaints(db.dataSource, [{ ...row, receivedAt: new Date('2025-03-01T00:00:00Z') }]),
    ).rejects.toThrow(/complaint_keys_pkey/);
    const other = await createInstitution(db.dataSource, { name: '另一家约束测试银行' });
    await expect(
      insertComplaints(db.dataSource, [{ ...row, institutionId: other }]),
    ).rejects.toThrow(/complaint_keys_pkey/);
    // The same id from another source is another complaint.
    await insertComplaints(db.dataSource, [{ ...row, source: 'POLICE' }]);
    const [n] = await db.dataSource.query(
      `SELECT count(*)::int AS n FROM complaints WHERE external_id = 'DUP-1'`,
    );
    expect(n.n).toBe(2);
  });

  it('checks unified social credit codes by their check character', async () => {
    const good = validCode('91330100MA2AXY71A');
    await createInstitution(db.dataSource, { name: '代码正确', creditCode: good });
    const wrongCheck = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    await expect(
      createInstitution(db.dataSource, { name: '代码错误', creditCode: wrongCheck }),
    ).rejects.toThrow(/check/);
    await expect(
      createInstitution(db.dataSource, { name: '代码太短', creditCode: '91330100' }),
    ).rejects.toThrow(/check/);
  });

  it('rejects unknown codes and regions', async () => {
    const base = {
      externalId: 'BAD',
      receivedAt: new Date('2025-01-01T00:00:00Z'),
      institutionId: institution,
      provinceCode: '330000',
    };
    await expect(
      insertComplaints(db.dataSource, [{ ...base, provinceCode: '999999' }]),
    ).rejects.toThrow(/foreign key/);
    await expect(
      insertComplaints(db.dataSource, [{ ...base, categories: ['NOT_A_CATEGORY' as never] }]),
    ).rejects.toThrow(/check/);
    await expect(
      insertComplaints(db.dataSource, [{ ...base, source: 'NOWHERE' as never }]),
    ).rejects.toThrow(/check/);
  });

  it('derives the Shanghai day and hour in the database', async () => {
    await insertComplaints(db.dataSource, [
      {
        externalId: 'TZ-1',
        receivedAt: new Date('2025-03-31T16:00:00Z'),
        institutionId: institution,
        provinceCode: '330000',
      },
    ]);
    const [row] = await db.dataSource.query(
      `SELECT received_day FROM complaints WHERE external_id = 'TZ-1'`,
    );
    expect(row.received_day).toBe('2025-04-01');
  });

  it('maps every entity column to a table column of the same type', async () => {
    const columns = await db.dataSource.query<
      { table_name: string; column_name: string; udt_name: string; is_nullable: string }[]
    >(
      `SELECT table_name, column_name, udt_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public'`,
    );
    const actual = new Map(columns.map((c) => [`${c.table_name}.${c.column_name}`, c]));
    const udt: Record<string, string> = {
      text: 'text',
      integer: 'int4',
      int: 'int4',
      int4: 'int4',
      int8: 'int8',
      bigint: 'int8',
      boolean: 'bool',
      timestamptz: 'timestamptz',
      date: 'date',
      smallint: 'int2',
      numeric: 'numeric',
      tsvector: 'tsvector',
    };
    for (const entity of db.dataSource.entityMetadatas) {
      for (const col of entity.columns) {
        const found = actual.get(`${entity.tableName}.${col.databaseName}`);
        expect(found, `${entity.tableName}.${col.databaseName}`).toBeDefined();
        const normalized = db.dataSource.driver.normalizeType(col);
        const type = normalized === 'timestamp with time zone' ? 'timestamptz' : normalized;
        const expected = col.isArray ? `_${udt[type]}` : udt[type];
        expect(found!.udt_name, `${entity.tableName}.${col.databaseName}`).toBe(expected);
        if (!col.isGenerated && col.propertyName !== 'receivedDay') {
          expect(
            found!.is_nullable === 'YES',
            `${entity.tableName}.${col.databaseName} nullable`,
          ).toBe(col.isNullable);
        }
      }
    }
    expect(db.dataSource.getMetadata(ComplaintEntity).columns.length).toBe(
      columns.filter((c) => c.table_name === 'complaints').length,
    );
  });

  it('isolates concurrent transactions: a failed one leaves nothing behind', async () => {
    const ds = db.dataSource;
    const insert = (tx: { query: typeof ds.query }, id: string) =>
      tx.query(
        `INSERT INTO complaints (source, external_id, received_at, institution_id, province_code) VALUES ('HOTLINE', $1, now(), $2, '330000')`,
        [id, institution],
      );
    const pause = () => new Promise((r) => setTimeout(r, 20));
    const results = await Promise.allSettled([
      ds.transaction(async (tx) => {
        await insert(tx, 'TX-A1');
        await pause();
        await insert(tx, 'TX-A2');
      }),
      ds.transaction(async (tx) => {
        await insert(tx, 'TX-B1');
        await pause();
        throw new Error('boom');
      }),
      ds.transaction(async (tx) => {
        await insert(tx, 'TX-C1');
        await pause();
        await insert(tx, 'TX-C1'); // duplicate: fails in the database
      }),
      ds.query(`SELECT count(*) FROM complaints`),
    ]);
    expect(results.map((r) => r.status)).toEqual([
      'fulfilled',
      'rejected',
      'rejected',
      'fulfilled',
    ]);
    const rows = await ds.query<{ external_id: string }[]>(
      `SELECT external_id FROM complaints WHERE external_id LIKE 'TX-%' ORDER BY 1`,
    );
    expect(rows.map((r) => r.external_id)).toEqual(['TX-A1', 'TX-A2']);
  });
});
