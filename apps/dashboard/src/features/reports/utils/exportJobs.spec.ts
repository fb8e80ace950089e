import { describe, expect, it } from 'vitest';
import type { ExportJobData } from '../graphql/exportJobs';
import { anyOpen, fileSize, percent } from './exportJobs';

const job = (status: string, progress = 0): ExportJobData => ({
  id: '1',
  kind: 'COMPLAINTS',
  format: 'CSV',
  status,
  rowsTotal: 100,
  rowsDone: 0,
  progress,
  fileName: null,
  fileBytes: null,
  error: null,
  downloadUrl: null,
  createdAt: '2026-11-30T02:00:00Z',
  finishedAt: null,
  expiresAt: null,
});

describe('export list', () => {
  it('polls while a job is queued or running', () => {
    expect(anyOpen([job('DONE'), job('RUNNING')])).toBe(true);
    expect(anyOpen([job('DONE'), job('FAILED'), job('EXPIRED')])).toBe(false);
    expect(anyOpen([])).toBe(false);
  });

  it('shows progress and sizes in plain figures', () => {
    expect(percent(job('RUNNING', 0.456))).toBe(46);
    expect(percent(job('RUNNING', 1.2))).toBe(100);
    expect(fileSize(2048)).toBe('2 KB');
    expect(fileSize(300)).toBe('1 KB');
    expect(fileSize(5 * 1024 * 1024 + 100_000)).toBe('5.1 MB');
    expect(fileSize(null)).toBe('');
  });
});
