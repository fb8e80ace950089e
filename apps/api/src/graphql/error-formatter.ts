// The one place GraphQL errors are shaped for clients: known errors keep their code and
// message; anything unexpected becomes INTERNAL_SERVER_ERROR with no SQL or stack trace.
import { Logger } from '@nestjs/common';
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { AppError, httpStatusOf } from './app-error.js';

const logger = new Logger('GraphQL');

/** Codes that graphql-js and Apollo produce for bad requests; safe to pass through. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

export function formatGraphqlError(
  formatted: GraphQLFormattedError,
  error: unknown,
): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof AppError) {
    return {
      message: original.message,
      path: formatted.path,
      extensions: {
        code: original.code,
        httpStatus: httpStatusOf(original.code),
        ...original.details,
      },
    };
  }
  if (isDatabaseUnavailable(original)) {
    return {
      message: 'the database is busy or unreachable: try again shortly',
      path: formatted.path,
      extensions: { code: 'DATABASE_UNAVAILABLE', httpStatus: 503 },
    };
  }
  const code = formatted.extensions?.['code'];
  if (typeof code === 'string' && REQUEST_ERROR_CODES.has(code)) {
    return {
      message: formatted.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code },
    };
  }
  logger.error(original instanceof Error ? (original.stack ?? original.message) : String(original));
  return {
    message: 'Internal server error',
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}

/** Errors that mean "no database connection now", not a fault of the request or the code. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const e = error as {
    code?: string;
    name?: string;
    message?: string;
    driverError?: { code?: string };
  } | null;
  const code = e?.code ?? e?.driverError?.code ?? '';
  const message = e?.message ?? '';
  return (
    UNAVAILABLE_CODES.has(code) ||
    code.startsWith('08') || // connection exception
    (code === '55000' && /not currently accepting connections/.test(message)) ||
    e?.name === 'EmbeddedBusyError' ||
    /timeout exceeded when trying to connect|Connection terminated|connect ECONNREFUSED/.test(
      message,
    )
  );
}

const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  '57P01', // admin shutdown
  '57P02', // crash shutdown
  '57P03', // cannot connect now (starting up, shutting down, in recovery)
  '53300', // too many connections
]);
