import { describe, expect, it } from 'vitest';
import { analysisPageOf } from './App';

describe('analysisPageOf', () => {
  it('finds the analysis page a path opens, to load its code at once', () => {
    expect(analysisPageOf('/')).toBe('overview');
    expect(analysisPageOf('/trends')).toBe('trends');
    expect(analysisPageOf('/institutions/17')).toBe('institution');
    expect(analysisPageOf('/complaints/5')).toBe('complaint');
    expect(analysisPageOf('/regions/')).toBe('regions');
    expect(analysisPageOf('/spikes')).toBe('spikes');
    expect(analysisPageOf('/regions/x')).toBeNull();
    expect(analysisPageOf('/admin/users')).toBeNull();
    expect(analysisPageOf('/login')).toBeNull();
  });
});
