// Every GraphQL field and REST route passes here: signed in, and in a role that may call it.
import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AppError } from '../graphql/app-error.js';
import { PUBLIC_KEY, requestOf, ROLES_KEY } from './auth.decorators.js';
import type { Role } from './roles.js';

@Injectable()
export class AuthGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(ctx: ExecutionContext): boolean {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const principal = requestOf(ctx).auth?.principal;
    if (!principal) {
      const failure = requestOf(ctx).auth?.failure;
      throw new AppError(
        'UNAUTHENTICATED',
        failure === 'EXPIRED' ? 'the session has expired: sign in again' : 'sign in first',
      );
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(principal.role)) {
      throw new AppError('FORBIDDEN', 'your role may not do this');
    }
    return true;
  }
}
