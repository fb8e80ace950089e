import type { DataSource } from 'typeorm';
import { ensurePartitionsAhead } from '../complaints/complaint-partitions.js';

/**
 * Applies pending migrations (each in its own transaction); returns their names. Then makes
 * sure this month's and the coming months' complaint partitions exist, so that a database
 * is ready for today's complaints as soon as it is migrated (the API repeats this while it
 * runs: ComplaintPartitionsService).
 */
export async function migrate(dataSource: DataSource): Promise<string[]> {
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  await ensurePartitionsAhead(dataSource);
  return applied.map((m) => m.name);
}

/** True when every known migration has been applied. */
export async function migrationsAreCurrent(dataSource: DataSource): Promise<boolean> {
  return !(await dataSource.showMigrations());
}
