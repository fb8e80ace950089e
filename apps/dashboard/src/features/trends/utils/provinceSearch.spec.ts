import { describe, expect, it } from 'vitest';
import type { Region } from '@cw/domain';
import { regionMatches } from './provinceSearch';

const guangdong: Region = {
  code: '440000',
  level: 'PROVINCE',
  nameZh: '广东省',
  shortZh: '广东',
  nameEn: 'Guangdong',
  provinceCode: '440000',
};

describe('regionMatches', () => {
  it.each(['广东', '广东省', '东', 'guang', 'GUANGDONG', ' dong ', '44', ''])('matches %j', (q) => {
    expect(regionMatches(guangdong, q)).toBe(true);
  });

  it.each(['北京', 'beijing', '11', '0000'])('does not match %j', (q) => {
    expect(regionMatches(guangdong, q)).toBe(false);
  });
});
