// Encoding detection and stream decoding: multi-byte characters split across chunk
// boundaries survive, whatever the chunk size.
import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { FileError, type ParsedRow } from '../ingest-row.js';
import { parseCanonicalCsv } from './canonical-csv.js';
import { openText, type TextEncoding } from './text-input.js';

/** The bytes in chunks of `size` (the last one shorter). */
function chunked(bytes: Buffer, size: number): Readable {
  function* chunks(): Generator<Buffer> {
    for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
  }
  return Readable.from(chunks(), { objectMode: false });
}

async function readAll(text: Readable): Promise<string> {
  let out = '';
  for await (const chunk of text as AsyncIterable<string>) out += chunk;
  return out;
}

/** Text longer than the 64 KB look-ahead, with multi-byte characters on both sides of it. */
const LONG_TEXT =
  'external_id,received_at,institution,province,narrative\n' +
  Array.from(
    { length: 1500 },
    (_, i) => `S-${i},2024-07-01,示例银行,浙江,催收员说𠮷“要上门”——第${i}次。Ünïcödé\n`,
  ).join('');

describe('openText', () => {
  it.each<[TextEncoding, Buffer]>([
    ['utf8', Buffer.from(LONG_TEXT, 'utf8')],
    ['utf8', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(LONG_TEXT, 'utf8')])],
    ['gb18030', iconv.encode(LONG_TEXT, 'gb18030')],
    ['utf16le', iconv.encode(LONG_TEXT, 'utf16le', { addBOM: true })],
    ['utf16be', iconv.encode(LONG_TEXT, 'utf16be', { addBOM: true })],
  ])('detects %s and decodes every chunking the same', async (encoding, bytes) => {
    expect(bytes.length).toBeGreaterThan(64 * 1024);
    for (const size of [1, 2, 3, 7, 4096, 65_537]) {
      const opened = await openText(chunked(bytes, size));
      expect(opened.encoding).toBe(encoding);
      expect(await readAll(opened.text)).toBe(LONG_TEXT);
    }
  });

  // Parses 16,000 rows: about 1 s on an idle machine, beyond the default 5 s on a busy one.
  it('keeps a GB18030 character whose bytes are split between two chunks', async () => {
    // Past the look-ahead, so the split reaches the stream decoder.
    const head =
      'external_id,received_at,institution,province\n' + 'A,2024-07-01,银行,浙江\n'.repeat(4000);
    const bytes = iconv.encode(`${head}B,2024-07-01,示例银行𠮷,浙江\n`, 'gb18030');
    const twoByte = bytes.lastIndexOf(iconv.encode('示', 'gb18030'));
    const fourByte = bytes.lastIndexOf(iconv.encode('𠮷', 'gb18030'));
    expect(twoByte).toBeGreaterThan(64 * 1024);
    for (const cut of [twoByte + 1, fourByte + 1, fourByte + 2, fourByte + 3]) {
      const input = Readable.from([bytes.subarray(0, cut), bytes.subarray(cut)], {
        objectMode: false,
      });
      const rows: ParsedRow[] = [];
      for await (const row of parseCanonicalCsv(input, { now: new Date('2025-01-01T00:00:00Z') })) {
        rows.push(row);
      }
      expect(rows).toHaveLength(4001);
      const last = rows.at(-1);
      expect(last?.kind === 'ok' && last.row.institution).toBe('示例银行𠮷');
    }
  }, 30_000);

  it('reads GB18030 whose first non-ASCII byte comes after 64 KB of ASCII', async () => {
    const ascii =
      'external_id,received_at,institution,province\n' + 'A,2024-07-01,Bank,330000\n'.repeat(5000);
    const bytes = iconv.encode(`${ascii}B,2024-07-01,示例银行,浙江\n`, 'gb18030');
    const opened = await openText(chunked(bytes, 16 * 1024));
    expect(opened.encoding).toBe('gb18030');
    expect((await readAll(opened.text)).endsWith('B,2024-07-01,示例银行,浙江\n')).toBe(true);
  });

  it.each([
    ['a PNG image', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0])],
    ['a PDF document', Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')],
    ['a gzip archive', Buffer.from([0x1f, 0x8b, 0x08, 0x00])],
    ['a ZIP archive (an .xlsx workbook?)', Buffer.from('PK\x03\x04rest', 'latin1')],
  ])('names %s', async (kind, bytes) => {
    const error = await openText(chunked(bytes, 3), { filename: 'x.csv' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FileError);
    expect((error as FileError).message).toBe(`"x.csv" is ${kind}, not a text file`);
  });

  it('refuses text with NUL bytes and an empty stream', async () => {
    await expect(openText(chunked(Buffer.from('a,b\u0000,c\n'), 4))).rejects.toThrow(/is not text/);
    await expect(openText(Readable.from([], { objectMode: false }))).rejects.toThrow(
      'the file is empty',
    );
  });
});
