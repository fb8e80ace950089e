import { describe, expect, it } from 'vitest';
import { figureFileName, tableToCsv } from './table';

describe('figure tables as CSV', () => {
  it('writes the header and rows cell for cell, with the BOM and CRLF, quoting where needed', () => {
    const csv = tableToCsv({
      headers: ['机构', '件数', 'Change (%)'],
      rows: [
        ['甲银行, 北京', 12, -4.5],
        ['=cmd', 3, ''],
      ],
    });
    expect(csv).toBe('\uFEFF机构,件数,Change (%)\r\n"甲银行, 北京",12,-4.5\r\n\'=cmd,3,\r\n');
  });

  it('names the file after the figure and the dates', () => {
    expect(figureFileName('Ranking INSTITUTION', '2026-01-01', '2026-03-31')).toBe(
      'ranking-institution_2026-01-01_2026-03-31.csv',
    );
    expect(figureFileName('图', undefined, undefined)).toBe('figure_start_today.csv');
  });
});
