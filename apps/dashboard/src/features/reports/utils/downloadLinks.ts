// Links to the API's report and export downloads: the filter as query parameters in the
// shape GET /api/reports/quarterly and GET /api/exports/complaints read (lists comma-joined).
import { normalizeFilter, type ComplaintFilter, type Lang } from '@cw/domain';

export const REPORT_FORMATS = ['pdf', 'xlsx', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

function filterParams(filter: ComplaintFilter): string[] {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(normalizeFilter(filter))) {
    const text = Array.isArray(value) ? value.join(',') : String(value);
    parts.push(`${key}=${encodeURIComponent(text)}`);
  }
  return parts;
}

/** The report for the filter's range (its from and to must be set). */
export function reportLink(filter: ComplaintFilter, format: ReportFormat, lang: Lang): string {
  return `/api/reports/quarterly?${[...filterParams(filter), `format=${format}`, `lang=${lang}`].join('&')}`;
}

export function complaintsExportLink(
  filter: ComplaintFilter,
  format: ExportFormat,
  lang: Lang,
): string {
  return `/api/exports/complaints?${[...filterParams(filter), `format=${format}`, `lang=${lang}`].join('&')}`;
}

/** The file name a Content-Disposition header gives, or `fallback`. */
export function attachmentName(disposition: string | null, fallback: string): string {
  const m = /filename="([^"]+)"/.exec(disposition ?? '');
  return m?.[1] ?? fallback;
}
