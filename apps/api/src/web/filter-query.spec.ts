import { describe, expect, it } from 'vitest';
import { AppError } from '../graphql/app-error.js';
import { choiceParam, filterFromQuery } from './filter-query.js';

function refusal(fn: () => unknown): { field: unknown; message: string } {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return { field: e.details?.['field'], message: e.message };
    throw e;
  }
  throw new Error('not refused');
}

describe('filterFromQuery', () => {
  it('reads lists repeated or comma-separated, and leaves other parameters alone', () => {
    expect(
      filterFromQuery({
        from: '2026-07-01',
        to: '2026-09-30',
        provinceCodes: ['440000', '450000,110000'],
        categories: 'THREAT, INSULT',
        format: 'pdf',
      }),
    ).toEqual({
      from: '2026-07-01',
      to: '2026-09-30',
      provinceCodes: ['110000', '440000', '450000'],
      categories: ['INSULT', 'THREAT'],
    });
    expect(filterFromQuery({})).toEqual({});
    expect(filterFromQuery({ institutionIds: '' })).toEqual({});
  });

  it('refuses a bad value, naming the parameter, the item and the reason', () => {
    expect(refusal(() => filterFromQuery({ categories: 'THREAT,NOPE' }))).toEqual({
      field: 'categories',
      message: expect.stringMatching(/^categories: .*\(item 2\)$/),
    });
    expect(refusal(() => filterFromQuery({ from: '2026-02-30' })).field).toBe('from');
    expect(refusal(() => filterFromQuery({ from: ['2026-01-01', '2026-02-01'] }))).toEqual({
      field: 'from',
      message: 'from: must be given once',
    });
    expect(refusal(() => filterFromQuery({ from: '2026-03-01', to: '2026-01-01' })).field).toBe(
      'to',
    );
    expect(
      refusal(() =>
        filterFromQuery({ institutionIds: Array.from({ length: 201 }, (_, i) => String(i + 1)) }),
      ).field,
    ).toBe('institutionIds');
  });
});

describe('choiceParam', () => {
  it('takes a listed value or the fallback, and refuses anything else', () => {
    expect(choiceParam({}, 'format', ['pdf', 'xlsx'] as const, 'pdf')).toBe('pdf');
    expect(choiceParam({ format: 'xlsx' }, 'format', ['pdf', 'xlsx'] as const, 'pdf')).toBe('xlsx');
    expect(
      refusal(() => choiceParam({ format: 'doc' }, 'format', ['pdf', 'xlsx'] as const, 'pdf')),
    ).toEqual({
      field: 'format',
      message: 'format: must be one of pdf, xlsx',
    });
    expect(
      refusal(() => choiceParam({ format: ['pdf', 'pdf'] }, 'format', ['pdf'] as const, 'pdf'))
        .field,
    ).toBe('format');
  });
});
