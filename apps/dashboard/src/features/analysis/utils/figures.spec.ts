import { describe, expect, it } from 'vitest';
import { changeDirection, formatChange, formatRate, formatShare } from './figures';

describe('figure formats', () => {
  it('writes shares as percentages with one decimal', () => {
    expect(formatShare(0.1234, 'en')).toBe('12.3%');
    expect(formatShare(0.1234, 'zh')).toBe('12.3%');
    expect(formatShare(null, 'en')).toBe('—');
  });

  it('signs changes with plus and a real minus, and leaves no change unsigned', () => {
    expect(formatChange(0.125, 'en')).toBe('+12.5%');
    expect(formatChange(-0.04, 'en')).toBe('−4.0%');
    expect(formatChange(0, 'en')).toBe('0.0%');
    expect(formatChange(null, 'en')).toBe('—');
    expect(changeDirection(0.2)).toBe('up');
    expect(changeDirection(-0.2)).toBe('down');
    expect(changeDirection(0)).toBe('flat');
    expect(changeDirection(null)).toBe('none');
  });

  it('writes rates with up to two decimals and grouping', () => {
    expect(formatRate(12.3456, 'en')).toBe('12.35');
    expect(formatRate(1234.5, 'zh')).toBe('1,234.5');
    expect(formatRate(undefined, 'zh')).toBe('—');
  });
});
