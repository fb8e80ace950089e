import { IntrinsicException } from '@nestjs/common';

// Errors the API means to show. The codes are few and shared by every feature; the
// GraphQL error formatter maps an AppError to `extensions.code` and hides everything else.
export type ErrorCode = 'BAD_USER_INPUT' | 'NOT_FOUND' | 'RANGE_TOO_LONG' | 'DATABASE_UNAVAILABLE';

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
