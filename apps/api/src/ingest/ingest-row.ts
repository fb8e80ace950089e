// The contract between the file parsers (parse/) and the import pipeline: what one usable
// row of any format becomes, and how an unusable row is reported.
import type { Category, Channel, Evidence, Product, Source, Status } from '@cw/domain';

/** The canonical columns of docs/import-format.md. */
export const CANONICAL_FIELDS = [
  'external_id',
  'received_at',
  'institution',
  'collection_agency',
  'product',
  'province',
  'city',
  'channels',
  'categories',
  'narrative',
  'amount_owed',
  'overdue_days',
  'status',
  'institution_response',
  'responded_at',
  'source',
] as const;
export type CanonicalField = (typeof CANONICAL_FIELDS)[number];

/** Columns a canonical file must have. */
export const REQUIRED_FIELDS: readonly CanonicalField[] = [
  'external_id',
  'received_at',
  'institution',
  'province',
];

/** A complaint read from one row, checked and normalised, before registry lookups. */
export interface ParsedComplaint {
  /** 1-based data row number (the header is row 0 of CSV files; XLSX rows are sheet rows). */
  rowNumber: number;
  /** Null: the run's source (the `source` query parameter, else FILE_IMPORT). */
  source: Source | null;
  externalId: string;
  receivedAt: Date;
  incidentAt: Date | null;
  /** As written in the file (name, alias, credit code); resolved against the registry later. */
  institution: string;
  agency: string | null;
  product: Product | null;
  /** GB/T 2260 code, or US-XX for a US state (CFPB files). */
  provinceCode: string;
  cityCode: string | null;
  channels: Channel[];
  /** What the complainant declared; detected categories are added by the pipeline. */
  categoriesDeclared: Category[];
  /** Raw text: the pipeline redacts it before anything is stored or logged. */
  narrative: string | null;
  amountOwed: number | null;
  overdueDays: number | null;
  status: Status;
  institutionResponse: string | null;
  respondedAt: Date | null;
  evidence: Evidence[];
}

/** Why a row was rejected: its number, the field, the value as written, the reason. */
export interface RowError {
  rowNumber: number;
  field: string;
  value: string;
  reason: string;
}

export type ParsedRow =
  | { kind: 'ok'; row: ParsedComplaint }
  | { kind: 'rejected'; errors: RowError[] }
  /** Kept out on purpose (e.g. a CFPB row about another product): counted, not an error. */
  | { kind: 'skipped'; rowNumber: number; reason: string };

/** A problem with the whole file (no header, missing required columns, unreadable). */
export class FileError extends Error {
  constructor(
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'FileError';
  }
}
