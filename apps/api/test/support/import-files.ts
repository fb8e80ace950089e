// Builds canonical import files for tests.
export const CANONICAL_HEADER =
  'external_id,received_at,institution,collection_agency,product,province,city,channels,categories,narrative,amount_owed,overdue_days,status,institution_response,responded_at,source';

export interface CsvRow {
  id: string;
  receivedAt?: string;
  institution?: string;
  agency?: string;
  province?: string;
  city?: string;
  categories?: string;
  narrative?: string;
  amount?: string;
}

const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

export function canonicalCsv(rows: CsvRow[]): string {
  const lines = rows.map((r) =>
    [
      r.id,
      r.receivedAt ?? '2025-03-01 10:00',
      r.institution ?? '网商银行',
      r.agency ?? '',
      'CONSUMER_LOAN',
      r.province ?? '浙江',
      r.city ?? '杭州',
      'PHONE_CALL',
      r.categories ?? 'EXCESSIVE_CONTACT',
      r.narrative ?? '',
      r.amount ?? '',
      '',
      '',
      '',
      '',
      '',
    ]
      .map(quote)
      .join(','),
  );
  return `${CANONICAL_HEADER}\n${lines.join('\n')}\n`;
}
