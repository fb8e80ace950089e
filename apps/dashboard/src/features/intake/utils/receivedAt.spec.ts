import { describe, expect, it } from 'vitest';
import { isInFuture, isoToLocal, localToIso, toShanghaiLocal } from './receivedAt';

// Run with TZ=UTC (vitest.config.ts): the results must not depend on the machine's zone.
describe('received-at conversions (Beijing time)', () => {
  it('shows an instant as Beijing wall-clock time', () => {
    expect(toShanghaiLocal(new Date('2026-03-02T06:05:09Z'))).toBe('2026-03-02T14:05');
    // Late evening UTC is the next morning in Beijing.
    expect(toShanghaiLocal(new Date('2026-12-31T20:30:00Z'))).toBe('2027-01-01T04:30');
  });

  it('sends the input’s time with the +08:00 offset', () => {
    expect(localToIso('2026-03-02T14:05')).toBe('2026-03-02T14:05:00+08:00');
    expect(localToIso('2026-03-02T14:05:30')).toBe('2026-03-02T14:05:30+08:00');
    expect(Date.parse(localToIso('2027-01-01T04:30')!)).toBe(Date.parse('2026-12-31T20:30:00Z'));
  });

  it('refuses empty and impossible times', () => {
    expect(localToIso('')).toBeNull();
    expect(localToIso('2026-02-30T10:00')).toBeNull();
    expect(localToIso('2026-03-02T24:00')).toBeNull();
    expect(localToIso('2026-03-02 14:05')).toBeNull();
  });

  it('round-trips between the API and the input', () => {
    expect(isoToLocal('2026-03-02T14:05:00+08:00')).toBe('2026-03-02T14:05');
    expect(isoToLocal('2026-03-02T06:05:00.000Z')).toBe('2026-03-02T14:05');
    expect(isoToLocal('yesterday')).toBeNull();
  });

  it('spots a time in the future, allowing a minute for clock drift', () => {
    const now = new Date('2026-03-02T06:05:00Z'); // 14:05 in Beijing
    expect(isInFuture('2026-03-02T14:05', now)).toBe(false);
    expect(isInFuture('2026-03-02T14:06', now)).toBe(false);
    expect(isInFuture('2026-03-02T14:07', now)).toBe(true);
    expect(isInFuture('not a time', now)).toBe(false);
  });
});
