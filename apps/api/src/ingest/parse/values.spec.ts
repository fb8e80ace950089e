import { describe, expect, it } from 'vitest';
import { charLength, matchKey, parseAmount, parseDays, parseInstant } from './values.js';

const NOW = new Date('2025-12-31T16:00:00Z');
const at = (value: string | number | Date) => {
  const r = parseInstant(value, NOW);
  return r.ok ? r.value.toISOString() : `error: ${r.reason}`;
};

describe('parseInstant', () => {
  it.each([
    ['2024-07-01T08:00:00+08:00', '2024-07-01T00:00:00.000Z'],
    ['2024-07-01T08:00:00+0800', '2024-07-01T00:00:00.000Z'],
    ['2024-07-01T08:00:00+08', '2024-07-01T00:00:00.000Z'],
    ['2024-07-01T00:00:00Z', '2024-07-01T00:00:00.000Z'],
    ['2024-07-01t00:00z', '2024-07-01T00:00:00.000Z'],
    ['2024-07-01 08:00:00', '2024-07-01T00:00:00.000Z'],
    ['2024-07-01 08:00', '2024-07-01T00:00:00.000Z'],
    ['2024/7/1 8:00', '2024-07-01T00:00:00.000Z'],
    ['2024/7/1 8:00:30', '2024-07-01T00:00:30.000Z'],
    ['2024/7/1', '2024-06-30T16:00:00.000Z'],
    ['2024-07-01', '2024-06-30T16:00:00.000Z'],
    ['2024.7.1', '2024-06-30T16:00:00.000Z'],
    ['2024年7月1日', '2024-06-30T16:00:00.000Z'],
    ['2024年7月1号', '2024-06-30T16:00:00.000Z'],
    ['2024年7月1日 8:05', '2024-07-01T00:05:00.000Z'],
    ['2024年7月1日8时5分', '2024-07-01T00:05:00.000Z'],
    ['2024年7月1日 下午3点', '2024-07-01T07:00:00.000Z'],
    ['2024年7月1日 上午12点', '2024-06-30T16:00:00.000Z'],
    ['2024/7/1 12:30 AM', '2024-06-30T16:30:00.000Z'],
    ['2024/7/1 12:30 pm', '2024-07-01T04:30:00.000Z'],
    ['2024/7/1 下午 3:00', '2024-07-01T07:00:00.000Z'],
    ['20240701', '2024-06-30T16:00:00.000Z'],
    ['45474', '2024-06-30T16:00:00.000Z'],
    ['45474.75', '2024-07-01T10:00:00.000Z'],
    ['２０２４年７月１日', '2024-06-30T16:00:00.000Z'],
    ['  2024-07-01  ', '2024-06-30T16:00:00.000Z'],
    ['2025-12-31 23:59', '2025-12-31T15:59:00.000Z'],
    ['2026-01-01 23:59', '2026-01-01T15:59:00.000Z'],
  ])('%s -> %s', (input, expected) => {
    expect(at(input)).toBe(expected);
  });

  it('reads XLSX date cells (wall time in UTC fields) and serial numbers as Shanghai time', () => {
    expect(at(new Date(Date.UTC(2024, 6, 1, 8, 0)))).toBe('2024-07-01T00:00:00.000Z');
    expect(at(45474.5)).toBe('2024-07-01T04:00:00.000Z');
  });

  it.each([
    ['2024-02-30', 'error: 2024-02-30 is not a calendar date'],
    ['2023-02-29', 'error: 2023-02-29 is not a calendar date'],
    ['2024-13-01', 'error: 2024-13-01 is not a calendar date'],
    ['2024-07-01 24:00', 'error: 24:00:00 is not a time of day'],
    ['2024-07-01 08:60', 'error: 08:60:00 is not a time of day'],
    ['2024/7/1 13:00 AM', 'error: hour 13 does not go with AM'],
    ['2024/7/1 13:00 PM', '2024-07-01T05:00:00.000Z'],
    ['1999-12-31', 'error: is before 2000'],
    ['2000-01-01T00:00:00+08:00', '1999-12-31T16:00:00.000Z'],
    ['1999-12-31T15:59:59Z', 'error: is before 2000'],
    ['1999-12-31T16:00:00Z', '1999-12-31T16:00:00.000Z'],
    ['2026-01-02 00:00:01', 'error: is more than a day in the future'],
    ['2024-07-01T08:00+25:00', 'error: has an unreadable UTC offset'],
    ['7/1/2024', expect.stringMatching(/^error: is not a date or time/)],
    ['', expect.stringMatching(/^error: is not a date or time/)],
    ['2024', expect.stringMatching(/^error: is not a date or time/)],
    ['12', expect.stringMatching(/^error: is not a date or time/)],
  ])('%s -> %s', (input, expected) => {
    expect(at(input)).toEqual(expected);
  });

  it('rejects numbers that are no Excel date', () => {
    expect(at(0)).toBe('error: 0 is not an Excel date serial number');
    expect(at(20)).toBe('error: is before 2000');
    expect(at(Number.NaN)).toBe('error: NaN is not an Excel date serial number');
  });
});

describe('parseAmount', () => {
  it.each([
    ['1234.56', 1234.56],
    ['1,234.56', 1234.56],
    ['１２３４', 1234],
    ['1234元', 1234],
    ['1234 元', 1234],
    ['¥1,234', 1234],
    ['￥1234.5', 1234.5],
    ['RMB 500', 500],
    ['5万', 50000],
    ['5.5万元', 55000],
    ['0', 0],
    ['.5', 0.5],
    ['12.345', 12.35],
  ])('%s -> %d', (input, expected) => {
    expect(parseAmount(input)).toEqual({ ok: true, value: expected });
  });

  it('takes numbers as they are', () => {
    expect(parseAmount(52000.5)).toEqual({ ok: true, value: 52000.5 });
    expect(parseAmount(-1)).toEqual({ ok: false, reason: 'must not be negative' });
  });

  it.each([
    ['-100', 'must not be negative'],
    ['abc', 'is not an amount (examples: 1234.56, 1,234.56, 1234元, 5万元)'],
    ['1,23', 'is not an amount (examples: 1234.56, 1,234.56, 1234元, 5万元)'],
    ['1.2.3', 'is not an amount (examples: 1234.56, 1,234.56, 1234元, 5万元)'],
    ['2000000000000', 'is larger than 1000000000000'],
  ])('%s is rejected: %s', (input, reason) => {
    expect(parseAmount(input)).toEqual({ ok: false, reason });
  });
});

describe('parseDays', () => {
  it.each([
    ['30', 30],
    ['30天', 30],
    ['30 days', 30],
    ['1 day', 1],
    ['１,０００', 1000],
    ['0', 0],
  ])('%s -> %d', (input, expected) => {
    expect(parseDays(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['3.5', 'must be a whole number of days'],
    ['-1', 'must not be negative'],
    ['forty', 'is not a number of days'],
    ['40000', 'is more than 36500 days'],
  ])('%s is rejected: %s', (input, reason) => {
    expect(parseDays(input)).toEqual({ ok: false, reason });
  });
});

describe('matchKey and charLength', () => {
  it('ignores case, width, spaces and punctuation', () => {
    expect(matchKey('ＰＨＯＮＥ＿ＣＡＬＬ')).toBe('phonecall');
    expect(matchKey('Phone call')).toBe('phonecall');
    expect(matchKey('上门（住所）')).toBe('上门住所');
  });

  it('counts characters, not UTF-16 units', () => {
    expect(charLength('𠮷a')).toBe(2);
    expect(charLength('催收')).toBe(2);
  });
});
