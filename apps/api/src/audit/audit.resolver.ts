import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { Roles } from '../auth/auth.decorators.js';
import { AuditEntryConnection } from './audit.model.js';
import { AuditService } from './audit.service.js';

@Resolver()
export class AuditResolver {
  constructor(private readonly audit: AuditService) {}

  @Roles('ADMIN')
  @Query(() => AuditEntryConnection, { description: 'The audit log, newest first' })
  auditLog(
    @Args('first', { type: () => Int, defaultValue: 50 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @Args('action', { type: () => String, nullable: true }) action: string | null,
  ): Promise<AuditEntryConnection> {
    return this.audit.page(first, after, action);
  }
}
