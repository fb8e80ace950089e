// The request being served, for code that has no request object at hand: the JSON logger
// stamps each line with its id, and the read router keeps one request on one database.
import { AsyncLocalStorage } from 'node:async_hooks';

export interface RequestContext {
  requestId: string;
  /** When the request arrived (performance.now()): its reads queue by it (read-gate.ts). */
  arrivedAt?: number;
  /** Aborted when the client closes the connection before the answer is sent. */
  signal?: AbortSignal;
  /** Which database answers this request's reads once one was picked (read replicas). */
  readTarget?: number;
  /** The data version this request's cached figures are read at (count-cache.ts). */
  dataVersion?: Promise<string>;
}

export const requestContext = new AsyncLocalStorage<RequestContext>();

/** Accepted X-Request-Id values: short, printable, no spaces or quotes. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function isWellFormedRequestId(value: unknown): value is string {
  return typeof value === 'string' && REQUEST_ID.test(value);
}
