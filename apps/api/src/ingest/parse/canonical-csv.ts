// The canonical format as CSV: comma-separated, a header row, UTF-8 (with or without BOM),
// GB18030/GBK or UTF-16 with BOM, read as a stream.
import type { Readable } from 'node:stream';
import type { ParsedRow } from '../ingest-row.js';
import { cellsByField, mapColumns, normaliseRow, type ColumnMap } from './canonical-row.js';
import { readCsv } from './csv-records.js';
import type { ParseOptions } from './parse-options.js';
import { ENCODING_NAMES, openText } from './text-input.js';

export async function* parseCanonicalCsv(
  input: Readable,
  options: ParseOptions = {},
): AsyncGenerator<ParsedRow> {
  const { encoding, text } = await openText(input, {
    filename: options.filename,
    expected: 'a CSV file',
  });
  if (encoding !== 'utf8') options.onWarning?.(`read as ${ENCODING_NAMES[encoding]}`);
  const context = { now: options.now ?? new Date() };
  let columns: ColumnMap | null = null;
  for await (const event of readCsv(text)) {
    switch (event.kind) {
      case 'header':
        columns = mapColumns(event.cells, options.onWarning);
        break;
      case 'error':
        yield {
          kind: 'rejected',
          errors: [{ rowNumber: event.rowNumber, field: '(row)', value: '', reason: event.reason }],
        };
        break;
      case 'record': {
        if (!columns) break;
        const row = normaliseRow(event.rowNumber, cellsByField(event.cells, columns), context);
        if (row) yield row;
        break;
      }
    }
  }
}
