// Serves the built dashboard from the API's own port: its files, and index.html for every
// other GET that a browser navigates to (client-side routes), but never for API paths.
// The build writes brotli and gzip copies beside each script and style sheet
// (apps/dashboard/vite.config.ts): those are sent as they are, never compressed per request.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import compression from 'compression';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';

const API_PATHS = /^\/(graphql|api|health|metrics)(\/|$)/;

/** Hashed asset names never change content: browsers keep them for a year. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** The compressed copies the build writes beside an asset, in order of preference. */
const ENCODINGS = [
  { encoding: 'br', suffix: '.br' },
  { encoding: 'gzip', suffix: '.gz' },
] as const;
type Encoding = (typeof ENCODINGS)[number]['encoding'];

/**
 * The encoding to send, of those `available` (best first): the one the Accept-Encoding
 * header rates highest, the server's order breaking ties (browsers list gzip before br
 * at the same weight), or null when none is acceptable.
 */
export function chooseEncoding(
  header: string | undefined,
  available: readonly Encoding[],
): Encoding | null {
  const weights = new Map<string, number>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.split(';').map((p) => p.trim().toLowerCase());
    if (!name) continue;
    const q = params.find((p) => p.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    weights.set(name, Number.isFinite(weight) ? weight : 0);
  }
  let best: Encoding | null = null;
  let bestWeight = 0;
  for (const encoding of available) {
    const weight = weights.get(encoding) ?? weights.get('*') ?? 0;
    if (weight > bestWeight) [best, bestWeight] = [encoding, weight];
  }
  return best;
}

/**
 * The assets that have compressed copies, by URL path (`/assets/index-1a2b.js`): the copies'
 * files by encoding. Read once at start: the set of files is fixed by the build, and only a
 * name found here is ever served this way.
 */
export function precompressedAssets(dir: string): Map<string, Partial<Record<Encoding, string>>> {
  const assets = path.join(dir, 'assets');
  const found = new Map<string, Partial<Record<Encoding, string>>>();
  if (!existsSync(assets)) return found;
  const names = new Set(readdirSync(assets));
  for (const name of names) {
    const copies: Partial<Record<Encoding, string>> = {};
    for (const { encoding, suffix } of ENCODINGS)
      if (names.has(name + suffix)) copies[encoding] = path.join(assets, name + suffix);
    if (Object.keys(copies).length) found.set(`/assets/${name}`, copies);
  }
  return found;
}

/** Where `npm run build` puts the dashboard, relative to this file in src/ or dist/. */
export function defaultDashboardDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  return path.resolve(here, '../../../dashboard/dist');
}

/** Returns false when there is no built dashboard to serve. */
export function serveDashboard(app: NestExpressApplication, dir: string): boolean {
  const index = path.join(dir, 'index.html');
  if (!existsSync(index)) return false;
  // First: a hashed asset the build compressed goes out as it is, in the best encoding the
  // browser takes. Any other file, or a browser that takes neither, falls through.
  const precompressed = precompressedAssets(dir);
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const copies = precompressed.get(req.path);
    if (!copies) return next();
    const encoding = chooseEncoding(
      req.headers['accept-encoding'],
      ENCODINGS.map((e) => e.encoding).filter((e) => copies[e]),
    );
    res.setHeader('Vary', 'Accept-Encoding');
    if (!encoding) return next();
    res.type(path.extname(req.path));
    res.setHeader('Content-Encoding', encoding);
    res.setHeader('Cache-Control', IMMUTABLE);
    res.sendFile(copies[encoding]!, { cacheControl: false }, (err?: Error) => {
      // The copy went missing after start: the plain file below is still right.
      if (err && !res.headersSent) {
        res.removeHeader('Content-Encoding');
        next();
      }
    });
  });
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
        file.includes(`${path.sep}assets${path.sep}`) ? IMMUTABLE : 'no-cache',
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
