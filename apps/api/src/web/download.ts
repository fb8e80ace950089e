// Headers and error handling shared by file downloads (reports, exports).
import type { Response } from 'express';
import { badParam, type QueryParams } from './filter-query.js';

/** Sets the headers of a file download; `name` is ASCII (our own file names). */
export function startDownload(
  res: Response,
  name: string,
  contentType: string,
  bytes?: number,
): void {
  res.setHeader('Content-Type', contentType);
  res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
  res.setHeader('Cache-Control', 'no-store');
  if (bytes !== undefined) res.setHeader('Content-Length', String(bytes));
}

/**
 * Writes a file with `write`. An error before the first byte is thrown for the REST error
 * handler to answer; after it, the connection is cut, so that a client never takes a
 * truncated file for a whole one.
 */
export async function sendFile(res: Response, write: () => Promise<void>): Promise<void> {
  try {
    await write();
  } catch (e) {
    if (!res.headersSent) {
      res.removeHeader('Content-Disposition');
      throw e;
    }
    res.destroy(e as Error);
  }
}

/** Refuses parameters a download does not know: a misspelt filter must not widen a report. */
export function checkKnownParams(query: QueryParams, known: readonly string[]): void {
  for (const key of Object.keys(query))
    if (!known.includes(key))
      throw badParam(key, `is not a parameter of this download (known: ${known.join(', ')})`);
}
