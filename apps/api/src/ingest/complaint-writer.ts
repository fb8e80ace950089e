// Writes a batch of prepared complaints in one statement: new (source, external_id) pairs
// are inserted, known ones updated only when something changed. Returns the counts.
import type { EntityManager } from 'typeorm';
import type { Category, Channel, Evidence, Product, Source, Status } from '@cw/domain';

/** A complaint ready for the table: registry ids resolved, narrative redacted. */
export interface PreparedComplaint {
  source: Source;
  externalId: string;
  receivedAt: Date;
  incidentAt: Date | null;
  institutionId: number;
  agencyId: number | null;
  product: Product | null;
  provinceCode: string;
  cityCode: string | null;
  channels: Channel[];
  categoriesDeclared: Category[];
  categoriesDetected: Category[];
  narrative: string | null;
  amountOwed: number | null;
  overdueDays: number | null;
  status: Status;
  institutionResponse: string | null;
  respondedAt: Date | null;
  evidence: Evidence[];
  submittedBy: number | null;
}

export interface WriteCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

const literal = (values: readonly string[]) => `{${[...new Set(values)].sort().join(',')}}`;

/** The columns an import sets; a re-import that changes none of them changes nothing. */
const COLUMNS = [
  'received_at',
  'incident_at',
  'institution_id',
  'agency_id',
  'product',
  'province_code',
  'city_code',
  'channels',
  'categories_declared',
  'categories_detected',
  'categories',
  'narrative',
  'amount_owed',
  'overdue_days',
  'status',
  'institution_response',
  'responded_at',
  'evidence',
] as const;

export async function writeComplaints(
  tx: EntityManager,
  rows: PreparedComplaint[],
): Promise<WriteCounts> {
  if (!rows.length) return { inserted: 0, updated: 0, unchanged: 0 };
  const col = <T>(f: (c: PreparedComplaint) => T) => rows.map(f);
  const result = await tx.query<{ inserted: boolean }[]>(
    `INSERT INTO complaints (source, external_id, ${COLUMNS.join(', ')}, submitted_by)
     SELECT source, external_id, received_at, incident_at, institution_id, agency_id, product, province_code,
            city_code, channels::text[], declared::text[], detected::text[], categories::text[], narrative,
            amount_owed, overdue_days, status, institution_response, responded_at, evidence::text[], submitted_by
     FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::timestamptz[], $5::int[], $6::int[], $7::text[],
                 $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[],
                 $15::numeric[], $16::int[], $17::text[], $18::text[], $19::timestamptz[], $20::text[], $21::int[])
       AS t(source, external_id, received_at, incident_at, institution_id, agency_id, product, province_code,
            city_code, channels, declared, detected, categories, narrative, amount_owed, overdue_days, status,
            institution_response, responded_at, evidence, submitted_by)
     ON CONFLICT (source, external_id) DO UPDATE SET
       ${COLUMNS.map((c) => `${c} = excluded.${c}`).join(', ')}, updated_at = now()
     WHERE (${COLUMNS.map((c) => `complaints.${c}`).join(', ')})
       IS DISTINCT FROM (${COLUMNS.map((c) => `excluded.${c}`).join(', ')})
     RETURNING (xmax = 0) AS inserted`,
    [
      col((c) => c.source),
      col((c) => c.externalId),
      col((c) => c.receivedAt.toISOString()),
      col((c) => c.incidentAt?.toISOString() ?? null),
      col((c) => c.institutionId),
      col((c) => c.agencyId),
      col((c) => c.product),
      col((c) => c.provinceCode),
      col((c) => c.cityCode),
      col((c) => literal(c.channels)),
      col((c) => literal(c.categoriesDeclared)),
      col((c) => literal(c.categoriesDetected)),
      col((c) => literal([...c.categoriesDeclared, ...c.categoriesDetected])),
      col((c) => c.narrative),
      col((c) => c.amountOwed),
      col((c) => c.overdueDays),
      col((c) => c.status),
      col((c) => c.institutionResponse),
      col((c) => c.respondedAt?.toISOString() ?? null),
      col((c) => literal(c.evidence)),
      col((c) => c.submittedBy),
    ],
  );
  const inserted = result.filter((r) => r.inserted).length;
  const updated = result.length - inserted;
  return { inserted, updated, unchanged: rows.length - result.length };
}
