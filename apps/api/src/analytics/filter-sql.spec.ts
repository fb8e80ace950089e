import { describe, expect, it } from 'vitest';
import { filterCondition } from './filter-sql.js';

describe('filterCondition', () => {
  it('is TRUE for an empty filter', () => {
    expect(filterCondition({})).toEqual({ sql: 'TRUE', params: [] });
  });

  it('binds every value as a parameter, numbered from the given start', () => {
    const c = filterCondition(
      { from: '2025-01-01', institutionIds: ['3', '5'], categories: ['THREAT'] },
      4,
    );
    expect(c.sql).toBe(
      'c.received_day >= $4::date AND c.institution_id = ANY($5::int[]) AND c.categories && $6::text[]',
    );
    expect(c.params).toEqual(['2025-01-01', [3, 5], ['THREAT']]);
  });

  it('never puts a value into the SQL text', () => {
    const hostile = "330000'; DROP TABLE complaints; --";
    const c = filterCondition({ provinceCodes: [hostile] });
    expect(c.sql).not.toContain('DROP');
    expect(c.params).toEqual([[hostile]]);
  });
});
