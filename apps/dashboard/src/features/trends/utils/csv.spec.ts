import { describe, expect, it } from 'vitest';
import { BOM, csvField, csvFileName, trendToCsv } from './csv';

describe('csvField', () => {
  it('quotes commas, quotes and line breaks', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('广东省')).toBe('广东省');
    expect(csvField(1234)).toBe('1234');
  });

  it('defuses text that a spreadsheet would evaluate', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('+1')).toBe("'+1");
    expect(csvField(-3)).toBe('-3');
  });
});

describe('trendToCsv', () => {
  const model = {
    series: [
      { key: '440000', label: '广东省', total: 5 },
      { key: 'OTHER', label: '其他, 合并', total: 2 },
    ],
    rows: [
      { period: '2026-01-01', label: '2026年1月', values: { '440000': 3, OTHER: 2 } },
      {
        period: '2026-02-01',
        label: '2026年2月',
        values: { '440000': 2 } as Record<string, number>,
      },
    ],
  };

  it('writes UTF-8 with a BOM, one row per period and one column per series', () => {
    const csv = trendToCsv(model, { periodStart: '期间起始日', period: '期间' });
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      '期间起始日,期间,广东省,"其他, 合并"',
      '2026-01-01,2026年1月,3,2',
      '2026-02-01,2026年2月,2,0',
      '',
    ]);
  });
});

describe('csvFileName', () => {
  it('names the view', () => {
    expect(
      csvFileName({ interval: 'MONTH', from: '2025-04-01', to: '2026-03-31', groupBy: 'PROVINCE' }),
    ).toBe('complaints-month-2025-04-01_2026-03-31-by-province.csv');
    expect(csvFileName({ interval: 'YEAR' })).toBe('complaints-year-start_today.csv');
  });
});
