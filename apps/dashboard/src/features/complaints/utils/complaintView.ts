// Pure helpers of the complaint list and detail: labels from @cw/domain, the excerpt, the
// declared/detected split and the handling time.
import { CATEGORY, TIMELY_RESPONSE_DAYS, type Lang } from '@cw/domain';

/** The first `max` characters of a narrative, cut at a character (not a UTF-16 half). */
export function excerpt(text: string | null, max = 60): string {
  if (!text) return '';
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max).join('').trimEnd()}…`;
}

export function categoryLabels(codes: readonly string[], lang: Lang): string[] {
  return codes.map((c) => (CATEGORY.is(c) ? CATEGORY.labels[c][lang] : c));
}

export interface CategoryRow {
  code: string;
  label: string;
  declared: boolean;
  detected: boolean;
}

/** Every category of a complaint, with whether the complainant declared it, the classifier found it, or both. */
export function categoryRows(
  declared: readonly string[],
  detected: readonly string[],
  lang: Lang,
): CategoryRow[] {
  const codes = CATEGORY.codes.filter((c) => declared.includes(c) || detected.includes(c));
  return codes.map((code) => ({
    code,
    label: CATEGORY.labels[code][lang],
    declared: declared.includes(code),
    detected: detected.includes(code),
  }));
}

const DAY_MS = 86_400_000;

/**
 * Whole days from receipt to answer, and whether the answer came within 15 x 24 hours of
 * receipt (the definition of docs/metrics.md: between the two instants, not calendar days).
 */
export function answerTime(
  receivedAt: string,
  respondedAt: string | null,
): { days: number; timely: boolean } | null {
  if (!respondedAt) return null;
  const ms = Date.parse(respondedAt) - Date.parse(receivedAt);
  return { days: Math.floor(ms / DAY_MS), timely: ms <= TIMELY_RESPONSE_DAYS * DAY_MS };
}
