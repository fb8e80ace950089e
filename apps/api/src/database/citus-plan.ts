// How a deployment that outgrows one PostgreSQL server spreads this schema over a Citus
// cluster (docs/scaling.md). Nothing here runs in the API: it is the plan the schema is
// kept ready for, and test/scale-out-schema.int-spec.ts checks the schema against it (every
// table has a place, every unique key of a distributed table holds its distribution
// column, foreign keys only point where Citus allows).

/** Sharded by hash of `column`; tables with the same `colocateWith` keep equal keys together. */
export interface DistributedTable {
  table: string;
  column: string;
  colocateWith?: string;
}

/**
 * Complaints and the rollups that count them are sharded by institution and co-located:
 * an institution's complaints and counts sit on one node, so its page and a rollup update
 * from its complaints stay on that node. `complaint_keys` is looked up by the complaint's
 * own key, so it is sharded by that.
 */
export const DISTRIBUTED_TABLES: readonly DistributedTable[] = [
  { table: 'complaints', column: 'institution_id' },
  { table: 'rollup_daily', column: 'institution_id', colocateWith: 'complaints' },
  { table: 'rollup_monthly', column: 'institution_id', colocateWith: 'complaints' },
  { table: 'complaint_keys', column: 'external_id' },
];

/** Small tables every node holds a copy of: the registry, users, the national rollups. */
export const REFERENCE_TABLES: readonly string[] = [
  'regions',
  'institutions',
  'collection_agencies',
  'users',
  'rollup_daily_national',
  'rollup_monthly_national',
];

/** Tables only the API's own bookkeeping reads; they stay on the coordinator. */
export const COORDINATOR_TABLES: readonly string[] = [
  'migrations',
  'audit_log',
  'import_runs',
  'import_errors',
  'export_jobs',
  'feed_checkpoints',
  'rollup_version',
];

/** The statements that turn a migrated database on a Citus coordinator into the plan. */
export function citusDistributionSql(): string {
  const lines = [
    ...REFERENCE_TABLES.map((t) => `SELECT create_reference_table('${t}');`),
    ...DISTRIBUTED_TABLES.map(
      (d) =>
        `SELECT create_distributed_table('${d.table}', '${d.column}'${
          d.colocateWith ? `, colocate_with => '${d.colocateWith}'` : ''
        });`,
    ),
    // Some coordinator tables refer to a reference table (users): Citus allows that for
    // local tables it has in its metadata.
    ...COORDINATOR_TABLES.map((t) => `SELECT citus_add_local_table_to_metadata('${t}');`),
  ];
  return lines.join('\n');
}
