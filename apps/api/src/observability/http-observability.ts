// Installed before everything else on the HTTP server: a request id for every request, one
// JSON log line and one latency observation when it ends, and the routes that must answer
// without a session or a healthy database: /health/live, /health/ready and /metrics.
//
// The request log line holds the method, the route pattern (never the raw path or query
// string), the GraphQL operation name and type, the status and the duration: no addresses,
// users, variables or bodies.
import { randomUUID, timingSafeEqual } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Express, NextFunction, Request, Response } from 'express';
import type { DataSource } from 'typeorm';
import type { Env } from '../config/env.js';
import type { JsonLogger } from './json-logger.js';
import type { Lifecycle } from './lifecycle.js';
import type { MetricsService } from './metrics.service.js';
import { dataSourceQuery, OwnConnection, ReadinessCheck } from './health.js';
import { isWellFormedRequestId, requestContext } from './request-context.js';

/** What the GraphQL plugin learns about a request, for its log line and metrics. */
export interface GraphqlRequestInfo {
  operation: string | null;
  type: string;
  failed: boolean;
}

export type ObservedRequest = Request & { graphql?: GraphqlRequestInfo };

export function installObservability(
  app: NestExpressApplication,
  deps: {
    env: Env;
    db: DataSource;
    metrics: MetricsService;
    lifecycle: Lifecycle;
    logger: JsonLogger;
  },
): void {
  const { env, metrics, lifecycle, logger } = deps;
  const express = app.getHttpAdapter().getInstance() as Express;

  express.use((req: ObservedRequest, res: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    const incoming = req.headers['x-request-id'];
    const requestId = isWellFormedRequestId(incoming) ? incoming : randomUUID();
    res.setHeader('X-Request-Id', requestId);
    // While shutting down, requests on open keep-alive connections are still served, but
    // the connection closes after the answer so that the client reconnects elsewhere.
    if (lifecycle.stopping) res.setHeader('Connection', 'close');
    let done = false;
    const finished = () => {
      if (done) return;
      done = true;
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = routeOf(req, res);
      const aborted = !res.writableFinished;
      metrics.httpRequest(req.method, route, res.statusCode, seconds);
      const gq = req.graphql;
      if (route === '/graphql') {
        metrics.graphqlRequest(
          gq ? gq.operation : null,
          gq?.type ?? 'none',
          !gq || gq.failed || res.statusCode >= 400 ? 'error' : 'ok',
          seconds,
        );
      }
      requestContext.run({ requestId }, () =>
        logger.event(res.statusCode >= 500 ? 'warn' : 'log', 'HTTP', 'request', {
          method: req.method,
          route,
          operation: route === '/graphql' ? (gq ? (gq.operation ?? 'anonymous') : null) : undefined,
          operationType: gq?.type,
          status: res.statusCode,
          durationMs: Math.round(seconds * 1e4) / 10,
          aborted: aborted || undefined,
        }),
      );
    };
    // A client that closes the connection before its answer abandons the request: reads
    // it has not started yet are dropped (database/read-gate.ts).
    const abandon = new AbortController();
    res.once('finish', finished);
    res.once('close', () => {
      if (!res.writableFinished) abandon.abort();
      finished();
    });
    requestContext.run({ requestId, arrivedAt: performance.now(), signal: abandon.signal }, next);
  });

  express.get('/health/live', (_req: Request, res: Response) => {
    res.setHeader('Cache-Control', 'no-store');
    res.status(200).json({ status: 'live' });
  });

  const own = env.DATABASE_URL ? new OwnConnection(env.DATABASE_URL) : null;
  // Closed with the HTTP server, whoever closes it (shutdown, tests).
  if (own) app.getHttpServer().once('close', () => void own.close());
  const readiness = new ReadinessCheck(
    own ? own.query : dataSourceQuery(deps.db),
    deps.db.migrations.map((m) => m.name ?? m.constructor.name),
  );
  express.get('/health/ready', (_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Cache-Control', 'no-store');
    readiness.check().then((result) => {
      if (lifecycle.stopping) return res.status(503).json({ ...result, status: 'stopping' });
      res.status(result.status === 'ready' ? 200 : 503).json(result);
    }, next);
  });

  express.get('/metrics', (req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Cache-Control', 'no-store');
    const access = metricsAccess(
      req.socket.remoteAddress,
      req.headers.authorization,
      env.METRICS_TOKEN,
    );
    if (access !== 'ok') {
      return res.status(access === 'unauthorized' ? 401 : 403).json({
        errors: [
          {
            message:
              access === 'unauthorized'
                ? 'send Authorization: Bearer METRICS_TOKEN'
                : 'metrics are served to loopback only unless METRICS_TOKEN is set',
            extensions: { code: access === 'unauthorized' ? 'UNAUTHENTICATED' : 'FORBIDDEN' },
          },
        ],
      });
    }
    metrics.render().then(({ contentType, body }) => {
      res.setHeader('Content-Type', contentType);
      res.status(200).send(body);
    }, next);
  });
}

/**
 * Who may read /metrics. With METRICS_TOKEN set: whoever sends it as a bearer token (from
 * any address, loopback included). Without it: only connections from loopback, judged by
 * the socket's own address (X-Forwarded-For is not believed).
 */
export function metricsAccess(
  remoteAddress: string | undefined,
  authorization: string | undefined,
  token: string | undefined,
): 'ok' | 'unauthorized' | 'forbidden' {
  if (token) {
    const sent = /^Bearer (.+)$/.exec(authorization ?? '')?.[1] ?? '';
    const a = Buffer.from(sent);
    const b = Buffer.from(token);
    return a.length === b.length && timingSafeEqual(a, b) ? 'ok' : 'unauthorized';
  }
  return isLoopback(remoteAddress) ? 'ok' : 'forbidden';
}

function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return v4.startsWith('127.') || address === '::1';
}

const API_PATH = /^\/(graphql|api|health|metrics)(\/|$)/;

/** A bounded label for the request: its route pattern, or what kind of request it was. */
function routeOf(req: Request, res: Response): string {
  if (req.path === '/graphql' || req.originalUrl.startsWith('/graphql')) return '/graphql';
  const route = (req as { route?: { path?: unknown } }).route;
  if (route && typeof route.path === 'string') return `${req.baseUrl ?? ''}${route.path}`;
  if (res.statusCode === 404) return 'unmatched';
  // The built dashboard: its files and index.html for its client-side routes.
  return req.method === 'GET' && !API_PATH.test(req.path) ? 'dashboard' : 'unmatched';
}
