// A graceful stop (SIGTERM, SIGINT): readiness turns 503 and the server stops accepting
// connections at once; requests in flight and running imports get the grace period to
// finish; imports still running then stop at their next row and are marked ABANDONED (their
// committed batches stay, and importing the file again completes it with exact counts);
// connections still open after that are cut; then the database is closed.
import type { Server } from 'node:http';
import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ImportService } from '../ingest/import.service.js';
import { Lifecycle } from './lifecycle.js';

/** After the imports stopped, how long their answers and other requests may still take. */
export const AFTER_IMPORTS_MS = 5000;

export async function shutdownGracefully(
  app: NestExpressApplication,
  graceMs: number,
  logger = new Logger('Shutdown'),
): Promise<void> {
  const started = Date.now();
  const deadline = started + graceMs;
  app.get(Lifecycle).stopping = true;
  const server = app.getHttpServer() as Server;
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  // Keep-alive connections with no request in progress are closed as they fall idle.
  server.closeIdleConnections();
  const sweep = setInterval(() => server.closeIdleConnections(), 100);

  const imports = app.get(ImportService);
  const { finished, abandoned } = await imports.drain(deadline);
  if (finished) logger.log(`${finished} running import(s) finished`);
  if (abandoned)
    logger.warn(
      `${abandoned} import(s) still running after the grace period were marked ABANDONED`,
    );

  const waitUntil = Math.max(deadline, Date.now() + (abandoned ? AFTER_IMPORTS_MS : 0));
  let timer: NodeJS.Timeout | undefined;
  const drained = await Promise.race([
    closed.then(() => true),
    new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), Math.max(0, waitUntil - Date.now()));
    }),
  ]);
  clearTimeout(timer);
  clearInterval(sweep);
  if (!drained) {
    logger.warn('requests still open after the grace period were cut off');
    server.closeAllConnections();
    await closed;
    // A run fed by a cut-off upload ends now (ABANDONED); let it record that.
    await imports.idle(AFTER_IMPORTS_MS);
  }
  await app.close();
  logger.log(`stopped in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
