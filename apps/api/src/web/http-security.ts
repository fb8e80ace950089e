// The HTTP front door, in the order requests meet it: security headers, CORS (closed
// unless origins are listed), body size limits, who is calling, CSRF for cookie sessions,
// and a request budget per caller on GraphQL.
import cookieParser from 'cookie-parser';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AuthService } from '../auth/auth.service.js';
import { ipOf, tokenOf, type AuthenticatedRequest } from '../auth/request-principal.js';
import { RateLimiter } from '../auth/rate-limiter.js';
import type { Env } from '../config/env.js';
import { AppError, httpStatusOf, type ErrorCode } from '../graphql/app-error.js';
import { isDatabaseUnavailable } from '../graphql/error-formatter.js';
import { DATABASE_RETRY_AFTER_SECONDS } from '../observability/graphql-observability.plugin.js';

/** Largest JSON body (GraphQL requests): 1 MiB. File uploads have their own limits. */
export const JSON_BODY_LIMIT_BYTES = 1024 * 1024;

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function sendError(
  res: Response,
  code: ErrorCode,
  message: string,
  extra: Record<string, unknown> = {},
): void {
  res.status(httpStatusOf(code)).json({ errors: [{ message, extensions: { code, ...extra } }] });
}

export function installHttpSecurity(
  app: NestExpressApplication,
  env: Env,
  auth: AuthService,
): void {
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          // Charts set inline style attributes.
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          connectSrc: ["'self'"],
          frameAncestors: ["'none'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          upgradeInsecureRequests: env.NODE_ENV === 'production' ? [] : null,
        },
      },
      strictTransportSecurity: env.NODE_ENV === 'production',
      referrerPolicy: { policy: 'no-referrer' },
    }),
  );
  if (env.CORS_ORIGINS.length) {
    app.enableCors({ origin: env.CORS_ORIGINS, credentials: true, maxAge: 600 });
  }
  app.use(cookieParser());
  app.use(express.json({ limit: JSON_BODY_LIMIT_BYTES }));
  app.use(
    (
      err: Error & { type?: string; status?: number },
      _req: Request,
      res: Response,
      next: NextFunction,
    ) => {
      if (err.type === 'entity.too.large') {
        return sendError(
          res,
          'PAYLOAD_TOO_LARGE',
          `request body is larger than ${JSON_BODY_LIMIT_BYTES} bytes`,
        );
      }
      if (err.type === 'entity.parse.failed')
        return sendError(res, 'BAD_USER_INPUT', 'request body is not valid JSON');
      next(err);
    },
  );

  // Who is calling (once per request).
  app.use((req: AuthenticatedRequest, _res: Response, next: NextFunction) => {
    const { token, fromCookie } = tokenOf(req);
    auth.authenticate(token).then((result) => {
      req.auth = result;
      req.cookieAuth = fromCookie && result.principal !== null;
      next();
    }, next);
  });
  // Checking a session reads the database: when it is down, say so at once (503).
  app.use((err: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (!isDatabaseUnavailable(err)) return next(err);
    res.setHeader('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
    sendError(
      res,
      'DATABASE_UNAVAILABLE',
      'the database is busy or unreachable: try again shortly',
    );
  });

  // A browser session may only change things from our own pages: cross-site requests
  // carry another Origin. (Apollo also refuses simple cross-site GraphQL requests.)
  app.use((req: AuthenticatedRequest, res: Response, next: NextFunction) => {
    if (!req.cookieAuth || !UNSAFE_METHODS.has(req.method)) return next();
    const origin = req.headers.origin;
    const site = req.headers['sec-fetch-site'];
    const own = `${req.protocol}://${req.headers.host}`;
    const allowed = !origin
      ? site === undefined || site === 'same-origin' || site === 'none'
      : origin === own || env.CORS_ORIGINS.includes(origin);
    if (!allowed) return sendError(res, 'FORBIDDEN', 'cross-site request refused');
    next();
  });

  const budget = new RateLimiter(env.RATE_LIMIT_PER_MINUTE, 60_000);
  app.use('/graphql', (req: AuthenticatedRequest, res: Response, next: NextFunction) => {
    const key = req.auth?.principal ? `user:${req.auth.principal.id}` : `ip:${ipOf(req) ?? '?'}`;
    const wait = budget.retryAfter(key);
    if (wait > 0) {
      res.setHeader('Retry-After', String(wait));
      return sendError(res, 'TOO_MANY_REQUESTS', `too many requests: try again in ${wait} s`, {
        retryAfterSeconds: wait,
      });
    }
    budget.hit(key);
    next();
  });
}

/** REST errors: an AppError keeps its code and message; nothing else leaks. */
export function restErrorBody(error: unknown): {
  status: number;
  code: ErrorCode | 'INTERNAL_SERVER_ERROR';
  message: string;
} {
  if (error instanceof AppError)
    return { status: httpStatusOf(error.code), code: error.code, message: error.message };
  return { status: 500, code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' };
}
