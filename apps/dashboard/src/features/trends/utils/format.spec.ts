import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatPeriod } from './format';

describe('formatPeriod', () => {
  it.each([
    ['MONTH', '2026-03-01', '2026年3月', 'Mar 2026'],
    ['QUARTER', '2026-01-01', '2026年第1季度', '2026 Q1'],
    ['QUARTER', '2025-10-01', '2025年第4季度', '2025 Q4'],
    ['WEEK', '2026-03-02', '2026-03-02 当周', 'Week of 2026-03-02'],
    ['DAY', '2026-03-02', '2026年3月2日', 'Mar 2, 2026'],
    ['YEAR', '2026-01-01', '2026年', '2026'],
  ] as const)('%s %s', (interval, period, zh, en) => {
    expect(formatPeriod(period, interval, 'zh')).toBe(zh);
    expect(formatPeriod(period, interval, 'en')).toBe(en);
  });

  it('does not shift a date by the time zone (first of month stays in its month)', () => {
    expect(formatPeriod('2026-01-01', 'MONTH', 'en')).toBe('Jan 2026');
    expect(formatPeriod('2025-12-01', 'MONTH', 'en')).toBe('Dec 2025');
  });

  it('returns anything that is not a date unchanged', () => {
    expect(formatPeriod('soon', 'MONTH', 'en')).toBe('soon');
  });
});

describe('formatDate', () => {
  it('writes a calendar date for prose', () => {
    expect(formatDate('2024-02-29', 'zh')).toBe('2024年2月29日');
    expect(formatDate('2024-02-29', 'en')).toBe('Feb 29, 2024');
  });
});

describe('formatDateTime', () => {
  it('writes an instant in Beijing time, in either language', () => {
    expect(formatDateTime('2026-03-02T06:05:09Z', 'zh')).toBe('2026年3月2日 14:05:09');
    expect(formatDateTime('2026-03-02T06:05:09Z', 'en')).toBe('Mar 2, 2026 14:05:09');
    expect(formatDateTime('2026-03-02T06:05:09.123Z', 'en', false)).toBe('Mar 2, 2026 14:05');
  });

  it('moves to the next Beijing day after 16:00 UTC, and keeps midnight as 00', () => {
    expect(formatDateTime('2025-12-31T16:00:00Z', 'zh')).toBe('2026年1月1日 00:00:00');
    expect(formatDateTime('2026-01-01T00:30:00+08:00', 'en')).toBe('Jan 1, 2026 00:30:00');
  });

  it('returns anything that is not an instant unchanged', () => {
    expect(formatDateTime('not a date', 'en')).toBe('not a date');
  });
});
