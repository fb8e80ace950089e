// Small factories for integration tests: registry entries and complaints with defaults,
// inserted with plain SQL (not through the code under test).
import type { DataSource } from 'typeorm';
import type { Category, Channel, InstitutionType, Product, Source, Status } from '@cw/domain';
import { ensurePartitionsFor } from '../../src/complaints/complaint-partitions.js';
import { narrativeSearchTokens } from '../../src/complaints/narrative-search.js';

export async function createInstitution(
  db: DataSource,
  fields: { name: string; type?: InstitutionType; aliases?: string[]; creditCode?: string | null },
): Promise<number> {
  const [row] = await db.query<{ id: number }[]>(
    `INSERT INTO institutions (name, type, aliases, credit_code) VALUES ($1, $2, $3::text[], $4) RETURNING id`,
    [fields.name, fields.type ?? 'OTHER', fields.aliases ?? [], fields.creditCode ?? null],
  );
  return row!.id;
}

export async function createAgency(db: DataSource, name: string): Promise<number> {
  const [row] = await db.query<{ id: number }[]>(
    `INSERT INTO collection_agencies (name) VALUES ($1) RETURNING id`,
    [name],
  );
  return row!.id;
}

export interface TestComplaint {
  source?: Source;
  externalId: string;
  receivedAt: Date;
  institutionId: number;
  agencyId?: number | null;
  product?: Product | null;
  provinceCode: string;
  cityCode?: string | null;
  channels?: Channel[];
  categories?: Category[];
  status?: Status;
  incidentAt?: Date | null;
  respondedAt?: Date | null;
}

export async function insertComplaints(db: DataSource, rows: TestComplaint[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    // Like every writer: the months' partitions first.
    await ensurePartitionsFor(
      db,
      chunk.map((c) => c.receivedAt),
    );
    const values: unknown[] = [];
    const tuples = chunk.map((c) => {
      const base = values.length;
      values.push(
        c.source ?? 'HOTLINE',
        c.externalId,
        c.receivedAt.toISOString(),
        c.institutionId,
        c.agencyId ?? null,
        c.product ?? null,
        c.provinceCode,
        c.cityCode ?? null,
        c.channels ?? [],
        c.categories ?? [],
        c.status ?? 'RECEIVED',
        c.incidentAt?.toISOString() ?? null,
        c.respondedAt?.toISOString() ?? null,
      );
      const p = (k: number) => `$${base + k}`;
      return `(${p(1)}, ${p(2)}, ${p(3)}::timestamptz, ${p(4)}, ${p(5)}, ${p(6)}, ${p(7)}, ${p(8)},
        ${p(9)}::text[], ${p(10)}::text[], ${p(10)}::text[], ${p(11)}, ${p(12)}::timestamptz, ${p(13)}::timestamptz)`;
    });
    await db.query(
      `INSERT INTO complaints (source, external_id, received_at, institution_id, agency_id, product,
         province_code, city_code, channels, categories_declared, categories, status, incident_at, responded_at)
       VALUES ${tuples.join(', ')}`,
      values,
    );
  }
}

/**
 * Gives stored complaints a narrative, with the search tokens the writer would store beside
 * it (the table refuses a narrative without them).
 */
export async function setNarrative(
  db: DataSource,
  externalId: string,
  narrative: string | null,
): Promise<void> {
  await db.query(
    `UPDATE complaints SET narrative = $2, narrative_search = array_to_tsvector($3::text[])
     WHERE external_id = $1`,
    [externalId, narrative, narrative === null ? null : narrativeSearchTokens(narrative)],
  );
}
