import { describe, expect, it } from 'vitest';
import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { apiError, apiErrors, hasErrorCode } from './errors';

const graphql = (...errors: { message: string; extensions?: Record<string, unknown> }[]) =>
  new CombinedGraphQLErrors({ data: null, errors });

const server = (status: number, body: string, headers: Record<string, string> = {}) =>
  new ServerError(`Response not successful: Received status code ${status}`, {
    response: new Response(body, { status, headers }),
    bodyText: body,
  });

describe('apiError', () => {
  it('reads code, field and retry time from a GraphQL error', () => {
    expect(
      apiError(
        graphql({
          message: 'at least 12 characters',
          extensions: { code: 'BAD_USER_INPUT', field: 'input.password' },
        }),
      ),
    ).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.password',
      message: 'at least 12 characters',
      retryAfterSeconds: null,
    });
    expect(
      apiError(
        graphql({
          message: 'slow down',
          extensions: { code: 'TOO_MANY_REQUESTS', retryAfterSeconds: 89.2 },
        }),
      )?.retryAfterSeconds,
    ).toBe(90);
  });

  it('reads GraphQL errors from the body of a non-2xx response', () => {
    const body = JSON.stringify({
      errors: [{ message: 'Sign in first', extensions: { code: 'UNAUTHENTICATED' } }],
    });
    expect(apiError(server(401, body))?.code).toBe('UNAUTHENTICATED');
  });

  it('falls back to the status code and Retry-After header', () => {
    const e = apiError(server(429, 'Too Many Requests', { 'Retry-After': '120' }));
    expect(e?.code).toBe('TOO_MANY_REQUESTS');
    expect(e?.retryAfterSeconds).toBe(120);
  });

  it('has nothing to say about a network failure', () => {
    expect(apiError(new TypeError('Failed to fetch'))).toBeNull();
    expect(apiErrors(undefined)).toEqual([]);
  });
});

describe('hasErrorCode', () => {
  it('finds the code among several errors', () => {
    const e = graphql(
      { message: 'a', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
      { message: 'b', extensions: { code: 'UNAUTHENTICATED' } },
    );
    expect(hasErrorCode(e, 'UNAUTHENTICATED')).toBe(true);
    expect(hasErrorCode(e, 'FORBIDDEN')).toBe(false);
  });
});
