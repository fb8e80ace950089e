// The request being served, for code that has no request object at hand: the JSON logger
// stamps each line with its id, and the read router keeps one request on one database.
import { AsyncLocalStorage } from 'node:async_hooks';

export interface RequestContext {
  requestId: string;
  /** Which database answers this request's reads once one was picked (read replicas). */
  readTarget?: number;
}

export const requestContext = new AsyncLocalStorage<RequestContext>();

/** Accepted X-Request-Id values: short, printable, no spaces or quotes. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function isWellFormedRequestId(value: unknown): value is string {
  return typeof value === 'string' && REQUEST_ID.test(value);
}
