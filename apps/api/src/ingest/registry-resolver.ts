// Matches the institution and agency names of imported rows to registry entries: by
// unified social credit code, name or alias, ignoring width, case and stray spaces. An
// unknown name becomes a provisional entry flagged for a data steward's review, so the
// complaint is kept. Lookups are cached for the run; the registry is small.
//
// Names are resolved before a batch's transaction opens, and a new entry is committed on its
// own at once: two batches written at the same time then never wait on each other's
// uncommitted entries (which could deadlock). An entry made for a batch that then fails is
// kept; importing the file again uses it.
import type { EntityManager } from 'typeorm';
import { isValidCreditCode } from '@cw/domain';

export function registryKey(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

type Table = 'institutions' | 'collection_agencies';
type Queryable = Pick<EntityManager, 'query'>;

export class RegistryResolver {
  private readonly known: Record<Table, Map<string, number> | null> = {
    institutions: null,
    collection_agencies: null,
  };
  /** Entries being created, by table and key: a second batch waits for the first's. */
  private readonly creating = new Map<string, Promise<number>>();

  constructor(private readonly db: Queryable) {}

  /**
   * Gives every name an id, creating provisional entries (in sorted order) where none
   * matches; returns the lookup from name to id for those names.
   */
  async resolveAll(table: Table, names: Iterable<string>): Promise<(name: string) => number> {
    const map = await this.load(table);
    const unknown = new Map<string, string>();
    for (const name of names) {
      const key = registryKey(name);
      if (!map.has(key) && !unknown.has(key)) unknown.set(key, name);
    }
    for (const key of [...unknown.keys()].sort()) {
      if (map.has(key)) continue;
      const tag = `${table}\u0000${key}`;
      let created = this.creating.get(tag);
      if (!created) {
        created = this.create(table, unknown.get(key)!).finally(() => this.creating.delete(tag));
        this.creating.set(tag, created);
      }
      map.set(key, await created);
    }
    return (name) => {
      const id = map.get(registryKey(name));
      if (id === undefined) throw new Error(`${table}: a name was not resolved before use`);
      return id;
    };
  }

  /** Forgets cached ids, so that the next batch reads the registry again (after a failure). */
  reset(): void {
    this.known.institutions = null;
    this.known.collection_agencies = null;
  }

  private async create(table: Table, name: string): Promise<number> {
    const display = name.normalize('NFKC').trim().replace(/\s+/g, ' ');
    const code = display.toUpperCase();
    const [row] = await this.db.query<{ id: number }[]>(
      `INSERT INTO ${table} (name, credit_code, provisional) VALUES ($1, $2, true)
       ON CONFLICT (name) DO UPDATE SET updated_at = ${table}.updated_at RETURNING id`,
      [display, isValidCreditCode(code) ? code : null],
    );
    return row!.id;
  }

  private async load(table: Table): Promise<Map<string, number>> {
    const cached = this.known[table];
    if (cached) return cached;
    const rows = await this.db.query<
      { id: number; name: string; credit_code: string | null; aliases: string[] }[]
    >(`SELECT id, name, credit_code, aliases FROM ${table}`);
    const map = new Map<string, number>();
    // Aliases first, so that a name always wins over another entry's alias.
    for (const r of rows) for (const a of r.aliases) map.set(registryKey(a), r.id);
    for (const r of rows) if (r.credit_code) map.set(registryKey(r.credit_code), r.id);
    for (const r of rows) map.set(registryKey(r.name), r.id);
    // Two batches may load at once; the first map stays, so ids created meanwhile are kept.
    return (this.known[table] ??= map);
  }
}
