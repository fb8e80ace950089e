// Quick date ranges, computed on the Shanghai calendar (the day every figure is bucketed in).
import { addMonths, periodStart, quarterOf, quarterRange } from '@cw/domain';

export const DATE_PRESETS = ['thisQuarter', 'lastQuarter', 'last12Months', 'last3Years'] as const;
export type DatePreset = (typeof DATE_PRESETS)[number];

export interface DateRange {
  from: string;
  to: string;
}

/** The range of a preset on Shanghai day `today` (YYYY-MM-DD). Ranges end today at latest. */
export function presetRange(preset: DatePreset, today: string): DateRange {
  switch (preset) {
    case 'thisQuarter': {
      const { year, quarter } = quarterOf(today);
      return { from: quarterRange(year, quarter).from, to: today };
    }
    case 'lastQuarter': {
      const { year, quarter } = quarterOf(addMonths(periodStart(today, 'QUARTER'), -3));
      return quarterRange(year, quarter);
    }
    case 'last12Months':
      // The current month and the eleven before it: twelve monthly buckets.
      return { from: addMonths(periodStart(today, 'MONTH'), -11), to: today };
    case 'last3Years':
      return { from: addMonths(periodStart(today, 'MONTH'), -35), to: today };
  }
}

/** The range shown when the URL names none. */
export function defaultRange(today: string): DateRange {
  return presetRange('last12Months', today);
}

/** Which preset, if any, a range is (for highlighting the preset button). */
export function matchPreset(range: Partial<DateRange>, today: string): DatePreset | null {
  return (
    DATE_PRESETS.find((p) => {
      const r = presetRange(p, today);
      return r.from === range.from && r.to === range.to;
    }) ?? null
  );
}

/** Fills a missing range with the default; a one-sided range stays open on the other side. */
export function withDefaultRange<F extends { from?: string | undefined; to?: string | undefined }>(
  filter: F,
  today: string,
): F {
  if (filter.from || filter.to) return filter;
  return { ...filter, ...defaultRange(today) };
}
