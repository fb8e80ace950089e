import { IntrinsicException } from '@nestjs/common';

// Errors the API means to show. The codes are few and shared by every feature; the
// GraphQL error formatter maps an AppError to `extensions.code` and hides everything else.
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'RANGE_TOO_LONG'
  | 'TOO_MANY_REQUESTS'
  | 'PAYLOAD_TOO_LARGE'
  | 'DATABASE_UNAVAILABLE'
  | 'SHUTTING_DOWN'
  /** The client went away before the answer; nobody reads it (nginx's 499). */
  | 'CLIENT_CLOSED_REQUEST';

/** The HTTP status that goes with each code, for REST responses and GraphQL extensions. */
export function httpStatusOf(code: ErrorCode): number {
  switch (code) {
    case 'BAD_USER_INPUT':
    case 'RANGE_TOO_LONG':
      return 400;
    case 'UNAUTHENTICATED':
      return 401;
    case 'FORBIDDEN':
      return 403;
    case 'NOT_FOUND':
      return 404;
    case 'PAYLOAD_TOO_LARGE':
      return 413;
    case 'TOO_MANY_REQUESTS':
      return 429;
    case 'CLIENT_CLOSED_REQUEST':
      return 499;
    case 'DATABASE_UNAVAILABLE':
    case 'SHUTTING_DOWN':
      return 503;
  }
}

/** Extends IntrinsicException so Nest does not log it as a crash: it is the caller's mistake. */
export class AppError extends IntrinsicException {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}
