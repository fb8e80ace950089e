import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Response } from 'express';
import { Inject } from '@nestjs/common';
import { ENV } from '../app.tokens.js';
import type { Env } from '../config/env.js';
import { AppError } from '../graphql/app-error.js';
import { ClientIp, CurrentPrincipal, Public, Roles } from './auth.decorators.js';
import { AuthService } from './auth.service.js';
import { SESSION_COOKIE } from './request-principal.js';
import type { Principal } from './roles.js';
import { CreateUserInput, LoginResult, UpdateUserInput, User } from './user.model.js';
import { UsersService } from './users.service.js';

@Resolver(() => User)
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly usersService: UsersService,
    @Inject(ENV) private readonly env: Env,
  ) {}

  @Public()
  @Query(() => User, { nullable: true, description: 'The signed-in user, or null' })
  async me(@CurrentPrincipal() principal: Principal | null): Promise<User | null> {
    return principal ? this.usersService.publicUser(principal.id) : null;
  }

  @Public()
  @Mutation(() => LoginResult, {
    description: 'Returns a token for API clients and sets an HttpOnly session cookie for browsers',
  })
  async login(
    @Args('email') email: string,
    @Args('password') password: string,
    @ClientIp() ip: string | null,
    @Context('res') res: Response,
  ): Promise<LoginResult> {
    if (email.length > 200 || password.length > 1000)
      throw new AppError('UNAUTHENTICATED', 'wrong e-mail or password');
    const result = await this.auth.login(email, password, ip);
    res.cookie(SESSION_COOKIE, result.token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.env.NODE_ENV === 'production',
      path: '/',
      maxAge: this.auth.tokenTtlMs,
    });
    return result;
  }

  @Mutation(() => Boolean, { description: 'Ends every session of the signed-in user' })
  async logout(
    @CurrentPrincipal() principal: Principal,
    @ClientIp() ip: string | null,
    @Context('res') res: Response,
  ): Promise<boolean> {
    await this.auth.logout(principal, ip);
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    return true;
  }

  @Roles('ADMIN')
  @Query(() => [User])
  users(): Promise<User[]> {
    return this.usersService.list();
  }

  @Roles('ADMIN')
  @Mutation(() => User)
  createUser(
    @Args('input') input: CreateUserInput,
    @CurrentPrincipal() principal: Principal,
    @ClientIp() ip: string | null,
  ): Promise<User> {
    return this.usersService.create(input, principal, ip);
  }

  @Roles('ADMIN')
  @Mutation(() => User)
  updateUser(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateUserInput,
    @CurrentPrincipal() principal: Principal,
    @ClientIp() ip: string | null,
  ): Promise<User> {
    return this.usersService.update(toId(id), input, principal, ip);
  }

  @Roles('ADMIN')
  @Mutation(() => User)
  disableUser(
    @Args('id', { type: () => ID }) id: string,
    @CurrentPrincipal() principal: Principal,
    @ClientIp() ip: string | null,
  ): Promise<User> {
    return this.usersService.disable(toId(id), principal, ip);
  }
}

function toId(id: string): number {
  if (!/^\d{1,9}$/.test(id))
    throw new AppError('BAD_USER_INPUT', 'id: must be a user id', { field: 'id' });
  return Number(id);
}
