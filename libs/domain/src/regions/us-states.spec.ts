import { describe, expect, it } from 'vitest';
import { US_STATES, parseUsState, usStateByCode } from './index.js';

describe('US states', () => {
  it('has the 50 states, DC and the 6 outlying areas of ISO 3166-2:US, sorted by code', () => {
    expect(US_STATES).toHaveLength(57);
    expect(US_STATES.filter((s) => s.kind === 'STATE')).toHaveLength(50);
    expect(US_STATES.filter((s) => s.kind === 'OUTLYING_AREA').map((s) => s.usps)).toEqual([
      'AS',
      'GU',
      'MP',
      'PR',
      'UM',
      'VI',
    ]);
    const codes = US_STATES.map((s) => s.code);
    expect(codes).toEqual([...codes].sort());
    expect(new Set(codes).size).toBe(57);
    for (const s of US_STATES) {
      expect(s.code).toBe(`US-${s.usps}`);
      expect(s.usps).toMatch(/^[A-Z]{2}$/);
      expect(s.nameEn).not.toBe('');
      expect(s.nameZh).not.toBe('');
    }
    expect(usStateByCode('US-CA')).toMatchObject({ nameEn: 'California', nameZh: '加利福尼亚州' });
    expect(usStateByCode('CA')).toBeUndefined();
  });

  it('parses USPS and ISO codes, English and Chinese names', () => {
    expect(parseUsState('CA')).toBe('US-CA');
    expect(parseUsState(' ca ')).toBe('US-CA');
    expect(parseUsState('US-CA')).toBe('US-CA');
    expect(parseUsState('california')).toBe('US-CA');
    expect(parseUsState('加利福尼亚州')).toBe('US-CA');
    expect(parseUsState('加利福尼亚')).toBe('US-CA');
    expect(parseUsState('加州')).toBe('US-CA');
    expect(parseUsState('ＴＸ')).toBe('US-TX');
    expect(parseUsState('New York')).toBe('US-NY');
    expect(parseUsState('District of Columbia')).toBe('US-DC');
    expect(parseUsState('Washington, D.C.')).toBe('US-DC');
    expect(parseUsState('Washington')).toBe('US-WA');
    expect(parseUsState('PR')).toBe('US-PR');
    expect(parseUsState('康乃狄克州')).toBe('US-CT');
  });

  it('knows no military mail codes, freely associated states or unknown names', () => {
    for (const input of ['AE', 'AP', 'AA', 'FM', 'MH', 'PW', 'XX', '', '  ', '浙江']) {
      expect(parseUsState(input)).toBeNull();
    }
  });
});
