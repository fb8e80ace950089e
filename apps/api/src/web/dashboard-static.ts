// Serves the built dashboard from the API's own port: its files, and index.html for every
// other GET that a browser navigates to (client-side routes), but never for API paths.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import compression from 'compression';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';

const API_PATHS = /^\/(graphql|api|health|metrics)(\/|$)/;

/** Where `npm run build` puts the dashboard, relative to this file in src/ or dist/. */
export function defaultDashboardDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  return path.resolve(here, '../../../dashboard/dist');
}

/** Returns false when there is no built dashboard to serve. */
export function serveDashboard(app: NestExpressApplication, dir: string): boolean {
  const index = path.join(dir, 'index.html');
  if (!existsSync(index)) return false;
  // File downloads are not compressed: a CSV export streams at PostgreSQL's own speed
  // instead of waiting on gzip, and XLSX, zip and PDF are compressed already.
  app.use(
    compression({
      filter: (req, res) => !res.getHeader('Content-Disposition') && compression.filter(req, res),
    }),
  );
  // Hashed asset names never change content: cache them for a year; index.html never.
  app.useStaticAssets(dir, {
    index: false,
    setHeaders: (res, file) => {
      res.setHeader(
        'Cache-Control',
        file.includes(`${path.sep}assets${path.sep}`)
          ? 'public, max-age=31536000, immutable'
          : 'no-cache',
      );
    },
  });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || API_PATHS.test(req.path) || !req.accepts('html')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return true;
}
