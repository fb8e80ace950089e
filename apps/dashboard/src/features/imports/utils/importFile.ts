// What is sent with a file: its format (guessed from the name and, for CSV, the header
// line) and the source its rows are recorded under.
import type { Source } from '@cw/domain';

export const IMPORT_FORMATS = ['canonical', 'cfpb', 'jsonl'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export function isImportFormat(value: unknown): value is ImportFormat {
  return (IMPORT_FORMATS as readonly unknown[]).includes(value);
}

/** Sources a file may be imported under (INTAKE and CFPB are set by the API itself). */
export const IMPORT_SOURCES = [
  'HOTLINE',
  'CONSUMER_ASSOCIATION',
  'POLICE',
  'ONLINE_PLATFORM',
  'INSTITUTION',
  'MEDIA',
  'FILE_IMPORT',
] as const satisfies readonly Source[];
export type ImportSource = (typeof IMPORT_SOURCES)[number];
export const DEFAULT_SOURCE: ImportSource = 'FILE_IMPORT';

/** For the file picker: what the formats come as. */
export const ACCEPTED_EXTENSIONS = '.csv,.xlsx,.jsonl,.ndjson';

/** The CFPB export's header names this column; the canonical format does not. */
const CFPB_MARKER = 'Complaint ID';

/** How much of a CSV file is read to find its header line. */
export const HEAD_BYTES = 64 * 1024;

/** 'Complaints.2026.CSV' → 'csv'; '' when the name has no extension. */
export function extensionOf(filename: string): string {
  const base = filename.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/** The first line of a text, without a byte-order mark or line ending. */
export function firstLine(text: string): string {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const end = body.search(/\r?\n|\r/);
  return end === -1 ? body : body.slice(0, end);
}

/** True when the format depends on the file's first line (CSV: canonical or CFPB). */
export function needsHead(filename: string): boolean {
  return extensionOf(filename) === 'csv';
}

/**
 * The format a file most likely has: .jsonl/.ndjson → jsonl; a CSV whose first line
 * contains "Complaint ID" → cfpb; anything else (other CSV, XLSX, unknown) → canonical.
 * `head` is the start of the file's text, when it was read.
 */
export function guessFormat(filename: string, head: string | null = null): ImportFormat {
  const ext = extensionOf(filename);
  if (ext === 'jsonl' || ext === 'ndjson') return 'jsonl';
  if (ext === 'csv' && head !== null && firstLine(head).includes(CFPB_MARKER)) return 'cfpb';
  return 'canonical';
}

/** Reads the start of a file (CSV only) and guesses its format. */
export async function guessFileFormat(file: File): Promise<ImportFormat> {
  if (!needsHead(file.name)) return guessFormat(file.name);
  try {
    return guessFormat(file.name, await file.slice(0, HEAD_BYTES).text());
  } catch {
    return guessFormat(file.name);
  }
}
