// The upload's HTTP contract (POST /api/imports): where to send the file, how to read the
// 202 answer, and what a refusal means for the page.
import type { Lang } from '@cw/domain';
import { translate } from '../../../app/i18n';
import type { ImportCounts, ImportRowError } from '../graphql/importRun';
import type { ImportFormat, ImportSource } from './importFile';
import { formatBytes } from './importProgress';

export const IMPORTS_URL = '/api/imports';

export function importUrl(format: ImportFormat, source: ImportSource): string {
  const query = new URLSearchParams({ format, source });
  return `${IMPORTS_URL}?${query.toString()}`;
}

/** All rejected rows of a run, as CSV. */
export function rejectedCsvUrl(runId: string): string {
  return `${IMPORTS_URL}/${encodeURIComponent(runId)}/rejected.csv`;
}

/** The headers sent with the raw file: the name travels percent-encoded. */
export function uploadHeaders(filename: string): Record<string, string> {
  return {
    'Content-Type': 'application/octet-stream',
    'X-Filename': encodeURIComponent(filename),
  };
}

/** The 202 answer: the run as it stands (finished already for a small file). */
export interface UploadResult extends ImportCounts {
  id: string;
  status: string;
  errors: ImportRowError[];
  error: string | null;
}

const COUNTERS = ['read', 'inserted', 'updated', 'unchanged', 'skipped', 'rejected'] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function rowError(value: unknown): ImportRowError | null {
  if (!isRecord(value)) return null;
  const rowNumber = Number(value['rowNumber']);
  if (!Number.isFinite(rowNumber)) return null;
  const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  return {
    rowNumber,
    field: text(value['field']),
    value: text(value['value']),
    reason: text(value['reason']),
  };
}

/** The 202 body, checked; null when it is not what the API promises. */
export function parseUploadResult(bodyText: string): UploadResult | null {
  let body: unknown;
  try {
    body = JSON.parse(bodyText);
  } catch {
    return null;
  }
  if (!isRecord(body)) return null;
  const id = body['id'];
  const status = body['status'];
  if ((typeof id !== 'string' && typeof id !== 'number') || typeof status !== 'string') return null;
  const counts = {} as ImportCounts;
  for (const key of COUNTERS) {
    const n = Number(body[key] ?? 0);
    counts[key] = Number.isFinite(n) ? n : 0;
  }
  const errors = Array.isArray(body['errors'])
    ? body['errors'].map(rowError).filter((e): e is ImportRowError => e !== null)
    : [];
  const error = typeof body['error'] === 'string' && body['error'] !== '' ? body['error'] : null;
  return { id: String(id), status, ...counts, errors, error };
}

export type UploadFailure =
  | { kind: 'tooLarge'; maxBytes: number | null }
  | { kind: 'badRequest'; code: string | null; message: string }
  | { kind: 'unauthenticated' }
  | { kind: 'forbidden' }
  | { kind: 'server'; status: number }
  | { kind: 'network' }
  | { kind: 'badResponse' };

interface BodyError {
  message: string;
  code: string | null;
  extensions: Record<string, unknown>;
}

function firstBodyError(bodyText: string): BodyError | null {
  try {
    const body: unknown = JSON.parse(bodyText);
    const first: unknown =
      isRecord(body) && Array.isArray(body['errors'])
        ? body['errors'][0]
        : isRecord(body) && typeof body['message'] === 'string'
          ? body
          : null;
    if (!isRecord(first)) return null;
    const extensions = isRecord(first['extensions']) ? first['extensions'] : {};
    return {
      message: typeof first['message'] === 'string' ? first['message'] : '',
      code: typeof extensions['code'] === 'string' ? extensions['code'] : null,
      extensions,
    };
  } catch {
    return null;
  }
}

/** What a non-202 answer means, from its status and (JSON) body. */
export function uploadFailure(status: number, bodyText: string): UploadFailure {
  const error = firstBodyError(bodyText);
  const code = error?.code ?? null;
  if (status === 413 || code === 'PAYLOAD_TOO_LARGE') {
    const max = Number(error?.extensions['maxBytes']);
    return { kind: 'tooLarge', maxBytes: Number.isFinite(max) && max > 0 ? max : null };
  }
  if (status === 401 || code === 'UNAUTHENTICATED') return { kind: 'unauthenticated' };
  if (status === 403 || code === 'FORBIDDEN') return { kind: 'forbidden' };
  if (status === 0) return { kind: 'network' };
  if (status >= 400 && status < 500) {
    return { kind: 'badRequest', code, message: error?.message || `HTTP ${status}` };
  }
  return { kind: 'server', status };
}

/** What the page says about a failed upload (null: handled elsewhere, by a redirect or page). */
export function uploadFailureMessage(failure: UploadFailure, lang: Lang): string | null {
  switch (failure.kind) {
    case 'tooLarge':
      return failure.maxBytes
        ? translate(lang, 'uploadErr.tooLargeMax', { max: formatBytes(failure.maxBytes, lang) })
        : translate(lang, 'uploadErr.tooLarge');
    case 'badRequest':
      return translate(lang, 'uploadErr.badRequest', { message: failure.message });
    case 'server':
      return translate(lang, 'uploadErr.server', { status: failure.status });
    case 'network':
      return translate(lang, 'uploadErr.network');
    case 'badResponse':
      return translate(lang, 'uploadErr.response');
    case 'unauthenticated':
    case 'forbidden':
      return null;
  }
}
