// Turning an uploaded byte stream into a text stream: peek at the first bytes, refuse what is
// not text (empty, binary, a ZIP or an old .xls where text was expected), detect the encoding
// (BOM, else valid UTF-8, else GB18030) and decode as a stream, so that a character split
// across two chunks survives and memory stays flat whatever the file's size.
import { Readable, Transform, pipeline } from 'node:stream';
import iconv from 'iconv-lite';
import { FileError } from '../ingest-row.js';

/** Bytes looked at before deciding the encoding (more while they are all ASCII). */
const SNIFF_BYTES = 64 * 1024;
/** Upper bound of the look-ahead while the bytes are all ASCII. */
const SNIFF_MAX_BYTES = 1024 * 1024;

export type TextEncoding = 'utf8' | 'gb18030' | 'utf16le' | 'utf16be';

export const ENCODING_NAMES: Readonly<Record<TextEncoding, string>> = {
  utf8: 'UTF-8',
  gb18030: 'GB18030',
  utf16le: 'UTF-16LE',
  utf16be: 'UTF-16BE',
};

/** The first bytes of a stream, and the whole stream again (those bytes included). */
export interface PeekedInput {
  head: Buffer;
  /** True when `head` is the whole stream. */
  complete: boolean;
  /** Every byte of the input, from the first; read it once. */
  stream(): Readable;
  /** Gives up on the input (when it will not be read): destroys the upload stream. */
  release(): void;
}

function toBuffer(chunk: unknown): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (typeof chunk === 'string') return Buffer.from(chunk, 'utf8');
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
  throw new FileError('the upload is not a byte stream');
}

/**
 * Reads at least `min` bytes (or the whole input when shorter), and keeps reading up to `max`
 * while `more(head)` says so. The bytes read are given back first by `stream()`.
 */
export async function peekInput(
  input: Readable,
  min: number,
  max = min,
  more: (head: Buffer) => boolean = () => false,
): Promise<PeekedInput> {
  const iterator = input[Symbol.asyncIterator]() as AsyncIterator<unknown>;
  const chunks: Buffer[] = [];
  let size = 0;
  let complete = false;
  for (;;) {
    if (size >= max) break;
    if (size >= min && !more(Buffer.concat(chunks, size))) break;
    const next = await iterator.next();
    if (next.done) {
      complete = true;
      break;
    }
    const chunk = toBuffer(next.value);
    chunks.push(chunk);
    size += chunk.length;
  }
  const head = Buffer.concat(chunks, size);
  let used = false;
  return {
    head,
    complete,
    stream() {
      if (used) throw new Error('peeked input read twice');
      used = true;
      async function* all(): AsyncGenerator<Buffer> {
        try {
          if (head.length) yield head;
          if (complete) return;
          for (;;) {
            const next = await iterator.next();
            if (next.done) return;
            yield toBuffer(next.value);
          }
        } finally {
          // Stopped early (a file error, the consumer gave up): release the upload.
          await iterator.return?.();
        }
      }
      return Readable.from(all(), { objectMode: false });
    },
    release() {
      used = true;
      void iterator.return?.();
      input.destroy();
    },
  };
}

const SIGNATURES: readonly { bytes: readonly number[]; what: string }[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP archive (an .xlsx workbook?)' },
  { bytes: [0x50, 0x4b, 0x05, 0x06], what: 'an empty ZIP archive' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'a legacy Office file (.xls or .doc)' },
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], what: 'a PDF document' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x1f, 0x8b], what: 'a gzip archive' },
  { bytes: [0x52, 0x61, 0x72, 0x21], what: 'a RAR archive' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf], what: 'a 7-Zip archive' },
];

function startsWith(head: Buffer, bytes: readonly number[]): boolean {
  return head.length >= bytes.length && bytes.every((b, i) => head[i] === b);
}

/** What a known binary signature says the file is, or null. */
export function binaryKind(head: Buffer): string | null {
  return SIGNATURES.find((s) => startsWith(head, s.bytes))?.what ?? null;
}

export function isZip(head: Buffer): boolean {
  return startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06]);
}

export function isLegacyOffice(head: Buffer): boolean {
  return startsWith(head, [0xd0, 0xcf, 0x11, 0xe0]);
}

function bomEncoding(head: Buffer): TextEncoding | null {
  if (startsWith(head, [0xef, 0xbb, 0xbf])) return 'utf8';
  if (startsWith(head, [0xff, 0xfe])) return 'utf16le';
  if (startsWith(head, [0xfe, 0xff])) return 'utf16be';
  return null;
}

/** Control characters that text files do not hold (tab, LF, CR, FF, ESC and SUB excepted). */
function isControl(byte: number): boolean {
  return (
    byte === 0 ||
    (byte < 0x20 &&
      byte !== 0x09 &&
      byte !== 0x0a &&
      byte !== 0x0c &&
      byte !== 0x0d &&
      byte !== 0x1a &&
      byte !== 0x1b) ||
    byte === 0x7f
  );
}

function looksBinary(head: Buffer): boolean {
  let controls = 0;
  for (const byte of head) {
    if (byte === 0) return true;
    if (isControl(byte)) controls++;
  }
  return controls > Math.max(2, head.length / 100);
}

function isValidUtf8(head: Buffer, complete: boolean): boolean {
  try {
    // stream: a sequence cut at the end of the look-ahead is not an error.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: !complete });
    return true;
  } catch {
    return false;
  }
}

function hasNonAscii(head: Buffer): boolean {
  for (const byte of head) if (byte >= 0x80) return true;
  return false;
}

function isBlank(head: Buffer, encoding: TextEncoding): boolean {
  return iconv.decode(head, encoding).trim() === '';
}

function describe(options: { filename?: string }): string {
  return options.filename ? `"${options.filename}"` : 'the file';
}

export interface TextInput {
  encoding: TextEncoding;
  /** Decoded text, as string chunks; the BOM is removed. */
  text: Readable;
}

/**
 * Opens an upload as text. Throws FileError for an empty file, for a binary one (a known
 * signature, NUL bytes, many control characters) and for ZIP/Office files, naming what it is.
 */
export async function openText(
  input: Readable,
  options: { filename?: string; expected?: string } = {},
): Promise<TextInput> {
  const peeked = await peekInput(input, SNIFF_BYTES, SNIFF_MAX_BYTES, (head) => !hasNonAscii(head));
  const { head, complete } = peeked;
  const name = describe(options);
  const expected = options.expected ?? 'a text file';
  const release = () => peeked.release();
  if (head.length === 0) {
    release();
    throw new FileError(`${name} is empty`, { reason: 'EMPTY' });
  }
  const bom = bomEncoding(head);
  const kind = bom ? null : binaryKind(head);
  if (kind) {
    release();
    throw new FileError(`${name} is ${kind}, not ${expected}`, { reason: 'NOT_TEXT', kind });
  }
  if (!bom && looksBinary(head)) {
    release();
    throw new FileError(
      `${name} is not text: it holds binary bytes (NUL or control characters); expected ${expected} in UTF-8 or GB18030`,
      { reason: 'NOT_TEXT' },
    );
  }
  const encoding: TextEncoding = bom ?? (isValidUtf8(head, complete) ? 'utf8' : 'gb18030');
  if (complete && isBlank(head, encoding)) {
    release();
    throw new FileError(`${name} is empty`, { reason: 'EMPTY' });
  }
  const decoder = iconv.decodeStream(encoding, { stripBOM: true }) as unknown as Transform;
  // Errors of the source end up in the decoder, which the caller reads.
  if (encoding === 'gb18030') {
    pipeline(peeked.stream(), gb18030Aligner(), decoder, () => undefined);
  } else {
    pipeline(peeked.stream(), decoder, () => undefined);
  }
  return { encoding, text: decoder };
}

/**
 * The length of `buf` up to the end of its last complete GB18030 character (1, 2 or 4 bytes:
 * a lead byte 0x81-0xFE followed by 0x30-0x39 starts a four-byte sequence).
 */
export function gb18030CompleteLength(buf: Buffer): number {
  const n = buf.length;
  let i = 0;
  while (i < n) {
    const lead = buf[i] as number;
    if (lead < 0x81 || lead === 0xff) {
      i++;
      continue;
    }
    if (i + 1 >= n) return i;
    const second = buf[i + 1] as number;
    if (second >= 0x30 && second <= 0x39) {
      if (i + 3 >= n) return i;
      i += 4;
    } else {
      i += 2;
    }
  }
  return i;
}

/**
 * Re-cuts a GB18030 byte stream so that no chunk starts inside a character. iconv-lite 0.7.3's
 * DBCS decoder sizes its output for the chunk alone: a chunk that starts by completing a
 * four-byte sequence outside the BMP (𠮷) loses the low surrogate or the characters after it.
 */
function gb18030Aligner(): Transform {
  let carry: Buffer = Buffer.alloc(0);
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      const buf = carry.length ? Buffer.concat([carry, chunk]) : chunk;
      const end = gb18030CompleteLength(buf);
      carry = Buffer.from(buf.subarray(end));
      done(null, end > 0 ? buf.subarray(0, end) : undefined);
    },
    flush(done) {
      done(null, carry.length ? carry : undefined);
    },
  });
}
