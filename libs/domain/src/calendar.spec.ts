import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  daysBetween,
  isCalendarDate,
  nextPeriod,
  periodStart,
  periodsBetween,
  quarterOf,
  quarterRange,
  shanghaiDate,
  shanghaiDayStart,
  shanghaiHour,
} from './calendar.js';

describe('isCalendarDate', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2024-04-31', false],
    ['2024-13-01', false],
    ['2024-00-10', false],
    ['2024-2-1', false],
    ['2024-02-01T00:00:00Z', false],
    ['', false],
  ])('%s -> %s', (value, expected) => {
    expect(isCalendarDate(value)).toBe(expected);
  });
});

describe('Shanghai time', () => {
  it('changes date at 16:00 UTC', () => {
    expect(shanghaiDate(new Date('2024-03-31T15:59:59Z'))).toBe('2024-03-31');
    expect(shanghaiDate(new Date('2024-03-31T16:00:00Z'))).toBe('2024-04-01');
    expect(shanghaiDate(new Date('2024-12-31T15:59:59.999Z'))).toBe('2024-12-31');
    expect(shanghaiDate(new Date('2024-12-31T16:00:00Z'))).toBe('2025-01-01');
    expect(shanghaiDate(new Date('2024-02-28T16:00:00Z'))).toBe('2024-02-29');
  });

  it('gives the hour of day and the start of a day', () => {
    expect(shanghaiHour(new Date('2024-03-31T15:59:59Z'))).toBe(23);
    expect(shanghaiHour(new Date('2024-03-31T16:00:00Z'))).toBe(0);
    expect(shanghaiDayStart('2025-01-01').toISOString()).toBe('2024-12-31T16:00:00.000Z');
    expect(shanghaiDate(shanghaiDayStart('2024-02-29'))).toBe('2024-02-29');
  });
});

describe('addDays and daysBetween', () => {
  it('handles the leap day', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-02-29', 1)).toBe('2024-03-01');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2023-01-01', '2024-01-01')).toBe(365);
    expect(daysBetween('2024-03-01', '2024-02-28')).toBe(-2);
  });

  it('refuses what is not a date', () => {
    expect(() => addDays('2023-02-29', 1)).toThrow(RangeError);
    expect(() => addMonths('yesterday', 1)).toThrow(RangeError);
  });
});

describe('addMonths', () => {
  it.each([
    ['2024-01-31', 1, '2024-02-29'],
    ['2023-01-31', 1, '2023-02-28'],
    ['2024-03-31', -1, '2024-02-29'],
    ['2024-05-31', 1, '2024-06-30'],
    ['2024-01-15', 1, '2024-02-15'],
    ['2024-12-15', 1, '2025-01-15'],
    ['2024-01-15', -1, '2023-12-15'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-01-31', 13, '2025-02-28'],
    ['2024-01-31', 0, '2024-01-31'],
  ])('%s + %i months -> %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });
});

describe('periodStart', () => {
  it('starts weeks on Monday', () => {
    expect(periodStart('2024-01-01', 'WEEK')).toBe('2024-01-01'); // Monday
    expect(periodStart('2024-01-07', 'WEEK')).toBe('2024-01-01'); // Sunday
    expect(periodStart('2024-01-08', 'WEEK')).toBe('2024-01-08');
    expect(periodStart('2025-01-01', 'WEEK')).toBe('2024-12-30'); // Wednesday
    expect(periodStart('2024-03-03', 'WEEK')).toBe('2024-02-26'); // across the leap day
  });

  it.each([
    ['2024-01-01', '2024-01-01'],
    ['2024-02-29', '2024-01-01'],
    ['2024-03-31', '2024-01-01'],
    ['2024-04-01', '2024-04-01'],
    ['2024-06-30', '2024-04-01'],
    ['2024-07-01', '2024-07-01'],
    ['2024-09-30', '2024-07-01'],
    ['2024-10-01', '2024-10-01'],
    ['2024-12-31', '2024-10-01'],
  ])('quarter of %s starts %s', (date, start) => {
    expect(periodStart(date, 'QUARTER')).toBe(start);
  });

  it('starts days, months and years', () => {
    expect(periodStart('2024-02-29', 'DAY')).toBe('2024-02-29');
    expect(periodStart('2024-02-29', 'MONTH')).toBe('2024-02-01');
    expect(periodStart('2024-02-29', 'YEAR')).toBe('2024-01-01');
  });
});

describe('nextPeriod and periodsBetween', () => {
  it('steps from one bucket to the next', () => {
    expect(nextPeriod('2024-02-29', 'DAY')).toBe('2024-03-01');
    expect(nextPeriod('2024-12-30', 'WEEK')).toBe('2025-01-06');
    expect(nextPeriod('2024-12-01', 'MONTH')).toBe('2025-01-01');
    expect(nextPeriod('2024-10-01', 'QUARTER')).toBe('2025-01-01');
    expect(nextPeriod('2024-01-01', 'YEAR')).toBe('2025-01-01');
  });

  it('lists buckets across a year end', () => {
    expect(periodsBetween('2024-12-30', '2025-01-02', 'DAY')).toEqual([
      '2024-12-30',
      '2024-12-31',
      '2025-01-01',
      '2025-01-02',
    ]);
    expect(periodsBetween('2024-12-25', '2025-01-08', 'WEEK')).toEqual([
      '2024-12-23',
      '2024-12-30',
      '2025-01-06',
    ]);
    expect(periodsBetween('2024-11-15', '2025-02-03', 'MONTH')).toEqual([
      '2024-11-01',
      '2024-12-01',
      '2025-01-01',
      '2025-02-01',
    ]);
    expect(periodsBetween('2024-11-30', '2025-04-01', 'QUARTER')).toEqual([
      '2024-10-01',
      '2025-01-01',
      '2025-04-01',
    ]);
    expect(periodsBetween('2023-06-01', '2025-01-01', 'YEAR')).toEqual([
      '2023-01-01',
      '2024-01-01',
      '2025-01-01',
    ]);
  });

  it('gives one bucket for one day and none for a reversed range', () => {
    expect(periodsBetween('2024-02-29', '2024-02-29', 'MONTH')).toEqual(['2024-02-01']);
    expect(periodsBetween('2025-01-01', '2024-12-31', 'DAY')).toEqual([]);
  });
});

describe('quarters', () => {
  it('gives the quarter of a date', () => {
    expect(quarterOf('2024-03-31')).toEqual({ year: 2024, quarter: 1 });
    expect(quarterOf('2024-04-01')).toEqual({ year: 2024, quarter: 2 });
    expect(quarterOf('2024-12-31')).toEqual({ year: 2024, quarter: 4 });
  });

  it.each([
    [2024, 1, '2024-01-01', '2024-03-31'],
    [2024, 2, '2024-04-01', '2024-06-30'],
    [2024, 3, '2024-07-01', '2024-09-30'],
    [2024, 4, '2024-10-01', '2024-12-31'],
    [2023, 1, '2023-01-01', '2023-03-31'],
  ])('%i Q%i runs %s to %s', (year, quarter, from, to) => {
    expect(quarterRange(year, quarter)).toEqual({ from, to });
  });

  it('refuses a quarter outside 1-4', () => {
    for (const q of [0, 5, 1.5, Number.NaN])
      expect(() => quarterRange(2024, q)).toThrow(RangeError);
  });
});
