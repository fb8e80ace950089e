// One entry point for the import pipeline: parseFile(format, stream, options) yields one
// ParsedRow a data row, streaming; it throws FileError only for a file it cannot read at all.
// For the canonical format, CSV or XLSX is told from the first bytes (a ZIP signature is an
// XLSX workbook), not from the file name or content type.
import type { Readable } from 'node:stream';
import { FileError, type ParsedRow } from '../ingest-row.js';
import { parseCanonicalCsv } from './canonical-csv.js';
import { parseCanonicalXlsx } from './canonical-xlsx.js';
import { parseCfpbCsv } from './cfpb-csv.js';
import { parseJsonl } from './jsonl.js';
import type { ParseFormat, ParseOptions } from './parse-options.js';
import { isLegacyOffice, isZip, peekInput } from './text-input.js';

export type { ParseFormat, ParseOptions } from './parse-options.js';
/** The formats parseFile reads (the name the import service uses). */
export type ImportFormat = ParseFormat;
export { parseCanonicalCsv } from './canonical-csv.js';
export { parseCanonicalXlsx } from './canonical-xlsx.js';
export { parseCfpbCsv } from './cfpb-csv.js';
export { parseJsonRecord, parseJsonl } from './jsonl.js';
export { CFPB_ISSUE_MAPPING } from './cfpb-categories.js';

export const PARSE_FORMATS: readonly ParseFormat[] = ['canonical', 'cfpb', 'jsonl'];

export async function* parseFile(
  format: ParseFormat,
  input: Readable,
  options: ParseOptions = {},
): AsyncGenerator<ParsedRow> {
  const peeked = await peekInput(input, 8);
  const name = options.filename ? `"${options.filename}"` : 'the file';
  if (isLegacyOffice(peeked.head)) {
    peeked.release();
    throw new FileError(
      `${name} is a legacy Excel 97-2003 (.xls) file: save it as .xlsx or as CSV (UTF-8)`,
      { reason: 'LEGACY_XLS' },
    );
  }
  const zip = isZip(peeked.head);
  const stream = peeked.stream();
  switch (format) {
    case 'canonical':
      yield* zip ? parseCanonicalXlsx(stream, options) : parseCanonicalCsv(stream, options);
      return;
    case 'cfpb':
      if (zip) {
        stream.destroy();
        throw new FileError(
          `${name} is a ZIP archive or XLSX workbook: the CFPB format is the database's CSV export`,
          { reason: 'NOT_TEXT' },
        );
      }
      yield* parseCfpbCsv(stream, options);
      return;
    case 'jsonl':
      if (zip) {
        stream.destroy();
        throw new FileError(`${name} is a ZIP archive or XLSX workbook, not JSON Lines`, {
          reason: 'NOT_TEXT',
        });
      }
      yield* parseJsonl(stream, options);
      return;
    default: {
      const never: never = format;
      throw new FileError(`unknown import format ${String(never)}`);
    }
  }
}
