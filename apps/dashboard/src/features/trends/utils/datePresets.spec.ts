import { describe, expect, it } from 'vitest';
import type { ComplaintFilter } from '@cw/domain';
import { defaultRange, matchPreset, presetRange, withDefaultRange } from './datePresets';

describe('presetRange', () => {
  const today = '2026-05-14';

  it('this quarter runs from its first day to today', () => {
    expect(presetRange('thisQuarter', today)).toEqual({ from: '2026-04-01', to: today });
  });

  it('last quarter is the whole previous quarter, across a year end', () => {
    expect(presetRange('lastQuarter', today)).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(presetRange('lastQuarter', '2026-02-10')).toEqual({
      from: '2025-10-01',
      to: '2025-12-31',
    });
  });

  it('last 12 months is twelve monthly buckets ending with the current one', () => {
    expect(presetRange('last12Months', today)).toEqual({ from: '2025-06-01', to: today });
    expect(presetRange('last12Months', '2026-01-31')).toEqual({
      from: '2025-02-01',
      to: '2026-01-31',
    });
  });

  it('last 3 years is thirty-six monthly buckets', () => {
    expect(presetRange('last3Years', today)).toEqual({ from: '2023-06-01', to: today });
  });
});

describe('matchPreset / defaults', () => {
  const today = '2026-05-14';

  it('recognises a preset range and nothing else', () => {
    expect(matchPreset(presetRange('lastQuarter', today), today)).toBe('lastQuarter');
    expect(matchPreset({ from: '2026-01-02', to: today }, today)).toBeNull();
    expect(matchPreset({}, today)).toBeNull();
  });

  it('fills an absent range with the last 12 months, keeps one-sided ranges open', () => {
    const filter: ComplaintFilter = { provinceCodes: ['440000'] };
    expect(withDefaultRange(filter, today)).toEqual({
      provinceCodes: ['440000'],
      ...defaultRange(today),
    });
    expect(withDefaultRange({ from: '2026-01-01' }, today)).toEqual({ from: '2026-01-01' });
  });
});
