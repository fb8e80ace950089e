import { describe, expect, it } from 'vitest';
import { AppError } from '../graphql/app-error.js';
import { periodLabel, periodOfRange, reportPeriodOf } from './report-period.js';

const fieldOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e.details?.['field'];
    throw e;
  }
  return null;
};

describe('reportPeriodOf', () => {
  it('takes a calendar quarter, Shanghai days, leap years included', () => {
    expect(reportPeriodOf({ year: '2024', quarter: '1' }, {})).toEqual({
      from: '2024-01-01',
      to: '2024-03-31',
      quarter: { year: 2024, quarter: 1 },
    });
    expect(reportPeriodOf({ year: '2026', quarter: '4' }, {}).to).toBe('2026-12-31');
  });

  it('takes a range from the filter and recognises one that is exactly a quarter', () => {
    expect(reportPeriodOf({}, { from: '2026-01-05', to: '2026-02-15' })).toEqual({
      from: '2026-01-05',
      to: '2026-02-15',
      quarter: null,
    });
    expect(periodOfRange('2026-07-01', '2026-09-30').quarter).toEqual({ year: 2026, quarter: 3 });
  });

  it('refuses a missing, partial, doubled or impossible period by name', () => {
    expect(fieldOf(() => reportPeriodOf({}, {}))).toBe('year');
    expect(fieldOf(() => reportPeriodOf({}, { from: '2026-01-01' }))).toBe('year');
    expect(fieldOf(() => reportPeriodOf({ year: '2026' }, {}))).toBe('quarter');
    expect(fieldOf(() => reportPeriodOf({ quarter: '2' }, {}))).toBe('year');
    expect(fieldOf(() => reportPeriodOf({ year: '2026', quarter: '0' }, {}))).toBe('quarter');
    expect(fieldOf(() => reportPeriodOf({ year: '1999', quarter: '1' }, {}))).toBe('year');
    expect(fieldOf(() => reportPeriodOf({ year: '2026.5', quarter: '1' }, {}))).toBe('year');
    expect(
      fieldOf(() => reportPeriodOf({ year: '2026', quarter: '1' }, { from: '2026-01-01' })),
    ).toBe('from');
  });

  it('names the period in both languages', () => {
    const q = reportPeriodOf({ year: '2026', quarter: '3' }, {});
    expect(periodLabel(q, 'zh')).toBe('2026年第三季度');
    expect(periodLabel(q, 'en')).toBe('Q3 2026');
    expect(periodLabel(periodOfRange('2026-01-05', '2026-02-15'), 'en')).toBe(
      '2026-01-05 to 2026-02-15',
    );
  });
});
