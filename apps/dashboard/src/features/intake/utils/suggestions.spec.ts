import { describe, expect, it } from 'vitest';
import { CATEGORY } from '@cw/domain';
import { accept, pendingSuggestions, withCode } from './suggestions';

describe('pendingSuggestions', () => {
  it('offers what is suggested and not ticked, categories first, in vocabulary order', () => {
    expect(
      pendingSuggestions(
        { categories: ['OFF_HOURS', 'THREAT', 'THIRD_PARTY'], channels: ['SMS', 'PHONE_CALL'] },
        { categories: ['THIRD_PARTY'], channels: [] },
      ),
    ).toEqual([
      { kind: 'category', code: 'THREAT' },
      { kind: 'category', code: 'OFF_HOURS' },
      { kind: 'channel', code: 'PHONE_CALL' },
      { kind: 'channel', code: 'SMS' },
    ]);
  });

  it('drops unknown codes and repeats', () => {
    expect(
      pendingSuggestions(
        { categories: ['THREAT', 'THREAT', 'BLACKMAIL'], channels: ['CARRIER_PIGEON'] },
        { categories: [], channels: [] },
      ),
    ).toEqual([{ kind: 'category', code: 'THREAT' }]);
  });

  it('offers nothing without an analysis or once everything is ticked', () => {
    expect(pendingSuggestions(null, { categories: [], channels: [] })).toEqual([]);
    expect(
      pendingSuggestions(
        { categories: ['INSULT'], channels: ['SMS'] },
        { categories: ['INSULT'], channels: ['SMS'] },
      ),
    ).toEqual([]);
  });
});

describe('accepting and ticking', () => {
  it('ticks an accepted suggestion once, keeping vocabulary order', () => {
    const ticked = { categories: ['VISIT'] as const, channels: [] as const };
    const next = accept(ticked, { kind: 'category', code: 'THREAT' });
    expect(next.categories).toEqual(['THREAT', 'VISIT']);
    expect(accept(next, { kind: 'category', code: 'THREAT' }).categories).toEqual([
      'THREAT',
      'VISIT',
    ]);
    expect(accept(next, { kind: 'channel', code: 'SMS' })).toEqual({
      categories: ['THREAT', 'VISIT'],
      channels: ['SMS'],
    });
  });

  it('unticks a box', () => {
    expect(withCode(['THREAT', 'INSULT'], 'THREAT', false, CATEGORY.codes)).toEqual(['INSULT']);
    expect(withCode([], 'INSULT', true, CATEGORY.codes)).toEqual(['INSULT']);
  });
});
