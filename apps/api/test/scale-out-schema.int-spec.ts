// The schema stays ready to be sharded with Citus (docs/scaling.md): checked on the migrated
// catalog of both databases against the plan in src/database/citus-plan.ts. A new table,
// unique key or foreign key that would break the plan fails here.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  citusDistributionSql,
  COORDINATOR_TABLES,
  DISTRIBUTED_TABLES,
  REFERENCE_TABLES,
} from '../src/database/citus-plan.js';
import { openTestDatabase, testTargets, type TestDatabase } from './support/test-database.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

interface UniqueKey {
  table: string;
  name: string;
  columns: string[];
}

interface ForeignKey {
  table: string;
  name: string;
  references: string;
}

describe.each(await testTargets())('the schema on the %s database', (target) => {
  let db: TestDatabase;
  const distributed = new Map(DISTRIBUTED_TABLES.map((d) => [d.table, d.column]));
  const reference = new Set(REFERENCE_TABLES);
  const coordinator = new Set(COORDINATOR_TABLES);

  beforeAll(async () => {
    db = await openTestDatabase(target);
  });
  afterAll(async () => db?.close());

  /** Tables of the schema, without the partitions (they follow their parent). */
  const tables = async () =>
    (
      await db.dataSource.query<{ name: string }[]>(
        `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition ORDER BY 1`,
      )
    ).map((r) => r.name);

  /** Primary keys, unique constraints and unique indexes, with their columns. */
  const uniqueKeys = () =>
    db.dataSource.query<UniqueKey[]>(
      `SELECT t.relname AS table, i.relname AS name,
              array(SELECT a.attname::text FROM unnest(x.indkey) WITH ORDINALITY AS k(attnum, n)
                    JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.n) AS columns
       FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
       WHERE n.nspname = 'public' AND x.indisunique AND NOT t.relispartition`,
    );

  const foreignKeys = () =>
    db.dataSource.query<ForeignKey[]>(
      `SELECT t.relname AS table, k.conname AS name, r.relname AS references
       FROM pg_constraint k JOIN pg_class t ON t.oid = k.conrelid JOIN pg_class r ON r.oid = k.confrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
       WHERE n.nspname = 'public' AND k.contype = 'f' AND NOT t.relispartition AND k.conparentid = 0`,
    );

  it('gives every table exactly one place in the plan', async () => {
    const placed = [...distributed.keys(), ...reference, ...coordinator];
    expect(new Set(placed).size).toBe(placed.length);
    expect([...placed].sort()).toEqual(await tables());
  });

  it('keeps the distribution column in every unique key of a distributed table', async () => {
    const keys = (await uniqueKeys()).filter((k) => distributed.has(k.table));
    expect(keys.length).toBeGreaterThanOrEqual(DISTRIBUTED_TABLES.length);
    for (const key of keys) {
      expect(key.columns, `${key.table}.${key.name}`).toContain(distributed.get(key.table));
    }
  });

  it('never lets a distribution column be null', async () => {
    for (const d of DISTRIBUTED_TABLES) {
      const [col] = await db.dataSource.query<{ notnull: boolean }[]>(
        `SELECT attnotnull AS notnull FROM pg_attribute WHERE attrelid = $1::regclass AND attname = $2`,
        [d.table, d.column],
      );
      expect(col, `${d.table}.${d.column}`).toEqual({ notnull: true });
    }
  });

  it('co-locates only tables sharded by a column of the same type', async () => {
    const typeOf = async (table: string, column: string) =>
      (
        await db.dataSource.query<{ type: string }[]>(
          `SELECT format_type(atttypid, atttypmod) AS type FROM pg_attribute
           WHERE attrelid = $1::regclass AND attname = $2`,
          [table, column],
        )
      )[0]?.type;
    for (const d of DISTRIBUTED_TABLES.filter((t) => t.colocateWith)) {
      expect(await typeOf(d.table, d.column)).toBe(
        await typeOf(d.colocateWith!, distributed.get(d.colocateWith!)!),
      );
    }
  });

  it('points foreign keys only where Citus can keep them', async () => {
    for (const fk of await foreignKeys()) {
      const where = `${fk.table}.${fk.name} -> ${fk.references}`;
      // Distributed and reference tables may refer to reference tables only; local tables
      // on the coordinator to reference or local tables, never into the shards.
      if (distributed.has(fk.table) || reference.has(fk.table)) {
        expect(reference.has(fk.references), where).toBe(true);
      } else {
        expect(distributed.has(fk.references), where).toBe(false);
      }
    }
  });

  it('partitions complaints by month of receipt, with the partition column in every unique key', async () => {
    const [key] = await db.dataSource.query<{ key: string }[]>(
      `SELECT pg_get_partkeydef('complaints'::regclass) AS key`,
    );
    expect(key!.key).toBe('RANGE (received_at)');
    for (const k of (await uniqueKeys()).filter((u) => u.table === 'complaints')) {
      expect(k.columns, k.name).toContain('received_at');
    }
  });

  it('spells out the same statements in docs/scaling.md', () => {
    const doc = readFileSync(path.join(ROOT, 'docs/scaling.md'), 'utf8');
    expect(doc).toContain(citusDistributionSql());
  });
});
