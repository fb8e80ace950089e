import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuditController } from '../audit/audit.controller.js';
import { AuditResolver } from '../audit/audit.resolver.js';
import { AuditService } from '../audit/audit.service.js';
import { AuthGuard } from './auth.guard.js';
import { AuthResolver } from './auth.resolver.js';
import { AuthService } from './auth.service.js';
import { UsersService } from './users.service.js';

@Global()
@Module({
  controllers: [AuditController],
  providers: [
    AuditService,
    AuditResolver,
    UsersService,
    AuthService,
    AuthResolver,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [AuditService, AuthService, UsersService],
})
export class AuthModule {}
