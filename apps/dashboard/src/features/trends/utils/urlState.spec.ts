import { describe, expect, it } from 'vitest';
import {
  EMPTY_STATE,
  parseUrlState,
  sanitizeFilter,
  serializeUrlState,
  sharedQuery,
  withFilterValue,
} from './urlState';

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
      chart: 'line',
      compare: null,
      metric: 'count',
      sort: 'count',
      q: '',
      lang: 'en',
    });
  });

  it('reads the other filter lists and the page options', () => {
    const s = parseUrlState(
      '?agencyIds=4&cityCodes=440100&categories=THREAT,INSULT&channels=SMS&sources=POLICE' +
        '&products=BNPL&groupBy=INSTITUTION_TYPE&chart=area&compare=yearAgo&metric=rate' +
        '&sort=timely&q=%E5%A8%81%E8%83%81',
    );
    expect(s.filter).toEqual({
      agencyIds: ['4'],
      cityCodes: ['440100'],
      categories: ['INSULT', 'THREAT'],
      channels: ['SMS'],
      sources: ['POLICE'],
      products: ['BNPL'],
    });
    expect([s.groupBy, s.chart, s.compare, s.metric, s.sort, s.q]).toEqual([
      'INSTITUTION_TYPE',
      'area',
      'yearAgo',
      'rate',
      'timely',
      '威胁',
    ]);
    expect(parseUrlState(serializeUrlState(s))).toEqual(s);
  });

  it('drops unknown codes and options, and cuts an over-long search', () => {
    const s = parseUrlState(
      `?categories=THREAT,HACKING&chart=pie&compare=never&metric=x&sort=name&q=${'a'.repeat(150)}`,
    );
    expect(s.filter).toEqual({ categories: ['THREAT'] });
    expect([s.chart, s.compare, s.metric, s.sort]).toEqual(['line', null, 'count', 'count']);
    expect(s.q).toHaveLength(100);
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
      chart: 'line',
      compare: null,
      metric: 'count',
      sort: 'count',
      q: '',
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

describe('sharedQuery and withFilterValue', () => {
  it('keeps only the filter and the language for links to other pages', () => {
    const s = parseUrlState('?provinceCodes=440000&groupBy=CATEGORY&metric=rate&q=x&lang=en');
    expect(sharedQuery(s)).toBe('provinceCodes=440000&lang=en');
  });

  it('adds a clicked value to its filter list once', () => {
    const s = parseUrlState('?provinceCodes=440000');
    const next = withFilterValue(s, 'provinceCodes', '110000');
    expect(next.filter.provinceCodes).toEqual(['440000', '110000']);
    expect(withFilterValue(next, 'provinceCodes', '110000')).toBe(next);
    expect(withFilterValue(s, 'categories', 'THREAT').filter.categories).toEqual(['THREAT']);
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
