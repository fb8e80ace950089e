// JSON Lines: one JSON object a line with the canonical field names (snake_case or camelCase,
// Chinese header names too); lists may be arrays or delimited strings; blank lines are
// skipped. A line that is not a JSON object is rejected with its line number.
import type { Readable } from 'node:stream';
import { FileError, type ParsedRow } from '../ingest-row.js';
import { fieldForHeader, normaliseRow, type Cell, type RowCells } from './canonical-row.js';
import type { ParseOptions } from './parse-options.js';
import { ENCODING_NAMES, openText } from './text-input.js';

/** A line longer than this is rejected without being parsed (and not held in memory). */
const MAX_LINE_CHARS = 1_000_000;

interface Line {
  number: number;
  text: string;
  /** The line was longer than MAX_LINE_CHARS: `text` holds its start only. */
  tooLong: boolean;
}

/** Splits decoded text into lines (LF or CRLF) without holding more than one line. */
async function* lines(text: Readable): AsyncGenerator<Line> {
  let buffer = '';
  let number = 1;
  let tooLong = false;
  for await (const chunk of text as AsyncIterable<string | Buffer>) {
    buffer += typeof chunk === 'string' ? chunk : chunk.toString('utf8');
    let newline: number;
    while ((newline = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, newline).replace(/\r$/, '');
      buffer = buffer.slice(newline + 1);
      yield { number, text: tooLong ? '' : line, tooLong: tooLong || line.length > MAX_LINE_CHARS };
      number++;
      tooLong = false;
    }
    if (buffer.length > MAX_LINE_CHARS) {
      tooLong = true;
      buffer = '';
    }
  }
  if (buffer.length || tooLong) yield { number, text: buffer.replace(/\r$/, ''), tooLong };
}

function reject(rowNumber: number, value: string, reason: string): ParsedRow {
  return {
    kind: 'rejected',
    errors: [{ rowNumber, field: '(line)', value: value.slice(0, 200), reason }],
  };
}

export async function* parseJsonl(
  input: Readable,
  options: ParseOptions = {},
): AsyncGenerator<ParsedRow> {
  const { encoding, text } = await openText(input, {
    filename: options.filename,
    expected: 'a JSON Lines file',
  });
  if (encoding !== 'utf8') options.onWarning?.(`read as ${ENCODING_NAMES[encoding]}`);
  const context = { now: options.now ?? new Date() };
  const unknownKeys = new Set<string>();
  let seenObject = false;
  for await (const line of lines(text)) {
    const trimmed = line.text.trim();
    if (!line.tooLong && trimmed === '') continue;
    if (!seenObject && !line.tooLong && !trimmed.startsWith('{')) {
      // The first line tells whether this is JSON Lines at all.
      throw new FileError(
        trimmed.startsWith('[')
          ? `line ${line.number} starts a JSON array: send one JSON object a line (JSON Lines), not an array`
          : `line ${line.number} is not a JSON object: the file is not JSON Lines (is it CSV?)`,
        { reason: 'NOT_JSONL', line: line.number },
      );
    }
    seenObject = true;
    if (line.tooLong) {
      yield reject(
        line.number,
        '',
        `line ${line.number} is longer than ${MAX_LINE_CHARS} characters`,
      );
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      yield reject(line.number, trimmed, `line ${line.number} is not valid JSON: ${message}`);
      continue;
    }
    yield parseJsonRecord(value, line.number, { now: context.now, unknownKeys, label: 'line' });
  }
  if (unknownKeys.size) options.onWarning?.(`ignored unknown keys: ${[...unknownKeys].join(', ')}`);
}

/**
 * One complaint given as a JSON object (a JSON Lines line, an item of a feed page): canonical
 * field names (snake_case or camelCase, Chinese header names too). Never throws: anything but
 * an object with canonical fields is a rejected row. Unknown keys are ignored (and added to
 * `unknownKeys` when given).
 */
export function parseJsonRecord(
  value: unknown,
  rowNumber: number,
  options: { now?: Date; unknownKeys?: Set<string>; label?: string } = {},
): ParsedRow {
  const where = `${options.label ?? 'record'} ${rowNumber}`;
  const shown = () => {
    try {
      return JSON.stringify(value) ?? String(value);
    } catch {
      return String(value);
    }
  };
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return reject(rowNumber, shown(), `${where} is not a JSON object`);
  }
  const cells: RowCells = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    const field = fieldForHeader(key);
    if (field) cells[field] = toCell(v);
    else options.unknownKeys?.add(key);
  }
  const row = normaliseRow(rowNumber, cells, { now: options.now ?? new Date() });
  return row ?? reject(rowNumber, shown(), `${where} has no canonical field`);
}

/** JSON values as cells: numbers stay numbers (amounts), objects stay objects (rejected). */
function toCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return value;
  }
  // Arrays are lists; other objects are kept as they are, and rejected by the field's check.
  return value as Cell;
}
