import { describe, expect, it } from 'vitest';
import { attachmentName, complaintsExportLink, reportLink } from './downloadLinks';

describe('download links', () => {
  it('puts the filter, format and language in the query, lists comma-joined and sorted', () => {
    expect(
      reportLink(
        {
          from: '2026-07-01',
          to: '2026-09-30',
          provinceCodes: ['450000', '440000'],
          categories: [],
        },
        'pdf',
        'en',
      ),
    ).toBe(
      '/api/reports/quarterly?from=2026-07-01&to=2026-09-30&provinceCodes=440000%2C450000&format=pdf&lang=en',
    );
    expect(complaintsExportLink({ institutionIds: ['7'] }, 'xlsx', 'zh')).toBe(
      '/api/exports/complaints?institutionIds=7&format=xlsx&lang=zh',
    );
  });

  it('reads the file name from Content-Disposition', () => {
    expect(attachmentName('attachment; filename="complaints-2026-11-30.csv"', 'x.csv')).toBe(
      'complaints-2026-11-30.csv',
    );
    expect(attachmentName(null, 'x.csv')).toBe('x.csv');
  });
});
