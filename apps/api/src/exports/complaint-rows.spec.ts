import { describe, expect, it } from 'vitest';
import { complaintExportQuery } from './complaint-export-query.js';
import { inlineParameters, sqlLiteral } from './complaint-rows.js';
import { csvRecord } from './complaint-export.service.js';

describe('literals for COPY', () => {
  it('quotes text, including quotes and backslashes, and writes whole numbers bare', () => {
    expect(sqlLiteral("O'Brien")).toBe("'O''Brien'");
    expect(sqlLiteral('a\\b')).toBe(" E'a\\\\b'");
    expect(sqlLiteral(42)).toBe('42');
    // An element with a quote is backslash-escaped inside the array, so the literal is E'...'.
    expect(sqlLiteral(['440000', 'x"y'])).toBe(` E'{"440000","x\\\\"y"}'`);
    expect(sqlLiteral([1, 2])).toBe("'{1,2}'");
    expect(() => sqlLiteral(1.5)).toThrow(TypeError);
    expect(() => sqlLiteral({})).toThrow(TypeError);
  });

  it('writes every parameter of the scoped export query in, keeping the casts', () => {
    const query = complaintExportQuery(
      { kind: 'PROVINCES', provinceCodes: ['440000'] },
      { from: '2026-01-01', institutionIds: ['7'] },
      'zh',
    );
    const sql = inlineParameters(query);
    expect(sql).not.toMatch(/\$\d/);
    expect(sql).toContain(`c.province_code = ANY('{"440000"}'::text[])`);
    expect(sql).toContain(`c.received_day >= '2026-01-01'::date`);
    expect(sql).toContain(`c.institution_id = ANY('{7}'::int[])`);
  });
});

describe('csvRecord', () => {
  it('writes a record as PostgreSQL COPY does: empty text quoted, no value empty, \\n at the end', () => {
    expect(csvRecord(['1', '', null, 'a,b', '"x"'])).toBe('1,"",,"a,b","""x"""\n');
  });
});
