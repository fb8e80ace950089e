// CSV records from a decoded text stream, for the canonical and the CFPB readers: the header,
// then each record with its number (the header is record 0), or the reason a record could not
// be read (a quote in the wrong place, a wrong number of fields), in file order.
import { type Readable, Transform, pipeline } from 'node:stream';
import { parse, type CsvError, type InfoRecord, type Options } from 'csv-parse';
import { FileError } from '../ingest-row.js';

/**
 * Input read without a record ending: no complaint is that long (a full row of the canonical
 * format is under 200 KB), so it is a quote that is never closed, and reading stops before
 * the parser buffers the rest of the file. (csv-parse's own max_record_size halves its speed.)
 */
const MAX_RECORD_BYTES = 8 * 1024 * 1024;

export type CsvEvent =
  | { kind: 'header'; cells: string[] }
  | { kind: 'record'; rowNumber: number; line: number; cells: string[] }
  | { kind: 'error'; rowNumber: number; line: number; reason: string };

interface Numbered {
  seq: number;
  line: number;
  cells: string[];
}

/**
 * Reads comma-separated records. Records that cannot be parsed are reported as `error`
 * events and reading goes on; a record whose field count differs from the header's is
 * reported as an error too. Throws FileError when the header cannot be read or when a record
 * grows past 1,000,000 characters.
 */
export async function* readCsv(text: Readable): AsyncGenerator<CsvEvent> {
  let seq = 0;
  let sinceRecord = 0;
  let line = 1;
  const skipped: CsvEvent[] = [];
  const options: Options<Numbered, string[]> = {
    delimiter: ',',
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_record: (record: string[], info: InfoRecord): Numbered => {
      sinceRecord = 0;
      line = info.lines;
      return { seq: seq++, line: info.lines, cells: record };
    },
    on_skip: (err: CsvError | undefined) => {
      sinceRecord = 0;
      const line = typeof err?.lines === 'number' ? err.lines : 0;
      skipped.push({
        kind: 'error',
        rowNumber: seq++,
        line,
        reason: `unreadable CSV record near line ${line}: ${err?.message ?? 'parse error'}`,
      });
      return undefined;
    },
  };
  const parser = parse(options as unknown as Options);
  const guard = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      sinceRecord += chunk.length;
      if (sinceRecord <= MAX_RECORD_BYTES) return done(null, chunk);
      done(
        new FileError(
          `no record ends within ${MAX_RECORD_BYTES / 1024 / 1024} MB after line ${line}: is a quote never closed?`,
          { reason: 'RECORD_TOO_LONG', line },
        ),
      );
    },
  });
  pipeline(text, guard, parser, () => undefined);

  let width = -1;
  try {
    for await (const record of parser as AsyncIterable<Numbered>) {
      while (skipped.length && (skipped[0] as { rowNumber: number }).rowNumber < record.seq) {
        const event = skipped.shift() as CsvEvent;
        if (width < 0) throw new FileError(`cannot read the header row: ${reasonOf(event)}`);
        yield event;
      }
      if (width < 0) {
        width = record.cells.length;
        yield { kind: 'header', cells: record.cells };
        continue;
      }
      if (record.cells.length !== width) {
        yield {
          kind: 'error',
          rowNumber: record.seq,
          line: record.line,
          reason: `has ${record.cells.length} fields where the header has ${width} (line ${record.line}): an unquoted comma or line break?`,
        };
        continue;
      }
      yield { kind: 'record', rowNumber: record.seq, line: record.line, cells: record.cells };
    }
    for (const event of skipped.splice(0)) {
      if (width < 0) throw new FileError(`cannot read the header row: ${reasonOf(event)}`);
      yield event;
    }
  } finally {
    parser.destroy();
  }
  if (width < 0) throw new FileError('the file has no header row', { reason: 'NO_HEADER' });
}

function reasonOf(event: CsvEvent): string {
  return event.kind === 'error' ? event.reason : 'unreadable';
}
