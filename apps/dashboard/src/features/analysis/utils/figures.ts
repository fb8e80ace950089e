// Number formats of the analysis pages, per language: shares, changes and rates.
import type { Lang } from '@cw/domain';

const locale = (lang: Lang) => (lang === 'zh' ? 'zh-CN' : 'en-US');

/** 0.1234 -> "12.3%"; null -> "—". */
export function formatShare(share: number | null | undefined, lang: Lang): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '—';
  return new Intl.NumberFormat(locale(lang), {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(share);
}

/** 0.125 -> "+12.5%", -0.04 -> "−4.0%", 0 -> "0.0%"; null (no earlier count) -> "—". */
export function formatChange(change: number | null | undefined, lang: Lang): string {
  if (change === null || change === undefined || !Number.isFinite(change)) return '—';
  const text = formatShare(Math.abs(change), lang);
  if (Math.abs(change) < 0.0005) return text;
  return `${change > 0 ? '+' : '−'}${text}`;
}

/** A rate with up to two decimals: 12.3456 -> "12.35"; null -> "—". */
export function formatRate(rate: number | null | undefined, lang: Lang): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return '—';
  return new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 2 }).format(rate);
}

/** Which way a change went, for colour and an arrow beside the text (never colour alone). */
export function changeDirection(
  change: number | null | undefined,
): 'up' | 'down' | 'flat' | 'none' {
  if (change === null || change === undefined || !Number.isFinite(change)) return 'none';
  if (Math.abs(change) < 0.0005) return 'flat';
  return change > 0 ? 'up' : 'down';
}
