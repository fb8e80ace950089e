// Keeps the answers of count queries while the data they read has not changed: each entry
// remembers the data version it was computed at (rollup_version, raised by every change to
// complaints or institutions), and is used only while the version is the same. Answers
// stay exact; repeated dashboard questions cost one small read instead of an aggregation.
import type { DataSource } from 'typeorm';

export const COUNT_CACHE_ENTRIES = 5000;

export class CountCache {
  private readonly entries = new Map<string, { version: string; rows: unknown[] }>();

  constructor(
    private readonly db: DataSource,
    private readonly maxEntries = COUNT_CACHE_ENTRIES,
  ) {}

  async query<T>(sql: string, params: unknown[]): Promise<T[]> {
    const [row] = await this.db.query<{ version: string }[]>(
      `SELECT version::text AS version FROM rollup_version WHERE id = 1`,
    );
    const version = row?.version ?? '';
    const key = `${sql}\u0000${JSON.stringify(params)}`;
    const hit = this.entries.get(key);
    if (hit && hit.version === version) {
      // Most recently used last: Map keeps insertion order.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.rows as T[];
    }
    const rows = await this.db.query<T[]>(sql, params);
    this.entries.delete(key);
    this.entries.set(key, { version, rows });
    if (this.entries.size > this.maxEntries)
      this.entries.delete(this.entries.keys().next().value as string);
    return rows;
  }
}
