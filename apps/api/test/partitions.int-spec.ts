// Complaints partitioned by Shanghai month, on both databases: partitions made ahead and on
// demand, rows in the right month at the month's edge, a complaint whose date or institution
// changes moved rather than duplicated, (source, external_id) unique across partitions even
// under concurrent writers, dated queries reading only their months, and the migration run
// down and up again on a filled database losing nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintCondition } from '../src/analytics/filter-sql.js';
import {
  ensurePartitionsAhead,
  ensurePartitionsFor,
  PARTITION_MONTHS_AHEAD,
} from '../src/complaints/complaint-partitions.js';
import { migrate } from '../src/database/migrate.js';
import { writeComplaints, type PreparedComplaint } from '../src/ingest/complaint-writer.js';
import { createInstitution } from './support/factories.js';
import { openTestDatabase, testTargets, type TestDatabase } from './support/test-database.js';

/** The Shanghai month of an instant, as the partition's name spells it. */
function partitionOf(t: Date): string {
  const shanghai = new Date(t.getTime() + 8 * 3_600_000);
  const month = String(shanghai.getUTCMonth() + 1).padStart(2, '0');
  return `complaints_y${shanghai.getUTCFullYear()}m${month}`;
}

describe.each(await testTargets())('monthly partitions on the %s database', (target) => {
  let db: TestDatabase;
  let bank: number;
  let lender: number;

  const complaint = (
    externalId: string,
    receivedAt: string,
    fields: Partial<PreparedComplaint> = {},
  ): PreparedComplaint => ({
    source: 'HOTLINE',
    externalId,
    receivedAt: new Date(receivedAt),
    incidentAt: null,
    institutionId: bank,
    agencyId: null,
    product: null,
    provinceCode: '330000',
    cityCode: null,
    channels: ['PHONE_CALL'],
    categoriesDeclared: ['THREAT'],
    categoriesDetected: [],
    narrative: '催收员威胁我',
    amountOwed: null,
    overdueDays: null,
    status: 'RECEIVED',
    institutionResponse: null,
    respondedAt: null,
    evidence: [],
    submittedBy: null,
    ...fields,
  });

  const write = (rows: PreparedComplaint[]) =>
    db.dataSource.transaction((tx) => writeComplaints(tx, rows));

  const partitions = async (): Promise<string[]> =>
    (
      await db.dataSource.query<{ name: string }[]>(
        `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
         WHERE i.inhparent = 'complaints'::regclass ORDER BY 1`,
      )
    ).map((r) => r.name);

  const stored = (externalId: string) =>
    db.dataSource.query<
      {
        id: string;
        part: string;
        institution_id: number;
        received_day: string;
        narrative: string;
      }[]
    >(
      `SELECT id::text, tableoid::regclass::text AS part, institution_id, received_day, narrative
       FROM complaints WHERE external_id = $1`,
      [externalId],
    );

  /** The rollups kept by the triggers, and what a rebuild from the rows gives. */
  const rollupsMatchRebuild = async () => {
    const snapshot = () =>
      db.dataSource.query(
        `SELECT (SELECT coalesce(string_agg(r::text, ';' ORDER BY r::text), '') FROM rollup_daily r) AS daily,
                (SELECT coalesce(string_agg(r::text, ';' ORDER BY r::text), '') FROM rollup_monthly r) AS monthly`,
      );
    const kept = await snapshot();
    await db.dataSource.query(`SELECT rollup_rebuild()`);
    expect(kept).toEqual(await snapshot());
  };

  beforeAll(async () => {
    db = await openTestDatabase(target);
    bank = await createInstitution(db.dataSource, { name: '分区测试银行' });
    lender = await createInstitution(db.dataSource, { name: '分区测试小贷' });
  });
  afterAll(async () => db?.close());

  it('has this month and the coming months ready after migrating', async () => {
    const names = await partitions();
    for (let i = 0; i <= PARTITION_MONTHS_AHEAD; i++) {
      const shanghai = new Date(Date.now() + 8 * 3_600_000);
      const month = new Date(Date.UTC(shanghai.getUTCFullYear(), shanghai.getUTCMonth() + i, 15));
      expect(names).toContain(partitionOf(month));
    }
    // Run again, nothing to do.
    expect(await ensurePartitionsAhead(db.dataSource)).toBe(0);
  });

  it('bounds each partition at Shanghai midnight of the first of the month', async () => {
    await ensurePartitionsAhead(db.dataSource, 0, new Date('2019-05-20T00:00:00Z'));
    const [bound] = await db.dataSource.query<{ bound: string }[]>(
      `SELECT pg_get_expr(c.relpartbound, c.oid) AS bound FROM pg_class c WHERE c.relname = 'complaints_y2019m05'`,
    );
    const [expected] = await db.dataSource.query<{ bound: string }[]>(
      `SELECT format('FOR VALUES FROM (%L) TO (%L)', '2019-05-01 00:00+08'::timestamptz,
                     '2019-06-01 00:00+08'::timestamptz) AS bound`,
    );
    expect(bound!.bound).toBe(expected!.bound);
  });

  it('creates the partition of a month on first use, and files rows by their Shanghai month', async () => {
    expect(await partitions()).not.toContain('complaints_y2012m03');
    const counts = await write([
      complaint('OLD-1', '2012-03-15T10:00:00+08:00'),
      // 31 January 16:30 UTC is 1 February 00:30 in Shanghai: February's row.
      complaint('EDGE-1', '2024-01-31T16:30:00Z'),
      complaint('EDGE-2', '2024-01-31T15:59:59Z'),
    ]);
    expect(counts).toEqual({ inserted: 3, updated: 0, unchanged: 0 });
    expect((await stored('OLD-1'))[0]!.part).toBe('complaints_y2012m03');
    expect(await stored('EDGE-1')).toMatchObject([
      { part: 'complaints_y2024m02', received_day: '2024-02-01' },
    ]);
    expect(await stored('EDGE-2')).toMatchObject([
      { part: 'complaints_y2024m01', received_day: '2024-01-31' },
    ]);
  });

  it('moves a complaint whose month or institution changed, keeping its id', async () => {
    await write([complaint('MOVE-1', '2025-01-10T09:00:00+08:00')]);
    const [before] = await stored('MOVE-1');
    expect(before!.part).toBe('complaints_y2025m01');

    const moved = await write([
      complaint('MOVE-1', '2025-03-02T09:00:00+08:00', { narrative: '改过的日期' }),
    ]);
    expect(moved).toEqual({ inserted: 0, updated: 1, unchanged: 0 });
    expect(await stored('MOVE-1')).toEqual([
      {
        id: before!.id,
        part: 'complaints_y2025m03',
        institution_id: bank,
        received_day: '2025-03-02',
        narrative: '改过的日期',
      },
    ]);

    const other = await write([
      complaint('MOVE-1', '2025-03-02T09:00:00+08:00', {
        narrative: '改过的日期',
        institutionId: lender,
      }),
    ]);
    expect(other).toEqual({ inserted: 0, updated: 1, unchanged: 0 });
    expect(await stored('MOVE-1')).toMatchObject([{ id: before!.id, institution_id: lender }]);
    // The same again changes nothing.
    expect(
      await write([
        complaint('MOVE-1', '2025-03-02T09:00:00+08:00', {
          narrative: '改过的日期',
          institutionId: lender,
        }),
      ]),
    ).toEqual({ inserted: 0, updated: 0, unchanged: 1 });

    const [keys] = await db.dataSource.query<{ n: number; stale: number }[]>(
      `SELECT count(*)::int AS n,
              count(*) FILTER (WHERE NOT EXISTS (
                SELECT 1 FROM complaints c WHERE c.source = k.source AND c.external_id = k.external_id
                  AND c.institution_id = k.institution_id AND c.received_at = k.received_at))::int AS stale
       FROM complaint_keys k`,
    );
    const [rows] = await db.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM complaints`,
    );
    expect(keys).toEqual({ n: rows!.n, stale: 0 });
    await rollupsMatchRebuild();
  });

  it('writes a key that comes twice in one batch in file order, the later row winning', async () => {
    const counts = await write([
      complaint('TWICE-1', '2025-05-01T12:00:00+08:00', { narrative: '第一次' }),
      complaint('TWICE-2', '2025-05-01T12:00:00+08:00'),
      complaint('TWICE-1', '2025-06-01T12:00:00+08:00', { narrative: '第二次' }),
    ]);
    expect(counts).toEqual({ inserted: 2, updated: 1, unchanged: 0 });
    expect(await stored('TWICE-1')).toMatchObject([
      { part: 'complaints_y2025m06', narrative: '第二次' },
    ]);
  });

  it.runIf(target === 'server')(
    'refuses a second complaint with the same key from a concurrent writer in another month',
    async () => {
      // Both months exist beforehand: creating one would serialise the two writers earlier.
      await ensurePartitionsFor(db.dataSource, [
        new Date('2025-07-15T00:00:00Z'),
        new Date('2025-08-15T00:00:00Z'),
      ]);
      const first = db.dataSource.createQueryRunner();
      const second = db.dataSource.createQueryRunner();
      await first.startTransaction();
      await second.startTransaction();
      try {
        await writeComplaints(first.manager, [complaint('RACE-1', '2025-07-01T10:00:00+08:00')]);
        // Reads no stored place (the first has not committed), so it inserts in August and
        // waits on complaint_keys until the first commits: then the key is taken.
        // The expectation is attached at once: the refusal may arrive in the same turn as the
        // first writer's commit, before a later `expect` would be listening.
        const late = expect(
          writeComplaints(second.manager, [complaint('RACE-1', '2025-08-01T10:00:00+08:00')]),
        ).rejects.toThrow(/complaint_keys_pkey/);
        await new Promise((r) => setTimeout(r, 300));
        await first.commitTransaction();
        await late;
        await second.rollbackTransaction();
      } finally {
        await first.release();
        await second.release();
      }
      // Written again (as the import does row by row after a refused batch): a move.
      expect(await write([complaint('RACE-1', '2025-08-01T10:00:00+08:00')])).toEqual({
        inserted: 0,
        updated: 1,
        unchanged: 0,
      });
      expect(await stored('RACE-1')).toMatchObject([{ part: 'complaints_y2025m08' }]);
    },
  );

  it('reads only the partitions of the asked period', async () => {
    const cond = complaintCondition({ kind: 'ALL' }, { from: '2025-03-01', to: '2025-03-31' });
    const [plan] = await db.dataSource.query<{ 'QUERY PLAN': unknown }[]>(
      `EXPLAIN (FORMAT JSON) SELECT count(*) FROM complaints c WHERE ${cond.sql}`,
      cond.params,
    );
    const relations = new Set<string>();
    const walk = (node: unknown): void => {
      if (!node || typeof node !== 'object') return;
      const n = node as Record<string, unknown>;
      if (typeof n['Relation Name'] === 'string') relations.add(n['Relation Name']);
      for (const value of Object.values(n)) {
        if (Array.isArray(value)) value.forEach(walk);
        else if (value && typeof value === 'object') walk(value);
      }
    };
    walk(plan!['QUERY PLAN']);
    expect([...relations]).toEqual(['complaints_y2025m03']);

    const [count] = await db.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM complaints c WHERE ${cond.sql}`,
      cond.params,
    );
    const [expected] = await db.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM complaints WHERE received_day BETWEEN '2025-03-01' AND '2025-03-31'`,
    );
    expect(count!.n).toBe(expected!.n);
    expect(count!.n).toBeGreaterThan(0);
  });

  it('migrates a filled database down to one table and back to partitions, losing nothing', async () => {
    const snapshot = () =>
      db.dataSource.query(
        `SELECT (SELECT string_agg(concat_ws('|', id, source, external_id, received_at, institution_id, narrative), ';'
                                   ORDER BY id) FROM complaints) AS rows,
                (SELECT string_agg(r::text, ';' ORDER BY r::text) FROM rollup_monthly r) AS monthly`,
      );
    const kind = async () =>
      (
        await db.dataSource.query<{ relkind: string }[]>(
          `SELECT relkind FROM pg_class WHERE oid = 'complaints'::regclass`,
        )
      )[0]!.relkind;
    const before = await snapshot();
    expect(await kind()).toBe('p');

    // The stored search tokens came after the partitions: undo both.
    await db.dataSource.undoLastMigration({ transaction: 'each' });
    await db.dataSource.undoLastMigration({ transaction: 'each' });
    expect(await kind()).toBe('r');
    expect(await snapshot()).toEqual(before);

    await migrate(db.dataSource);
    expect(await kind()).toBe('p');
    expect(await snapshot()).toEqual(before);
    await rollupsMatchRebuild();
    // New complaints continue the ids.
    const [max] = await db.dataSource.query<{ id: string }[]>(
      `SELECT max(id)::text AS id FROM complaints`,
    );
    await write([complaint('AFTER-1', '2025-09-09T09:00:00+08:00')]);
    expect(BigInt((await stored('AFTER-1'))[0]!.id)).toBeGreaterThan(BigInt(max!.id));
  });
});
