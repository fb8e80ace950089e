// What the API said when a request failed, in one shape: the GraphQL error's
// `extensions.code` (UNAUTHENTICATED, FORBIDDEN, BAD_USER_INPUT, TOO_MANY_REQUESTS, ...),
// the input field it names, and how long to wait when rate limited. Works for errors in a
// 200 response (CombinedGraphQLErrors) and for a non-2xx response (ServerError), whose
// body may still carry GraphQL errors or a Retry-After header.
import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';

export interface ApiError {
  code: string | null;
  /** `extensions.field`, e.g. 'input.password'. */
  field: string | null;
  message: string;
  retryAfterSeconds: number | null;
}

interface FormattedError {
  message?: unknown;
  extensions?: Record<string, unknown> | undefined;
}

const HTTP_CODES: Readonly<Record<number, string>> = {
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  429: 'TOO_MANY_REQUESTS',
};

function seconds(value: unknown): number | null {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? Math.ceil(n) : null;
}

function fromFormatted(e: FormattedError): ApiError {
  const ext = e.extensions ?? {};
  return {
    code: typeof ext['code'] === 'string' ? ext['code'] : null,
    field: typeof ext['field'] === 'string' ? ext['field'] : null,
    message: typeof e.message === 'string' ? e.message : '',
    retryAfterSeconds: seconds(ext['retryAfterSeconds']),
  };
}

function bodyErrors(bodyText: string): FormattedError[] {
  try {
    const body: unknown = JSON.parse(bodyText);
    if (body && typeof body === 'object' && 'errors' in body && Array.isArray(body.errors)) {
      return body.errors.filter((e): e is FormattedError => Boolean(e) && typeof e === 'object');
    }
  } catch {
    // not JSON: the status code is all there is
  }
  return [];
}

/** Every error the API reported for a failed request; empty for a network failure. */
export function apiErrors(error: unknown): ApiError[] {
  if (CombinedGraphQLErrors.is(error)) return error.errors.map(fromFormatted);
  if (ServerError.is(error)) {
    const found = bodyErrors(error.bodyText).map(fromFormatted);
    const header = seconds(error.response.headers.get('retry-after'));
    const byStatus = HTTP_CODES[error.statusCode] ?? null;
    if (found.length === 0 && byStatus) {
      found.push({ code: byStatus, field: null, message: error.message, retryAfterSeconds: null });
    }
    return found.map((e) => ({
      ...e,
      code: e.code ?? byStatus,
      retryAfterSeconds: e.retryAfterSeconds ?? header,
    }));
  }
  return [];
}

/** The first error the API reported, or null (a network failure, a bug). */
export function apiError(error: unknown): ApiError | null {
  return apiErrors(error)[0] ?? null;
}

export function hasErrorCode(error: unknown, code: string): boolean {
  return apiErrors(error).some((e) => e.code === code);
}
