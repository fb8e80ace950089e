// Who is calling: read once per HTTP request from `Authorization: Bearer` or the session
// cookie, and kept on the request for the guard, the resolvers and the audit log.
import type { Request } from 'express';
import type { Authentication } from './auth.service.js';
import type { Principal } from './roles.js';

export const SESSION_COOKIE = 'cw_session';

export interface AuthenticatedRequest extends Request {
  auth?: Authentication;
  /** True when the credentials came from the cookie (a browser): CSRF rules apply. */
  cookieAuth?: boolean;
}

export function tokenOf(req: Request): { token: string | null; fromCookie: boolean } {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return { token: header.slice(7).trim(), fromCookie: false };
  const cookie = (req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
  return { token: cookie ?? null, fromCookie: Boolean(cookie) };
}

export function principalOf(req: AuthenticatedRequest): Principal | null {
  return req.auth?.principal ?? null;
}

/** The caller's address as Express sees it (set `trust proxy` behind a reverse proxy). */
export function ipOf(req: Request): string | null {
  return req.ip ?? req.socket.remoteAddress ?? null;
}
