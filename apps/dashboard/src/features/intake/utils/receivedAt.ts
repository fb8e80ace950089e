// The "received at" field: an <input type="datetime-local"> holds wall-clock time with no
// zone; the operator means Beijing time (Asia/Shanghai, UTC+8 all year, no daylight
// saving), whatever zone the browser is in. These convert between that text and instants.

export const SHANGHAI_OFFSET = '+08:00';
const OFFSET_MS = 8 * 60 * 60 * 1000;
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** An instant as Beijing wall-clock time for the input: '2026-03-02T14:05'. */
export function toShanghaiLocal(instant: Date): string {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 16);
}

/**
 * The input's text as ISO 8601 with the Beijing offset: '2026-03-02T14:05' →
 * '2026-03-02T14:05:00+08:00'. Null for empty or impossible text (2026-02-30, 24:00).
 */
export function localToIso(local: string): string | null {
  const m = LOCAL.exec(local.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s = '00'] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const check = new Date(Date.UTC(year, month - 1, day));
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day ||
    Number(h) > 23 ||
    Number(mi) > 59 ||
    Number(s) > 59
  ) {
    return null;
  }
  return `${y}-${mo}-${d}T${h}:${mi}:${s}${SHANGHAI_OFFSET}`;
}

/** An instant from the API (any offset) as the input's text; null if unreadable. */
export function isoToLocal(iso: string): string | null {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : toShanghaiLocal(new Date(ms));
}

/**
 * True when the text names a moment after `now` (with a minute's grace for a clock a
 * little ahead); false for text that is not a time at all.
 */
export function isInFuture(local: string, now: Date, graceMs = 60_000): boolean {
  const iso = localToIso(local);
  return iso !== null && Date.parse(iso) > now.getTime() + graceMs;
}
