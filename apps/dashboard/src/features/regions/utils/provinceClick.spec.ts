import { describe, expect, it } from 'vitest';
import { parseUrlState } from '../../trends/utils/urlState';
import { toggleProvince } from './provinceClick';

describe('toggleProvince', () => {
  it('filters to the clicked province alone, dropping cities of another', () => {
    const s = parseUrlState('?provinceCodes=110000,440000&cityCodes=440100&categories=THREAT');
    expect(toggleProvince(s, '330000').filter).toEqual({
      provinceCodes: ['330000'],
      categories: ['THREAT'],
    });
  });

  it('clears the province when it is already the only one', () => {
    const s = parseUrlState('?provinceCodes=330000');
    expect(toggleProvince(s, '330000').filter.provinceCodes).toEqual([]);
  });
});
