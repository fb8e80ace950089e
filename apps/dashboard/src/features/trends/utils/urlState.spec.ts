import { describe, expect, it } from 'vitest';
import { EMPTY_STATE, parseUrlState, sanitizeFilter, serializeUrlState } from './urlState';

describe('parseUrlState', () => {
  it('reads every field', () => {
    expect(
      parseUrlState(
        '?from=2025-04-01&to=2026-03-31&institutionIds=17,3&provinceCodes=440000' +
          '&interval=QUARTER&groupBy=CATEGORY&top=5&lang=en',
      ),
    ).toEqual({
      filter: {
        from: '2025-04-01',
        to: '2026-03-31',
        institutionIds: ['17', '3'],
        provinceCodes: ['440000'],
      },
      interval: 'QUARTER',
      groupBy: 'CATEGORY',
      top: 5,
      lang: 'en',
    });
  });

  it('gives the defaults for an empty query', () => {
    expect(parseUrlState('')).toEqual(EMPTY_STATE);
  });

  it('accepts repeated and comma-separated lists, dropping duplicates', () => {
    const s = parseUrlState('?provinceCodes=440000,110000&provinceCodes=440000');
    expect(s.filter.provinceCodes).toEqual(['110000', '440000']);
  });

  it('drops invalid values and keeps the rest, never throwing', () => {
    const s = parseUrlState(
      '?from=2025-02-30&to=2026-01-31&institutionIds=12,abc,0,5&provinceCodes=44' +
        '&interval=FORTNIGHT&groupBy=PASSWORD&top=999&lang=fr',
    );
    expect(s).toEqual({
      filter: { to: '2026-01-31', institutionIds: ['12', '5'] },
      interval: 'MONTH',
      groupBy: null,
      top: 8,
      lang: null,
    });
  });

  it('drops `to` when it is before `from`', () => {
    expect(parseUrlState('?from=2026-03-01&to=2026-01-01').filter).toEqual({ from: '2026-03-01' });
  });

  it('survives junk', () => {
    for (const junk of ['?%E0%A4%A', '?from=&to=', '?institutionIds=,,,', '?top=-1', '?&&&=']) {
      expect(() => parseUrlState(junk)).not.toThrow();
    }
    const many = Array.from({ length: 500 }, (_, i) => String(i + 1)).join(',');
    expect(parseUrlState(`?institutionIds=${many}`).filter.institutionIds).toBeUndefined();
  });
});

describe('serializeUrlState', () => {
  it('leaves out defaults', () => {
    expect(serializeUrlState(EMPTY_STATE)).toBe('');
    expect(serializeUrlState({ ...EMPTY_STATE, top: 5 })).toBe(''); // top only with groupBy
  });

  it('round-trips', () => {
    const search =
      'from=2025-04-01&to=2026-03-31&institutionIds=17,3&provinceCodes=110000,440000' +
      '&interval=WEEK&groupBy=PROVINCE&top=5&lang=zh';
    const state = parseUrlState(search);
    expect(serializeUrlState(state)).toBe(search);
    expect(parseUrlState(serializeUrlState(state))).toEqual(state);
  });
});

describe('sanitizeFilter', () => {
  it('keeps a valid filter as the shared schema normalises it', () => {
    expect(sanitizeFilter({ provinceCodes: ['440000', '110000'] })).toEqual({
      provinceCodes: ['110000', '440000'],
    });
  });

  it('returns an empty filter when nothing is valid', () => {
    expect(sanitizeFilter({ from: 'yesterday', institutionIds: ['x'] })).toEqual({});
  });
});
