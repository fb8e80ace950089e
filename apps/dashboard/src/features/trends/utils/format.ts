// Language-aware labels for periods and numbers. Dates are calendar dates (YYYY-MM-DD) on the
// Shanghai calendar: they are formatted from their digits, never through a Date in the
// browser's time zone.
import type { Interval, Lang } from '@cw/domain';

const MONTHS_EN = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const;

function digits(date: string): [number, number, number] {
  const [y = NaN, m = NaN, d = NaN] = date.split('-').map(Number);
  return [y, m, d];
}

/** A bucket's label from its first day: 2026年3月 / Mar 2026, 2026年第1季度 / 2026 Q1, ... */
export function formatPeriod(period: string, interval: Interval, lang: Lang): string {
  const [y, m, d] = digits(period);
  if (!Number.isFinite(y) || !Number.isFinite(m) || !Number.isFinite(d)) return period;
  const monthEn = MONTHS_EN[m - 1] ?? String(m);
  switch (interval) {
    case 'DAY':
      return lang === 'zh' ? `${y}年${m}月${d}日` : `${monthEn} ${d}, ${y}`;
    case 'WEEK':
      return lang === 'zh' ? `${period} 当周` : `Week of ${period}`;
    case 'MONTH':
      return lang === 'zh' ? `${y}年${m}月` : `${monthEn} ${y}`;
    case 'QUARTER': {
      const q = Math.floor((m - 1) / 3) + 1;
      return lang === 'zh' ? `${y}年第${q}季度` : `${y} Q${q}`;
    }
    case 'YEAR':
      return lang === 'zh' ? `${y}年` : String(y);
  }
}

/** A calendar date for prose: 2026年3月2日 / Mar 2, 2026. */
export function formatDate(date: string, lang: Lang): string {
  return formatPeriod(date, 'DAY', lang);
}

const SHANGHAI_PARTS = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/**
 * An instant (ISO 8601 with offset) as Beijing time, whatever the browser's zone:
 * 2026年3月2日 14:05:09 / Mar 2, 2026 14:05:09 (without seconds when `seconds` is false).
 * Built from parts so the text does not depend on the ICU version's punctuation.
 */
export function formatDateTime(iso: string, lang: Lang, seconds = true): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const part: Record<string, string> = {};
  for (const p of SHANGHAI_PARTS.formatToParts(date)) part[p.type] = p.value;
  const day = `${part['year']}-${part['month']}-${part['day']}`;
  const time = `${part['hour']}:${part['minute']}${seconds ? `:${part['second']}` : ''}`;
  return `${formatDate(day, lang)} ${time}`;
}
