// The complaints table has a partition per Shanghai month (migration
// PartitionComplaintsByMonth). A row can only be stored once its month's partition exists:
// writers create the months they need, and the API keeps the coming months ready.
import type { EntityManager } from 'typeorm';

type Queryable = Pick<EntityManager, 'query'>;

/** How many months after the current one always have their partition. */
export const PARTITION_MONTHS_AHEAD = 3;

/** Creates the partitions of the Shanghai months these times fall in; returns how many. */
export async function ensurePartitionsFor(db: Queryable, times: Date[]): Promise<number> {
  const [row] = await db.query<{ created: number }[]>(
    `SELECT complaint_partitions_ensure(array_agg(DISTINCT (t AT TIME ZONE 'Asia/Shanghai')::date)) AS created
     FROM unnest($1::timestamptz[]) AS t`,
    [times.map((t) => t.toISOString())],
  );
  return row?.created ?? 0;
}

/** Creates the partitions of the current Shanghai month and the `months` after it. */
export async function ensurePartitionsAhead(
  db: Queryable,
  months = PARTITION_MONTHS_AHEAD,
  now = new Date(),
): Promise<number> {
  const [row] = await db.query<{ created: number }[]>(
    `SELECT complaint_partitions_ensure(ARRAY(
       SELECT (date_trunc('month', $1::timestamptz AT TIME ZONE 'Asia/Shanghai') + make_interval(months => i))::date
       FROM generate_series(0, $2::int) AS i)) AS created`,
    [now.toISOString(), months],
  );
  return row?.created ?? 0;
}
