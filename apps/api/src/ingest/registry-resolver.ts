// Matches the institution and agency names of imported rows to registry entries: by
// unified social credit code, name or alias, ignoring width, case and stray spaces. An
// unknown name becomes a provisional entry flagged for a data steward's review, so the
// complaint is kept. Lookups are cached for the run; the registry is small.
import type { EntityManager } from 'typeorm';
import { isValidCreditCode } from '@cw/domain';

export function registryKey(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

type Table = 'institutions' | 'collection_agencies';

export class RegistryResolver {
  private readonly known: Record<Table, Map<string, number> | null> = {
    institutions: null,
    collection_agencies: null,
  };

  /** The id for `name`, creating a provisional entry when nothing matches. */
  async resolve(
    tx: EntityManager,
    table: Table,
    name: string,
  ): Promise<{ id: number; created: boolean }> {
    const map = await this.load(tx, table);
    const key = registryKey(name);
    const found = map.get(key);
    if (found !== undefined) return { id: found, created: false };
    const display = name.normalize('NFKC').trim().replace(/\s+/g, ' ');
    const code = display.toUpperCase();
    const [row] = await tx.query<{ id: number }[]>(
      `INSERT INTO ${table} (name, credit_code, provisional) VALUES ($1, $2, true)
       ON CONFLICT (name) DO UPDATE SET updated_at = ${table}.updated_at RETURNING id`,
      [display, isValidCreditCode(code) ? code : null],
    );
    map.set(key, row!.id);
    return { id: row!.id, created: true };
  }

  /** Forgets cached ids (after a rolled-back transaction that may have created entries). */
  reset(): void {
    this.known.institutions = null;
    this.known.collection_agencies = null;
  }

  private async load(tx: EntityManager, table: Table): Promise<Map<string, number>> {
    const cached = this.known[table];
    if (cached) return cached;
    const rows = await tx.query<
      { id: number; name: string; credit_code: string | null; aliases: string[] }[]
    >(`SELECT id, name, credit_code, aliases FROM ${table}`);
    const map = new Map<string, number>();
    // Aliases first, so that a name always wins over another entry's alias.
    for (const r of rows) for (const a of r.aliases) map.set(registryKey(a), r.id);
    for (const r of rows) if (r.credit_code) map.set(registryKey(r.credit_code), r.id);
    for (const r of rows) map.set(registryKey(r.name), r.id);
    this.known[table] = map;
    return map;
  }
}
