import { describe, expect, it } from 'vitest';
import { parseCnNumber, parseEnNumber } from './numbers.js';

describe('parseCnNumber', () => {
  it.each([
    ['30', 30],
    ['三', 3],
    ['十', 10],
    ['十五', 15],
    ['三十', 30],
    ['三十多', 30],
    ['四十几', 40],
    ['二三十', 20],
    ['五六', 5],
    ['十五六', 15],
    ['几十', 20],
    ['十几', 11],
    ['好几', 3],
    ['上百', 100],
    ['一百二十', 120],
    ['两', 2],
  ])('%s → %d', (raw, value) => expect(parseCnNumber(raw)).toBe(value));
  it('returns null for words that are not numbers', () => {
    expect(parseCnNumber('上')).toBeNull();
    expect(parseCnNumber('好')).toBeNull();
  });
});

describe('parseEnNumber', () => {
  it.each([
    ['40', 40],
    ['forty', 40],
    ['twenty-five', 25],
    ['a dozen', 12],
    ['dozens', 24],
    ['two hundred', 200],
    ['hundreds', 200],
  ])('%s → %d', (raw, value) => expect(parseEnNumber(raw)).toBe(value));
  it('returns null for other words', () => expect(parseEnNumber('calls')).toBeNull());
});
