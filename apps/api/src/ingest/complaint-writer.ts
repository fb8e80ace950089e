// Writes a batch of prepared complaints: new (source, external_id) pairs are inserted, known
// ones updated only when something changed (moved to another partition when their month or
// institution changed). Returns the counts. Every complaint is written here.
import type { EntityManager } from 'typeorm';
import type { Category, Channel, Evidence, Product, Source, Status } from '@cw/domain';
import { ensurePartitionsFor } from '../complaints/complaint-partitions.js';
import { narrativeSearchTokens } from '../complaints/narrative-search.js';

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
  'narrative_search',
  'amount_owed',
  'overdue_days',
  'status',
  'institution_response',
  'responded_at',
  'evidence',
] as const;

/** The (source, external_id) that identifies a complaint, as one string. */
const keyOf = (c: { source: string; externalId: string }) => `${c.source}\u0000${c.externalId}`;

/**
 * Writes the rows in order: a row whose key comes again later in the batch is written before
 * that later row, as if the batch were written a row at a time (one statement cannot touch a
 * row twice).
 */
export async function writeComplaints(
  tx: EntityManager,
  rows: PreparedComplaint[],
): Promise<WriteCounts> {
  const total: WriteCounts = { inserted: 0, updated: 0, unchanged: 0 };
  for (const round of rounds(rows)) {
    const counts = await writeRound(tx, round);
    total.inserted += counts.inserted;
    total.updated += counts.updated;
    total.unchanged += counts.unchanged;
  }
  return total;
}

/** Splits rows into rounds in which every key occurs once: the n-th occurrence in round n. */
function rounds(rows: PreparedComplaint[]): PreparedComplaint[][] {
  const seen = new Map<string, number>();
  const result: PreparedComplaint[][] = [];
  for (const row of rows) {
    const n = seen.get(keyOf(row)) ?? 0;
    seen.set(keyOf(row), n + 1);
    (result[n] ??= []).push(row);
  }
  return result;
}

interface StoredPlace {
  institutionId: number;
  receivedAt: number;
}

async function writeRound(tx: EntityManager, rows: PreparedComplaint[]): Promise<WriteCounts> {
  if (!rows.length) return { inserted: 0, updated: 0, unchanged: 0 };
  await ensurePartitionsFor(
    tx,
    rows.map((r) => r.receivedAt),
  );

  // Where the known complaints live now. A complaint is stored in the partition of its
  // month and under its institution (both are in its unique key), so one whose date or
  // institution changed is moved, not inserted a second time. Reading without a lock is
  // safe: if another writer stores the same new key meanwhile, complaint_keys' primary key
  // refuses the second and the batch is retried row by row, which then finds it here.
  const stored = new Map<string, StoredPlace>();
  const found = await tx.query<
    { source: string; external_id: string; institution_id: number; received_at: Date }[]
  >(
    `SELECT k.source, k.external_id, k.institution_id, k.received_at
     FROM complaint_keys k JOIN unnest($1::text[], $2::text[]) AS t(source, external_id)
       ON k.source = t.source AND k.external_id = t.external_id`,
    [rows.map((r) => r.source), rows.map((r) => r.externalId)],
  );
  for (const f of found) {
    stored.set(keyOf({ source: f.source, externalId: f.external_id }), {
      institutionId: f.institution_id,
      receivedAt: new Date(f.received_at).getTime(),
    });
  }
  const moves = rows.filter((r) => {
    const place = stored.get(keyOf(r));
    return (
      place !== undefined &&
      (place.institutionId !== r.institutionId || place.receivedAt !== r.receivedAt.getTime())
    );
  });
  if (moves.length) await moveComplaints(tx, moves);

  const moved = new Set(moves.map(keyOf));
  const written = await upsertComplaints(
    tx,
    rows.filter((r) => !moved.has(keyOf(r))),
  );
  let inserted = 0;
  for (const w of written)
    if (!stored.has(keyOf({ source: w.source, externalId: w.external_id }))) inserted++;
  const updated = moves.length + written.length - inserted;
  return { inserted, updated, unchanged: rows.length - inserted - updated };
}

/** The batch as one unnest(...) of arrays, one per column, and those arrays' values. */
function batchTable(rows: PreparedComplaint[], firstParam: number) {
  const col = <T>(f: (c: PreparedComplaint) => T) => rows.map(f);
  const p = (i: number) => `$${firstParam + i}`;
  return {
    sql: `unnest(${p(0)}::text[], ${p(1)}::text[], ${p(2)}::timestamptz[], ${p(3)}::timestamptz[], ${p(4)}::int[],
                 ${p(5)}::int[], ${p(6)}::text[], ${p(7)}::text[], ${p(8)}::text[], ${p(9)}::text[], ${p(10)}::text[],
                 ${p(11)}::text[], ${p(12)}::text[], ${p(13)}::text[], ${p(14)}::numeric[], ${p(15)}::int[],
                 ${p(16)}::text[], ${p(17)}::text[], ${p(18)}::timestamptz[], ${p(19)}::text[], ${p(20)}::int[],
                 ${p(21)}::text[])
       AS t(source, external_id, received_at, incident_at, institution_id, agency_id, product, province_code,
            city_code, channels, declared, detected, categories, narrative, amount_owed, overdue_days, status,
            institution_response, responded_at, evidence, submitted_by, search)`,
    params: [
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
      // The narrative's search tokens, joined by spaces (a token never holds one).
      col((c) => (c.narrative === null ? null : narrativeSearchTokens(c.narrative).join(' '))),
    ],
  };
}

/** The batch's value of each column, as the SELECT list over batchTable's `t`. */
const VALUES = `t.received_at, t.incident_at, t.institution_id, t.agency_id, t.product, t.province_code,
  t.city_code, t.channels::text[], t.declared::text[], t.detected::text[], t.categories::text[], t.narrative,
  array_to_tsvector(string_to_array(t.search, ' ')), t.amount_owed, t.overdue_days, t.status, t.institution_response, t.responded_at, t.evidence::text[]`;

async function upsertComplaints(
  tx: EntityManager,
  rows: PreparedComplaint[],
): Promise<{ source: string; external_id: string }[]> {
  if (!rows.length) return [];
  const batch = batchTable(rows, 1);
  // A partitioned table cannot return xmax, so the caller tells inserts from updates by
  // whether the key was stored before.
  return tx.query(
    `INSERT INTO complaints (source, external_id, ${COLUMNS.join(', ')}, submitted_by)
     SELECT t.source, t.external_id, ${VALUES}, t.submitted_by FROM ${batch.sql}
     ON CONFLICT (source, external_id, institution_id, received_at) DO UPDATE SET
       ${COLUMNS.map((c) => `${c} = excluded.${c}`).join(', ')}, updated_at = now()
     WHERE (${COLUMNS.map((c) => `complaints.${c}`).join(', ')})
       IS DISTINCT FROM (${COLUMNS.map((c) => `excluded.${c}`).join(', ')})
     RETURNING source, external_id`,
    batch.params,
  );
}

/**
 * Rewrites complaints whose date or institution changed, found at the place complaint_keys
 * names: PostgreSQL moves each row to its new partition, keeping its id, and the triggers
 * move its counts and its complaint_keys entry.
 */
async function moveComplaints(tx: EntityManager, rows: PreparedComplaint[]): Promise<void> {
  const batch = batchTable(rows, 1);
  await tx.query(
    `UPDATE complaints c SET (${COLUMNS.join(', ')}) = (${VALUES}), updated_at = now()
     FROM ${batch.sql}
       JOIN complaint_keys k ON k.source = t.source AND k.external_id = t.external_id
     WHERE c.source = k.source AND c.external_id = k.external_id
       AND c.institution_id = k.institution_id AND c.received_at = k.received_at`,
    batch.params,
  );
}
