// Loads the demo data set into an empty store, in one transaction: a crash part-way leaves
// nothing behind, and the next start seeds again from scratch.
import type { DataSource, EntityManager } from 'typeorm';
import { demoDataSet, type DemoComplaint, type DemoOptions } from './demo-generator.js';

const BATCH = 5_000;

export interface SeedResult {
  seeded: boolean;
  complaints: number;
  institutions: number;
  agencies: number;
}

/** True when the store holds no complaints and no registry entries. */
export async function storeIsEmpty(db: DataSource | EntityManager): Promise<boolean> {
  const [row] = await db.query<{ empty: boolean }[]>(
    `SELECT NOT EXISTS (SELECT 1 FROM complaints) AND NOT EXISTS (SELECT 1 FROM institutions) AS empty`,
  );
  return row?.empty ?? false;
}

/**
 * Seeds the demo data when the store is empty; does nothing otherwise (so a restart never
 * seeds twice). `onProgress` gets the number of complaints written so far.
 */
export async function seedDemoData(
  db: DataSource,
  options: DemoOptions,
  onProgress: (written: number) => void = () => undefined,
): Promise<SeedResult> {
  return db.transaction(async (tx) => {
    if (!(await storeIsEmpty(tx)))
      return { seeded: false, complaints: 0, institutions: 0, agencies: 0 };
    const data = demoDataSet(options);
    const institutionIds: number[] = [];
    for (const inst of data.institutions) {
      const [row] = await tx.query<{ id: number }[]>(
        `INSERT INTO institutions (name, type, credit_code, aliases, active_borrowers, synthetic)
         VALUES ($1, $2, $3, $4::text[], $5, true) RETURNING id`,
        [inst.name, inst.type, inst.creditCode, inst.aliases, inst.activeBorrowers],
      );
      institutionIds.push(row!.id);
    }
    const agencyIds: number[] = [];
    for (const agency of data.agencies) {
      const [row] = await tx.query<{ id: number }[]>(
        `INSERT INTO collection_agencies (name, credit_code, synthetic) VALUES ($1, $2, true) RETURNING id`,
        [agency.name, agency.creditCode],
      );
      agencyIds.push(row!.id);
    }
    let batch: DemoComplaint[] = [];
    let written = 0;
    for (const complaint of data.complaints()) {
      batch.push(complaint);
      if (batch.length === BATCH) {
        written += await insertBatch(tx, batch, institutionIds, agencyIds);
        onProgress(written);
        batch = [];
      }
    }
    if (batch.length) {
      written += await insertBatch(tx, batch, institutionIds, agencyIds);
      onProgress(written);
    }
    return {
      seeded: true,
      complaints: written,
      institutions: institutionIds.length,
      agencies: agencyIds.length,
    };
  });
}

const arrayLiteral = (values: readonly string[]) => `{${values.join(',')}}`;

async function insertBatch(
  tx: EntityManager,
  rows: DemoComplaint[],
  institutionIds: number[],
  agencyIds: number[],
): Promise<number> {
  // One statement per batch: arrays of column values, unnested into rows. Array-valued
  // columns travel as array literals, since unnest would flatten an array of arrays.
  const col = <T>(f: (c: DemoComplaint) => T) => rows.map(f);
  await tx.query(
    `INSERT INTO complaints (source, external_id, received_at, incident_at, institution_id, agency_id,
       product, province_code, city_code, channels, categories_declared, categories_detected, categories,
       narrative, amount_owed, overdue_days, status, institution_response, responded_at, evidence)
     SELECT source, external_id, received_at, incident_at, institution_id, agency_id, product,
       province_code, city_code, channels::text[], declared::text[], detected::text[], categories::text[],
       narrative, amount_owed, overdue_days, status, institution_response, responded_at, evidence::text[]
     FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::timestamptz[], $5::int[], $6::int[],
       $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[],
       $14::text[], $15::numeric[], $16::int[], $17::text[], $18::text[], $19::timestamptz[], $20::text[])
       AS t(source, external_id, received_at, incident_at, institution_id, agency_id, product,
            province_code, city_code, channels, declared, detected, categories, narrative, amount_owed,
            overdue_days, status, institution_response, responded_at, evidence)`,
    [
      col((c) => c.source),
      col((c) => c.externalId),
      col((c) => c.receivedAt.toISOString()),
      col((c) => c.incidentAt?.toISOString() ?? null),
      col((c) => institutionIds[c.institution]),
      col((c) => (c.agency === null ? null : agencyIds[c.agency])),
      col((c) => c.product),
      col((c) => c.provinceCode),
      col((c) => c.cityCode),
      col((c) => arrayLiteral(c.channels)),
      col((c) => arrayLiteral(c.categoriesDeclared)),
      col((c) => arrayLiteral(c.categoriesDetected)),
      col((c) => arrayLiteral(c.categories)),
      col((c) => c.narrative),
      col((c) => c.amountOwed),
      col((c) => c.overdueDays),
      col((c) => c.status),
      col((c) => c.institutionResponse),
      col((c) => c.respondedAt?.toISOString() ?? null),
      col((c) => arrayLiteral(c.evidence)),
    ],
  );
  return rows.length;
}
