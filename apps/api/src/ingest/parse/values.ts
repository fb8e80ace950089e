// Reading single values as files write them: dates and times in the forms Chinese offices and
// Excel produce, amounts, day counts, and the keys used to match names case-, width- and
// space-insensitively. Each reader returns a value or the reason it cannot.

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
/** Asia/Shanghai is UTC+08:00 all year (no daylight saving since 1991). */
const SHANGHAI_OFFSET_MS = 8 * HOUR_MS;
/** Day 0 of Excel's 1900 date system is 1899-12-30 (counting its phantom 1900-02-29). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const MIN_YEAR = 2000;

export type Result<T> = { ok: true; value: T } | { ok: false; reason: string };

const ok = <T>(value: T): Result<T> => ({ ok: true, value });
const fail = <T>(reason: string): Result<T> => ({ ok: false, reason });

/** Matching key: NFKC (full width to half width), lower case, letters and digits only. */
export function matchKey(input: string): string {
  return input
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** Length in characters (code points), as the limits count them. */
export function charLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff) n++;
  }
  return n;
}

// ---------------------------------------------------------------------------------------------
// Dates and times

interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
  /** Minutes east of UTC; null: local time, read as Asia/Shanghai. */
  offsetMinutes: number | null;
}

export const ACCEPTED_DATE_FORMS =
  '2024-07-01T08:00:00+08:00, 2024-07-01T00:00:00Z, 2024-07-01 08:00:00, 2024/7/1 8:00, 2024/7/1, 2024年7月1日, 20240701';

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  const t = new Date(Date.UTC(year, month - 1, day));
  return t.getUTCFullYear() === year && t.getUTCMonth() === month - 1 && t.getUTCDate() === day;
}

function meridiem(hour: number, marker: string | undefined): number | null {
  if (!marker) return hour;
  const m = marker.toLowerCase();
  if (hour < 1 || hour > 12) {
    // 下午 3:00 is 15:00; 下午 15:00 is also seen and kept.
    return (m === 'pm' || m === '下午' || m === '晚上') && hour > 12 && hour < 24 ? hour : null;
  }
  const pm = m === 'pm' || m === '下午' || m === '晚上';
  if (pm) return hour === 12 ? 12 : hour + 12;
  return hour === 12 ? 0 : hour; // am, 上午, 凌晨, 早上
}

function parseOffset(text: string | undefined): number | null | undefined {
  if (!text) return null;
  const t = text.toLowerCase();
  if (t === 'z' || t === 'utc' || t === 'gmt') return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(t);
  if (!m) return undefined;
  const hours = Number(m[2]);
  const minutes = Number(m[3] ?? '0');
  if (hours > 14 || minutes > 59) return undefined;
  return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

const NUMERIC_DATE_RE =
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:(?:t|\s+)(上午|下午|凌晨|早上|晚上)?\s*(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:[.,](\d{1,9}))?)?\s*(am|pm)?)?\s*(z|utc|gmt|[+-]\d{2}(?::?\d{2})?)?$/i;

const CHINESE_DATE_RE =
  /^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?(?:\s*(上午|下午|凌晨|早上|晚上)?\s*(\d{1,2})(?::(\d{1,2})(?::(\d{1,2}))?|[时点](?:(\d{1,2})分(?:(\d{1,2})秒)?)?))?$/;

const COMPACT_DATE_RE = /^(\d{4})(\d{2})(\d{2})$/;

function wallFromText(text: string): WallTime | string {
  let m = NUMERIC_DATE_RE.exec(text);
  if (m) {
    const offset = parseOffset(m[10]);
    if (offset === undefined) return 'has an unreadable UTC offset';
    const rawHour = m[5] === undefined ? 0 : Number(m[5]);
    const hour = meridiem(rawHour, m[4] ?? m[9]);
    if (hour === null) return `hour ${rawHour} does not go with ${m[4] ?? m[9]}`;
    return {
      year: Number(m[1]),
      month: Number(m[2]),
      day: Number(m[3]),
      hour,
      minute: Number(m[6] ?? '0'),
      second: Number(m[7] ?? '0'),
      ms: m[8] ? Math.floor(Number(`0.${m[8]}`) * 1000) : 0,
      offsetMinutes: offset,
    };
  }
  m = CHINESE_DATE_RE.exec(text);
  if (m) {
    const rawHour = m[5] === undefined ? 0 : Number(m[5]);
    const hour = meridiem(rawHour, m[4]);
    if (hour === null) return `hour ${rawHour} does not go with ${m[4]}`;
    return {
      year: Number(m[1]),
      month: Number(m[2]),
      day: Number(m[3]),
      hour,
      minute: Number(m[6] ?? m[8] ?? '0'),
      second: Number(m[7] ?? m[9] ?? '0'),
      ms: 0,
      offsetMinutes: null,
    };
  }
  m = COMPACT_DATE_RE.exec(text);
  if (m) {
    return {
      year: Number(m[1]),
      month: Number(m[2]),
      day: Number(m[3]),
      hour: 0,
      minute: 0,
      second: 0,
      ms: 0,
      offsetMinutes: null,
    };
  }
  return `is not a date or time (accepted: ${ACCEPTED_DATE_FORMS})`;
}

function instantFromWall(w: WallTime): Result<Date> {
  if (!isRealDate(w.year, w.month, w.day)) {
    return fail(`${w.year}-${pad(w.month)}-${pad(w.day)} is not a calendar date`);
  }
  if (w.hour > 23 || w.minute > 59 || w.second > 59) {
    return fail(`${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)} is not a time of day`);
  }
  const wall = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.ms);
  const offsetMs = w.offsetMinutes === null ? SHANGHAI_OFFSET_MS : w.offsetMinutes * 60_000;
  return ok(new Date(wall - offsetMs));
}

/** An Excel serial day number (1900 system) as a Shanghai wall time. */
function instantFromSerial(serial: number): Result<Date> {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2_958_466) {
    return fail(`${serial} is not an Excel date serial number`);
  }
  const wall = EXCEL_EPOCH_MS + Math.round(serial * DAY_MS);
  return ok(new Date(wall - SHANGHAI_OFFSET_MS));
}

function checkRange(instant: Date, now: Date): Result<Date> {
  const t = instant.getTime();
  if (Number.isNaN(t)) return fail('is not a date');
  const shanghaiYear = new Date(t + SHANGHAI_OFFSET_MS).getUTCFullYear();
  if (shanghaiYear < MIN_YEAR) return fail(`is before ${MIN_YEAR}`);
  if (t > now.getTime() + DAY_MS) return fail('is more than a day in the future');
  return ok(instant);
}

/**
 * An instant from what a cell holds.
 * - text: ISO 8601 with Z or an offset is that instant; without an offset (2024-07-01 08:00,
 *   2024/7/1 8:00, 2024年7月1日 8时) it is Asia/Shanghai wall time; a date alone is 00:00 in
 *   Shanghai; 20240701 is a date; a five-digit number is an Excel serial day;
 * - a Date (an XLSX date cell as exceljs gives it: the wall time in UTC fields) is read as
 *   Shanghai wall time;
 * - a number is an Excel serial day, Shanghai wall time.
 * Rejected: impossible dates (2024-02-30), years before 2000, more than a day after `now`.
 */
export function parseInstant(value: string | number | Date, now: Date): Result<Date> {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return fail('is not a date');
    return checkRange(new Date(value.getTime() - SHANGHAI_OFFSET_MS), now);
  }
  if (typeof value === 'number') {
    const instant = instantFromSerial(value);
    return instant.ok ? checkRange(instant.value, now) : instant;
  }
  const text = value.normalize('NFKC').trim();
  if (/^\d{5}(?:\.\d+)?$/.test(text)) {
    const instant = instantFromSerial(Number(text));
    return instant.ok ? checkRange(instant.value, now) : instant;
  }
  const wall = wallFromText(text);
  if (typeof wall === 'string') return fail(wall);
  const instant = instantFromWall(wall);
  return instant.ok ? checkRange(instant.value, now) : instant;
}

// ---------------------------------------------------------------------------------------------
// Numbers

const MAX_AMOUNT = 1e12;
const MAX_OVERDUE_DAYS = 36_500;

function plainNumber(text: string): number | null {
  if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(text)) return Number(text.replace(/,/g, ''));
  if (/^\d+(?:\.\d+)?$/.test(text) || /^\.\d+$/.test(text)) return Number(text);
  return null;
}

/**
 * An amount of money (CNY): 1234.56, 1,234.56, １２３４, 1234元, ¥1234, 5万, 5万元, RMB 1234.
 * Rounded to the cent; negative amounts and amounts over 10^12 are rejected.
 */
export function parseAmount(value: string | number): Result<number> {
  let amount: number | null;
  if (typeof value === 'number') {
    amount = value;
  } else {
    let text = value.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, '');
    if (text.startsWith('-')) return fail('must not be negative');
    text = text.replace(/^(?:¥|cny|rmb|人民币)/, '').replace(/(?:元|块|cny|rmb|人民币)$/, '');
    let factor = 1;
    if (text.endsWith('万')) {
      factor = 10_000;
      text = text.slice(0, -1);
    }
    const n = plainNumber(text);
    amount = n === null ? null : n * factor;
  }
  if (amount === null || !Number.isFinite(amount)) {
    return fail('is not an amount (examples: 1234.56, 1,234.56, 1234元, 5万元)');
  }
  if (amount < 0) return fail('must not be negative');
  if (amount > MAX_AMOUNT) return fail(`is larger than ${MAX_AMOUNT}`);
  return ok(Math.round(amount * 100) / 100);
}

/** A whole number of days, 0 to 36,500: 30, 30天, 30 days, １,０００. */
export function parseDays(value: string | number): Result<number> {
  let days: number | null;
  if (typeof value === 'number') {
    days = value;
  } else {
    const text = value
      .normalize('NFKC')
      .trim()
      .toLowerCase()
      .replace(/\s*(?:天|日|days?)$/, '');
    if (text.startsWith('-')) return fail('must not be negative');
    days = plainNumber(text);
  }
  if (days === null || !Number.isFinite(days)) return fail('is not a number of days');
  if (!Number.isInteger(days)) return fail('must be a whole number of days');
  if (days < 0) return fail('must not be negative');
  if (days > MAX_OVERDUE_DAYS) return fail(`is more than ${MAX_OVERDUE_DAYS} days`);
  return ok(days);
}
