import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { AuthenticatedRequest } from './request-principal.js';
import { AppError } from '../graphql/app-error.js';
import { scopeOf, type Role, type Scope } from './roles.js';

export const PUBLIC_KEY = 'auth:public';
export const ROLES_KEY = 'auth:roles';

/** Open to callers who are not signed in (login, me). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** Only these roles; without it any signed-in user may call. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

export function requestOf(ctx: ExecutionContext): AuthenticatedRequest {
  if (ctx.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(ctx).getContext<{ req: AuthenticatedRequest }>().req;
  }
  return ctx.switchToHttp().getRequest<AuthenticatedRequest>();
}

/** The signed-in principal (the guard guarantees one on non-public handlers). */
export const CurrentPrincipal = createParamDecorator(
  (_: unknown, ctx: ExecutionContext) => requestOf(ctx).auth?.principal ?? null,
);

/** The calling address, for the audit log. */
export const ClientIp = createParamDecorator((_: unknown, ctx: ExecutionContext) => {
  const req = requestOf(ctx);
  return req.ip ?? req.socket.remoteAddress ?? null;
});

/** The complaints the caller may read (see roles.ts). */
export const CurrentScope = createParamDecorator((_: unknown, ctx: ExecutionContext): Scope => {
  const principal = requestOf(ctx).auth?.principal;
  if (!principal) throw new AppError('UNAUTHENTICATED', 'sign in first');
  return scopeOf(principal);
});
