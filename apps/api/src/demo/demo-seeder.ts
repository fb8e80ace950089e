// Loads the demo data set into an empty store, in one transaction: a crash part-way leaves
// nothing behind, and the next start seeds again from scratch.
import type { DataSource, EntityManager } from 'typeorm';
import { writeComplaints } from '../ingest/complaint-writer.js';
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

/** The demo rows, written by the same statement as imports (ingest/complaint-writer.ts). */
async function insertBatch(
  tx: EntityManager,
  rows: DemoComplaint[],
  institutionIds: number[],
  agencyIds: number[],
): Promise<number> {
  const written = await writeComplaints(
    tx,
    rows.map((c) => ({
      source: c.source,
      externalId: c.externalId,
      receivedAt: c.receivedAt,
      incidentAt: c.incidentAt,
      institutionId: institutionIds[c.institution]!,
      agencyId: c.agency === null ? null : agencyIds[c.agency]!,
      product: c.product,
      provinceCode: c.provinceCode,
      cityCode: c.cityCode,
      channels: c.channels,
      categoriesDeclared: c.categoriesDeclared,
      categoriesDetected: c.categoriesDetected,
      narrative: c.narrative,
      amountOwed: c.amountOwed,
      overdueDays: c.overdueDays,
      status: c.status,
      institutionResponse: c.institutionResponse,
      respondedAt: c.respondedAt,
      evidence: c.evidence,
      submittedBy: null,
    })),
  );
  return written.inserted;
}
