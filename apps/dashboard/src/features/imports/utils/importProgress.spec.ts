import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatDuration,
  formatLabel,
  isFinalStatus,
  outcomeCounts,
  runDuration,
  statusLabel,
  summaryTitle,
  uploadPercent,
  uploadProgressText,
} from './importProgress';

describe('uploadPercent', () => {
  it('gives whole percents, never more than 100', () => {
    expect(uploadPercent(0, 1000)).toBe(0);
    expect(uploadPercent(333, 1000)).toBe(33);
    expect(uploadPercent(999, 1000)).toBe(99);
    expect(uploadPercent(1000, 1000)).toBe(100);
    expect(uploadPercent(1200, 1000)).toBe(100);
  });

  it('says 0 while the total is unknown', () => {
    expect(uploadPercent(500, 0)).toBe(0);
    expect(uploadPercent(Number.NaN, 100)).toBe(0);
  });
});

describe('formatBytes', () => {
  it('uses binary units with about three significant digits', () => {
    expect(formatBytes(0, 'en')).toBe('0 B');
    expect(formatBytes(980, 'en')).toBe('980 B');
    expect(formatBytes(1536, 'en')).toBe('1.50 KB');
    expect(formatBytes(12.34 * 1024 * 1024, 'en')).toBe('12.3 MB');
    expect(formatBytes(250 * 1024 * 1024, 'zh')).toBe('250 MB');
    expect(formatBytes(1.5 * 1024 ** 3, 'zh')).toBe('1.50 GB');
  });
});

describe('uploadProgressText', () => {
  it('says how much of how much, and the share', () => {
    expect(uploadProgressText(512 * 1024, 2 * 1024 * 1024, 'zh')).toBe(
      '已上传 512 KB / 2.00 MB（25%）',
    );
    expect(uploadProgressText(512 * 1024, 2 * 1024 * 1024, 'en')).toBe(
      '512 KB of 2.00 MB uploaded (25%)',
    );
  });
});

describe('formatDuration', () => {
  it('uses seconds, then minutes and seconds, then hours and minutes', () => {
    expect(formatDuration(400, 'zh')).toBe('0 秒');
    expect(formatDuration(8_200, 'zh')).toBe('8 秒');
    expect(formatDuration(125_000, 'zh')).toBe('2 分 05 秒');
    expect(formatDuration(125_000, 'en')).toBe('2 min 05 s');
    expect(formatDuration(3_780_000, 'en')).toBe('1 h 03 min');
  });

  it('is empty while a run has not finished', () => {
    expect(runDuration('2026-03-02T06:00:00Z', null, 'en')).toBeNull();
    expect(runDuration('2026-03-02T06:00:00Z', '2026-03-02T06:00:42Z', 'en')).toBe('42 s');
    expect(runDuration('nonsense', '2026-03-02T06:00:42Z', 'en')).toBeNull();
  });
});

describe('run outcome', () => {
  it('lists the outcome counters in a fixed order', () => {
    const run = { read: 10, inserted: 5, updated: 2, unchanged: 1, skipped: 1, rejected: 1 };
    expect(outcomeCounts(run)).toEqual([
      { key: 'inserted', value: 5 },
      { key: 'updated', value: 2 },
      { key: 'unchanged', value: 1 },
      { key: 'skipped', value: 1 },
      { key: 'rejected', value: 1 },
    ]);
  });

  it('stops polling at any status but RUNNING', () => {
    expect(isFinalStatus('RUNNING')).toBe(false);
    for (const s of ['SUCCEEDED', 'FAILED', 'ABANDONED', 'SOMETHING_NEW']) {
      expect(isFinalStatus(s)).toBe(true);
    }
  });

  it('labels statuses and formats, showing unknown ones as their code', () => {
    expect(statusLabel('SUCCEEDED', 'zh')).toBe('已完成');
    expect(statusLabel('ABANDONED', 'en')).toBe('Abandoned');
    expect(statusLabel('PAUSED', 'en')).toBe('PAUSED');
    expect(summaryTitle('FAILED', 'zh')).toBe('导入失败');
    expect(summaryTitle('SUCCEEDED', 'en')).toBe('Import finished');
    expect(formatLabel('cfpb', 'en')).toBe('CFPB export (CSV)');
    expect(formatLabel('xml', 'en')).toBe('xml');
  });
});
