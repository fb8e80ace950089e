import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { ParsedRow } from '../ingest-row.js';
import { parseJsonRecord, parseJsonl } from './jsonl.js';

const now = new Date('2025-12-31T16:00:00Z');
const item = {
  external_id: 'F-1',
  received_at: '2024-07-01',
  institution: '示例银行',
  province: '浙江',
};

describe('parseJsonRecord (feed items)', () => {
  it('reads an object with canonical fields, ignoring and collecting other keys', () => {
    const unknownKeys = new Set<string>();
    const row = parseJsonRecord({ ...item, updated_at: '2024-07-02T00:00:00Z' }, 3, {
      now,
      unknownKeys,
    });
    expect(row).toMatchObject({
      kind: 'ok',
      row: { rowNumber: 3, externalId: 'F-1', provinceCode: '330000' },
    });
    expect([...unknownKeys]).toEqual(['updated_at']);
  });

  it.each([
    [null, 'null', 'record 2 is not a JSON object'],
    ['text', '"text"', 'record 2 is not a JSON object'],
    [[item], JSON.stringify([item]), 'record 2 is not a JSON object'],
    [{ updated_at: 'x' }, '{"updated_at":"x"}', 'record 2 has no canonical field'],
  ])('rejects %j', (value, shown, reason) => {
    expect(parseJsonRecord(value, 2, { now })).toEqual({
      kind: 'rejected',
      errors: [{ rowNumber: 2, field: '(line)', value: shown, reason }],
    });
  });
});

describe('parseJsonl', () => {
  it('numbers rows by line, CRLF or LF, and does not need a final newline', async () => {
    const text = `${JSON.stringify(item)}\r\n\r\n${JSON.stringify({ ...item, external_id: 'F-2' })}`;
    const rows: ParsedRow[] = [];
    for await (const row of parseJsonl(Readable.from([Buffer.from(text)]), { now })) rows.push(row);
    expect(rows.map((r) => r.kind === 'ok' && [r.row.rowNumber, r.row.externalId])).toEqual([
      [1, 'F-1'],
      [3, 'F-2'],
    ]);
  });
});
