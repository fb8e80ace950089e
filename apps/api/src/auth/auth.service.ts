import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ENV } from '../app.tokens.js';
import { AuditService } from '../audit/audit.service.js';
import { ConfigError, type Env } from '../config/env.js';
import { AppError } from '../graphql/app-error.js';
import { randomPassword, verifyPassword } from './password.js';
import { RateLimiter } from './rate-limiter.js';
import type { Principal } from './roles.js';
import { signToken, verifyToken } from './token.js';
import { UsersService, type StoredUser } from './users.service.js';

/** Failed logins allowed per account, and per address, in 15 minutes. */
export const LOGIN_LIMITS = { perAccount: 5, perAddress: 20, windowMs: 15 * 60_000 };

/** A hash to compare against when the e-mail is unknown, so both cases take as long. */
const DUMMY_HASH =
  'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

export type Authentication =
  | { principal: Principal; failure: null }
  | { principal: null; failure: 'NONE' | 'MALFORMED' | 'SIGNATURE' | 'EXPIRED' | 'REVOKED' };

@Injectable()
export class AuthService {
  private readonly logger = new Logger('Auth');
  private readonly secret: string;
  private readonly accountFailures = new RateLimiter(
    LOGIN_LIMITS.perAccount,
    LOGIN_LIMITS.windowMs,
  );
  private readonly addressFailures = new RateLimiter(
    LOGIN_LIMITS.perAddress,
    LOGIN_LIMITS.windowMs,
  );

  constructor(
    @Inject(ENV) private readonly env: Env,
    private readonly users: UsersService,
    private readonly audit: AuditService,
  ) {
    // Outside production a missing secret is made up per process: sessions end on restart.
    this.secret = env.TOKEN_SECRET ?? randomBytes(32).toString('base64url');
  }

  get tokenTtlMs(): number {
    return this.env.TOKEN_TTL_HOURS * 3_600_000;
  }

  async login(email: string, password: string, ip: string | null) {
    const account = email.normalize('NFKC').trim().toLowerCase().slice(0, 200);
    const wait = Math.max(
      this.accountFailures.retryAfter(account),
      this.addressFailures.retryAfter(ip ?? '?'),
    );
    if (wait > 0) {
      await this.audit.record({ actor: null, action: 'LOGIN_RATE_LIMITED', target: account, ip });
      throw new AppError('TOO_MANY_REQUESTS', `too many failed logins: try again in ${wait} s`, {
        retryAfterSeconds: wait,
      });
    }
    const user = await this.users.byEmail(account);
    const ok = await verifyPassword(password.slice(0, 1000), user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok || user.disabled) {
      this.accountFailures.hit(account);
      this.addressFailures.hit(ip ?? '?');
      await this.audit.record({
        actor: null,
        action: 'LOGIN_FAILED',
        target: account,
        ip,
        details: {
          reason: !user ? 'unknown account' : user.disabled ? 'disabled' : 'wrong password',
        },
      });
      // One message for every reason: it must not tell which accounts exist.
      throw new AppError('UNAUTHENTICATED', 'wrong e-mail or password');
    }
    this.accountFailures.reset(account);
    await this.users.touchLogin(user.id);
    await this.audit.record({ actor: user, action: 'LOGIN', ip });
    const expiresAt = new Date(Date.now() + this.tokenTtlMs);
    const token = signToken(
      { sub: user.id, ver: user.tokenVersion, exp: Math.floor(expiresAt.getTime() / 1000) },
      this.secret,
    );
    return { token, expiresAt, user: await this.users.publicUser(user.id) };
  }

  async logout(principal: Principal, ip: string | null): Promise<void> {
    await this.users.revokeSessions(principal.id);
    await this.audit.record({ actor: principal, action: 'LOGOUT', ip });
  }

  /** Who a token belongs to, or why it does not count. */
  async authenticate(token: string | null): Promise<Authentication> {
    if (!token) return { principal: null, failure: 'NONE' };
    const check = verifyToken(token, this.secret);
    if (!check.ok) return { principal: null, failure: check.reason };
    const user = await this.users.byId(check.payload.sub);
    if (!user || user.disabled || user.tokenVersion !== check.payload.ver)
      return { principal: null, failure: 'REVOKED' };
    return { principal: toPrincipal(user), failure: null };
  }

  /**
   * The first admin: from ADMIN_EMAIL and ADMIN_PASSWORD, or else (outside production) one
   * with a random password printed once. There is no default password anywhere.
   */
  async ensureFirstAdmin(): Promise<void> {
    if ((await this.users.count()) > 0) return;
    if (this.env.ADMIN_EMAIL && this.env.ADMIN_PASSWORD) {
      await this.users.create(
        { email: this.env.ADMIN_EMAIL, password: this.env.ADMIN_PASSWORD, role: 'ADMIN' },
        null,
        null,
      );
      // Logs hold no e-mail addresses.
      this.logger.log('created the first admin from ADMIN_EMAIL');
      return;
    }
    if (this.env.NODE_ENV === 'production') {
      throw new ConfigError([
        'ADMIN_EMAIL: no user exists: set ADMIN_EMAIL and ADMIN_PASSWORD to create the first admin',
      ]);
    }
    const password = randomPassword();
    await this.users.create({ email: 'admin@localhost', password, role: 'ADMIN' }, null, null);
    console.log(
      `\n  First admin created. Sign in with\n    e-mail:   admin@localhost\n    password: ${password}\n` +
        `  This password is shown once; change it on the Users page.\n`,
    );
  }
}

export function toPrincipal(user: StoredUser): Principal {
  return {
    id: user.id,
    email: user.email,
    role: user.role,
    provinceCodes: user.provinceCodes,
    institutionIds: user.institutionIds.map(Number),
  };
}
