import { describe, expect, it } from 'vitest';
import { crossFilter } from './crossFilter';

describe('crossFilter', () => {
  it('maps a clicked value to the filter list of its dimension', () => {
    expect(crossFilter('PROVINCE', '440000')).toEqual({ key: 'provinceCodes', value: '440000' });
    expect(crossFilter('INSTITUTION', '17')).toEqual({ key: 'institutionIds', value: '17' });
    expect(crossFilter('CATEGORY', 'THREAT')).toEqual({ key: 'categories', value: 'THREAT' });
    expect(crossFilter('AGENCY', '3')).toEqual({ key: 'agencyIds', value: '3' });
  });

  it('adds nothing for the rest of a top N, an empty field, the total or institution types', () => {
    expect(crossFilter('PROVINCE', 'OTHER')).toBeNull();
    expect(crossFilter('AGENCY', 'NONE')).toBeNull();
    expect(crossFilter(null, 'ALL')).toBeNull();
    expect(crossFilter('INSTITUTION_TYPE', 'BANK')).toBeNull();
  });
});
