// Signed, expiring session tokens: base64url(JSON payload) "." base64url(HMAC-SHA256).
// The payload carries the user's token version, so raising it (logout, password change,
// disabling) revokes every token issued before.
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface TokenPayload {
  sub: number;
  ver: number;
  /** Expiry, seconds since the epoch. */
  exp: number;
}

export type TokenCheck =
  | { ok: true; payload: TokenPayload }
  | { ok: false; reason: 'MALFORMED' | 'SIGNATURE' | 'EXPIRED' };

const sign = (data: string, secret: string) =>
  createHmac('sha256', secret).update(data).digest('base64url');

export function signToken(payload: TokenPayload, secret: string): string {
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${body}.${sign(body, secret)}`;
}

export function verifyToken(token: string, secret: string, now = Date.now()): TokenCheck {
  const [body, signature, extra] = token.split('.');
  if (!body || !signature || extra !== undefined || token.length > 1000)
    return { ok: false, reason: 'MALFORMED' };
  const expected = Buffer.from(sign(body, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    return { ok: false, reason: 'SIGNATURE' };
  let payload: TokenPayload;
  try {
    payload = JSON.parse(Buffer.from(body, 'base64url').toString()) as TokenPayload;
  } catch {
    return { ok: false, reason: 'MALFORMED' };
  }
  if (
    !Number.isInteger(payload.sub) ||
    !Number.isInteger(payload.ver) ||
    !Number.isInteger(payload.exp)
  ) {
    return { ok: false, reason: 'MALFORMED' };
  }
  if (payload.exp * 1000 <= now) return { ok: false, reason: 'EXPIRED' };
  return { ok: true, payload };
}
