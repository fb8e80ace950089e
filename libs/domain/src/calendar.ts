// Calendar arithmetic in Asia/Shanghai, the time zone every figure is bucketed in.
//
// China has kept UTC+08:00 all year since 1992 (no daylight saving), so for the dates this
// product handles a fixed offset is exact, needs no time-zone database and is the same in
// Node and in every browser. PostgreSQL buckets with `AT TIME ZONE 'Asia/Shanghai'`; the
// tests check that both agree at day, week, quarter and year edges.

export const TIME_ZONE = 'Asia/Shanghai';
const OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export const INTERVALS = ['DAY', 'WEEK', 'MONTH', 'QUARTER', 'YEAR'] as const;
export type Interval = (typeof INTERVALS)[number];

/** A calendar date written YYYY-MM-DD. */
export type CalendarDate = string;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date in YYYY-MM-DD form (2024-02-29 yes, 2023-02-29 no). */
export function isCalendarDate(value: string): boolean {
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

function parts(date: CalendarDate): [number, number, number] {
  if (!isCalendarDate(date)) throw new RangeError(`not a calendar date: ${date}`);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return [y, m, d];
}

function format(y: number, m: number, d: number): CalendarDate {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.toISOString().slice(0, 10);
}

/** The Shanghai calendar date of an instant. */
export function shanghaiDate(instant: Date): CalendarDate {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** The hour of day (0-23) of an instant in Shanghai. */
export function shanghaiHour(instant: Date): number {
  return new Date(instant.getTime() + OFFSET_MS).getUTCHours();
}

/** The instant at which a Shanghai calendar day begins (00:00 +08:00). */
export function shanghaiDayStart(date: CalendarDate): Date {
  const [y, m, d] = parts(date);
  return new Date(Date.UTC(y, m - 1, d) - OFFSET_MS);
}

/** Adds whole days to a calendar date. */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  const [y, m, d] = parts(date);
  return format(y, m, d + days);
}

/** Adds whole months; the day is clamped to the target month's length. */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const [y, m, d] = parts(date);
  const lastDay = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return format(y, m + months, Math.min(d, lastDay));
}

/** The first day of the bucket that holds `date`; weeks start on Monday. */
export function periodStart(date: CalendarDate, interval: Interval): CalendarDate {
  const [y, m, d] = parts(date);
  switch (interval) {
    case 'DAY':
      return date;
    case 'WEEK': {
      const weekday = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7; // Monday = 0
      return format(y, m, d - weekday);
    }
    case 'MONTH':
      return format(y, m, 1);
    case 'QUARTER':
      return format(y, m - ((m - 1) % 3), 1);
    case 'YEAR':
      return format(y, 1, 1);
  }
}

/** The first day of the bucket after the one starting at `start`. */
export function nextPeriod(start: CalendarDate, interval: Interval): CalendarDate {
  switch (interval) {
    case 'DAY':
      return addDays(start, 1);
    case 'WEEK':
      return addDays(start, 7);
    case 'MONTH':
      return addMonths(start, 1);
    case 'QUARTER':
      return addMonths(start, 3);
    case 'YEAR':
      return addMonths(start, 12);
  }
}

/** Every bucket start from the bucket holding `from` to the one holding `to`, inclusive. */
export function periodsBetween(
  from: CalendarDate,
  to: CalendarDate,
  interval: Interval,
): CalendarDate[] {
  const out: CalendarDate[] = [];
  const last = periodStart(to, interval);
  for (let p = periodStart(from, interval); p <= last; p = nextPeriod(p, interval)) out.push(p);
  return out;
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: CalendarDate, b: CalendarDate): number {
  return Math.round((shanghaiDayStart(b).getTime() - shanghaiDayStart(a).getTime()) / DAY_MS);
}

/** Quarter (1-4) and year of a calendar date. */
export function quarterOf(date: CalendarDate): { year: number; quarter: number } {
  const [y, m] = parts(date);
  return { year: y, quarter: Math.floor((m - 1) / 3) + 1 };
}

/** First and last day of a quarter. */
export function quarterRange(
  year: number,
  quarter: number,
): { from: CalendarDate; to: CalendarDate } {
  if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4) {
    throw new RangeError(`quarter must be 1-4, got ${quarter}`);
  }
  const from = format(year, (quarter - 1) * 3 + 1, 1);
  return { from, to: addDays(addMonths(from, 3), -1) };
}
