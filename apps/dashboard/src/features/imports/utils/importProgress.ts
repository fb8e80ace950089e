// How an upload's progress and a run's outcome are put into words: bytes, percentages,
// durations, the counters in their order.
import type { Lang } from '@cw/domain';
import { localeOf, translate, type MessageKey } from '../../../app/i18n';
import type { ImportCounts } from '../graphql/importRun';

export const IMPORT_STATUSES = ['RUNNING', 'SUCCEEDED', 'FAILED', 'ABANDONED'] as const;
export type KnownImportStatus = (typeof IMPORT_STATUSES)[number];

export function isKnownStatus(status: string): status is KnownImportStatus {
  return (IMPORT_STATUSES as readonly string[]).includes(status);
}

/** Anything but RUNNING is an end state: polling stops. */
export function isFinalStatus(status: string): boolean {
  return status !== 'RUNNING';
}

/** The outcome counters, in the order the summary shows them (`read` is shown apart). */
export const OUTCOME_COUNTERS = [
  'inserted',
  'updated',
  'unchanged',
  'skipped',
  'rejected',
] as const;
export type OutcomeCounter = (typeof OUTCOME_COUNTERS)[number];

export function outcomeCounts(run: ImportCounts): { key: OutcomeCounter; value: number }[] {
  return OUTCOME_COUNTERS.map((key) => ({ key, value: run[key] }));
}

/** 0–100, whole; 0 when the total is not known yet. */
export function uploadPercent(loaded: number, total: number): number {
  if (!(total > 0) || !(loaded > 0)) return 0;
  return Math.min(100, Math.floor((loaded / total) * 100));
}

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

/** 0 B, 980 B, 1.5 KB, 12.3 MB, 1.02 GB (three significant digits, 1 KB = 1024 B). */
export function formatBytes(bytes: number, lang: Lang): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 ? 0 : value < 10 ? 2 : value < 100 ? 1 : 0;
  const text = new Intl.NumberFormat(localeOf(lang), {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(unit === 0 ? Math.round(value) : value);
  return `${text} ${UNITS[unit]}`;
}

/** "1.5 MB / 4.0 MB (37%)" in the page's language. */
export function uploadProgressText(loaded: number, total: number, lang: Lang): string {
  return translate(lang, 'uploadProgress', {
    loaded: formatBytes(loaded, lang),
    total: formatBytes(total, lang),
    percent: uploadPercent(loaded, total),
  });
}

/** How long a run took: 8 秒 / 8 s, 2 分 05 秒 / 2 min 05 s, 1 小时 03 分 / 1 h 03 min. */
export function formatDuration(ms: number, lang: Lang): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  if (h > 0) return translate(lang, 'duration.hours', { h, m: pad(m) });
  if (m > 0) return translate(lang, 'duration.minutes', { m, s: pad(s) });
  return translate(lang, 'duration.seconds', { s });
}

/** A run's duration from its timestamps; null while it runs or if a date is unreadable. */
export function runDuration(
  startedAt: string,
  finishedAt: string | null,
  lang: Lang,
): string | null {
  if (!finishedAt) return null;
  const ms = Date.parse(finishedAt) - Date.parse(startedAt);
  return Number.isFinite(ms) ? formatDuration(ms, lang) : null;
}

/** 已完成 / Succeeded; an unknown status (a newer API) shows as its code. */
export function statusLabel(status: string, lang: Lang): string {
  return isKnownStatus(status) ? translate(lang, `importStatus.${status}`) : status;
}

/** The summary's heading for an end state. */
export function summaryTitle(status: string, lang: Lang): string {
  const key: MessageKey =
    status === 'SUCCEEDED'
      ? 'summaryTitle.SUCCEEDED'
      : status === 'ABANDONED'
        ? 'summaryTitle.ABANDONED'
        : 'summaryTitle.FAILED';
  return translate(lang, key);
}

const FORMAT_KEYS: Readonly<Record<string, MessageKey>> = {
  canonical: 'importFormat.canonical',
  cfpb: 'importFormat.cfpb',
  jsonl: 'importFormat.jsonl',
  feed: 'importFormat.feed',
  intake: 'importFormat.intake',
};

/** 标准格式（CSV / XLSX） / Canonical (CSV / XLSX); an unknown format shows as its code. */
export function formatLabel(format: string, lang: Lang): string {
  const key = FORMAT_KEYS[format];
  return key ? translate(lang, key) : format;
}
