import { describe, expect, it } from 'vitest';
import { complaintCondition } from './filter-sql.js';

const ALL = { kind: 'ALL' } as const;

describe('complaintCondition', () => {
  it('is TRUE for an empty filter', () => {
    expect(complaintCondition(ALL, {})).toEqual({ sql: 'TRUE', params: [] });
  });

  it('binds every value as a parameter, numbered from the given start', () => {
    const c = complaintCondition(
      ALL,
      { from: '2025-01-01', institutionIds: ['3', '5'], categories: ['THREAT'] },
      4,
    );
    expect(c.sql).toBe(
      "c.received_day >= $4::date AND c.received_at >= $4::date::timestamp AT TIME ZONE 'Asia/Shanghai'" +
        ' AND c.institution_id = ANY($5::int[]) AND c.categories && $6::text[]',
    );
    expect(c.params).toEqual(['2025-01-01', [3, 5], ['THREAT']]);
  });

  it('ANDs the scope onto the filter', () => {
    const c = complaintCondition(
      { kind: 'PROVINCES', provinceCodes: ['330000'] },
      { provinceCodes: ['440000'] },
    );
    expect(c.sql).toBe('c.province_code = ANY($1::text[]) AND c.province_code = ANY($2::text[])');
    expect(c.params).toEqual([['330000'], ['440000']]);
    expect(complaintCondition({ kind: 'INSTITUTIONS', institutionIds: [4] }, {}).sql).toBe(
      'c.institution_id = ANY($1::int[])',
    );
    expect(complaintCondition({ kind: 'SUBMITTER', userId: 9 }, {}).sql).toBe(
      'c.submitted_by = $1::int',
    );
  });

  it('never puts a value into the SQL text', () => {
    const hostile = "330000'; DROP TABLE complaints; --";
    const c = complaintCondition(ALL, { provinceCodes: [hostile] });
    expect(c.sql).not.toContain('DROP');
    expect(c.params).toEqual([[hostile]]);
  });
});
